import { Button, Segmented, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { ItemEditor } from './ItemEditor';

interface Row {
  query: string;
  searches: number;
  clicks: number;
  averageResults: number;
  lastAt: string;
  topItem: { id: string; name: string } | null;
}

/**
 * 检索词报告: what people searched for and did not find (no results), or found and did not open (few
 * clicks). The item ranked first opens in the item editor, where the query can be added as an alias.
 */
export function SearchReport() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'zero' | 'low-click'>('zero');
  const [days, setDays] = useState(30);
  const [editing, setEditing] = useState<string | null>(null);
  const report = useQuery({ queryKey: ['svc-search-report', kind, days], queryFn: () => api<Row[]>(`/api/services/search-report?kind=${kind}&days=${days}&limit=100`) });
  return (
    <>
      <Typography.Title level={2}>{t('svc.searchReport')}</Typography.Title>
      <Typography.Paragraph>{t('svc.searchReportLead')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<'zero' | 'low-click'>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'zero', label: t('svc.zeroResults') },
            { value: 'low-click', label: t('svc.lowClicks') },
          ]}
        />
        <Segmented<number>
          value={days}
          onChange={setDays}
          options={[
            { value: 30, label: t('svc.days30') },
            { value: 90, label: t('svc.days90') },
          ]}
        />
      </Space>
      <Table<Row>
        rowKey="query"
        size="small"
        loading={report.isLoading}
        dataSource={report.data ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('svc.query'), dataIndex: 'query' },
          { title: t('svc.searches'), dataIndex: 'searches', align: 'right' },
          { title: t('svc.clicks'), dataIndex: 'clicks', align: 'right' },
          { title: t('svc.averageResults'), dataIndex: 'averageResults', align: 'right' },
          { title: t('svc.lastAt'), dataIndex: 'lastAt', render: (v: string) => new Date(v).toLocaleString() },
          {
            title: t('svc.topItem'),
            key: 'top',
            render: (_: unknown, r) =>
              r.topItem ? (
                <Button type="link" size="small" onClick={() => setEditing(r.topItem!.id)} aria-label={`${t('svc.editItem')}: ${r.topItem.name}`}>
                  {r.topItem.name}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {editing && <ItemEditor id={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
