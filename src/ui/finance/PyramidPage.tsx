import { For, Show, createEffect, createMemo, createSignal, on, untrack } from 'solid-js';
import { A } from '@solidjs/router';
import {
  customerValues, pyramid, tierLabels, tierMovement, tierRuleOf, type Measure, type RevenueBasis, type Tier, type TierRule,
} from '../../domain/finance/pyramids';
import { money, num, pct } from '../../domain/core/format';
import type { BaseRecord } from '../../domain/core/record';
import { VALUE_COLLECTIONS, valueData } from '../../store/finance/reads';
import {
  ensureSnapshot, monthPeriod, parseTierRule, previousMonth, saveSnapshot, saveValueSettings, snapshotsOf, valueSettingsOf,
} from '../../store/finance/snapshots';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Modal } from '../shared/Modal';
import { report } from '../shared/refusal';
import { Guard } from '../analysis/Guard';
import { L, t } from '../i18n';
import { customerHref, today } from './common';

/**
 * 客户价值金字塔 (SPEC K; U8 seed 002): every customer's value on one measure over a month, ranked
 * into tiers (shares of the customer count, or amount thresholds), drawn as a pyramid; each tier
 * drills down to its customers. A month is kept as a snapshot (automatically the first time it
 * is viewed after it ends, and on demand); any two snapshots give the tier-movement matrix.
 *
 * Speed: the values are one memo over the collections' version signals, measure, basis and month;
 * the tiers a second memo over the values and the rule — changing the rule re-ranks, it does not
 * re-read the workspace, and nothing is recomputed on a render.
 */

const MEASURES: Measure[] = ['revenue', 'profit', 'expense', 'arrears', 'loyalty'];
const BASES: RevenueBasis[] = ['orders', 'deliveries', 'receipts'];
const FILL = ['#1f4e79', '#2c6aa3', '#4f8cc9', '#86b3e0', '#bcd6ef', '#dde9f5'];

const isMoney = (m: Measure) => m !== 'loyalty';

