import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { when } from '../svc/labels';
import { useCaseLabel } from './codes';
import type { CaseHistoryRow } from './types';

/** Every step of a case, oldest first: what was done, by whom (unit or person), when and why. */
export function CaseHistory({ rows }: { rows: CaseHistoryRow[] }) {
  const { t, i18n } = useTranslation();
  const label = useCaseLabel();
  return (
    <Timeline
      items={rows.map((h, i) => ({
        key: `${h.at}-${i}`,
        children: (
          <div>
            <strong>{label('actions', h.action)}</strong>
            {h.fromState !== h.toState && <span> → {label('states', h.toState)}</span>}{' '}
            <Typography.Text type="secondary">
              {when(h.at, i18n.language)} · {h.actorType === 'system' ? t('cases.system') : [h.departmentName, h.actorName].filter(Boolean).join(' ')}
            </Typography.Text>
            {h.opinion && <div>{h.opinion}</div>}
          </div>
        ),
      }))}
    />
  );
}
