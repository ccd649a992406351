import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryRow } from './types';
import { useLabel, when } from './labels';

/** The whole history of an application, newest last, each step with who, when and why. */
export function History({ rows }: { rows: HistoryRow[] }) {
  const { i18n } = useTranslation();
  const label = useLabel();
  return (
    <Timeline
      items={rows.map((h) => {
        // An action's payload is any JSON the server kept; its `reason` and `items`, when it is an object.
        const p = (h.payload && typeof h.payload === 'object' && !Array.isArray(h.payload) ? h.payload : {}) as Record<string, unknown>;
        const extra = [h.opinion, p.reason as string | undefined, Array.isArray(p.items) ? (p.items as string[]).join('；') : undefined].filter(Boolean).join(' · ');
        return {
          key: `${h.at}-${h.action}`,
          children: (
            <div>
              <strong>{label(h.actionName)}</strong>{' '}
              <Typography.Text type="secondary">
                {when(h.at, i18n.language)} · {h.actorName}
              </Typography.Text>
              {extra && <div>{extra}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
