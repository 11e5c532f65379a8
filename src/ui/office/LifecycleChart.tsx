import { createEffect, on, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface StackSeries { key: string; label: string; values: number[] }

const COLORS = ['#2c6aa3', '#4f9a6b', '#d29a2c', '#b5524a', '#7a5ea8', '#3c9aa8', '#8a8f99', '#c26b9b'];

/**
 * 生命周期分布: customers in each lifecycle stage at each month's end, as stacked bars (uPlot
 * draws each series' running total, the last stage first, so every stage shows as its own band).
 * A click on a band opens the customers behind it (`onPick`); the table below holds the figures.
 */
export function LifecycleChart(props: { months: string[]; series: StackSeries[]; ariaLabel: string; onPick: (month: number, key: string) => void }) {
  let box!: HTMLDivElement;
  let plot: uPlot | undefined;
  const totals = () => {
    const run = props.months.map(() => 0);
    return props.series.map((s) => s.values.map((v, i) => (run[i] += v)));
  };
  const build = () => {
    plot?.destroy();
    const n = props.months.length;
    const stacked = totals();
    const series = props.series.map((s, i) => ({ s, i, color: COLORS[i % COLORS.length] })).reverse();
    plot = new uPlot({
      width: Math.max(240, box.clientWidth), height: 220,
      legend: { show: true, live: false },
      cursor: { show: true, x: false, y: false, points: { show: false } },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, n - 0.5)] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.08)] } },
      axes: [
        { splits: () => props.months.map((_, i) => i), values: (_u, splits) => splits.map((i) => (n > 12 && i % 2 ? '' : (props.months[i] ?? '').slice(2))), grid: { show: false }, font: '11px sans-serif', size: 30 },
        { font: '11px sans-serif', size: 40, grid: { stroke: '#e9edf2' } },
      ],
      series: [{ label: '' }, ...series.map(({ s, color }) => ({
        label: s.label, fill: color, stroke: color, width: 0,
        paths: uPlot.paths.bars!({ size: [0.7, 48], gap: 1 }), points: { show: false },
      }))],
    }, [props.months.map((_, i) => i), ...series.map(({ i }) => stacked[i])], box);
  };
  /** The band under a click: the first stage whose running total reaches the clicked height. */
  const pick = (e: MouseEvent) => {
    if (!plot) return;
    const idx = plot.cursor.idx;
    if (idx === null || idx === undefined) return;
    const rect = plot.over.getBoundingClientRect();
    const y = plot.posToVal(e.clientY - rect.top, 'y');
    const stacked = totals();
    const hit = props.series.findIndex((_, i) => stacked[i][idx] >= y && props.series[i].values[idx] > 0);
    if (hit >= 0) props.onPick(idx, props.series[hit].key);
  };
  onMount(() => {
    build();
    box.addEventListener('click', pick);
    let last = box.clientWidth;
    const ro = new ResizeObserver(() => {
      if (Math.abs(box.clientWidth - last) > 4 && plot) { last = box.clientWidth; plot.setSize({ width: Math.max(240, last), height: 220 }); }
    });
    ro.observe(box);
    onCleanup(() => { ro.disconnect(); box.removeEventListener('click', pick); plot?.destroy(); });
  });
  createEffect(on(() => props.months.join() + props.series.map((s) => s.label + s.values.join()).join('|'), () => build(), { defer: true }));
  return <div class="lifecycle-chart" ref={box} role="img" aria-label={props.ariaLabel} data-testid="lifecycle-chart" />;
}
