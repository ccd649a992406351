import { Card, Col, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../../api';
import { useLocalName } from '../../../shell/localName';
import { useChart } from '../../../shell/useChart';
import { useTitle } from '../../../shell/useTitle';
import type { Duty, Figures } from '../types';
import { OpenDataNav } from './Nav';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const BLUE = '#0b4fa8';
const GREEN = '#237804';
const pct = (r: number) => Math.round(r * 1000) / 10;

/** Figures: datasets, downloads, calls, top datasets; the 开放责任清单 and 开放率 per department. */
export function FiguresPage(props: { sub: string }) {
  void props;
  const { t } = useTranslation();
  useTitle('odcat.figures.title');
  const local = useLocalName();
  const figures = useQuery({ queryKey: ['odcat-figures'], queryFn: () => api<Figures>('/api/opendata/figures?days=30') });
  const duty = useQuery({ queryKey: ['odcat-duty'], queryFn: () => api<Duty>('/api/opendata/duty') });
  const f = figures.data;
  const d = duty.data;

  const themeChart = useChart(
    useMemo(
      () =>
        !f
          ? null
          : {
              tooltip: { trigger: 'axis' },
              grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
              xAxis: { type: 'value', minInterval: 1 },
              yAxis: { type: 'category', inverse: true, data: f.byTheme.map((x) => local.pick(x.label, x.labelEn)) },
              series: [{ type: 'bar', name: t('odcat.figures.datasets'), data: f.byTheme.map((x) => x.count), itemStyle: { color: BLUE } }],
            },
      [f, t, local],
    ),
  );
  const rateChart = useChart(
    useMemo(
      () =>
        !d
          ? null
          : {
              tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
              grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
              xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
              yAxis: { type: 'category', inverse: true, data: d.departments.map((x) => local.pick(x.departmentName, x.departmentNameEn)) },
              series: [{ type: 'bar', name: t('odcat.duty.rate'), data: d.departments.map((x) => pct(x.rate)), itemStyle: { color: GREEN } }],
            },
      [d, t, local],
    ),
  );
  const dailyChart = useChart(
    useMemo(
      () =>
        !f
          ? null
          : {
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
              xAxis: { type: 'category', data: f.daily.map((x) => x.day.slice(5)) },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                { type: 'line', name: t('odcat.figures.downloads'), data: f.daily.map((x) => x.downloads), itemStyle: { color: BLUE } },
                { type: 'line', name: t('odcat.figures.calls'), data: f.daily.map((x) => x.calls), itemStyle: { color: GREEN } },
              ],
            },
      [f, t],
    ),
  );
  const chartHeight = (n: number) => Math.max(160, 28 * n + 40);

  return (
    <>
      <OpenDataNav active="figures" />
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('odcat.figures.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {(
          [
            ['datasets', f?.datasets],
            ['downloads', f?.downloads],
            ['calls', f?.calls],
            ['views', f?.views],
          ] as const
        ).map(([k, v]) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`odcat.figures.${k}`)} value={v ?? '—'} />
            </Card>
          </Col>
        ))}
      </Row>
      {f && !f.accessAvailable && <Typography.Paragraph style={{ marginTop: 8 }}>{t('odcat.figures.accessMissing')}</Typography.Paragraph>}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odcat.figures.byTheme')}</h2>}>
            <div ref={themeChart} className="yw-chart" role="img" aria-label={t('odcat.figures.byTheme')} style={{ height: chartHeight(f?.byTheme.length ?? 4) }} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odcat.figures.rate')}</h2>}>
            <div ref={rateChart} className="yw-chart" role="img" aria-label={t('odcat.figures.rate')} style={{ height: chartHeight(d?.departments.length ?? 4) }} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odcat.figures.daily')}</h2>}>
            <div ref={dailyChart} className="yw-chart" role="img" aria-label={t('odcat.figures.daily')} style={{ height: 260 }} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('odcat.figures.top')}</h2>}>
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={f?.top ?? []}
              columns={[
                {
                  title: t('odcat.figures.dataset'),
                  dataIndex: 'title',
                  render: (_: string, r) => <Link to={`/opendata/datasets/${encodeURIComponent(r.name)}`}>{local.pick(r.title, r.titleEn)}</Link>,
                },
                { title: t('odcat.figures.department'), dataIndex: 'departmentName', responsive: ['md'] },
                { title: t('odcat.figures.downloads'), dataIndex: 'downloads' },
                { title: t('odcat.figures.calls'), dataIndex: 'calls' },
                { title: t('odcat.figures.views'), dataIndex: 'views', responsive: ['sm'] },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <DutyTable duty={d} loading={duty.isLoading} />
    </>
  );
}

