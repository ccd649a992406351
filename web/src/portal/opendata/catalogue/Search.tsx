import { Button, Card, Checkbox, Col, Empty, Flex, Input, List, Pagination, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useTitle } from '../../../shell/useTitle';
import type { Facet, SearchAnswer } from '../types';
import { OpenDataNav } from './Nav';

const FACETS = ['theme', 'department', 'format', 'openType'] as const;
type FacetKey = (typeof FACETS)[number];
const SORTS = ['relevance', 'modified', 'published', 'name', 'views'] as const;
const SIZE = 20;

/** 开放目录: search with filters (theme, department, format, 开放类型), facet counts and pages; the query lives in the URL so a search can be shared. */
export function SearchPage() {
  const { t } = useTranslation();
  useTitle('odcat.title');
  const local = useLocalName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = params.get('sort') ?? '';
  const [text, setText] = useState(q);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const query = new URLSearchParams();
  if (q) query.set('q', q);
  for (const f of FACETS) if (params.get(f)) query.set(f, params.get(f)!);
  if (sort) query.set('sort', sort);
  query.set('page', String(page));
  query.set('size', String(SIZE));
  const search = useQuery({ queryKey: ['odcat-search', query.toString()], queryFn: () => api<SearchAnswer>(`/api/opendata/datasets?${query}`) });
  const s = search.data;
  const anyFilter = FACETS.some((f) => params.get(f));

  const facetCard = (key: FacetKey, facets: Facet[]) => {
    const chosen = params.get(key);
    return (
      <Card key={key} size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t(`odcat.facet.${key}`)}</h2>}>
        <Flex vertical gap={4} role="group" aria-label={t(`odcat.facet.${key}`)}>
          {facets.map((f) => (
            <Checkbox key={f.value} checked={chosen === f.value} onChange={(e) => update({ [key]: e.target.checked ? f.value : null })} data-testid={`odcat-facet-${key}`}>
              {key === 'openType' ? t(`odcat.openType.${f.value}`) : local.pick(f.label, f.labelEn)} ({f.count})
            </Checkbox>
          ))}
          {!facets.length && <Typography.Text type="secondary">—</Typography.Text>}
        </Flex>
      </Card>
    );
  };

  return (
    <>
      <OpenDataNav active="datasets" />
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odcat.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('odcat.intro')}</Typography.Paragraph>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <Input.Search
          aria-label={t('odcat.searchLabel')}
          placeholder={t('odcat.searchPlaceholder')}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || null })}
          enterButton={t('odcat.search')}
          size="large"
          allowClear
          data-testid="odcat-search"
        />
      </form>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={7} lg={6}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {FACETS.map((f) => facetCard(f, s?.facets[f] ?? []))}
            {anyFilter && <Button onClick={() => update(Object.fromEntries(FACETS.map((f) => [f, null])))}>{t('odcat.clearFilters')}</Button>}
          </Space>
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Flex wrap gap={8} justify="space-between" align="center">
            <Typography.Text aria-live="polite">{s ? t('odcat.results', { count: s.count }) : ''}</Typography.Text>
            <label>
              {t('odcat.sort.label')}{' '}
              <Select
                aria-label={t('odcat.sort.label')}
                value={sort || (q ? 'relevance' : 'modified')}
                style={{ minWidth: 140 }}
                onChange={(v) => update({ sort: v })}
                options={SORTS.filter((x) => x !== 'relevance' || q).map((x) => ({ value: x, label: t(`odcat.sort.${x}`) }))}
              />
            </label>
          </Flex>
          {s && s.count === 0 && <Empty description={t('odcat.noResults')} />}
          <List
            aria-label={t('odcat.searchLabel')}
            loading={search.isLoading}
            dataSource={s?.results ?? []}
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/opendata/datasets/${encodeURIComponent(d.name)}`} data-testid="odcat-result">
                      {local.pick(d.title, d.titleEn)}
                    </Link>
                  }
                  description={
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, color: 'rgba(0,0,0,0.75)' }}>
                        {local.pick(d.notes, d.notesEn)}
                      </Typography.Paragraph>
                      <Flex wrap gap={4} style={{ overflowWrap: 'anywhere' }}>
                        <Tag color={d.openType === 'open' ? 'blue' : 'purple'}>{t(`odcat.openType.${d.openType}`)}</Tag>
                        {d.formats.map((f) => (
                          <Tag key={f}>{f}</Tag>
                        ))}
                        <Typography.Text>
                          {local.pick(d.departmentName, d.departmentNameEn)} · {t('odcat.field.modifiedAt')} {new Date(d.modifiedAt).toLocaleDateString()}
                        </Typography.Text>
                      </Flex>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {s && s.count > SIZE && (
            <Pagination style={{ marginTop: 16 }} current={page} pageSize={SIZE} total={Math.min(s.count, SIZE * 10_000)} showSizeChanger={false} onChange={(p) => update({ page: String(p) })} />
          )}
        </Col>
      </Row>
    </>
  );
}
