import { Button, Card, Table, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api';
import { queryText, type LogEntry, type LogPage } from './types';

export const STATUS_COLOURS: Record<LogEntry['status'], string> = { running: 'blue', answered: 'geekblue', refused: 'red' };

/** The user's own sandbox queries, newest first. */
export function History() {
  const { t, i18n } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ['odsbx-history'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<LogPage>(`/api/opendata/sandbox/queries?limit=20${pageParam ? `&after=${encodeURIComponent(pageParam)}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odsbx.history')}</h2>}>
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={q.isLoading}
        dataSource={rows}
        columns={[
          { title: t('odsbx.at'), key: 'at', render: (_: unknown, e: LogEntry) => new Date(e.at).toLocaleString(i18n.language === 'en' ? 'en' : 'zh-CN') },
          { title: t('odsbx.dataset'), dataIndex: 'datasetName' },
          { title: t('odsbx.query'), key: 'query', render: (_: unknown, e: LogEntry) => queryText(e.query, t) },
          {
            title: t('odsbx.status'),
            key: 'status',
            render: (_: unknown, e: LogEntry) => (
              <>
                <Tag color={STATUS_COLOURS[e.status]}>{t(`odsbx.statuses.${e.status}`)}</Tag>
                {e.status === 'answered' ? t('odsbx.groups', { returned: e.groupsReturned, suppressed: e.groupsSuppressed }) : e.refusalCode}
              </>
            ),
          },
        ]}
      />
      {q.hasNextPage && (
        <Button style={{ marginTop: 8 }} onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('odsbx.log.more')}
        </Button>
      )}
    </Card>
  );
}
