import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Button, Card, Col, Empty, Flex, Input, List, Rate, Row, Space, Tag, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api';
import { signInUrl, useMe } from '../../../shell/session';
import { useAction } from '../../../shell/useAction';
import { useChart } from '../../../shell/useChart';
import type { DatasetSectionProps } from '../types';
import type { CommentPage, CommentView, DatasetCommunity as Community } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** On a dataset page: stars and their distribution, my rating, comments (mine while pending), and the apps and 授权运营 products built on it. */
export function DatasetCommunity({ dataset }: DatasetSectionProps) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const base = `/api/opendata/community/datasets/${encodeURIComponent(dataset.name)}`;
  const info = useQuery({ queryKey: ['odcom-dataset', dataset.name, me?.accountId ?? ''], queryFn: () => api<Community>(base) });
  const act = useAction('odcom-');
  const r = info.data?.ratings;
  const chartOption = useMemo(
    () =>
      r && r.count
        ? {
            grid: { left: 48, right: 16, top: 8, bottom: 24 },
            tooltip: {},
            xAxis: { type: 'value', minInterval: 1 },
            yAxis: { type: 'category', data: [1, 2, 3, 4, 5].map((n) => t('odcom.dataset.stars', { n })) },
            series: [{ type: 'bar', data: r.distribution, itemStyle: { color: '#1f5fbf' }, name: t('odcom.dataset.distribution') }],
          }
        : null,
    [r, t],
  );
  const chart = useChart(chartOption);
  const rate = (stars: number) => act(() => api(`${base}/rating`, { method: 'PUT', json: { stars } }), t('odcom.dataset.rated'));
  return (
    <section aria-labelledby="odcom-heading" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="odcom-heading" style={{ fontSize: 20 }}>
        {t('odcom.dataset.heading')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10}>
          <Card size="small">
            {r && r.count > 0 ? (
              <>
                <Flex align="center" gap={12} wrap>
                  <Typography.Text strong style={{ fontSize: 28 }} data-testid="odcom-average">
                    {r.average.toFixed(1)}
                  </Typography.Text>
                  <Rate disabled allowHalf value={Math.round(r.average * 2) / 2} aria-label={t('odcom.dataset.average', { avg: r.average.toFixed(1) })} />
                  <Typography.Text type="secondary">{t('odcom.dataset.count', { n: r.count })}</Typography.Text>
                </Flex>
                <div
                  ref={chart}
                  role="img"
                  aria-label={`${t('odcom.dataset.distribution')}: ${r.distribution.map((n, i) => `${t('odcom.dataset.stars', { n: i + 1 })} ${n}`).join(', ')}`}
                  style={{ width: '100%', height: 160 }}
                />
              </>
            ) : (
              <Typography.Text type="secondary">{t('odcom.dataset.noRatings')}</Typography.Text>
            )}
            <div style={{ marginTop: 8 }}>
              <Typography.Text id="odcom-mine">{t('odcom.dataset.mine')}：</Typography.Text>
              {me ? (
                <Rate value={r?.mine ?? 0} onChange={(v) => v && rate(v)} aria-labelledby="odcom-mine" data-testid="odcom-my-rating" />
              ) : (
                <a href={signInUrl(location.pathname)}>{t('odcom.signIn')}</a>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} md={14}>
          <Comments base={base} signedIn={!!me} />
        </Col>
      </Row>
      {!!info.data?.apps.length && (
        <Card size="small" title={t('odcom.dataset.appsUsing')} style={{ marginTop: 16 }}>
          <List
            dataSource={info.data.apps}
            renderItem={(a) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/opendata/apps/${a.id}`}>{a.name}</Link>} description={`${t(`odcom.app.kinds.${a.kind}`)} · ${a.developer}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
      {!!info.data?.products.length && (
        <Card size="small" title={t('odcom.dataset.productsUsing')} style={{ marginTop: 16 }}>
          <List
            dataSource={info.data.products}
            renderItem={(p) => (
              <List.Item>
                <List.Item.Meta title={<Link to={`/opendata/products/${p.id}`}>{p.name}</Link>} description={`${t('odcom.product.fields.operator')}：${p.operator}`} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </section>
  );
}

function Comments({ base, signedIn }: { base: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const act = useAction('odcom-');
  const [text, setText] = useState('');
  const list = useInfiniteQuery({
    queryKey: ['odcom-comments', base, signedIn],
    initialPageParam: '',
    queryFn: ({ pageParam }) => api<CommentPage>(`${base}/comments?limit=10${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const post = async () => {
    if (!text.trim()) return;
    if (await act(() => api(`${base}/comments`, { method: 'POST', json: { body: text } }), t('odcom.dataset.posted'))) setText('');
  };
  return (
    <Card size="small" title={t('odcom.dataset.comments')}>
      {signedIn ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea
            aria-label={t('odcom.dataset.commentPlaceholder')}
            placeholder={t('odcom.dataset.commentPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={1000}
            showCount
            autoSize={{ minRows: 2, maxRows: 6 }}
          />
          <Button type="primary" onClick={post} disabled={!text.trim()}>
            {t('odcom.dataset.post')}
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph>
          <a href={signInUrl(location.pathname)}>{t('odcom.signIn')}</a>
        </Typography.Paragraph>
      )}
      <List loading={list.isLoading} dataSource={rows} locale={{ emptyText: <Empty description={t('odcom.empty')} /> }} renderItem={(c) => <CommentItem c={c} />} />
      {list.hasNextPage && <Button onClick={() => list.fetchNextPage()}>{t('odcom.more')}</Button>}
    </Card>
  );
}

function CommentItem({ c }: { c: CommentView }) {
  const { t, i18n } = useTranslation();
  const act = useAction('odcom-');
  const [editing, setEditing] = useState<string | null>(null);
  const save = async () => {
    if (editing === null) return;
    if (await act(() => api(`/api/opendata/comments/${c.id}`, { method: 'PUT', json: { body: editing, expectedVersion: c.version } }), t('odcom.dataset.edited'))) setEditing(null);
  };
  return (
    <List.Item data-testid="odcom-comment">
      <div style={{ width: '100%', overflowWrap: 'anywhere' }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong>{c.authorName}</Typography.Text>
          <Typography.Text type="secondary">{new Date(c.createdAt).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'zh-CN')}</Typography.Text>
          {c.state === 'pending' && <Tag color="blue">{t('odcom.dataset.pending')}</Tag>}
          {c.state === 'hidden' && <Tag>{t('odcom.dataset.hidden')}</Tag>}
          {c.mine && c.state !== 'hidden' && editing === null && (
            <Button size="small" type="link" onClick={() => setEditing(c.body)}>
              {t('odcom.dataset.edit')}
            </Button>
          )}
        </Flex>
        {editing !== null ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea aria-label={t('odcom.dataset.edit')} value={editing} onChange={(e) => setEditing(e.target.value)} maxLength={1000} showCount autoSize={{ minRows: 2 }} />
            <Space>
              <Button type="primary" size="small" onClick={save} disabled={!editing.trim()}>
                {t('odcom.dataset.save')}
              </Button>
              <Button size="small" onClick={() => setEditing(null)}>
                {t('odcom.cancel')}
              </Button>
            </Space>
          </Space>
        ) : (
          <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
        )}
        {c.state === 'hidden' && c.hiddenReason && <Typography.Paragraph type="secondary">{t('odcom.dataset.hiddenBecause', { reason: c.hiddenReason })}</Typography.Paragraph>}
        {c.reply && (
          <div style={{ borderLeft: '3px solid #1f5fbf', paddingLeft: 8, marginTop: 4 }}>
            <Typography.Text strong>{t('odcom.dataset.reply')}：</Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</Typography.Text>
          </div>
        )}
      </div>
    </List.Item>
  );
}
