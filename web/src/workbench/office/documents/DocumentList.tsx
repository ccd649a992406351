import { Button, Card, List, Segmented, Space, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { can, useMe } from '../../../shell/session';
import { useCompact } from '../../../shell/useCompact';
import { useTitle } from '../../../shell/useTitle';
import { MarkTags, StateTag, when } from './labels';
import type { DocumentSummary } from './types';

type Box = 'drafts' | 'waiting' | 'all';

/** 发文 list: the caller's 草稿, what waits for them, or everything they may see; cards on a phone. */
export function DocumentList() {
  const { t, i18n } = useTranslation();
  useTitle('offdoc.list');
  const { data: me } = useMe();
  const compact = useCompact();
  const [box, setBox] = useState<Box>('waiting');
  const list = useInfiniteQuery({
    queryKey: ['offdoc-list', box],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<{ items: DocumentSummary[]; next: string | null }>(`/api/office/documents?box=${box}&limit=20${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const titleLink = (d: DocumentSummary) => <Link to={`/workbench/office/documents/${d.id}`}>{d.title || t('offdoc.untitled')}</Link>;
  const docType = (d: DocumentSummary) => t(`offdoc.docTypes.${d.docType}`, { defaultValue: d.docType });
  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offdoc.list')}</h2>}
      extra={
        can(me, 'office.draft') ? (
          <Link to="/workbench/office/documents/new">
            <Button type="primary">{t('offdoc.draft')}</Button>
          </Link>
        ) : null
      }
    >
      <Segmented
        aria-label={t('offdoc.box')}
        value={box}
        onChange={(v) => setBox(v as Box)}
        options={(['waiting', 'drafts', 'all'] as const).map((b) => ({ value: b, label: t(`offdoc.boxes.${b}`) }))}
        style={{ marginBottom: 12 }}
      />
      {compact ? (
        <List
          loading={list.isLoading}
          locale={{ emptyText: t('offdoc.empty') }}
          dataSource={items}
          renderItem={(d) => (
            <List.Item data-state={d.state}>
              <List.Item.Meta
                title={titleLink(d)}
                description={
                  <Space wrap>
                    <StateTag state={d.state} zh={d.stateZh} en={d.stateEn} />
                    <MarkTags urgency={d.urgency} secrecy={d.secrecy} />
                    <span>{docType(d)}</span>
                    {d.docNumber && <Typography.Text>{d.docNumber}</Typography.Text>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Table<DocumentSummary>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          pagination={false}
          locale={{ emptyText: t('offdoc.empty') }}
          dataSource={items}
          onRow={(d) => ({ 'data-state': d.state }) as React.HTMLAttributes<HTMLTableRowElement>}
          columns={[
            { title: t('offdoc.f.title'), render: (_, d) => titleLink(d) },
            { title: t('offdoc.f.docType'), render: (_, d) => docType(d) },
            { title: t('offdoc.f.docNumber'), render: (_, d) => d.docNumber ?? '—' },
            {
              title: t('offdoc.f.issuingDepartment'),
              render: (_, d) => d.issuingDepartment?.name ?? '—',
            },
            {
              title: t('offdoc.f.state'),
              render: (_, d) => (
                <Space wrap>
                  <StateTag state={d.state} zh={d.stateZh} en={d.stateEn} />
                  <MarkTags urgency={d.urgency} secrecy={d.secrecy} />
                </Space>
              ),
            },
            { title: t('offdoc.step.at'), render: (_, d) => when(d.updatedAt ?? d.createdAt, i18n.language) },
          ]}
        />
      )}
      {list.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('offdoc.more')}
        </Button>
      )}
    </Card>
  );
}
