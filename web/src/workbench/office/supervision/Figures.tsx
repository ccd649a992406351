import { Card, Table } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../../../api';
import { useChart } from '../../../shell/useChart';
import type { UnitFigures } from './types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SERIES = ['onTime', 'overdue', 'returned', 'done'] as const;
const COLOURS = { onTime: '#237804', overdue: '#b3261e', returned: '#ad6800', done: '#0b4fa8' };

/** 各单位督办统计: a bar chart, and the same figures as a table for screen readers and phones. */
export function Figures() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const figures = useQuery({ queryKey: ['offsup-figures'], queryFn: () => api<{ items: UnitFigures[] }>('/api/office/supervision/figures') });
  const items = figures.data?.items;
  const name = (f: UnitFigures) => (en && f.nameEn ? f.nameEn : f.name);
  const chartRef = useChart(
    useMemo(() => {
      if (!items) return null;
      return {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: items.map(name).reverse() },
        series: SERIES.map((s) => ({ type: 'bar', name: t(`offsup.cols.${s}`), data: items.map((f) => f[s]).reverse(), itemStyle: { color: COLOURS[s] } })),
      };
      // eslint-disable-next-line react-hooks/exhaustive-deps -- `name` follows the language, which `t` already does
    }, [items, t]),
  );
  return (
    <>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offsup.figuresChart')}</h2>} style={{ marginBottom: 16 }}>
        <div ref={chartRef} className="yw-chart" role="img" aria-label={t('offsup.figuresChart')} style={{ height: 320 }} />
      </Card>
      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('offsup.figuresTable')}</h2>}>
        <Table<UnitFigures>
          rowKey="departmentId"
          size="small"
          scroll={{ x: true }}
          pagination={false}
          loading={figures.isLoading}
          dataSource={items ?? []}
          columns={[
            { title: t('offsup.cols.name'), key: 'name', render: (_, f) => name(f) },
            { title: t('offsup.cols.tasks'), dataIndex: 'tasks' },
            ...SERIES.map((s) => ({ title: t(`offsup.cols.${s}`), dataIndex: s })),
          ]}
        />
      </Card>
    </>
  );
}