function Pyramid() {
  const ctx = useWorkspace();
  const name = useTitles();
  const settings = valueSettingsOf(untrack(() => ctx.get('company', 'company')));
  const [measure, setMeasure] = createSignal<Measure>('revenue');
  const [basis, setBasis] = createSignal<RevenueBasis>(settings.basis);
  const [month, setMonth] = createSignal(today().slice(0, 7));
  const [kind, setKind] = createSignal<TierRule['kind']>(settings.rule.kind);
  const [ruleText, setRuleText] = createSignal(ruleToText(settings.rule));
  const [drill, setDrill] = createSignal<{ title: string; ids: string[] } | null>(null);
  const parsed = createMemo(() => parseTierRule(kind(), ruleText()));
  const [rule, setRule] = createSignal<TierRule>(settings.rule);
  createEffect(() => { const p = parsed(); if (p.ok) setRule(p.value); });

  const values = createMemo(() => {
    for (const c of VALUE_COLLECTIONS) ctx.version(c)();
    const t0 = performance.now();
    const v = customerValues(valueData(ctx.ws), measure(), monthPeriod(month()), basis());
    performance.measure('keyuan:pyramid-compute', { start: t0, end: performance.now() });
    return v;
  });
  const tiers = createMemo(() => pyramid(values(), rule()));
  const fmt = (v: number) => (isMoney(measure()) ? money(v, 0) : num(v));
  const opts = () => ({ measure: measure(), basis: basis(), rule: rule() });
  const writable = () => ctx.can('finance', 'write');

  // an ended month viewed for the first time is kept, once every group is loaded (else it would keep an empty pyramid)
  createEffect(on([month, measure, () => ctx.loaded('orders') && ctx.loaded('customers')], ([m, , ready]) => {
    if (!ready || !writable()) return;
    const o = untrack(opts);
    ensureSnapshot(ctx.ws, previousMonth(today()), today(), o);
    ensureSnapshot(ctx.ws, m, today(), o);
  }));

  const keep = () => report(saveSnapshot(ctx.ws, month(), opts()), t('finance.snapshotSaved', { month: month() }));
  const keepSettings = () => report(saveValueSettings(ctx.ws, { basis: basis(), rule: rule() }), t('common.saved'));

  return (
    <section class="page finance-page pyramid-page">
      <div class="page-head">
        <h1 class="page-title">{t('nav.pyramid')}</h1>
        <span class="grow" />
        <button class="btn" disabled={!writable()} onClick={keepSettings}>{t('finance.saveDefaults')}</button>
        <button class="btn primary" disabled={!writable()} onClick={keep}>{t('finance.saveSnapshot')}</button>
      </div>
      <div class="filter-bar">
        <label class="filter-item"><span>{t('finance.measure')}</span>
          <select aria-label={t('finance.measure')} value={measure()} onChange={(e) => setMeasure(e.currentTarget.value as Measure)}>
            <For each={MEASURES}>{(m) => <option value={m}>{t(`finance.measure.${m}`)}</option>}</For>
          </select></label>
        <label class="filter-item"><span>{t('finance.basis')}</span>
          <select aria-label={t('finance.basis')} value={basis()} disabled={measure() !== 'revenue' && measure() !== 'profit'} onChange={(e) => setBasis(e.currentTarget.value as RevenueBasis)}>
            <For each={BASES}>{(b) => <option value={b}>{t(`finance.basis.${b}`)}</option>}</For>
          </select></label>
        <label class="filter-item"><span>{t('finance.month')}</span>
          <input type="month" aria-label={t('finance.month')} value={month()} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} /></label>
        <label class="filter-item"><span>{t('finance.tierRule')}</span>
          <div class="row-inline tight">
            <select aria-label={t('finance.tierKind')} value={kind()} onChange={(e) => setKind(e.currentTarget.value as TierRule['kind'])}>
              <option value="shares">{t('finance.ruleShares')}</option>
              <option value="thresholds">{t('finance.ruleThresholds')}</option>
            </select>
            <input aria-label={t('finance.tierRule')} class="rule-input" value={ruleText()} onInput={(e) => setRuleText(e.currentTarget.value)}
              placeholder={kind() === 'shares' ? '20/30/50' : '100000/20000'} />
          </div></label>
        <Show when={!parsed().ok}><span class="field-error" role="alert">{!parsed().ok && L((parsed() as { refusal: { message: { zh: string; en: string } } }).refusal.message)}</span></Show>
      </div>
      <div class="pyramid-layout">
        <div class="card pyramid-card">
          <Show when={tiers().count} fallback={<p class="muted">{t('finance.noCustomers')}</p>}>
            <PyramidSvg tiers={tiers().tiers} fmt={fmt} onTier={(tier) => setDrill({ title: `${L(tier.label)} · ${t(`finance.measure.${measure()}`)}`, ids: tier.customerIds })} />
          </Show>
        </div>
        <div class="card table-card">
          <table class="grid simple" data-testid="pyramid-table">
            <thead><tr><th>{t('finance.tier')}</th><th class="num">{t('finance.customers')}</th><th class="num">{t('finance.total')}</th>
              <th class="num">{t('finance.share')}</th><th class="num">{t('finance.average')}</th></tr></thead>
            <tbody>
              <For each={tiers().tiers}>{(tier) => (
                <tr data-tier={tier.index}>
                  <td><span class="swatch" style={{ background: FILL[Math.min(tier.index, FILL.length - 1)] }} /> {L(tier.label)}</td>
                  <td class="num"><button class="link" onClick={() => setDrill({ title: L(tier.label), ids: tier.customerIds })}>{tier.count}</button></td>
                  <td class="num">{fmt(tier.total)}</td>
                  <td class="num">{pct(tier.share)}</td>
                  <td class="num">{tier.count ? fmt(tier.total / tier.count) : '—'}</td>
                </tr>
              )}</For>
            </tbody>
            <tfoot><tr><th>{t('finance.total')}</th><th class="num">{tiers().count}</th><th class="num">{fmt(tiers().total)}</th><th class="num">{tiers().total ? '100%' : '—'}</th><th /></tr></tfoot>
          </table>
          <p class="muted small">{t(`finance.measureHint.${measure()}`)}</p>
        </div>
      </div>
      <Snapshots measure={measure()} onDrill={setDrill} />
      <Show when={drill()}>{(d) => (
        <CustomersDialog title={d().title} ids={d().ids} values={values()} fmt={fmt} name={(id) => name('customers', id)} onClose={() => setDrill(null)} />
      )}</Show>
    </section>
  );
}

