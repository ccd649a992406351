import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATE_COLOURS } from './types';

/** A 公文's state as a coloured tag; a state the page does not know yet shows its code. */
export function StateTag({ state, zh, en }: { state: string; zh?: string; en?: string }) {
  const { t, i18n } = useTranslation();
  const server = i18n.language === 'en' ? en : zh;
  return <Tag color={STATE_COLOURS[state] ?? 'default'}>{server || t(`offdoc.states.${state}`, { defaultValue: state })}</Tag>;
}

/** 紧急程度 and 密级 as red tags, as they are printed in red on the 版头. */
export function MarkTags({ urgency, secrecy }: { urgency?: string | null; secrecy?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      {urgency && <Tag color="red">{t(`offdoc.urgencies.${urgency}`, { defaultValue: urgency })}</Tag>}
      {secrecy && <Tag color="orange">{t(`offdoc.secrecies.${secrecy}`, { defaultValue: secrecy })}</Tag>}
    </>
  );
}

/** A time as people read it here: China time, in the page's language. */
export function when(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
}
