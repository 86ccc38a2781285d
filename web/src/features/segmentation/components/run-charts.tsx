import { useMemo } from 'react';
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { MarkPointComponent } from 'echarts/components';
import { EChart } from '../../../components/ui/echart.tsx';
import type { RunDetail } from '../api/segmentation-api.ts';
import { useSegmentationT } from '../i18n.ts';

// The shared chart bundles bar and line; the PCA scatter and the elbow's K marker are this feature's own.
echarts.use([ScatterChart, MarkPointComponent]);

export const CLUSTER_COLOURS = ['#2f6fde', '#e8833a', '#3aa56b', '#c2416b', '#8a63d2', '#c9a227', '#2aa3b5', '#6b7280'];

/** Customers on the first two principal axes, one colour per cluster. */
export function ProjectionChart({ run, names }: { run: RunDetail; names: string[] }) {
  const { t } = useSegmentationT();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 'PC1', nameLocation: 'middle', nameGap: 24, scale: true },
      yAxis: { type: 'value', name: 'PC2', nameLocation: 'middle', nameGap: 28, scale: true },
      series: names.map((name, j) => ({
        name,
        type: 'scatter',
        symbolSize: 4,
        itemStyle: { color: CLUSTER_COLOURS[j % CLUSTER_COLOURS.length] },
        data: (run.projection?.points ?? []).filter((p) => p[2] === j).map((p) => [p[0], p[1]]),
      })),
    }),
    [run.projection, names],
  );
  return <EChart option={option} height={360} label={t('run.scatter')} />;
}

/** Inertia per K (the elbow) with the silhouette beside it; the K used is marked. */
export function ElbowChart({ run }: { run: RunDetail }) {
  const { t } = useSegmentationT();
  const option = useMemo(() => {
    const elbow = run.elbow ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', name: t('run.k'), data: elbow.map((p) => String(p.k)) },
      yAxis: [
        { type: 'value', name: t('run.inertia') },
        { type: 'value', name: t('run.silhouette'), min: 0, max: 1, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('run.inertia'),
          type: 'line',
          data: elbow.map((p) => Math.round(p.inertia)),
          markPoint: {
            data: elbow
              .filter((p) => p.k === run.kUsed)
              .map((p) => ({ coord: [String(p.k), Math.round(p.inertia)], value: `K=${p.k}` })),
          },
        },
        {
          name: t('run.silhouette'),
          type: 'bar',
          yAxisIndex: 1,
          barWidth: 14,
          data: elbow.map((p) => Number(p.silhouette.toFixed(3))),
        },
      ],
    };
  }, [run.elbow, run.kUsed, t]);
  return <EChart option={option} height={300} label={t('run.elbow', { n: run.elbowSampleSize ?? 0 })} />;
}
