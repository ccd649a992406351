import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Label, TimeStatus } from './types';
import { call, client } from '../api/client';

/** The code lists (item types, events, ratings) once per session. */
export function useCodes() {
  return useQuery({ queryKey: ['svc-codes'], queryFn: () => call(client.GET('/api/services/codes')), staleTime: Infinity });
}

/** A bilingual label from the server in the page's language. */
export function useLabel() {
  const { i18n } = useTranslation();
  return (l: Label | undefined | null) => (l ? (i18n.language === 'en' ? l.en : l.zh) : '');
}

/** An item's name in the page's language (Chinese when no English name was given). */
export function useItemName() {
  const { i18n } = useTranslation();
  return (i: { name: string; nameEn?: string | null }) => (i18n.language === 'en' && i.nameEn ? i.nameEn : i.name);
}

const COLORS: Record<TimeStatus, string> = { ok: 'green', warning: 'orange', overdue: 'red', paused: 'blue', done: 'default' };

/** 正常 / 即将到期 / 已超期 / 暂停计时, coloured and in words (never colour alone). */
export function TimeTag({ status }: { status: TimeStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status]}>{t(`svc.timeStatus.${status}`)}</Tag>;
}

/** A time in China Standard Time, the way the offices read it. */
export function when(iso: string | null | undefined, lang: string): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}
