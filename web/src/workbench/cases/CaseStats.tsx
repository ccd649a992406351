import { Card, Col, Row, Segmented, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../api';
import { CaseMap } from '../../cases/CaseMap';
import { useChart } from '../../shell/useChart';
import type { Answer } from '../../api/client';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Perf = Answer<'/api/cases/stats/performance'>[number];
type Topics = Answer<'/api/cases/stats/topics'>;

const pct = (v: number | null) => (v == null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** 分析研判: rates per unit or street, hot and rising categories, heat map, frequent addresses, classifier accuracy. */
export function CaseStats() {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<'unit' | 'street'>('unit');
  const perf = useQuery({ queryKey: ['case-perf', by], queryFn: () => api<Perf[]>(`/api/cases/stats/performance?by=${by}`) });
  const topics = useQuery({ queryKey: ['case-topics'], queryFn: () => api<Topics>('/api/cases/stats/topics?weeks=8') });
  const places = useQuery({
    queryKey: ['case-places'],
    queryFn: () => api<{ heat: [number, number, number][]; addresses: { address: string; cases: number; open: number }[] }>('/api/cases/stats/places'),
  });
  const acc = useQuery({
    queryKey: ['case-acc'],
    queryFn: () => api<Answer<'/api/cases/stats/classifier'>>('/api/cases/stats/classifier'),
  });
  const name = useCallback((x: { name: string; nameEn: string | null }) => (i18n.language === 'en' && x.nameEn ? x.nameEn : x.name), [i18n.language]);
  const rows = useMemo(() => (perf.data ?? []).slice(0, 15), [perf.data]);
  const rateChart = useChart(
    useMemo(
      () =>
        rows.length
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 150, right: 16, top: 32, bottom: 24 },
              xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
              series: (['responseRate', 'onTimeRate', 'satisfactionRate'] as const).map((k, i) => ({
                type: 'bar',
                name: t(`cases.${k}`),
                data: rows.map((r) => (r[k] == null ? 0 : Math.round(r[k]! * 1000) / 10)),
                itemStyle: { color: ['#0b4fa8', '#2e7d32', '#9f1d20'][i] },
              })),
            }
          : null,
      [rows, t],
    ),
  );
  const hot = useMemo(() => topics.data?.hot.slice(0, 6) ?? [], [topics.data]);
  const topicChart = useChart(
    useMemo(
      () =>
        hot.length
          ? {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 40, right: 16, top: 48, bottom: 24 },
              xAxis: { type: 'category', data: topics.data!.weeks },
              yAxis: { type: 'value' },
              series: hot.map((h) => ({ type: 'line', name: name(h), data: h.perWeek, smooth: true })),
            }
          : null,
      [hot, topics.data, name],
    ),
  );
  return (
    <>
      <Typography.Paragraph>{t('cases.statsLead')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('cases.accuracyLead')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('cases.top1')} value={pct(acc.data?.top1 ?? null)} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('cases.top3')} value={pct(acc.data?.top3 ?? null)} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('cases.manualShare')} value={pct(acc.data?.manualShare ?? null)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small">
            <Statistic title={t('cases.recorded')} value={acc.data?.recorded ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={5}>
          <Card size="small">
            <Statistic title={t('cases.tookFirst')} value={pct(acc.data?.tookFirstRate ?? null)} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.stats')}</h2>}
        extra={
          <Segmented
            value={by}
            onChange={(v) => setBy(v as 'unit' | 'street')}
            options={[
              { value: 'unit', label: t('cases.byUnit') },
              { value: 'street', label: t('cases.byStreet') },
            ]}
          />
        }
      >
        <div ref={rateChart} role="img" aria-label={t('cases.stats')} style={{ height: Math.max(240, rows.length * 28 + 60) }} />
        <Table<Perf>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={perf.data ?? []}
          columns={[
            { title: by === 'unit' ? t('cases.unit') : t('cases.street'), dataIndex: 'name' },
            { title: t('cases.cases'), dataIndex: 'cases' },
            { title: t('cases.responseRate'), dataIndex: 'responseRate', render: pct },
            { title: t('cases.onTimeRate'), dataIndex: 'onTimeRate', render: pct },
            { title: t('cases.resolutionRate'), dataIndex: 'resolutionRate', render: pct },
            { title: t('cases.satisfactionRate'), dataIndex: 'satisfactionRate', render: pct },
            { title: t('cases.returns'), dataIndex: 'returns' },
            { title: t('cases.overdue'), dataIndex: 'overdue' },
          ]}
        />
      </Card>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.hot')}</h2>}>
            <div ref={topicChart} role="img" aria-label={t('cases.hot')} style={{ height: 300 }} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.rising')}</h2>}>
            <Table
              rowKey="categoryCode"
              size="small"
              pagination={false}
              dataSource={topics.data?.rising ?? []}
              columns={[
                { title: t('cases.category'), render: (_, r) => name(r) },
                { title: t('cases.lastWeek'), dataIndex: 'lastWeek' },
                { title: t('cases.weekBefore'), dataIndex: 'weekBefore' },
                { title: t('cases.growth'), dataIndex: 'growth', render: pct },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.heat')}</h2>}>
            <CaseMap heat={places.data?.heat ?? []} height={360} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('cases.addresses')}</h2>}>
            <Table
              rowKey="address"
              size="small"
              pagination={false}
              dataSource={places.data?.addresses ?? []}
              columns={[
                { title: t('cases.address'), dataIndex: 'address' },
                { title: t('cases.cases'), dataIndex: 'cases' },
                { title: t('cases.open'), dataIndex: 'open' },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
