import { Button, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TimeTag, useLabel, when } from '../svc/labels';
import type { ApplicationView } from '../svc/types';
import { usePages } from '../shell/usePages';

type Filter = 'all' | 'warning' | 'overdue' | 'mine';

/** The work queue: open applications of the caller's region or department, soonest deadline first. */
export function ServiceQueue() {
  const { t, i18n } = useTranslation();
  const label = useLabel();
  const [filter, setFilter] = useState<Filter>('all');
  const [step, setStep] = useState<string | undefined>();
  // Steps offered are those of the standard path; items with their own workflows add theirs as seen.
  const [steps, setSteps] = useState<Map<string, string>>(new Map());
  const { list, rows } = usePages<ApplicationView>(['svc-queue', filter, step], '/api/services/applications/queue', {
    limit: 50,
    timeStatus: filter === 'warning' || filter === 'overdue' ? filter : undefined,
    mine: filter === 'mine',
    state: step,
  });
  const unseen = rows.filter((r) => !steps.has(r.state));
  if (unseen.length) setSteps(new Map([...steps, ...unseen.map((r) => [r.state, label(r.stateName)] as [string, string])]));
  return (
    <>
      <Typography.Paragraph>{t('svc.queueLead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('svc.filterAll') },
            { value: 'warning', label: t('svc.filterWarning') },
            { value: 'overdue', label: t('svc.filterOverdue') },
            { value: 'mine', label: t('svc.filterMine') },
          ]}
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          value={step}
          onChange={setStep}
          placeholder={t('svc.state')}
          aria-label={t('svc.state')}
          options={[...steps].map(([value, l]) => ({ value, label: l }))}
        />
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