/** 开放责任清单: each department's owed, published and late datasets with its 开放率; a row opens to the datasets. */
export function DutyTable({ duty, loading, heading = 2 }: { duty: Duty | undefined; loading: boolean; heading?: 2 | 3 }) {
  const { t } = useTranslation();
  const local = useLocalName();
  type Dept = Duty['departments'][number];
  return (
    <section aria-labelledby="odcat-duty-title" style={{ marginTop: 16 }}>
      <Typography.Title level={heading} id="odcat-duty-title" style={{ fontSize: 20 }}>
        {t('odcat.duty.title')}
      </Typography.Title>
      {duty && (
        <>
          <Typography.Paragraph>{t('odcat.duty.intro', { days: duty.lateDays })}</Typography.Paragraph>
          <Typography.Paragraph>
            {t('odcat.duty.overall')}: <strong data-testid="odcat-duty-rate">{pct(duty.rate)}%</strong> ({duty.published} / {duty.owed}) · {t('odcat.duty.late')}: {duty.late} ·{' '}
            {t('odcat.duty.target')}: 100%
          </Typography.Paragraph>
        </>
      )}
      <Table<Dept>
        rowKey="departmentId"
        size="small"
        loading={loading}
        pagination={false}
        scroll={{ x: true }}
        dataSource={duty?.departments ?? []}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              rowKey="name"
              size="small"
              pagination={false}
              dataSource={r.datasets}
              columns={[
                {
                  title: t('odcat.figures.dataset'),
                  dataIndex: 'title',
                  render: (title: string, x) => (x.state === 'published' ? <Link to={`/opendata/datasets/${encodeURIComponent(x.name)}`}>{title}</Link> : title),
                },
                { title: t('odcat.field.openType'), dataIndex: 'openType', render: (o: string) => t(`odcat.openType.${o}`), responsive: ['md'] },
                { title: t('odcat.wb.stateFilter'), dataIndex: 'state', render: (s: string) => t(`odcat.state.${s}`) },
                { title: t('odcat.duty.due'), dataIndex: 'dueAt', render: (s: string) => new Date(s).toLocaleDateString(), responsive: ['sm'] },
                {
                  title: t('odcat.duty.late'),
                  dataIndex: 'daysLate',
                  render: (n: number) => (n > 0 ? <Tag color="red">{t('odcat.duty.daysLate', { days: n })}</Tag> : t('odcat.duty.onTime')),
                },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('odcat.duty.department'), dataIndex: 'departmentName', render: (_: string, r) => local.pick(r.departmentName, r.departmentNameEn) },
          { title: t('odcat.duty.owed'), dataIndex: 'owed' },
          { title: t('odcat.duty.published'), dataIndex: 'published' },
          { title: t('odcat.duty.late'), dataIndex: 'late', render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0) },
          { title: t('odcat.duty.rate'), dataIndex: 'rate', render: (r: number) => <Progress percent={pct(r)} size="small" strokeColor={r >= 1 ? GREEN : BLUE} style={{ minWidth: 100 }} /> },
        ]}
      />
    </section>
  );
}
