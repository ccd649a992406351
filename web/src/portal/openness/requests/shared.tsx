import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../../api/client';

export type RequestDetailData = Answer<'/api/openness/requests/{id}'>;
export type RequestListItem = Answer<'/api/openness/requests'>['items'][number];

/** Tag colours with AA contrast (blue/geekblue/purple/red or default only). */
const STATE_COLOURS: Record<string, string | undefined> = { processing: 'blue', correcting: 'purple', consulting: 'geekblue', answered: undefined, closed: undefined };
const LIGHT_COLOURS: Record<string, string | undefined> = { green: 'blue', yellow: 'purple', red: 'red' };

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid="gkreq-state">
      {t(`gkreq.states.${state}`, { defaultValue: state })}
    </Tag>
  );
}

/** The clock's light in words (never colour alone). */
export function LightTag({ light }: { light: string | null }) {
  const { t } = useTranslation();
  if (!light) return null;
  return (
    <Tag color={LIGHT_COLOURS[light]} data-testid="gkreq-light">
      {t(`gkreq.lights.${light}`)}
    </Tag>
  );
}

export const when = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en' : 'zh-CN', { hour12: false }) : '—');
/** A deadline is the end of a China working day: show the day. */
export const dayOf = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '—');
