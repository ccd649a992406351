import { Button, Segmented, Select, Space, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api';
import { TimeTag, useLabel, when } from '../svc/labels';
import type { ApplicationView, Page } from '../svc/types';

type Filter = 'all' | 'warning' | 'overdue' | 'mine';

/** The work queue: open applications of the caller's region or department, soonest deadline first. */
export function ServiceQueue() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const [filter, setFilter] = useState<Filter>('all');
  const [step, setStep] = useState<string | undefined>();
  // Steps offered are those of the standard path; items with their own workflows add theirs as seen.
  const [steps, setSteps] = useState<Map<string, string>>(new Map());
  const list = useInfiniteQuery({
    queryKey: ['svc-queue', filter, step],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const s = new URLSearchParams({ limit: '50' });
      if (filter === 'warning' || filter === 'overdue') s.set('timeStatus', filter);
      if (filter === 'mine') s.set('mine', 'true');
      if (step) s.set('state', step);
      if (pageParam) s.set('after', pageParam);
      return api<Page<ApplicationView>>(`/api/services/applications/queue?${s}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unseen = rows.filter((r) => !steps.has(r.state));
  if (unseen.length) setSteps(new Map([...steps, ...unseen.map((r) => [r.state, label(r.stateName)] as [string, string])]));
  return (
    <>
      <Typography.Paragraph>{t('svc.queueLead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={[{ value: 'all', label: t('svc.filterAll') }, { value: 'warning', label: t('svc.filterWarning') }, { value: 'overdue', label: t('svc.filterOverdue') }, { value: 'mine', label: t('svc.filterMine') }]}
      />
      <Select allowClear style={{ minWidth: 180 }} value={step} onChange={setStep} placeholder={t('svc.state')} aria-label={t('svc.state')} options={[...steps].map(([value, l]) => ({ value, label: l }))} />
      </Space>
      <Table<ApplicationView>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('svc.number'), dataIndex: 'number', render: (v: string, r) => <Link to={`/workbench/services/${r.id}`}>{v}</Link> },
          { title: t('svc.item'), dataIndex: 'itemName' },
          { title: t('svc.applicant'), dataIndex: 'applicantName', render: (v: string, r) => r.enterpriseName ?? v },
          { title: t('svc.state'), dataIndex: 'stateName', render: (_: unknown, r) => label(r.stateName) },
          { title: t('svc.dueAt'), dataIndex: 'dueAt', render: (_: unknown, r) => when(r.dueAt ?? r.stepDueAt, i18n.language) },
          { title: t('svc.progress'), dataIndex: 'timeStatus', render: (_: unknown, r) => <TimeTag status={r.timeStatus} /> },
          { title: t('svc.channel'), dataIndex: 'channel', render: (v: string) => t(`svc.channels.${v}`) },
          { title: t('svc.assignee'), dataIndex: 'assigneeName', render: (v: string | null) => v ?? '—' },
        ]}
      />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('svc.more')}</Button>}
    </>
  );
}
