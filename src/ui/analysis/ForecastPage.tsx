import { For, Show, createEffect, createMemo, createSignal, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { forecast, type ForecastRow } from '../../domain/sales';
import { userDepartments } from '../../store/analysis/pipeline';
import { nextMonth } from '../../store/analysis/quota';
import { useWorkspace } from '../shared/context';
import { t } from '../i18n';
import { DrillDialog, Fig, type DrillSpec } from './Drill';
import {
  DepartmentSelect, OwnerSelect, PeriodInputs, departmentSubtree, inDepartments, modeName, useModes, useParam,
} from './filters';
import { money, num } from '../../domain/core/format';
import { Guard } from './Guard';
import { axisFromZero } from '../shared/scale';

/**
 * 预测 (SPEC K): Σ expected amount × completion % of the active opportunities by planned close
 * month (domain/sales forecast()), as bars with the unweighted expected amount as a line.
 */
function Forecast() {
  const ctx = useWorkspace();
  const p = useParam();
  const modes = useModes();
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);

  const rows = createMemo(() => {
    ctx.version('users')(); // userDepartments reads them
    const dept = p.get('dept');
    const opps = inDepartments(ctx.visible('opportunities'), dept ? departmentSubtree(ctx.ws, dept) : null, userDepartments(ctx.ws));
    return forecast(opps, {
      modeId: p.get('mode') || undefined, ownerId: p.get('owner') || undefined,
      from: p.get('from') || undefined, to: p.get('to') || undefined,
    });
  });
  /** Every month from the first to the last dated one, so gaps show as empty bars. */
  const months = createMemo(() => {
    const dated = rows().filter((r): r is ForecastRow & { month: string } => r.month !== null);
    if (!dated.length) return [] as { month: string; row: ForecastRow | null }[];
    const by = new Map(dated.map((r) => [r.month, r]));
    const out: { month: string; row: ForecastRow | null }[] = [];
    for (let m = dated[0].month, n = 0; m <= dated[dated.length - 1].month && n < 240; m = nextMonth(m), n++) out.push({ month: m, row: by.get(m) ?? null });
    return out;
  });
  const undated = () => rows().find((r) => r.month === null);
  const total = createMemo(() => rows().reduce((s, r) => ({ count: s.count + r.count, amount: s.amount + r.amount, weighted: s.weighted + r.weighted, ids: s.ids.concat(r.ids) }),
    { count: 0, amount: 0, weighted: 0, ids: [] as string[] }));
  const open = (r: { month: string | null; ids: string[] }, figure?: string) =>
    setDrill({ title: t('analysis.forecastDrill', { month: r.month ?? t('analysis.undated') }), entity: 'opportunities', ids: r.ids, figure });

  let box!: HTMLDivElement;
  let plot: uPlot | undefined;
  const draw = () => {
    plot?.destroy();
    plot = undefined;
    const ms = months();
    if (!ms.length || !box) return;
    const xs = ms.map((_, i) => i);
    const weighted = ms.map((m) => m.row?.weighted ?? 0);
    const expected = ms.map((m) => m.row?.amount ?? 0);
    const bars = uPlot.paths.bars!({ size: [0.6, 48] });
    plot = new uPlot({
      width: Math.max(300, box.clientWidth), height: 300,
      // bars measure from zero: an automatic range would start at the smallest month and overstate the differences
      scales: { x: { time: false, range: [-0.5, ms.length - 0.5] }, y: { range: (_u, _min, max) => axisFromZero(max) } },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) && ms[i] ? ms[i].month : '')), space: 56 },
        { values: (_u, splits) => splits.map((v) => money(v, 0)), size: 84 },
      ],
      series: [
        { label: t('analysis.month'), value: (_u, i) => (i === null || !ms[i] ? '' : ms[i].month) },
        { label: t('analysis.weighted'), fill: 'rgba(44,106,163,.75)', stroke: '#2c6aa3', paths: bars, points: { show: false }, value: (_u, v) => money(v, 0) },
        { label: t('analysis.amount'), stroke: '#d69e2e', width: 2, value: (_u, v) => money(v, 0) },
      ],
      legend: { show: true, live: true },
    }, [xs, weighted, expected], box);
    const p = plot;
    // a tap has no hover: the first tap on a month puts the cursor there (the legend shows its values), a second opens it
    let tapped: number | null = null;
    p.over.addEventListener('pointerdown', (e) => {
      if (e.pointerType === 'mouse') return;
      const r = p.over.getBoundingClientRect();
      const left = e.clientX - r.left;
      const idx = p.posToIdx(left);
      p.setCursor({ left: p.valToPos(idx, 'x'), top: e.clientY - r.top });
    });
    p.over.addEventListener('click', (e) => {
      const i = p.cursor.idx;
      const m = i === null || i === undefined ? undefined : ms[i];
      const touch = (e as PointerEvent).pointerType !== undefined && (e as PointerEvent).pointerType !== 'mouse';
      if (touch && tapped !== i) { tapped = i ?? null; return; }
      if (m?.row) open(m.row);
    });
  };
  onMount(() => {
    const ro = new ResizeObserver(() => { if (plot && Math.abs(plot.width - box.clientWidth) > 8) plot.setSize({ width: Math.max(300, box.clientWidth), height: 300 }); });
    ro.observe(box);
    onCleanup(() => { ro.disconnect(); plot?.destroy(); });
  });
  createEffect(() => { months(); t('analysis.weighted'); draw(); });

  return (
    <section class="page analysis-page">
      <div class="page-head"><h1 class="page-title">{t('nav.forecast')}</h1></div>
      <div class="filter-bar">
        <label class="filter-item">
          <span>{t('pipeline.mode')}</span>
          <select aria-label={t('pipeline.mode')} value={p.get('mode')} onChange={(e) => p.set({ mode: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            <For each={modes()}>{(m) => <option value={m.id}>{modeName(m)}</option>}</For>
          </select>
        </label>
        <OwnerSelect />
        <DepartmentSelect />
        <PeriodInputs label={t('analysis.plannedPeriod')} />
      </div>
      <div class="card">
        <div ref={box} class="chart-box" data-testid="forecast-chart" />
        <Show when={!months().length}><p class="empty">{t('analysis.noData')}</p></Show>
        <p class="muted small">{t('analysis.forecastHint')}</p>
      </div>
      <div class="card table-card">
        <div class="table-wrap">
          <table class="grid simple figures" data-testid="forecast-table">
            <thead><tr>
              <th>{t('analysis.month')}</th><th class="num">{t('analysis.count')}</th>
              <th class="num">{t('analysis.amount')}</th><th class="num">{t('analysis.weighted')}</th>
            </tr></thead>
            <tbody>
              <For each={rows()} fallback={<tr class="empty-row"><td colSpan={4} class="muted">{t('analysis.noData')}</td></tr>}>{(r) => (
                <tr data-month={r.month ?? 'none'}>
                  <td>{r.month ?? t('analysis.undated')}</td>
                  <td class="num"><Fig v={num(r.count)} on={() => open(r, t('analysis.count'))} /></td>
                  <td class="num"><Fig v={money(r.amount)} on={() => open(r, t('analysis.amount'))} /></td>
                  <td class="num"><Fig v={money(r.weighted)} on={() => open(r, t('analysis.weighted'))} /></td>
                </tr>
              )}</For>
            </tbody>
            <tfoot><tr>
              <td>{t('analysis.total')}</td>
              <td class="num"><Fig v={num(total().count)} on={() => open({ month: t('analysis.total'), ids: total().ids })} /></td>
              <td class="num"><Fig v={money(total().amount)} on={() => open({ month: t('analysis.total'), ids: total().ids })} /></td>
              <td class="num"><Fig v={money(total().weighted)} on={() => open({ month: t('analysis.total'), ids: total().ids })} /></td>
            </tr></tfoot>
          </table>
        </div>
        <Show when={undated()}><p class="muted small">{t('analysis.undatedHint')}</p></Show>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export default function ForecastPage() {
  return <Guard module="analysis"><Forecast /></Guard>;
}
