import { Button, Empty, List, Space, Tag } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { LightTag, StateTag, dayOf, type RequestListItem } from './shared';

/** Requests, newest first, paged by the API's cursor: the applicant's own (`mine`) or the staff inbox (with filters). */
export function RequestList({ mine, linkBase, filters = {} }: { mine: boolean; linkBase: string; filters?: Record<string, string> }) {
  const { t } = useTranslation();
  const q = useInfiniteQuery({
    queryKey: ['gkreq-list', mine, filters],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams({ limit: '30', ...filters, ...(pageParam ? { after: pageParam } : {}) });
      return api<{ items: RequestListItem[]; next: string | null }>(`/api/openness/requests${mine ? '/mine' : ''}?${qs}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {!q.isLoading && items.length === 0 && <Empty description={t('gkreq.list.empty')} />}
      <List
        aria-label={mine ? t('gkreq.mine') : t('gkreq.workbench')}
        loading={q.isLoading}
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Link to={`${linkBase}/${r.id}`} data-testid="gkreq-link" style={{ overflowWrap: 'anywhere' }}>
                  {r.description.length > 60 ? `${r.description.slice(0, 60)}…` : r.description}
                </Link>
              }
              description={
                <span style={{ overflowWrap: 'anywhere' }}>
                  <StateTag state={r.state} />
                  <LightTag light={r.light} />
                  {r.supervised && <Tag color="red">{t('gkreq.list.supervised')}</Tag>}
                  {r.extended && <Tag>{t('gkreq.list.extended')}</Tag>}
                  {r.number} · {r.departmentName}
                  {!mine && ` · ${r.applicantName}（${t(`gkreq.kinds.${r.applicantKind}`)}）`}
                  {r.dueAt && ` · ${t('gkreq.list.due')} ${dayOf(r.dueAt)}`}
                  {r.answerType && ` · ${t(`gkreq.answerTypes.${r.answerType}`)}`}
                </span>
              }
            />
          </List.Item>
        )}
      />
      {q.hasNextPage && (
        <Space style={{ marginTop: 8 }}>
          <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
            {t('gkreq.list.more')}
          </Button>
        </Space>
      )}
    </>
  );
}
