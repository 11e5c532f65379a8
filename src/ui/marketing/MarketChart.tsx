import { createEffect, on, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { money } from '../../domain/core/format';
import { axisFromZero } from '../shared/scale';
import { axisLabels } from './axis-labels';

export interface MoneySeries { label: string; values: number[]; color: string }

/**
 * Grouped money bars (uPlot, loaded with the analysis page only): one group per activity or type,
 * cost beside won amount, from zero. A click (a second tap on touch) on a group calls `onPick`.
 */
export function MarketChart(props: { categories: string[]; series: MoneySeries[]; ariaLabel: string; onPick: (i: number) => void }) {
  let box!: HTMLDivElement;
  let plot: uPlot | undefined;
  const height = 260;
  const build = () => {
    plot?.destroy();
    plot = undefined;
    const cats = props.categories;
    if (!cats.length) return;
    const max = Math.max(0, ...props.series.flatMap((s) => s.values));
    const aligns: (-1 | 1)[] = [-1, 1];
    plot = new uPlot({
      width: Math.max(260, box.clientWidth), height,
      legend: { show: true, live: false },
      cursor: { show: true, x: false, y: false, points: { show: false } },
      scales: { x: { time: false, range: [-0.5, Math.max(0.5, cats.length - 0.5)] }, y: { range: () => axisFromZero(max) } },
      axes: [
        { splits: () => cats.map((_, i) => i), values: (u, splits) => axisLabels(cats, splits, u.width - 80), grid: { show: false }, font: '11px sans-serif', size: 36 },
        { values: (_u, splits) => splits.map((v) => money(v, 0)), font: '11px sans-serif', size: 80, grid: { stroke: '#e9edf2' } },
      ],
      series: [
        { label: '' },
        ...props.series.map((s, i) => ({
          label: s.label, fill: s.color, stroke: s.color, width: 0, points: { show: false },
          paths: uPlot.paths.bars!({ size: [0.38, 40], align: aligns[i] ?? 1, gap: 1 }),
          value: (_u: uPlot, v: number | null) => money(v, 0),
        })),
      ],
    }, [cats.map((_, i) => i), ...props.series.map((s) => s.values)], box);
    const p = plot;
    let tapped: number | null = null;
    p.over.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse') return;
      const r = p.over.getBoundingClientRect();
      p.setCursor({ left: p.valToPos(p.posToIdx(e.clientX - r.left), 'x'), top: e.clientY - r.top });
    });
    p.over.addEventListener('click', (e) => {
      const i = p.cursor.idx;
      if (i === null || i === undefined) return;
      const touch = (e as PointerEvent).pointerType !== undefined && (e as PointerEvent).pointerType !== 'mouse';
      if (touch && tapped !== i) { tapped = i; return; }
      props.onPick(i);
    });
  };
  onMount(() => {
    build();
    const ro = new ResizeObserver(() => { if (plot && Math.abs(plot.width - box.clientWidth) > 8) plot.setSize({ width: Math.max(260, box.clientWidth), height }); });
    ro.observe(box);
    onCleanup(() => { ro.disconnect(); plot?.destroy(); });
  });
  createEffect(on(() => [props.categories.join('\n'), ...props.series.map((s) => s.label + s.values.join())].join('|'), () => build(), { defer: true }));
  return <div class="mkt-chart" ref={box} role="img" aria-label={props.ariaLabel} data-testid="market-chart" />;
}
