import { Button, Input, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../cases/types';
import { can, useMe } from '../../shell/session';
import { usePages } from '../../shell/usePages';
import { CaseTable } from './CaseTable';

/** The centre sees every case of the region (filterable); a unit sees what it holds now. */
export function CaseInbox() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const centre = can(me, 'cases.view');
  const [filter, setFilter] = useState<string>(centre ? 'registered' : 'all');
  const [q, setQ] = useState('');
  const params = centre
    ? { scope: 'region', ...(filter === 'registered' ? { state: 'registered' } : filter === 'overdue' ? { overdue: true, open: true } : filter === 'open' ? { open: true } : {}), q }
    : { scope: 'unit', ...(filter === 'overdue' ? { overdue: true } : {}), q };
  const { list, rows } = usePages<CaseSummary>(['case-list', params], '/api/cases', params);
  return (
    <>
      <Typography.Paragraph>{centre ? t('cases.regionInbox') : t('cases.inboxLead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(String(v))}
          options={[
            ...(centre
              ? [
                  { value: 'registered', label: t('cases.counts.registered') },
                  { value: 'open', label: t('cases.counts.open') },
                ]
              : []),
            { value: 'overdue', label: t('cases.overdue') },
            { value: 'all', label: centre ? t('cases.regionInbox') : t('cases.unitInbox') },
          ]}
        />
        <Input.Search allowClear aria-label={t('svc.search')} placeholder={t('svc.search')} onSearch={setQ} style={{ width: 220 }} maxLength={50} />
      </Space>
      <CaseTable rows={rows} loading={list.isLoading} />
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()}>
          {t('cases.more')}
        </Button>
      )}
    </>
  );
}
