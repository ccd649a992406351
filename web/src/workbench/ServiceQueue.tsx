import { App, Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, errorText } from '../api';
import { TimeTag, useLabel, when } from '../svc/labels';
import type { ApplicationView } from '../svc/types';
import { usePages } from '../shell/usePages';
import { bulkSummary, QueueTabs, useServiceQueues, type BulkResult } from './queues';

type Filter = 'all' | 'warning' | 'overdue' | 'mine';

/**
 * The work queue by job: the queues this person works (待受理 for the window, 待审查 / 待决定 for
 * approvers …) with counts, the chosen queue's open applications soonest deadline first, search by
 * number or name, and only the buttons this person may use on each (认领 in bulk where safe).
 */
export function ServiceQueue() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const label = useLabel();
  const [params, setParams] = useSearchParams();
  const queues = useServiceQueues(true);
  const chosen = params.get('queue') ?? undefined;
  const state = chosen && queues.data?.some((q) => q.state === chosen) ? chosen : queues.data?.[0]?.state;
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const { list, rows } = usePages<ApplicationView>(['svc-queue', state, filter, q], '/api/services/applications/queue', {
    limit: 50,
    state,
    q: q.trim() || undefined,
    timeStatus: filter === 'warning' || filter === 'overdue' ? filter : undefined,
    mine: filter === 'mine',
  });
  const refresh = () => qc.invalidateQueries({ predicate: (x) => String(x.queryKey[0]).startsWith('svc-') });
  const claim = async (ids: string[], release = false) => {
    try {
      const r = await api<BulkResult>('/api/services/applications/bulk-claim', { method: 'POST', json: { ids, release } });
      const s = bulkSummary(r, i18n.language, t);
      if (s.ok) message.success(ids.length > 1 ? s.text : release ? t('queue.released') : t('queue.claimed'));
      else message.warning(s.text);
    } catch (err) {
      message.error(errorText(err, i18n.language));
    }
    setSelected([]);
    await refresh();
  };
  const has = (r: ApplicationView, code: string) => !!r.myActions?.some((a) => a.code === code);
  return (
    <>
      <Typography.Paragraph>{t('queue.lead')}</Typography.Paragraph>
      {queues.data && (
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <QueueTabs kind="svc" queues={queues.data} value={state} onChange={(s) => setParams({ queue: s })} />
        </div>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear aria-label={t('queue.search')} placeholder={t('queue.search')} onSearch={setQ} style={{ width: 260, maxWidth: '100%' }} maxLength={50} />
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          aria-label={t('queue.filter')}
          options={[
            { value: 'all', label: t('queue.all') },
            { value: 'warning', label: t('queue.warning') },
            { value: 'overdue', label: t('queue.overdue') },
            { value: 'mine', label: t('queue.mineOnly') },
          ]}
        />
        {selected.length > 0 && (
          <Button type="primary" onClick={() => claim(selected)}>
            {t('queue.bulkClaim', { n: selected.length })}
          </Button>
        )}
      </Space>
      {/* Scrolls in its own box on a phone: antd's scroll={{x}} adds a hidden measure row that would hold the selection boxes. */}
      {state && (
        <div style={{ overflowX: 'auto' }}>
          <Table<ApplicationView>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('queue.none') }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (r) => ({ disabled: !has(r, 'claim'), 'aria-label': t('queue.select', { number: r.number }) }),
            }}
            columns={[
              {
                title: t('svc.number'),
                dataIndex: 'number',
                render: (v: string, r) => (
                  <>
                    <Link to={`/workbench/services/${r.id}`}>{v}</Link>
                    {r.bundleApplicationId && (
                      <Link to={`/bundle-applications/${r.bundleApplicationId}`} style={{ marginInlineStart: 6 }}>
                        <Tag color="purple">{t('bun.partOf')}</Tag>
                      </Link>
                    )}
                  </>
                ),
              },
              { title: t('svc.item'), dataIndex: 'itemName' },
              { title: t('svc.applicant'), dataIndex: 'applicantName', render: (v: string, r) => r.enterpriseName ?? v },
              { title: t('svc.state'), dataIndex: 'stateName', render: (_: unknown, r) => label(r.stateName) },
              { title: t('svc.dueAt'), dataIndex: 'dueAt', render: (_: unknown, r) => when(r.dueAt ?? r.stepDueAt, i18n.language) },
              { title: t('svc.progress'), dataIndex: 'timeStatus', render: (_: unknown, r) => <TimeTag status={r.timeStatus} /> },
              { title: t('svc.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? '—' },
              {
                title: t('queue.actions'),
                key: 'actions',
                render: (_: unknown, r) => (
                  <Space size="small">
                    {has(r, 'claim') && (
                      <Button size="small" onClick={() => claim([r.id])}>
                        {t('queue.claim')}
                      </Button>
                    )}
                    {has(r, 'release') && (
                      <Button size="small" onClick={() => claim([r.id], true)}>
                        {t('queue.release')}
                      </Button>
                    )}
                    {r.myActions?.some((a) => a.code !== 'claim' && a.code !== 'release') && <Link to={`/workbench/services/${r.id}`}>{t('queue.handle')}</Link>}
                  </Space>
                ),
              },
            ]}
          />
        </div>
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => list.fetchNextPage()}>
          {t('svc.more')}
        </Button>
      )}
    </>
  );
}
