import { Button, Card, Checkbox, Col, Empty, Flex, Input, List, Pagination, Row, Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useTitle } from '../../../shell/useTitle';
import { VALIDITY_COLOR, type Facet, type SearchAnswer } from './types';

const FACETS = ['theme', 'issuer', 'year', 'validity', 'kind'] as const;
type FacetKey = (typeof FACETS)[number];
const SIZE = 20;

/** 政策文件库 search: Chinese full text, filters by theme, issuing body, year, validity and kind (with counts); links to the feeds. The query lives in the URL. */
export function LibrarySearchPage() {
  const { t } = useTranslation();
  useTitle('gklib.title');
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
  const search = useQuery({ queryKey: ['gklib-search', query.toString()], queryFn: () => api<SearchAnswer>(`/api/openness/documents?${query}`) });
  const s = search.data;
  const anyFilter = FACETS.some((f) => params.get(f));
  const label = (key: FacetKey, f: Facet) => {
    if (key === 'validity' || key === 'kind') return t(`gklib.${key}.${f.value}`, { defaultValue: local.pick(f.label, f.labelEn) });
    if (key === 'year') return f.value;
    return local.pick(f.label, f.labelEn);
  };

  const facetCard = (key: FacetKey, facets: Facet[]) => {
    const chosen = params.get(key);
    return (
      <Card key={key} size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t(`gklib.facet.${key}`)}</h2>}>
        <Flex vertical gap={4} role="group" aria-label={t(`gklib.facet.${key}`)}>
          {facets.map((f) => (
            <Checkbox key={f.value} checked={chosen === f.value} onChange={(e) => update({ [key]: e.target.checked ? f.value : null })} data-testid={`gklib-facet-${key}`}>
              {label(key, f)} ({f.count})
            </Checkbox>
          ))}
          {!facets.length && <span style={{ color: 'rgba(0,0,0,0.75)' }}>—</span>}
        </Flex>
      </Card>
    );
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('gklib.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('gklib.intro')}</Typography.Paragraph>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() || null });
        }}
      >
        <Input.Search
          aria-label={t('gklib.searchLabel')}
          placeholder={t('gklib.searchPlaceholder')}
          value={text}
          maxLength={200}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || null })}
          enterButton={t('gklib.search')}
          size="large"
          allowClear
          data-testid="gklib-search"
        />
      </form>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} md={7} lg={6}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {FACETS.map((f) => facetCard(f, s?.facets[f] ?? []))}
            {anyFilter && <Button onClick={() => update(Object.fromEntries(FACETS.map((f) => [f, null])))}>{t('gklib.clearFilters')}</Button>}
            <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('gklib.feeds')}</h2>}>
              <Flex gap={12} wrap>
                <a href="/api/openness/feed.atom" type="application/atom+xml">
                  {t('gklib.atom')}
                </a>
                <a href="/api/openness/feed.rss" type="application/rss+xml">
                  {t('gklib.rss')}
                </a>
              </Flex>
            </Card>
          </Space>
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Flex wrap gap={8} justify="space-between" align="center">
            <Typography.Text aria-live="polite">{s ? t('gklib.results', { count: s.count }) : ''}</Typography.Text>
            {q && (
              <label>
                {t('gklib.sortLabel')}{' '}
                <Select
                  aria-label={t('gklib.sortLabel')}
                  value={sort || 'relevance'}
                  style={{ minWidth: 120 }}
                  onChange={(v) => update({ sort: v })}
                  options={(['relevance', 'published'] as const).map((x) => ({ value: x, label: t(`gklib.sort.${x}`) }))}
                />
              </label>
            )}
          </Flex>
          {s && s.count === 0 && <Empty description={t('gklib.noResults')} />}
          <List
            aria-label={t('gklib.searchLabel')}
            loading={search.isLoading}
            dataSource={s?.results ?? []}
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Link to={`/openness/documents/${d.id}`} data-testid="gklib-result">
                      {local.pick(d.title, d.titleEn)}
                    </Link>
                  }
                  description={
                    <Space direction="vertical" size={4} style={{ width: '100%' }}>
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0, color: 'rgba(0,0,0,0.75)' }}>
                        {d.summary ?? d.excerpt}
                      </Typography.Paragraph>
                      <Flex wrap gap={4} align="center" style={{ overflowWrap: 'anywhere', color: 'rgba(0,0,0,0.75)' }}>
                        <Tag color={VALIDITY_COLOR[d.validity]}>{t(`gklib.validity.${d.validity}`)}</Tag>
                        <Tag>{t(`gklib.kind.${d.kind}`)}</Tag>
                        <span>{d.issuerName}</span>
                        {d.number && <span>· {d.number}</span>}
                        <span>
                          · {t('gklib.field.writtenOn')} {d.writtenOn} · {t('gklib.field.publishedOn')} {d.publishedOn}
                        </span>
                        <span>
                          · {t('gklib.field.indexNo')} {d.indexNo}
                        </span>
                      </Flex>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {s && s.count > SIZE && (
            <Pagination style={{ marginTop: 16 }} current={page} pageSize={SIZE} total={Math.min(s.count, SIZE * 1000)} showSizeChanger={false} onChange={(p) => update({ page: String(p) })} />
          )}
        </Col>
      </Row>
    </>
  );
}
