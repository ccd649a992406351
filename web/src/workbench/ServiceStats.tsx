import { Card, Col, Row, Segmented, Statistic, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../api';
import { useChart } from '../shell/useChart';
import type { Answer } from '../api/client';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = Answer<'/api/services/stats'>['rows'][number];
type Figure = Answer<'/api/services/stats/evaluations'>[number];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Figures per department: a stacked bar chart of the flow, the table beside it, and 好差评 per item or staff. */
export function ServiceStats() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ['svc-stats'], queryFn: () => api<{ rows: Row[]; total: Row }>('/api/services/stats') });
  const [by, setBy] = useState<'department' | 'item' | 'staff'>('item');
  const figures = useQuery({ queryKey: ['svc-figures', by], queryFn: () => api<Figure[]>(`/api/services/stats/evaluations?by=${by}`) });
  const rows = useMemo(() => stats.data?.rows ?? [], [stats.data]);
  const chartRef = useChart(
    useMemo(() => {
      if (rows.length === 0) return null;
      const top = rows.slice(0, 12).reverse();
      return {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('svc.received'), t('svc.completed'), t('svc.overdueCount')] },
        grid: { left: 160, right: 16, top: 32, bottom: 24 },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: top.map((r) => r.name.replace(/^乌兰浩特市/, '')) },
        series: [
          { name: t('svc.received'), type: 'bar', data: top.map((r) => r.received), itemStyle: { color: '#0b4fa8' } },
          { name: t('svc.completed'), type: 'bar', data: top.map((r) => r.completed), itemStyle: { color: '#2e7d32' } },
          { name: t('svc.overdueCount'), type: 'bar', data: top.map((r) => r.overdue), itemStyle: { color: '#b3261e' } },
        ],
      };
    }, [rows, t]),
  );
  const total = stats.data?.total;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.received')} value={total?.received ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.accepted')} value={total?.accepted ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.completed')} value={total?.completed ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.overdueCount')} value={total?.overdue ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.onlineShare')} value={pct(total?.onlineShare ?? 0)} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card>
            <Statistic title={t('svc.score')} value={total?.averageScore ?? '—'} />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.chartTitle')}</h2>} style={{ marginTop: 16 }}>
        <div ref={chartRef} className="yw-chart" role="img" aria-label={t('svc.chartTitle')} />
      </Card>
      <Table<Row>
        style={{ marginTop: 16 }}
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rows}
        columns={[
          { title: t('svc.department'), dataIndex: 'name' },
          { title: t('svc.received'), dataIndex: 'received' },
          { title: t('svc.accepted'), dataIndex: 'accepted' },
          { title: t('svc.completed'), dataIndex: 'completed' },
          { title: t('svc.overdueCount'), dataIndex: 'overdue' },
          { title: t('svc.onlineShare'), dataIndex: 'onlineShare', render: pct },
          { title: t('svc.avgDays'), dataIndex: 'averageWorkingDays', render: (v: number | null) => v ?? '—' },
          { title: t('svc.score'), dataIndex: 'averageScore', render: (v: number | null) => v ?? '—' },
        ]}
      />
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('svc.evaluations')}</h2>} style={{ marginTop: 16 }}>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          options={[
            { value: 'item', label: t('svc.byItem') },
            { value: 'department', label: t('svc.department') },
            { value: 'staff', label: t('svc.byStaff') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<Figure>
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={figures.data ?? []}
          columns={[
            { title: by === 'staff' ? t('svc.byStaff') : by === 'item' ? t('svc.item') : t('svc.department'), dataIndex: 'name' },
            { title: t('svc.evaluations'), dataIndex: 'count' },
            { title: t('svc.score'), dataIndex: 'average' },
            { title: t('svc.satisfiedShare'), dataIndex: 'satisfiedShare', render: pct },
            { title: t('svc.bad'), dataIndex: 'bad' },
          ]}
        />
      </Card>
    </>
  );
}
