import { Card, Col, InputNumber, Row, Space, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../../api';
import { useChart } from '../../../shell/useChart';
import type { TaskFigures } from './types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 监管效能 of the region and year: the headline figures, and tasks made vs results published per month (chart and table). */
export function Figures() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const figures = useQuery({ queryKey: ['regtask-figures', year], queryFn: () => api<TaskFigures>(`/api/regulation/tasks/figures?year=${year}`) });
  const f = figures.data;
  const chartRef = useChart(
    useMemo(() => {
      if (!f) return null;
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: f.months.map((m) => t('regtask.fig.month', { m: m.month })) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { type: 'bar', name: t('regtask.fig.created'), data: f.months.map((m) => m.created), itemStyle: { color: '#0b4fa8' } },
          { type: 'bar', name: t('regtask.fig.recordedSeries'), data: f.months.map((m) => m.recorded), itemStyle: { color: '#237804' } },
        ],
      };
    }, [f, t]),
  );
  const stats: [string, number | string][] = f
    ? [
        ['inspectedObjects', f.inspectedObjects],
        ['tasks', f.tasks.total],
        ['open', f.tasks.open],
        ['overdue', f.tasks.overdue],
        ['recorded', f.results.recorded],
        ['problemsFound', f.results.problemsFound],
        ['filedForPenalty', f.results.filedForPenalty],
        ['unpublishedPastDeadline', f.results.unpublishedPastDeadline],
        ['penalties', f.penalties.count],
        ['amount', f.penalties.amountYuan.toLocaleString()],
        ['commitments', `${f.commitments.onTime} / ${f.commitments.late} / ${f.commitments.open} / ${f.commitments.overdue}`],
      ]
    : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <label>
        {t('regtask.fig.year')} <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('regtask.fig.year')} />
      </label>
      <Row gutter={[12, 12]}>
        {stats.map(([k, v]) => (
          <Col key={k} xs={12} md={6}>
            <Card size="small">
              <Statistic title={t(`regtask.fig.${k}`)} value={v} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 'inherit' }}>{t('regtask.fig.chart')}</h3>}>
        <div ref={chartRef} className="yw-chart" role="img" aria-label={t('regtask.fig.chart')} style={{ height: 280 }} />
        <Table
          rowKey="month"
          size="small"
          pagination={false}
          style={{ marginTop: 8 }}
          dataSource={f?.months ?? []}
          columns={[
            { title: t('regtask.fig.year'), dataIndex: 'month', render: (m: number) => t('regtask.fig.month', { m }) },
            { title: t('regtask.fig.created'), dataIndex: 'created' },
            { title: t('regtask.fig.recordedSeries'), dataIndex: 'recorded' },
          ]}
        />
      </Card>
    </Space>
  );
}