function ruleToText(rule: TierRule): string {
  return (rule.kind === 'shares' ? rule.shares : rule.mins).join('/');
}

/** The tiers as stacked trapezoids, the top tier narrowest; counts inside, label and share beside. */
function PyramidSvg(props: { tiers: Tier[]; fmt: (v: number) => string; onTier: (t: Tier) => void }) {
  const W = 300; const H = 220; const TOP = 26; const X = 10;
  const half = (y: number) => TOP / 2 + ((W / 2 - TOP / 2) * y) / H;
  const band = () => H / Math.max(1, props.tiers.length);
  return (
    <svg class="pyramid-svg" viewBox={`0 0 ${W + 250} ${H + 10}`} role="img" aria-label={t('nav.pyramid')} data-testid="pyramid-svg">
      <For each={props.tiers}>{(tier, i) => {
        const y0 = () => 5 + i() * band(); const y1 = () => 5 + (i() + 1) * band() - 2;
        const cx = X + W / 2;
        const points = () => `${cx - half(y0())},${y0()} ${cx + half(y0())},${y0()} ${cx + half(y1())},${y1()} ${cx - half(y1())},${y1()}`;
        const fill = FILL[Math.min(i(), FILL.length - 1)];
        const dark = i() < 3;
        return (
          <g class="tier" data-tier={i()} role="button" tabindex="0" onClick={() => props.onTier(tier)}
            onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && props.onTier(tier)}>
            <polygon points={points()} fill={fill} />
            <text x={cx} y={(y0() + y1()) / 2 + 4} text-anchor="middle" fill={dark ? '#fff' : '#1d2733'} class="tier-count">{tier.count}</text>
            <line x1={cx + half((y0() + y1()) / 2) + 4} x2={X + W + 14} y1={(y0() + y1()) / 2} y2={(y0() + y1()) / 2} class="tier-lead" />
            <text x={X + W + 18} y={(y0() + y1()) / 2 - 3} class="tier-label">{L(tier.label)} · {t('finance.nCustomers', { n: tier.count })}</text>
            <text x={X + W + 18} y={(y0() + y1()) / 2 + 12} class="tier-sub">{props.fmt(tier.total)} · {pct(tier.share)}</text>
          </g>
        );
      }}</For>
    </svg>
  );
}

function CustomersDialog(props: { title: string; ids: readonly string[]; values: ReadonlyMap<string, number>; fmt: (v: number) => string; name: (id: string) => string; onClose: () => void }) {
  const ctx = useWorkspace();
  const rows = () => [...props.ids].sort((a, b) => (props.values.get(b) ?? 0) - (props.values.get(a) ?? 0)).slice(0, 500);
  return (
    <Modal open title={props.title} onClose={props.onClose}>
      <table class="grid simple" data-testid="customers-drill">
        <thead><tr><th>{t('finance.customer')}</th><th class="num">{t('finance.value')}</th></tr></thead>
        <tbody>
          <For each={rows()} fallback={<tr><td colspan={2} class="muted">{t('finance.none')}</td></tr>}>{(id) => (
            <tr><td><A href={customerHref(ctx.ws.id, id)}>{props.name(id) || id}</A></td>
              <td class="num">{props.values.has(id) ? props.fmt(props.values.get(id)!) : '—'}</td></tr>
          )}</For>
        </tbody>
      </table>
    </Modal>
  );
}

