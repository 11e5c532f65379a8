import { For, Show, createMemo, createSignal, onMount } from 'solid-js';
import { A } from '@solidjs/router';
import { funnel, funnelChange, quotaMap, type Bucket, type FunnelRow } from '../../domain/sales';
import { FUNNEL_FILL } from './colors';
import { userDepartments } from '../../store/analysis/pipeline';
import { quotaSource } from '../../store/analysis/quota';
import { useWorkspace } from '../shared/context';
import { t } from '../i18n';
import { DrillDialog, Fig, type DrillSpec } from './Drill';
import {
  NoModes, PipelineFilters, departmentSubtree, inDepartments, localToday,
  stageName, useModeId, useModes, useParam,
} from './filters';
import { DASH, money, num, pct } from '../../domain/core/format';
import { Guard } from './Guard';

/**
 * 销售漏斗 (SPEC K; U8 §2.1.1.7): per stage of one sales mode the count, amount and weighted
 * amount of the active opportunities, the drop-off from the stage before, and the attainment of the
 * stage quota coloured red / yellow / green. Figures come from domain/sales funnel(); quotas from
 * the sales plan through the U8 quota helper (store/analysis/quota.ts).
 */

function Funnel() {
  const ctx = useWorkspace();
  const p = useParam();
  const modes = useModes();
  const modeId = useModeId();
  const basis = () => (p.get('basis') === 'amount' ? 'amount' : 'count');
  const month = () => (/^\d{4}-\d{2}$/.test(p.get('month')) ? p.get('month') : localToday().slice(0, 7));
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);

  const source = createMemo(() => {
    ctx.version('salesPlans')(); ctx.version('salesStages')(); ctx.version('opportunities')();
    if (!modeId()) return null;
    return quotaSource(ctx.ws, { modeId: modeId(), month: month(), ownerId: p.get('owner') || undefined, departmentId: p.get('dept') || undefined });
  });
  const data = createMemo(() => {
    ctx.version('users')(); ctx.version('departments')(); // userDepartments and departmentSubtree read them
    const t0 = performance.now();
    const all = ctx.visible('opportunities');
    const t1 = performance.now();
    const dept = p.get('dept');
    const opps = inDepartments(all, dept ? departmentSubtree(ctx.ws, dept) : null, userDepartments(ctx.ws));
    const s = source();
    const quotas = s?.result ? quotaMap(s.result, basis()) : undefined;
    const f = funnel(opps, ctx.live('salesStages'), modeId(), {
      filter: { ownerId: p.get('owner') || undefined, from: p.get('from') || undefined, to: p.get('to') || undefined, periodField: 'plannedDate' },
      quotas, basis: basis(),
    });
    performance.measure('keyuan:funnel-read', { start: t0, end: t1 });
    performance.measure('keyuan:funnel-compute', { start: t1, end: performance.now() });
    return f;
  });

  // the bench reads this: the funnel is computed and painted
  onMount(() => requestAnimationFrame(() => performance.mark('keyuan:funnel-painted')));
  const open = (title: string, b: Bucket, figure?: string) => setDrill({ title, entity: 'opportunities', ids: b.ids, figure });
  const rowTitle = (r: FunnelRow) => t('analysis.funnelDrill', { stage: stageName(r) });

  return (
    <section class="page analysis-page">
      <div class="page-head">
        <h1 class="page-title">{t('nav.funnel')}</h1>
        <span class="grow" />
        <A class="btn" href={`/w/${ctx.ws.id}/analysis/forecast`}>{t('nav.forecast')}</A>
        <A class="btn" href={`/w/${ctx.ws.id}/quota`}>{t('nav.quota')}</A>
      </div>
      <div class="filter-bar">
        <PipelineFilters />
        <label class="filter-item">
          <span>{t('analysis.quotaBasis')}</span>
          <select aria-label={t('analysis.quotaBasis')} value={basis()} onChange={(e) => p.set({ basis: e.currentTarget.value === 'amount' ? 'amount' : '' })}>
            <option value="count">{t('analysis.basisCount')}</option>
            <option value="amount">{t('analysis.basisAmount')}</option>
          </select>
        </label>
        <label class="filter-item">
          <span>{t('analysis.quotaMonth')}</span>
          <input type="month" aria-label={t('analysis.quotaMonth')} value={month()} onChange={(e) => p.set({ month: e.currentTarget.value })} />
        </label>
      </div>
      <NoModes when={!modes().length} />
      <Show when={modeId()}>
        <QuotaNote />
        <Show when={data().rows.length} fallback={<p class="notice" data-testid="funnel-no-stages">{t('analysis.noStages')} <A href={`/w/${ctx.ws.id}/sales-modes`}>{t('nav.salesModes')}</A></p>}>
        <div class="funnel-layout">
          <div class="card funnel-card">
            <Show when={!data().total.count}><p class="empty" data-testid="funnel-empty">{t('analysis.funnelEmpty')}</p></Show>
            <FunnelSvg rows={data().rows} basis={basis()} onPick={(r) => open(rowTitle(r), r)} />
            <div class="funnel-legend">
              <span><i style={{ background: FUNNEL_FILL.green }} />{t('analysis.legendGreen')}</span>
              <span><i style={{ background: FUNNEL_FILL.yellow }} />{t('analysis.legendYellow')}</span>
              <span><i style={{ background: FUNNEL_FILL.red }} />{t('analysis.legendRed')}</span>
              <span><i style={{ background: FUNNEL_FILL.none }} />{t('analysis.legendNone')}</span>
            </div>
          </div>
          <div class="card table-card">
            <div class="table-wrap">
              <table class="grid simple figures" data-testid="funnel-table">
                <thead><tr>
                  <th>{t('analysis.stage')}</th><th class="num">{t('analysis.count')}</th><th class="num">{t('analysis.amount')}</th>
                  <th class="num">{t('analysis.weighted')}</th><th class="num">{t('analysis.quota')}</th>
                  <th class="num">{t('analysis.attainment')}</th><th class="num">{t('analysis.dropOff')}</th>
                </tr></thead>
                <tbody>
                  <For each={data().rows}>{(r) => (
                    <tr data-stage={r.stageId}>
                      <td><i class="swatch" style={{ background: FUNNEL_FILL[r.color] }} />{stageName(r)}</td>
                      <td class="num"><Fig v={num(r.count)} on={() => open(rowTitle(r), r, t('analysis.count'))} /></td>
                      <td class="num"><Fig v={money(r.amount)} on={() => open(rowTitle(r), r, t('analysis.amount'))} /></td>
                      <td class="num"><Fig v={money(r.weighted)} on={() => open(rowTitle(r), r, t('analysis.weighted'))} /></td>
                      <td class="num">{r.quota === null ? DASH : basis() === 'amount' ? money(r.quota, 0) : num(r.quota)}</td>
                      <td class="num" classList={{ [`tone-${r.color}`]: true }}>{pct(r.attainment)}</td>
                      <td class="num" data-change={r.end ? 'end' : funnelChange(r.dropOff) ?? 'none'}
                        classList={{ 'tone-green': funnelChange(r.dropOff) === 'rise' }} title={r.end ? t('analysis.endStage') : undefined}>
                        {r.end ? <span class="muted">{t('analysis.endStageShort')}</span> : dropText(r)}</td>
                    </tr>
                  )}</For>
                  <Show when={data().unstaged.count}>
                    <tr class="muted">
                      <td>{t('analysis.unstaged')}</td>
                      <td class="num"><Fig v={num(data().unstaged.count)} on={() => open(t('analysis.unstaged'), data().unstaged)} /></td>
                      <td class="num"><Fig v={money(data().unstaged.amount)} on={() => open(t('analysis.unstaged'), data().unstaged)} /></td>
                      <td class="num"><Fig v={money(data().unstaged.weighted)} on={() => open(t('analysis.unstaged'), data().unstaged)} /></td>
                      <td /><td /><td />
                    </tr>
                  </Show>
                </tbody>
                <tfoot><tr data-stage="total">
                  <td>{t('analysis.total')}</td>
                  <td class="num"><Fig v={num(data().total.count)} on={() => open(t('analysis.funnelTotal'), data().total, t('analysis.count'))} /></td>
                  <td class="num"><Fig v={money(data().total.amount)} on={() => open(t('analysis.funnelTotal'), data().total, t('analysis.amount'))} /></td>
                  <td class="num"><Fig v={money(data().total.weighted)} on={() => open(t('analysis.funnelTotal'), data().total, t('analysis.weighted'))} /></td>
                  <td /><td /><td />
                </tr></tfoot>
              </table>
            </div>
            <p class="muted small">{t('analysis.funnelHint')}</p>
          </div>
        </div>
        </Show>
      </Show>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );

  function QuotaNote() {
    const s = () => source();
    return (
      <Show when={s()}>{(src) => (
        <p class="muted small quota-note">
          <Show when={src().target} fallback={<>{t('analysis.noPlan', { month: month() })} <A href={`/w/${ctx.ws.id}/plans`}>{t('nav.plans')}</A></>}>
            {(tg) => t('analysis.quotaFrom', {
              month: month(), target: money(tg().target, 0),
              deal: money(src().dealSize.value, 0),
              from: t(tg().from === 'quarter' ? 'analysis.fromQuarter' : 'analysis.fromMonth'),
            })}
          </Show>
        </p>
      )}</Show>
    );
  }
}

