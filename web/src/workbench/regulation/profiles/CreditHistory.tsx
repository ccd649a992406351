import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useChart } from '../../../shell/useChart';
import type { ClassOf } from './types';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** D at the bottom, A at the top: up is better. */
const AXIS = ['D', 'C', 'B', 'A'];

/** 信用风险分类历史 as a small step chart (oldest left); the list beside it says the same in words. */
export function CreditHistory({ history }: { history: ClassOf[] }) {
  const { t, i18n } = useTranslation();
  const points = useMemo(() => [...history].reverse(), [history]);
  const ref = useChart(
    useMemo(() => {
      if (points.length === 0) return null;
      const day = (iso: string) => new Date(iso).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' });
      return {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => day(p.computedAt)) },
        yAxis: { type: 'category', data: AXIS },
        series: [{ type: 'line', step: 'end', name: t('regprof.credit.current'), data: points.map((p) => p.class), itemStyle: { color: '#0b4fa8' } }],
      };
    }, [points, t, i18n.language]),
  );
  if (points.length === 0) return null;
  return <div ref={ref} className="yw-chart" role="img" aria-label={`${t('regprof.credit.chart')}: ${points.map((p) => p.class).join(' → ')}`} style={{ height: 180, width: '100%' }} />;
}
