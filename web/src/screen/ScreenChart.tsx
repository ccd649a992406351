import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Colours of the dark screen: bright enough on its navy panels. */
export const INK = { text: '#dbe7f5', muted: '#a9bdd6', line: 'rgba(169,189,214,0.22)', series: ['#4fc3f7', '#ffd166', '#7bd88f', '#ff8a80'] };

/**
 * An ECharts drawing that follows its box: the screen's panels change size with the window and
 * the chosen panels, so it resizes on a ResizeObserver, not only on window resize. A new option
 * updates the same chart (a refetch does not redraw from scratch).
 */
export function ScreenChart({ option, label }: { option: echarts.EChartsCoreOption | null; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    if (option) chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={ref} className="scr-chart" role="img" aria-label={label} />;
}

/** Axes, grid and tooltip shared by the screen's charts. */
export function baseOption(): echarts.EChartsCoreOption {
  return {
    textStyle: { color: INK.text },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 12, top: 28, bottom: 4, containLabel: true },
    legend: { top: 0, right: 0, textStyle: { color: INK.text } },
  };
}
