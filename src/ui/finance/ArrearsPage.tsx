import { For, Show, createMemo, createSignal } from 'solid-js';
import { AGEING_BUCKETS, ageingBucket, type AgeingKey, type ArrearsRow } from '../../domain/finance/accounts';
import { money } from '../../domain/core/format';
import { roundMoney } from '../../domain/core/numbers';
import { arrears } from '../../store/finance/reads';
import { useTitles } from '../shared/titles';
import { Guard } from '../analysis/Guard';
import { L, t } from '../i18n';
import { OrdersDialog, today, useDues } from './common';

/**
 * 欠款查询 (SPEC H): what customers still owe, by customer or by rep, aged on the day asked into
 * 未到期 / 1–30 / 31–60 / 61–90 / 90 天以上 by the instalments' due dates; totals below; every row
 * and bucket drills down to its orders.
 */
function Arrears() {
  const name = useTitles();
  const dues = useDues();
  const [by, setBy] = createSignal<'customerId' | 'ownerId'>('customerId');
  const [asOf, setAsOf] = createSignal(today());
  const [drill, setDrill] = createSignal<{ title: string; ids: string[] } | null>(null);
  const rows = createMemo(() => arrears(dues(), by(), asOf()));
  const totals = createMemo(() => {
    const sum = (f: (r: ArrearsRow) => number) => roundMoney(rows().reduce((s, r) => s + f(r), 0));
    const buckets = Object.fromEntries(AGEING_BUCKETS.map((b) => [b.key, sum((r) => r.buckets[b.key])])) as Record<AgeingKey, number>;
    return { buckets, total: sum((r) => r.total), overdue: sum((r) => r.overdue) };
  });
  const who = (r: ArrearsRow) => (r.key ? name(by() === 'customerId' ? 'customers' : 'users', r.key) : '—');
  // a bucket's orders: the row's orders with an unpaid instalment in that bucket
  const bucketOrders = (r: ArrearsRow, key: AgeingKey) => {
    const ids = new Set(dues().filter((d) => d.unpaid > 0 && (d[by()] ?? '') === r.key && ageingBucket(d.dueDate, asOf()) === key).map((d) => d.orderId));
    return [...ids];
  };
  return (
    <section class="page finance-page">
      <div class="page-head"><h1 class="page-title">{t('nav.arrears')}</h1></div>
      <div class="filter-bar">
        <div class="seg-tabs" role="tablist">
          <button role="tab" class="btn" classList={{ active: by() === 'customerId' }} aria-selected={by() === 'customerId'} onClick={() => setBy('customerId')}>{t('finance.byCustomer')}</button>
          <button role="tab" class="btn" classList={{ active: by() === 'ownerId' }} aria-selected={by() === 'ownerId'} onClick={() => setBy('ownerId')}>{t('finance.byRep')}</button>
        </div>
        <label class="filter-item"><span>{t('finance.asOf')}</span>
          <input type="date" aria-label={t('finance.asOf')} value={asOf()} onChange={(e) => setAsOf(e.currentTarget.value || today())} /></label>
      </div>
      <div class="card table-card">
        <table class="grid simple" data-testid="arrears-table">
          <thead><tr>
            <th>{by() === 'customerId' ? t('finance.customer') : t('finance.rep')}</th>
            <For each={AGEING_BUCKETS}>{(b) => <th class="num">{L(b.label)}</th>}</For>
            <th class="num">{t('finance.total')}</th><th class="num">{t('finance.overdue')}</th><th class="num">{t('finance.orders')}</th>
          </tr></thead>
          <tbody>
            <For each={rows()} fallback={<tr><td colspan={9} class="muted">{t('finance.noArrears')}</td></tr>}>{(r) => (
              <tr data-key={r.key}>
                <td><button class="link" onClick={() => setDrill({ title: who(r), ids: r.orderIds })}>{who(r)}</button></td>
                <For each={AGEING_BUCKETS}>{(b) => (
                  <td class="num" classList={{ late: b.key !== 'notDue' && r.buckets[b.key] > 0 }} data-bucket={b.key}>
                    <Show when={r.buckets[b.key] > 0} fallback={<span class="muted">—</span>}>
                      <button class="link" onClick={() => setDrill({ title: `${who(r)} · ${L(b.label)}`, ids: bucketOrders(r, b.key) })}>{money(r.buckets[b.key])}</button>
                    </Show>
                  </td>
                )}</For>
                <td class="num"><b>{money(r.total)}</b></td>
                <td class="num" classList={{ late: r.overdue > 0 }}>{money(r.overdue)}</td>
                <td class="num">{r.orderIds.length}</td>
              </tr>
            )}</For>
          </tbody>
          <tfoot><tr>
            <th>{t('finance.total')}</th>
            <For each={AGEING_BUCKETS}>{(b) => <th class="num">{money(totals().buckets[b.key])}</th>}</For>
            <th class="num">{money(totals().total)}</th><th class="num">{money(totals().overdue)}</th><th />
          </tr></tfoot>
        </table>
      </div>
      <Show when={drill()}>{(d) => <OrdersDialog title={d().title} orderIds={d().ids} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export function ArrearsPage() {
  return <Guard module="finance"><Arrears /></Guard>;
}
