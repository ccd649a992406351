import { Alert, Button, Card, Col, Flex, Row, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api, errorText } from '../../../api';
import { useChart } from '../../../shell/useChart';
import type { DatasetSectionProps } from '../types';
import { apiBase, fmt, type PreviewAnswer } from './types';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const FORMATS = ['csv', 'json', 'xlsx'] as const;

/** On a dataset page: preview (first rows, charts of numeric columns), downloads and the API call. */
export function DatasetAccess({ dataset }: DatasetSectionProps) {
  const { t, i18n } = useTranslation();
  const open = dataset.openType === 'open';
  const preview = useQuery({
    queryKey: ['odacc-preview', dataset.name, dataset.modifiedAt],
    queryFn: () => api<PreviewAnswer>(`/api/opendata/datasets/${encodeURIComponent(dataset.name)}/preview`),
    enabled: open,
  });
  if (!open) {
    return (
      <section aria-labelledby="odacc-preview-title">
        <Typography.Title level={2} id="odacc-preview-title" style={{ fontSize: 20 }}>
          {t('odacc.preview.title')}
        </Typography.Title>
        <Alert type="info" showIcon message={t('odacc.preview.conditional')} />
      </section>
    );
  }
  const p = preview.data;
  const names = new Map((p?.items ?? []).map((i) => [i.code, i.name]));
  const example = `curl -H "X-API-Key: YOUR_API_KEY" "${apiBase()}/datasets/${dataset.name}/rows?limit=100"`;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <section aria-labelledby="odacc-preview-title">
        <Typography.Title level={2} id="odacc-preview-title" style={{ fontSize: 20 }}>
          {t('odacc.preview.title')}
        </Typography.Title>
        {preview.error && <Alert type="warning" showIcon message={t('odacc.preview.unavailable')} description={errorText(preview.error, i18n.language)} />}
        {p && <Typography.Paragraph>{t('odacc.preview.intro', { n: p.rows.length, total: p.total.toLocaleString() })}</Typography.Paragraph>}
        {/* The region scrolls sideways on a phone; it takes focus so a keyboard can scroll it too. */}
        <div role="region" aria-label={t('odacc.preview.title')} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table
            data-testid="odacc-preview"
            size="small"
            loading={preview.isLoading}
            rowKey={(_r, i) => String(i)}
            dataSource={p?.rows ?? []}
            pagination={false}
            style={{ minWidth: 'max-content' }}
            locale={{ emptyText: t('odacc.preview.empty') }}
            columns={(p?.items ?? []).map((i) => ({
              key: i.code,
              dataIndex: i.code,
              title: (
                <span title={i.description || undefined}>
                  {i.name}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.code}
                  </Typography.Text>
                </span>
              ),
              render: (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
            }))}
          />
        </div>
      </section>

      {p && p.numeric.some((n) => n.bins.length) && (
        <section aria-labelledby="odacc-charts-title">
          <Typography.Title level={3} id="odacc-charts-title" style={{ fontSize: 18 }}>
            {t('odacc.preview.charts')}
          </Typography.Title>
          <Row gutter={[12, 12]}>
            {p.numeric
              .filter((n) => n.bins.length)
              .map((n) => (
                <Col key={n.item} xs={24} md={12}>
                  <Histogram summary={n} name={names.get(n.item) ?? n.item} />
                </Col>
              ))}
          </Row>
        </section>
      )}

      <section aria-labelledby="odacc-download-title">
        <Typography.Title level={2} id="odacc-download-title" style={{ fontSize: 20 }}>
          {t('odacc.download.title')}
        </Typography.Title>
        <Flex wrap gap={8}>
          {FORMATS.map((f) => (
            <Button key={f} href={`/api/opendata/datasets/${encodeURIComponent(dataset.name)}/download.${f}`} download data-testid={`odacc-download-${f}`}>
              {t(`odacc.download.${f}`)}
              {(p?.total ?? dataset.rowCount) !== null && ` · ${t('odacc.download.rows', { n: (p?.total ?? dataset.rowCount ?? 0).toLocaleString() })}`}
            </Button>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('odacc.download.hint')}
        </Typography.Paragraph>
      </section>

      <section aria-labelledby="odacc-api-title">
        <Typography.Title level={2} id="odacc-api-title" style={{ fontSize: 20 }}>
          {t('odacc.example.title')}
        </Typography.Title>
        <Typography.Paragraph>{t('odacc.example.intro')}</Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', background: '#f5f5f5', color: '#1f1f1f', padding: 12, borderRadius: 6 }}>
          <code>{example}</code>
        </pre>
        <Link to={`/opendata/api?dataset=${encodeURIComponent(dataset.name)}`}>{t('odacc.example.docs')}</Link>
      </section>
    </Space>
  );
}

function Histogram({ summary: n, name }: { summary: PreviewAnswer['numeric'][number]; name: string }) {
  const { t } = useTranslation();
  const title = t('odacc.preview.chartOf', { name });
  const labels = n.bins.map((b) => (b.from === b.to ? fmt(b.from) : `${fmt(b.from)}–${fmt(b.to)}`));
  const ref = useChart(
    useMemo(
      () => ({
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', name: t('odacc.preview.count'), data: n.bins.map((b) => b.count), itemStyle: { color: '#0b4fa8' } }],
      }),
      // labels derive from n
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [n, t],
    ),
  );
  return (
    <Card size="small" title={<h4 style={{ margin: 0, fontSize: 'inherit' }}>{title}</h4>}>
      <Typography.Text type="secondary">{t('odacc.preview.stats', { min: fmt(n.min), max: fmt(n.max), avg: fmt(n.avg) })}</Typography.Text>
      <div ref={ref} className="yw-chart" role="img" aria-label={title} style={{ height: 200 }} />
    </Card>
  );
}