/**
 * The funnel drawn as stacked trapezoids, one per stage; each one's top width follows the stage's
 * count (or amount) and its bottom meets the next stage, filled with the quota colour.
 */
function FunnelSvg(props: { rows: FunnelRow[]; basis: 'count' | 'amount'; onPick: (r: FunnelRow) => void }) {
  const W = 720;
  const H = 62;
  const GAP = 4;
  const CX = 330;
  const MAXW = 330;
  const MINW = 56;
  const measure = (r: FunnelRow) => (props.basis === 'amount' ? r.amount : r.count);
  const max = () => Math.max(0, ...props.rows.map(measure));
  // nothing to measure: an outline narrowing by stage, so the stages still read as a funnel (ghost fill)
  const width = (r: FunnelRow | undefined, i: number) => {
    if (!r) return 0;
    if (!max()) return MAXW - (MAXW - MINW) * (i / Math.max(1, props.rows.length));
    return MINW + (MAXW - MINW) * (measure(r) / max());
  };
  const height = () => props.rows.length * H + 8;
  return (
    <svg class="funnel-svg" viewBox={`0 0 ${W} ${height()}`} role="img" aria-label={t('nav.funnel')}
      style={{ 'max-height': `${height() * 1.1}px` }}>
      <For each={props.rows}>{(r, i) => {
        const y = () => i() * H + 4;
        const top = () => width(r, i());
        const bottom = () => (i() < props.rows.length - 1 ? width(props.rows[i() + 1], i() + 1) : !max() ? MINW * 0.8 : top() * 0.8);
        const pts = () => {
          const y0 = y();
          const y1 = y() + H - GAP;
          return `${CX - top() / 2},${y0} ${CX + top() / 2},${y0} ${CX + bottom() / 2},${y1} ${CX - bottom() / 2},${y1}`;
        };
        return (
          <g class="funnel-stage" classList={{ ghost: !max() }} role="button" tabIndex={0} data-stage={r.stageId}
            aria-label={`${stageName(r)} ${num(r.count)}`}
            onClick={() => props.onPick(r)} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); props.onPick(r); } }}>
            <polygon points={pts()} fill={max() ? FUNNEL_FILL[r.color] : '#e2e8f0'} classList={{ ghost: !max() }} />
            <text x={CX} y={y() + H / 2 - 6} class="funnel-count" text-anchor="middle">{num(r.count)}</text>
            <text x={CX} y={y() + H / 2 + 11} class="funnel-amount" text-anchor="middle">{money(r.amount, 0)}</text>
            <text x={8} y={y() + H / 2 + 2} class="funnel-name">{stageName(r)}</text>
            <text x={W - 8} y={y() + H / 2 - 6} class="funnel-side" text-anchor="end">
              {t('analysis.weightedShort')} {money(r.weighted, 0)}</text>
            <text x={W - 8} y={y() + H / 2 + 11} class="funnel-side" text-anchor="end">
              {r.quota === null ? t('analysis.noQuota') : `${t('analysis.quota')} ${props.basis === 'amount' ? money(r.quota, 0) : num(r.quota)} · ${pct(r.attainment)}`}</text>
            <Show when={r.end && i() > 0}>
              <text x={8} y={y() + 3} class="funnel-drop end">{t('analysis.endStageShort')}</text>
            </Show>
            <Show when={funnelChange(r.dropOff)}>
              <text x={8} y={y() + 3} class="funnel-drop" classList={{ gain: funnelChange(r.dropOff) === 'rise' }}>{dropText(r)}</text>
            </Show>
          </g>
        );
      }}</For>
    </svg>
  );
}

/** The drop-off as read: "↓ 40.0%" lost, "↑ 100.0%" a rise (a later stage holds more), "—" when there is nothing to compare. */
function dropText(r: FunnelRow): string {
  const change = funnelChange(r.dropOff);
  if (change === null) return pct(null);
  return change === 'rise' ? `↑ ${pct(-r.dropOff!)}` : change === 'drop' ? `↓ ${pct(r.dropOff)}` : pct(0);
}

export default function FunnelPage() {
  return <Guard module="analysis"><Funnel /></Guard>;
}
