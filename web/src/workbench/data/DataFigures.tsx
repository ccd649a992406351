import { Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api';
import type { Answer } from '../../api/client';
import { can, useMe } from '../../shell/session';
import { useChart } from '../../shell/useChart';
import { QualityRunButton } from './QualityRunButton';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Figures = Answer<'/api/data/figures'>;
type Scores = Answer<'/api/data/quality'>;
type Usage = Answer<'/api/data/usage'>[number];
const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 质量与指标: sharing figures, calls per resource as a chart, quality scores, and the usage trail. */
export function DataFigures() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const figures = useQuery({ queryKey: ['data-figures'], queryFn: () => api<Figures>('/api/data/figures'), enabled: can(me, 'data.stats') });
  const scores = useQuery({ queryKey: ['data-quality'], queryFn: () => api<Scores>('/api/data/quality') });
  const usage = useQuery({ queryKey: ['data-usage'], queryFn: () => api<Usage[]>('/api/data/usage'), enabled: can(me, 'data.decide') });
  const calls = figures.data?.callsByResource ?? [];
  // Requests by state always have data; calls per resource once systems use the gateway.
  const chartRef = useChart(
    useMemo(() => {
      if (!figures.data) return null;
      const used = figures.data.callsByResource;
      const bars = used.length ? used.map((c) => [c.name, c.calls] as const) : Object.entries(figures.data.requests).map(([s, n]) => [t(`data.states.${s}`), n] as const);
      return { tooltip: { trigger: 'axis' }, grid: { left: 140, right: 16, top: 16, bottom: 24 }, xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: bars.map((b) => b[0]).reverse() }, series: [{ type: 'bar', data: bars.map((b) => b[1]).reverse(), itemStyle: { color: '#0b4fa8' } }] };
    }, [figures.data, t]),
  );
  const chartTitle = calls.length ? t('data.callsChart') : t('data.requests');
  const f = figures.data;
  return (
    <>
      {f && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('data.onDemand')} value={pct(f.onDemandRate)} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('data.coverage')} value={pct(f.catalogueCoverage)} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('data.overdueRequests')} value={f.overdueRequests} /></Card></Col>
          <Col xs={12} md={6}><Card size="small"><Statistic title={t('data.overdueObjections')} value={f.overdueObjections} /></Card></Col>
        </Row>
      )}
      {f && <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{chartTitle}</h2>} style={{ marginBottom: 16 }}><div ref={chartRef} className="yw-chart" role="img" aria-label={chartTitle} /></Card>}
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('data.quality')}</h2>} style={{ marginBottom: 16 }}>
        <Table rowKey="code" size="small" pagination={false} dataSource={scores.data?.resources ?? []}
          columns={[{ title: t('data.name'), render: (_, r) => `${r.name}（${r.code}）` }, { title: t('data.score'), dataIndex: 'score' }, { title: t('data.rows'), dataIndex: 'rows' }, { title: t('data.outcome'), dataIndex: 'rowsWithIssues' }, { title: t('data.at'), render: (_, r) => new Date(r.checkedAt).toLocaleString(i18n.language) }, ...(can(me, 'data.bureau') ? [{ title: t('data.actions'), render: (_: unknown, r: Scores['resources'][number]) => <QualityRunButton code={r.code} name={r.name} /> }] : [])]}
        />
      </Card>
      {usage.data && (
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('data.usage')}</h2>} extra={<a href="/api/data/usage?format=csv" download>{t('data.csv')}</a>}>
          <Typography.Paragraph>{t('data.usageLead')}</Typography.Paragraph>
          <Table<Usage> rowKey="id" size="small" scroll={{ x: true }} dataSource={usage.data} pagination={{ pageSize: 20 }}
            columns={[{ title: t('data.at'), render: (_, u) => new Date(u.at).toLocaleString(i18n.language) }, { title: t('data.code'), dataIndex: 'resourceCode' }, { title: t('data.client'), dataIndex: 'clientId' }, { title: t('data.operation'), dataIndex: 'operation' }, { title: t('data.purpose'), dataIndex: 'purpose' }, { title: t('data.items'), render: (_, u) => u.items.join('、') }, { title: t('data.rows'), dataIndex: 'rows' }, { title: t('data.outcome'), dataIndex: 'outcome' }]}
          />
        </Card>
      )}
    </>
  );
}
