import { Button, Card, Empty, Input, List, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api';
import { useCodes, useItemName, useLabel } from '../svc/labels';
import type { ItemSummary } from '../svc/types';
import { usePages } from '../shell/usePages';
import { useTitle } from '../shell/useTitle';
import { BundleTiles } from './bundles/BundleTiles';

type Mode = 'life' | 'enterprise' | 'department';

/** The public catalogue: search in Chinese, or browse by life event, business event or department. */
export function Catalogue() {
  const { t } = useTranslation();
  useTitle('svc.catalogue');
  const label = useLabel();
  const itemName = useItemName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  // The filter lives in the URL, so the home's life- and business-event tiles open the list filtered.
  const lifeEvent = params.get('lifeEvent');
  const enterpriseEvent = params.get('enterpriseEvent');
  const departmentId = params.get('departmentId');
  const [chosenMode, setMode] = useState<Mode>('life');
  const mode: Mode = enterpriseEvent ? 'enterprise' : departmentId ? 'department' : lifeEvent ? 'life' : chosenMode;
  const filter = lifeEvent ?? enterpriseEvent ?? departmentId ?? undefined;
  const show = (next: { q?: string; mode?: Mode; filter?: string }) => {
    const s = new URLSearchParams();
    if (next.q) s.set('q', next.q);
    const m = next.mode ?? mode;
    if (next.filter) s.set(m === 'life' ? 'lifeEvent' : m === 'enterprise' ? 'enterpriseEvent' : 'departmentId', next.filter);
    setParams(s);
  };
  const codes = useCodes();
  const depts = useQuery({ queryKey: ['svc-depts'], queryFn: () => api<{ id: string; name: string; items: number }[]>('/api/services/departments') });
  const key = mode === 'life' ? 'lifeEvent' : mode === 'enterprise' ? 'enterpriseEvent' : 'departmentId';
  const { list, rows: items } = usePages<ItemSummary>(['svc-items', q, mode, filter], '/api/services/items', {
    limit: 20,
    q,
    [key]: filter,
    applicantType: mode === 'enterprise' && !filter ? 'enterprise' : undefined,
  });
  // The query-log entry of this search: what the person opens from it teaches the ranking.
  const queryId = (list.data?.pages[0] as { queryId?: string | null } | undefined)?.queryId ?? null;
  const opened = (itemId: string) => {
    if (queryId) void api('/api/services/search-clicks', { method: 'POST', json: { queryId, itemId, kind: 'open' } }).catch(() => undefined);
  };
  const options =
    mode === 'department'
      ? (depts.data ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.items}）` }))
      : ((mode === 'life' ? codes.data?.lifeEvents : codes.data?.enterpriseEvents) ?? []).map((c) => ({ value: String(c.code), label: label(c) }));
  return (
    <>
      <Typography.Title level={1}>{t('svc.catalogue')}</Typography.Title>
      <Typography.Paragraph>{t('svc.catalogueLead')}</Typography.Paragraph>
      <BundleTiles lifeEvent={lifeEvent} enterpriseEvent={enterpriseEvent} />
      <search>
        <Input.Search
          size="large"
          defaultValue={q}
          key={q}
          allowClear
          enterButton={t('svc.search')}
          placeholder={t('svc.searchPlaceholder')}
          aria-label={t('svc.search')}
          maxLength={100}
          onSearch={(v) => show({ q: v.trim(), filter })}
        />
      </search>
      <Space wrap style={{ margin: '16px 0' }}>
        <Segmented<Mode>
          value={mode}
          onChange={(m) => {
            setMode(m);
            show({ q, mode: m });
          }}
          options={[
            { value: 'life', label: t('svc.byLife') },
            { value: 'enterprise', label: t('svc.byEnterprise') },
            { value: 'department', label: t('svc.byDepartment') },
          ]}
        />
        <Select
          allowClear
          style={{ minWidth: 240 }}
          value={filter}
          onChange={(v?: string) => show({ q, filter: v })}
          options={options}
          placeholder={t('svc.all')}
          aria-label={t(mode === 'life' ? 'svc.byLife' : mode === 'enterprise' ? 'svc.byEnterprise' : 'svc.byDepartment')}
        />
      </Space>
      <List
        loading={list.isLoading}
        locale={{ emptyText: <Empty description={t('svc.none')} /> }}
        dataSource={items}
        renderItem={(i) => (
          <List.Item>
            <Card style={{ width: '100%' }} size="small">
              <Link to={`/services/${i.id}`} state={queryId ? { searchQueryId: queryId } : undefined} onClick={() => opened(i.id)} style={{ fontSize: '1.15em', fontWeight: 600 }}>
                {itemName(i)}
              </Link>
              <div style={{ marginTop: 6 }}>
                <Space wrap size={4}>
                  <Tag>{i.departmentName}</Tag>
                  <Tag color={i.handling === 'instant' ? 'green' : 'blue'}>{i.handling === 'instant' ? t('svc.instant') : t('svc.days', { n: i.promisedDays })}</Tag>
                  {i.fullyOnline && <Tag color="cyan">{t('svc.zeroVisits')}</Tag>}
                  {i.applicantTypes.map((a) => (
                    <Tag key={a}>{t(`svc.${a}`)}</Tag>
                  ))}
                </Space>
              </div>
            </Card>
          </List.Item>
        )}
      />
      {list.hasNextPage && (
        <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('svc.more')}
        </Button>
      )}
    </>
  );
}
