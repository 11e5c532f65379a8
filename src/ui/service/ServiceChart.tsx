import { pct } from '../../domain/core/format';
import { createEffect, on, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface BarSeries { label: string; values: (number | null)[]; color: string }

/**
 * Grouped bars (uPlot): one group per category on the x axis, one bar per series, values 0–100 %.
 * Loaded only with the analysis page, so uPlot stays out of the first-load JavaScript.
 */
export function ServiceChart(props: { categories: string[]; series: BarSeries[]; height?: number; ariaLabel: string }) {
  let box!: HTMLDivElement;
  let plot: uPlot | undefined;

  const build = () => {
    plot?.destroy();
    const n = props.categories.length;
    const cats = props.categories;
    const width = Math.max(240, box.clientWidth);
    const aligns: (-1 | 0 | 1)[] = props.series.length === 2 ? [-1, 1] : props.series.map(() => 0);
    const opts: uPlot.Options = {
      width,
      height: props.height ?? 300,
      legend: { show: true, live: false },
      cursor: { show: true, x: false, y: false, points: { show: false } },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: [0, 100] } },
      axes: [
        {
          splits: () => cats.map((_, i) => i),
          values: (_u, splits) => splits.map((i) => shorten(cats[i] ?? '', n)),
          grid: { show: false },
          font: '11px sans-serif',
          size: 36,
        },
        { values: (_u, splits) => splits.map((v) => `${v}%`), font: '11px sans-serif', size: 44, grid: { stroke: '#e9edf2' } },
      ],
      series: [
        { label: '' },
        ...props.series.map((s, i) => ({
          label: s.label,
          fill: s.color,
          stroke: s.color,
          width: 0,
          paths: uPlot.paths.bars!({ size: [props.series.length === 2 ? 0.38 : 0.6, 44], align: aligns[i], gap: 1 }),
          points: { show: false },
          value: (_u: uPlot, v: number | null) => pct(v, 2),
        })),
      ],
    };
    const data: uPlot.AlignedData = [cats.map((_, i) => i), ...props.series.map((s) => s.values.map((v) => (v === null ? null : v)))];
    plot = new uPlot(opts, data, box);
  };

  onMount(() => {
    build();
    let last = box.clientWidth;
    const ro = new ResizeObserver(() => {
      if (Math.abs(box.clientWidth - last) > 4 && plot) { last = box.clientWidth; plot.setSize({ width: Math.max(240, last), height: props.height ?? 300 }); }
    });
    ro.observe(box);
    onCleanup(() => { ro.disconnect(); plot?.destroy(); });
  });
  // rebuild when the groups or figures change (axis labels are part of the options)
  createEffect(on(() => [props.categories.join('\n'), ...props.series.map((s) => s.label + s.values.join())].join('|'), () => build(), { defer: true }));

  return <div class="svc-chart" ref={box} role="img" aria-label={props.ariaLabel} />;
}

/** Long axis labels are cut when many groups share the axis. */
function shorten(s: string, n: number): string {
  const max = n > 8 ? 4 : n > 5 ? 6 : 10;
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}
