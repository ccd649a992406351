import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { api } from '../api';
import { useTitle } from '../shell/useTitle';
import { useChart } from '../shell/useChart';
import { can, useMe } from '../shell/session';
import { CityPanel } from './CityPanel';
import type { Department } from '../admin/Departments';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Command screen: first figures of the organisation; pillar indicators join as modules arrive. */
export function ScreenHome() {
  const { t } = useTranslation();
  useTitle('screen.title');
  const { data: me } = useMe();
  const depts = useQuery({ queryKey: ['screen-depts'], queryFn: () => api<{ items: Department[] }>('/api/org/departments?limit=200') });
  const streets = useQuery({ queryKey: ['regions', '152201'], queryFn: () => api<{ code: string }[]>('/api/org/regions?parent=152201') });
  const items = depts.data?.items ?? [];
  const chartRef = useChart(
    useMemo(() => {
      const list = depts.data?.items ?? [];
      if (list.length === 0) return null;
      const byRegion = new Map<string, number>();
      for (const d of list) byRegion.set(d.regionName, (byRegion.get(d.regionName) ?? 0) + 1);
      return {
        tooltip: {},
        grid: { left: 100, right: 16, top: 16, bottom: 24 },
        xAxis: { type: 'value' },
        yAxis: { type: 'category', data: [...byRegion.keys()] },
        series: [{ type: 'bar', data: [...byRegion.values()], itemStyle: { color: '#9f1d20' } }],
      };
    }, [depts.data]),
  );
  return (
    <>
      <Typography.Title level={1}>{t('screen.title')}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('screen.departments')} value={items.length} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('screen.staff')} value={items.reduce((s, d) => s + d.staffCount, 0)} />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t('screen.streets')} value={streets.data?.length ?? 0} />
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ margin: 0, fontSize: 'inherit' }}>{t('screen.chart')}</h2>} style={{ marginTop: 16 }}>
        <div ref={chartRef} className="yw-chart" role="img" aria-label={t('screen.chart')} />
      </Card>
      {can(me, 'cases.supervise') && can(me, 'cases.stats') && <CityPanel />}
    </>
  );
}