/** Kept snapshots of the measure and the movement between any two. */
function Snapshots(props: { measure: Measure; onDrill: (d: { title: string; ids: string[] }) => void }) {
  const ctx = useWorkspace();
  const name = useTitles();
  const list = createMemo(() => { ctx.version('valueSnapshots')(); return snapshotsOf(ctx.ws, props.measure); });
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const pick = (id: string, fallback: number) => list().find((s) => s.id === id) ?? list().at(fallback);
  const before = () => pick(from(), -2);
  const after = () => pick(to(), -1);
  const movement = createMemo(() => (before() && after() && before()!.id !== after()!.id ? tierMovement(before()!, after()!) : null));
  const labels = (s: BaseRecord | undefined) => { const r = tierRuleOf(s?.rule); return r ? tierLabels(r).map(L) : []; };
  const names = (ids: string[]) => ids.map((id) => name('customers', id) || id).join('、');
  const summary = (s: BaseRecord) => (Array.isArray(s.tiers) ? (s.tiers as { customerIds?: unknown[] }[]).map((x) => (Array.isArray(x.customerIds) ? x.customerIds.length : 0)).join(' / ') : '—');
  return (
    <div class="snapshots-layout">
      <div class="card table-card">
        <h2>{t('finance.snapshots')} <span class="n-badge">{list().length}</span></h2>
        <table class="grid simple" data-testid="snapshot-list">
          <thead><tr><th>{t('finance.month')}</th><th>{t('finance.basis')}</th><th>{t('finance.tierRule')}</th><th>{t('finance.tierCounts')}</th></tr></thead>
          <tbody>
            <For each={[...list()].reverse()} fallback={<tr><td colspan={4} class="muted">{t('finance.noSnapshots')}</td></tr>}>{(s) => (
              <tr data-month={String(s.month)}><td>{String(s.month)}</td>
                <td>{typeof s.basis === 'string' ? t(`finance.basis.${s.basis as RevenueBasis}`) : '—'}</td>
                <td class="rule-cell">{labels(s).join(' · ') || '—'}</td><td>{summary(s)}</td></tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <div class="card table-card">
        <h2>{t('finance.movement')}</h2>
        <div class="row-inline">
          <label>{t('finance.from')} <select aria-label={t('finance.from')} value={before()?.id ?? ''} onChange={(e) => setFrom(e.currentTarget.value)}>
            <For each={list()}>{(s) => <option value={s.id}>{String(s.month)}</option>}</For></select></label>
          <label>{t('finance.to')} <select aria-label={t('finance.to')} value={after()?.id ?? ''} onChange={(e) => setTo(e.currentTarget.value)}>
            <For each={list()}>{(s) => <option value={s.id}>{String(s.month)}</option>}</For></select></label>
        </div>
        <Show when={movement()} fallback={<p class="muted">{t('finance.needTwoSnapshots')}</p>}>{(m) => (
          <>
            <table class="grid simple matrix" data-testid="movement-matrix">
              <thead><tr><th>{String(before()!.month)} ↓ / {String(after()!.month)} →</th>
                <For each={labels(after())}>{(l) => <th class="num">{l}</th>}</For></tr></thead>
              <tbody>
                <For each={m().counts}>{(row, i) => (
                  <tr><th>{labels(before())[i()] ?? i() + 1}</th>
                    <For each={row}>{(n, j) => (
                      <td class="num" classList={{ up: j() < i() && n > 0, down: j() > i() && n > 0, same: i() === j() }}>
                        <Show when={n > 0} fallback={<span class="muted">0</span>}>
                          <button class="link" onClick={() => props.onDrill({ title: `${labels(before())[i()]} → ${labels(after())[j()]}`, ids: m().ids[i()][j()] })}>{n}</button>
                        </Show>
                      </td>
                    )}</For></tr>
                )}</For>
              </tbody>
            </table>
            <ul class="move-lists">
              <li class="up"><b>↑ {t('finance.movedUp')} {m().up.length}</b> {names(m().up)}</li>
              <li class="down"><b>↓ {t('finance.movedDown')} {m().down.length}</b> {names(m().down)}</li>
              <Show when={m().entered.length}><li><b>{t('finance.entered')} {m().entered.length}</b> {names(m().entered)}</li></Show>
              <Show when={m().left.length}><li><b>{t('finance.left')} {m().left.length}</b> {names(m().left)}</li></Show>
            </ul>
          </>
        )}</Show>
      </div>
    </div>
  );
}

export function PyramidPage() {
  return <Guard module="finance"><Pyramid /></Guard>;
}
