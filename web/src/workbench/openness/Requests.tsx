import { Segmented, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RequestDetail } from '../../portal/openness/requests/RequestDetail';
import { RequestList } from '../../portal/openness/requests/RequestList';
import { can, useMe } from '../../shell/session';
import { StaffSteps } from './requests/StaffSteps';

const STATES = ['processing', 'correcting', 'consulting', 'answered', 'closed'] as const;

/** 依申请公开 for the answering unit: the inbox with clocks and lights, 补正, third-party consultation, extension, answer and the sealed 告知书; 督办 across units (openness.manage). */
export function RequestsPage({ sub }: { sub: string }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [overdue, setOverdue] = useState(false);
  const [state, setState] = useState<string | undefined>(undefined);
  if (sub) return <RequestDetail id={sub} backTo="/workbench/openness/requests" steps={(r) => <StaffSteps r={r} />} />;
  const filters: Record<string, string> = { ...(overdue ? { overdue: '1' } : {}), ...(state ? { state } : {}) };
  return (
    <>
      <h2 style={{ fontSize: 18 }}>{t('gkreq.workbench')}</h2>
      <Space wrap style={{ marginBottom: 12 }}>
        {can(me, 'openness.manage') && (
          <Segmented
            aria-label={t('gkreq.list.filter')}
            value={overdue ? 'overdue' : 'all'}
            onChange={(v) => setOverdue(v === 'overdue')}
            options={[
              { value: 'all', label: t('gkreq.list.all') },
              { value: 'overdue', label: t('gkreq.list.onlyOverdue') },
            ]}
          />
        )}
        <Select
          aria-label={t('gkreq.list.state')}
          allowClear
          placeholder={t('gkreq.list.state')}
          style={{ minWidth: 160 }}
          value={state}
          onChange={(v) => setState(v)}
          options={STATES.map((s) => ({ value: s, label: t(`gkreq.states.${s}`) }))}
        />
      </Space>
      <RequestList mine={false} linkBase="/workbench/openness/requests" filters={filters} />
    </>
  );
}
