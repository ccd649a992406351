import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * Draws an ECharts option into the returned div and keeps it sized with the window; a new option
 * redraws it, `null` draws nothing (data still loading). Pages register the chart types they use.
 */
export function useChart(option: echarts.EChartsCoreOption | null) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current || !option) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}
