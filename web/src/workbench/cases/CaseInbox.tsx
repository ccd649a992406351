import { App, Button, Input, Space, Typography } from 'antd';
import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, errorText } from '../../api';
import type { CaseSummary } from '../../cases/types';
import { can, useMe } from '../../shell/session';
import type { Page } from '../../shell/usePages';
import { bulkSummary, QueueTabs, useCaseQueues, type BulkResult } from '../queues';
import { CaseTable } from './CaseTable';

const PHONE = /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$/;

/**
 * 12345 cases by job: the centre's queues (待派单, 待回访, 待督办 …) or a unit's (待签收, 待办理),
 * each with its count; search by number, text or caller number (sent in the body, matched by its
 * keyed hash); 批量签收 for a unit. Closed cases are never in a queue.
 */
export function CaseInbox() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const centre = can(me, 'cases.view');
  const queues = useCaseQueues(true);
  const [params, setParams] = useSearchParams();
  const chosen = params.get('queue') ?? undefined;
  const state = chosen && queues.data?.some((q) => q.state === chosen) ? chosen : queues.data?.[0]?.state;
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const text = q.trim();
  const body = {
    scope: centre ? 'region' : 'unit',
    open: true,
    ...(state === 'supervise' ? { overdue: true } : state ? { state } : {}),
    ...(PHONE.test(text) ? { phone: text } : text ? { q: text } : {}),
    limit: 50,
  };
  const list = useInfiniteQuery({
    queryKey: ['case-list', body],
    enabled: !!state,
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<Page<CaseSummary>>('/api/cases/search', { method: 'POST', json: { ...body, ...(pageParam ? { after: pageParam } : {}) } }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const signFor = async () => {
    try {
      const r = await api<BulkResult>('/api/cases/bulk-actions', { method: 'POST', json: { action: 'accept', ids: selected } });
      const s = bulkSummary(r, i18n.language, t);
      if (s.ok) message.success(s.text);
      else message.warning(s.text);
    } catch (err) {
      message.error(errorText(err, i18n.language));
    }
    setSelected([]);
    await qc.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('case-') });
  };
  return (
    <>
      <Typography.Paragraph>{centre ? t('cases.regionInbox') : t('cases.inboxLead')}</Typography.Paragraph>
      {queues.data && (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <QueueTabs kind="case" queues={queues.data} value={state} onChange={(s) => setParams({ queue: s })} />
        </div>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear aria-label={t('queue.searchCase')} placeholder={t('queue.searchCase')} onSearch={setQ} style={{ width: 280, maxWidth: '100%' }} maxLength={50} />
        {selected.length > 0 && (
          <Button type="primary" onClick={signFor}>
            {t('queue.bulkAccept', { n: selected.length })}
          </Button>
        )}
      </Space>
      {state && (
        <CaseTable
          rows={rows}
          loading={list.isLoading}
          rowSelection={
            rows.some((r) => r.myActions?.includes('accept'))
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: !r.myActions?.includes('accept'), 'aria-label': t('queue.select', { number: r.number }) }),
                }
              : undefined
          }
        />
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()}>
          {t('cases.more')}
        </Button>
      )}
    </>
  );
}
