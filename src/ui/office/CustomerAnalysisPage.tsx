import { dictOptions } from '../../store/core/dictionaries';
import { LifecycleChart } from './LifecycleChart';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { competitorAnalysis, DEFAULT_SILENT_DAYS, lifecycleOverTime, newAndLostByRep } from '../../domain/customers/analysis';
import { opportunityAmountOf } from '../../domain/sales';
import { money, pct } from '../../domain/core/format';
import { customerTouches, lifecycleChanges } from '../../store/analysis/customers';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { useHistory } from '../sync/history-ui';
import { DrillDialog, Fig, type DrillSpec } from '../analysis/Drill';
import { localToday, PeriodInputs, useParam } from '../analysis/filters';
import { Guard } from '../analysis/Guard';
import { t } from '../i18n';
import './office.css';

/** The months from `from` to `to` ('YYYY-MM'), the latest 24 when the period is longer. */
function monthsBetween(from: string, to: string): string[] {
  const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const last = index(to);
  const out: string[] = [];
  for (let i = Math.max(index(from), last - 23); i <= last; i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

/**
 * 客户分析 (SPEC K): new and lost customers per rep and month, lifecycle stages at each month's
 * end, and competitors met in opportunities — each figure opens the records behind it.
 */
export default function CustomerAnalysisPage() {
  const ctx = useWorkspace();
  const title = useTitles();
  const p = useParam();
  const history = useHistory(ctx.ws);
  const today = localToday();
  const from = () => p.get('from') || `${today.slice(0, 4)}-01-01`;
  const to = () => p.get('to') || today;
  const [silent, setSilent] = createSignal(DEFAULT_SILENT_DAYS);
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const customers = () => ctx.live('customers');
  const rows = createMemo(() => {
    for (const c of ['orders', 'receipts', 'contactRecords', 'activities', 'serviceRecords', 'customerNotes']) ctx.version(c)();
    return newAndLostByRep(customers(), customerTouches(ctx.ws), { silentDays: silent(), asOf: today }, from(), to());
  });
  const lifecycleField = () => ctx.def('customers').fields.find((f) => f.key === 'lifecycle')!;
  const months = createMemo(() => monthsBetween(from(), to()));
  const stages = createMemo(() => { history.version(); return lifecycleOverTime(customers(), lifecycleChanges(ctx.ws, history.log), months()); });
  // stages in the dictionary's order (潜在期 → 流失), codes no longer in it after them
  const stageKeys = createMemo(() => {
    ctx.version('dictOptions')();
    const order = dictOptions(ctx.ws, lifecycleField().dict ?? '').map((o) => o.code);
    const rank = (k: string) => { const i = order.indexOf(k); return i < 0 ? order.length : i; };
    return [...new Set(stages().flatMap((m) => Object.keys(m.counts)))].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  });
  const competitors = createMemo(() => competitorAnalysis(ctx.live('opportunities'), (o) => opportunityAmountOf(o) ?? 0));
  const stageName = (code: string) => (code ? ctx.display(lifecycleField(), code) || code : t('office.stageUnset'));
  const open = (spec: DrillSpec) => setDrill(spec);
  const customerDrill = (label: string, ids: readonly string[]) => open({ title: label, entity: 'customers', ids });
  const totals = createMemo(() => rows().reduce((s, r) => ({ n: s.n + r.newIds.length, l: s.l + r.lostIds.length }), { n: 0, l: 0 }));
  return (
    <Guard module="customers">
      <section class="page office-page customer-analysis">
        <h1 class="page-title">{t('nav.customerAnalysis')}</h1>
        <div class="filters">
          <PeriodInputs label={t('office.month')} />
          <label class="filter-item">{t('office.silentDays')}
            <input type="number" min="1" max="3650" value={silent()} style={{ width: '6em' }}
              onChange={(e) => { const n = Number(e.currentTarget.value); if (n >= 1) setSilent(Math.round(n)); }} /></label>
        </div>
        <div class="card">
          <h2>{t('office.newLost')}</h2>
          <p class="muted small">{t('office.lostRule', { n: silent() })}</p>
          <Show when={rows().length} fallback={<p class="empty">{t('office.none')}</p>}>
            <div class="table-wrap">
              <table class="grid simple" data-testid="new-lost">
                <thead><tr><th>{t('office.rep')}</th><th>{t('office.month')}</th><th class="num">{t('office.newCustomers')}</th><th class="num">{t('office.lostCustomers')}</th></tr></thead>
                <tbody>
                  <For each={rows()}>{(r) => (
                    <tr>
                      <td>{r.ownerId ? title('users', r.ownerId) : t('office.noOwner')}</td><td>{r.month}</td>
                      <td class="num"><Fig v={String(r.newIds.length)} on={() => customerDrill(`${t('office.newCustomers')} · ${title('users', r.ownerId)} · ${r.month}`, r.newIds)} /></td>
                      <td class="num" data-tone={r.lostIds.length ? 'red' : undefined}><Fig v={String(r.lostIds.length)} on={() => customerDrill(`${t('office.lostCustomers')} · ${title('users', r.ownerId)} · ${r.month}`, r.lostIds)} /></td>
                    </tr>
                  )}</For>
                </tbody>
                <tfoot><tr><td colSpan={2}>{t('office.totals')}</td><td class="num">{totals().n}</td><td class="num">{totals().l}</td></tr></tfoot>
              </table>
            </div>
          </Show>
        </div>
        <div class="card">
          <h2>{t('office.lifecycle')}</h2>
          <Show when={stageKeys().length}>
            <LifecycleChart months={months()} ariaLabel={t('office.lifecycle')}
              series={stageKeys().map((k) => ({ key: k, label: stageName(k), values: stages().map((m) => m.counts[k] ?? 0) }))}
              onPick={(i, k) => { const m = stages()[i]; if (m?.ids[k]?.length) customerDrill(`${stageName(k)} · ${m.month}`, m.ids[k]); }} />
          </Show>
          <div class="table-wrap">
            <table class="grid simple" data-testid="lifecycle">
              <thead><tr><th>{t('office.month')}</th><For each={stageKeys()}>{(k) => <th class="num">{stageName(k)}</th>}</For></tr></thead>
              <tbody>
                <For each={stages()}>{(m) => (
                  <tr><td>{m.month}</td>
                    <For each={stageKeys()}>{(k) => (
                      <td class="num"><Show when={m.counts[k]} fallback="0">
                        <Fig v={String(m.counts[k])} on={() => customerDrill(`${stageName(k)} · ${m.month}`, m.ids[k])} /></Show></td>
                    )}</For></tr>
                )}</For>
              </tbody>
            </table>
          </div>
        </div>
        <div class="card">
          <h2>{t('office.competitors')}</h2>
          <Show when={competitors().length} fallback={<p class="empty">{t('office.none')}</p>}>
            <div class="table-wrap">
              <table class="grid simple" data-testid="competitors">
                <thead><tr><th>{t('office.competitor')}</th><th class="num">{t('office.oppsMet')}</th><th class="num">{t('office.won')}</th><th class="num">{t('office.lost')}</th>
                  <th class="num">{t('office.open')}</th><th class="num">{t('office.winRate')}</th><th class="num">{t('office.wonAmount')}</th><th class="num">{t('office.lostAmount')}</th></tr></thead>
                <tbody>
                  <For each={competitors()}>{(r) => (
                    <tr><td>{title('competitors', r.competitorId)}</td>
                      <td class="num"><Fig v={String(r.opportunityIds.length)} on={() => open({ title: `${t('office.oppsMet')} · ${title('competitors', r.competitorId)}`, entity: 'opportunities', ids: r.opportunityIds })} /></td>
                      <td class="num">{r.won}</td><td class="num">{r.lost}</td><td class="num">{r.open}</td><td class="num">{pct(r.winRate)}</td>
                      <td class="num">{money(r.wonAmount)}</td><td class="num">{money(r.lostAmount)}</td></tr>
                  )}</For>
                </tbody>
              </table>
            </div>
          </Show>
        </div>
        <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
      </section>
    </Guard>
  );
}
