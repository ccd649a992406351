import { Button, Empty, List, Segmented, Space, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { StateTag, type ApplicationListItem } from './ApplicationDetail';

/**
 * Applications as a list, newest first, paged by the API's cursor: the applicant's own (`mine`) or
 * a staff member's queue (`todo` waiting for them, or all they may see), each opening its page.
 */
export function ApplicationList({ mine, linkBase }: { mine: boolean; linkBase: string }) {
  const { t } = useTranslation();
  const [todo, setTodo] = useState(!mine);
  const q = useInfiniteQuery({
    queryKey: ['odgrant-list', mine, todo],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams({ limit: '50', ...(mine ? { mine: '1' } : {}), ...(todo && !mine ? { todo: '1' } : {}), ...(pageParam ? { after: pageParam } : {}) });
      return api<{ items: ApplicationListItem[]; next: string | null }>(`/api/opendata/applications?${qs}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {!mine && (
        <Segmented
          aria-label={t('odgrant.workbench')}
          style={{ marginBottom: 12 }}
          value={todo ? 'todo' : 'all'}
          onChange={(v) => setTodo(v === 'todo')}
          options={[
            { value: 'todo', label: t('odgrant.list.todo') },
            { value: 'all', label: t('odgrant.list.all') },
          ]}
        />
      )}
      {!q.isLoading && items.length === 0 && <Empty description={t('odgrant.list.empty')} />}
      <List
        aria-label={mine ? t('odgrant.mine') : t('odgrant.workbench')}
        loading={q.isLoading}
        dataSource={items}
        renderItem={(a) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`${linkBase}/${a.id}`} data-testid="odgrant-app-link">
                  {a.datasetTitle} · {a.number}
                </Link>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  <StateTag state={a.state} />
                  {a.overdue && <Tag color="red">{t('odgrant.list.overdue')}</Tag>}
                  {!mine && `${a.applicantName} · `}
                  {t(`odgrant.delivery.${a.delivery}`)} · {a.periodFrom} – {a.periodTo}
                </span>
              }
            />
          </List.Item>
        )}
      />
      {q.hasNextPage && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('odgrant.list.more')}
          </Button>
        </Space>
      )}
    </>
  );
}
