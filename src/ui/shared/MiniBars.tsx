import { For, Show, createEffect, onCleanup, type JSX } from 'solid-js';
import { A } from '@solidjs/router';
import type uPlotType from 'uplot';
import { axisFromZero, fit } from './scale';

/** One bar: its label, its figure and the list or page holding the records behind it. */
export interface BarItem { key: string; label: string; value: number; href?: string; note?: string }

/** A figure linking to its records, or plain text where there is no list behind it (a survey's answers). */
function Linked(props: { href?: string; children: JSX.Element }) {
  return <Show when={props.href} fallback={props.children}>{(href) => <A href={href()}>{props.children}</A>}</Show>;
}

/**
 * A small bar chart for a home card, drawn with uPlot — loaded the first time a chart shows, so
 * it is not in the first-load JavaScript — over the figures as a list that is also the chart's
 * table fallback: every label and figure links to the records behind it (when it has an `href`). Bars start at zero; all
 * zero (or nothing) shows the empty text instead of a chart.
 */
export function MiniBars(props: { items: BarItem[]; label: string; empty: string; format?: (v: number) => string; testid?: string }) {
  const fmt = (v: number) => (props.format ? props.format(v) : String(v));
  const any = () => props.items.some((i) => i.value > 0);
  let box: HTMLDivElement | undefined;
  let plot: uPlotType | undefined;
  let drawn = 0;
  const draw = async () => {
    const run = ++drawn;
    const items = props.items;
    plot?.destroy();
    plot = undefined;
    if (!box || !items.some((i) => i.value > 0)) return;
    const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
    if (run !== drawn || !box) return; // a newer draw started meanwhile
    const max = Math.max(...items.map((i) => i.value));
    plot = new uPlot({
      width: Math.max(200, box.clientWidth), height: 120,
      legend: { show: false }, cursor: { show: false },
      scales: { x: { time: false, range: [-0.5, items.length - 0.5] }, y: { range: () => axisFromZero(max) } },
      axes: [
        { values: (u, splits) => splits.map((i) => (Number.isInteger(i) && items[i] ? fit(items[i].label, u.bbox.width / (globalThis.devicePixelRatio || 1) / items.length) : '')),
          size: 28, gap: 2, font: '11px sans-serif', grid: { show: false } },
        { show: false },
      ],
      series: [{}, { label: props.label, fill: 'rgba(44,106,163,.7)', stroke: '#2c6aa3', paths: uPlot.paths.bars!({ size: [0.6, 40] }), points: { show: false } }],
    }, [items.map((_, i) => i), items.map((i) => i.value)], box);
  };
  createEffect(() => { void props.items; void draw(); });
  const ro = new ResizeObserver(() => { if (plot && box && Math.abs(plot.width - box.clientWidth) > 8) plot.setSize({ width: Math.max(200, box.clientWidth), height: 120 }); });
  createEffect(() => { if (box) ro.observe(box); });
  onCleanup(() => { ro.disconnect(); drawn++; plot?.destroy(); });
  return (
    <div class="mini-bars" data-testid={props.testid}>
      <Show when={any()} fallback={<p class="muted empty-line">{props.empty}</p>}>
        <div ref={box} class="mini-chart" role="img" aria-label={props.label} />
      </Show>
      <table class="grid simple mini-table">
        <tbody>
          <For each={props.items}>{(i) => (
            <tr data-key={i.key}>
              <td><Linked href={i.href}>{i.label}</Linked><Show when={i.note}> <span class="muted small">{i.note}</span></Show></td>
              <td class="num"><Linked href={i.href}>{fmt(i.value)}</Linked></td>
            </tr>
          )}</For>
        </tbody>
      </table>
    </div>
  );
}
