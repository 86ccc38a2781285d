import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only the chart types the app uses are bundled.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * A legend sits above a plot that starts low enough to leave it room (and axis labels inside the grid), so legend
 * entries never sit on the axes' labels.
 */
function withRoomForLegend(option: EChartsCoreOption): EChartsCoreOption {
  if (!option.legend) return option;
  const grid = (option.grid ?? {}) as { top?: number };
  return {
    ...option,
    legend: { top: 0, ...(option.legend as object) },
    grid: { ...grid, top: Math.max(typeof grid.top === 'number' ? grid.top : 0, 48), containLabel: true },
  };
}

/** An ECharts chart that follows its option and its container's width. */
export function EChart({ option, height = 320, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    chart.current = echarts.init(ref.current!);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    window.addEventListener('beforeprint', resize);
    return () => {
      window.removeEventListener('resize', resize);
      window.removeEventListener('beforeprint', resize);
      chart.current?.dispose();
    };
  }, []);
  useEffect(() => {
    // No animation: figures appear at once, and print and screenshots never catch a half-drawn bar.
    chart.current?.setOption({ animation: false, ...withRoomForLegend(option) }, true);
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} className="echart" style={{ height, width: '100%' }} />;
}
