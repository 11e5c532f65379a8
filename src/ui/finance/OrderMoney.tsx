import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { money } from '../../domain/core/format';
import { asNumber, roundMoney } from '../../domain/core/numbers';
import { asDay } from '../../domain/sales/read';
import { orderSheet } from '../../store/finance/reads';
import { savePlan, type PlanRow } from '../../store/finance/plan';
import { reassignOverpayment, refundOverpayment, returnRefund, returnsToRefund } from '../../store/finance/money';
import type { RecordValues } from '../../domain/core/record';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { RecordForm } from '../shared/RecordForm';
import { report, useRefusal } from '../shared/refusal';
import { t } from '../i18n';
import { readFinance, today } from './common';

/**
 * The order page's money section (recordSections on 'orders'): the account (receivable, received,
 * refunded, balance), an overpayment with its two ways out, the collection plan editor with the
 * difference to the order amount shown as it is typed, and the order's receipts and payments.
 */
export function OrderMoney(props: { recordId: string }) {
  const ctx = useWorkspace();
  const sheet = createMemo(() => { readFinance(ctx); return orderSheet(ctx.ws, props.recordId); });
  // the form open: a receipt or payment on the order, or the refund a return proposes
  const [adding, setAdding] = createSignal<{ entity: 'receipts' | 'payments'; defaults?: RecordValues } | null>(null);
  return (
    <Show when={ctx.can('finance', 'read') && sheet()}>{(s) => (
      <div class="card order-money" data-testid="order-money">
        <div class="card-head">
          <h2>{t('finance.orderMoney')}</h2><span class="grow" />
          <button class="btn" disabled={!ctx.can('finance', 'write')} onClick={() => setAdding({ entity: 'receipts' })}>+ {t('finance.newReceipt')}</button>
          <button class="btn" disabled={!ctx.can('finance', 'write')} onClick={() => setAdding({ entity: 'payments' })}>+ {t('finance.newPayment')}</button>
        </div>
        <div class="money-figs" data-testid="order-account">
          <Fig label={t('finance.orderAmount')} v={s().amount} />
          <Fig label={t('finance.receivable')} v={s().account.receivable} />
          <Fig label={t('finance.received')} v={s().account.received} />
          <Fig label={t('finance.refunded')} v={s().account.refunded} />
          <Fig label={t('finance.balance')} v={s().account.balance} strong />
        </div>
        <Show when={s().account.overpaid > 0}><Overpaid orderId={props.recordId} overpaid={s().account.overpaid} customerId={s().account.customerId} /></Show>
        <RefundsDue orderId={props.recordId} onRefund={(defaults) => setAdding({ entity: 'payments', defaults })} />
        <PlanEditor orderId={props.recordId} />
        <Documents orderId={props.recordId} />
        <Show when={adding()}>{(form) => (
          <RecordForm entity={form().entity} defaults={form().defaults ?? { orderId: props.recordId }} onClose={() => setAdding(null)} />
        )}</Show>
      </div>
    )}</Show>
  );
}

function Fig(props: { label: string; v: number; strong?: boolean }) {
  return <div class="money-fig" classList={{ strong: props.strong, neg: props.v < 0 }}><span>{props.label}</span><b>{money(props.v)}</b></div>;
}

/** Two receipts entered apart overpaid the order: pay it back, or move it to another order of the customer that still owes. */
function Overpaid(props: { orderId: string; overpaid: number; customerId: string | null }) {
  const ctx = useWorkspace();
  const name = useTitles();
  const [target, setTarget] = createSignal('');
  const others = createMemo(() => {
    readFinance(ctx);
    return ctx.where('orders', 'customerId', props.customerId ?? '').filter((o) => o.id !== props.orderId)
      .map((o) => ({ id: o.id, balance: orderSheet(ctx.ws, o.id)?.account.balance ?? 0 })).filter((o) => o.balance > 0);
  });
  const writable = () => ctx.can('finance', 'write');
  return (
    <div class="error-banner overpaid" role="alert" data-testid="overpaid">
      <b>{t('finance.overpaid', { amount: money(props.overpaid) })}</b>
      <span class="muted small">{t('finance.overpaidHint')}</span>
      <span class="grow" />
      <button class="btn" disabled={!writable()} onClick={() => report(refundOverpayment(ctx.ws, props.orderId), t('finance.refundedToast'))}>{t('finance.refundOverpaid')}</button>
      <select aria-label={t('finance.moveTo')} value={target()} onChange={(e) => setTarget(e.currentTarget.value)} disabled={!others().length}>
        <option value="">{others().length ? t('finance.moveTo') : t('finance.noOtherOrder')}</option>
        <For each={others()}>{(o) => <option value={o.id}>{name('orders', o.id)} ({t('finance.balance')} {money(o.balance)})</option>}</For>
      </select>
      <button class="btn" disabled={!writable() || !target()} onClick={() => report(reassignOverpayment(ctx.ws, props.orderId, target()), t('finance.movedToast'))}>{t('finance.move')}</button>
    </div>
  );
}

/** 退货待退款: each return no refund names yet, with 退款 opening a 付款单 prefilled from it. */
function RefundsDue(props: { orderId: string; onRefund: (defaults: RecordValues) => void }) {
  const ctx = useWorkspace();
  const due = createMemo(() => { readFinance(ctx); ctx.version('returns')(); return returnsToRefund(ctx.ws, props.orderId); });
  const refund = (r: { id: string; code: string }) => {
    const v = returnRefund(ctx.ws, r.id);
    if (v) props.onRefund({ ...v, note: t('finance.refundNote', { code: r.code }) });
  };
  return (
    <Show when={due().length}>
      <div class="refunds-due" data-testid="refunds-due">
        <h4>{t('finance.refundsDue')} <span class="muted small">{t('finance.refundsDueHint')}</span></h4>
        <table class="grid simple">
          <thead><tr><th>{t('finance.code')}</th><th>{t('finance.date')}</th><th class="num">{t('finance.returnValue')}</th><th /></tr></thead>
          <tbody>
            <For each={due()}>{(r) => (
              <tr data-return={r.id}><td>{r.code}</td><td>{r.date}</td><td class="num">{money(r.value)}</td>
                <td class="act"><button class="btn small-btn refund-return" disabled={!ctx.can('finance', 'write')} onClick={() => refund(r)}>{t('finance.refundReturn')}</button></td></tr>
            )}</For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}

interface EditRow { id?: string; dueDate: string; amount: string; note: string }

/** 回款计划: rows edited in place; the sum and its difference to the order amount update as typed; saved whole. */
function PlanEditor(props: { orderId: string }) {
  const ctx = useWorkspace();
  const refusal = useRefusal();
  const sheet = createMemo(() => { readFinance(ctx); return orderSheet(ctx.ws, props.orderId); });
  const stored = createMemo(() => [...(sheet()?.money.instalments ?? [])].filter((i) => !i.deleted)
    .sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)) || (Number(a.seq) || 0) - (Number(b.seq) || 0)));
  const fromStore = (): EditRow[] => stored().map((i) => ({ id: String(i.id), dueDate: asDay(i.dueDate) ?? '', amount: String(i.amount ?? ''), note: String(i.note ?? '') }));
  const [rows, setRows] = createSignal<EditRow[]>(fromStore());
  const [dirty, setDirty] = createSignal(false);
  // a peer's change to the plan shows at once unless this user is in the middle of editing it
  createEffect(on(stored, () => { if (!dirty()) setRows(fromStore()); }, { defer: true }));
  const amount = () => sheet()?.amount ?? 0;
  const planned = () => roundMoney(rows().reduce((s, r) => s + (asNumber(Number(r.amount)) ?? 0), 0));
  const difference = () => roundMoney(amount() - planned());
  const due = (id?: string) => sheet()?.dues.find((d) => d.instalmentId === id);
  const edit = (i: number, patch: Partial<EditRow>) => { setDirty(true); setRows(rows().map((r, j) => (j === i ? { ...r, ...patch } : r))); };
  const add = () => {
    setDirty(true);
    const last = rows().at(-1)?.dueDate;
    const next = last ? new Date(Date.parse(last) + 30 * 86_400_000).toISOString().slice(0, 10) : today();
    setRows([...rows(), { dueDate: next, amount: difference() > 0 ? String(difference()) : '', note: '' }]);
  };
  const remove = (i: number) => { setDirty(true); setRows(rows().filter((_, j) => j !== i)); };
  const save = () => {
    const plan: PlanRow[] = rows().map((r) => ({ id: r.id, dueDate: r.dueDate, amount: r.amount, note: r.note }));
    if (refusal.run(savePlan(ctx.ws, props.orderId, plan, stored().map((i) => String(i.id))), t('finance.planSaved'))) {
      setDirty(false);
      setRows(fromStore());
    }
  };
  const reset = () => { setDirty(false); setRows(fromStore()); refusal.clear(); };
  const writable = () => ctx.can('finance', 'write');
  return (
    <div class="plan-editor" data-testid="plan-editor">
      <h4>{t('finance.plan')} <span class="muted small">{t('finance.planHint')}</span></h4>
      <refusal.Banner />
      <div class="table-wrap"><table class="grid simple">
        <thead><tr><th class="num">{t('finance.seq')}</th><th>{t('finance.dueDate')}</th><th class="num">{t('finance.dueAmount')}</th>
          <th class="num">{t('finance.paid')}</th><th class="num">{t('finance.unpaid')}</th><th>{t('finance.note')}</th><th /></tr></thead>
        <tbody>
          <For each={rows()} fallback={<tr><td colspan={7} class="muted">{t('finance.noPlan')}</td></tr>}>{(r, i) => (
            <tr data-row={i()}>
              <td class="num">{i() + 1}</td>
              <td><input type="date" aria-label={`${t('finance.dueDate')} ${i() + 1}`} value={r.dueDate} disabled={!writable()} onChange={(e) => edit(i(), { dueDate: e.currentTarget.value })} /></td>
              <td class="num"><input class="num-input wide" aria-label={`${t('finance.dueAmount')} ${i() + 1}`} value={r.amount} disabled={!writable()} onInput={(e) => edit(i(), { amount: e.currentTarget.value })} /></td>
              <td class="num">{r.id ? money(due(r.id)?.paid ?? 0) : '—'}</td>
              <td class="num" classList={{ late: !!r.id && (due(r.id)?.unpaid ?? 0) > 0 && r.dueDate < today() }}>{r.id ? money(due(r.id)?.unpaid ?? 0) : '—'}</td>
              <td class="note-cell"><input aria-label={`${t('finance.note')} ${i() + 1}`} value={r.note} disabled={!writable()} onInput={(e) => edit(i(), { note: e.currentTarget.value })} /></td>
              <td><button class="icon-btn" disabled={!writable()} aria-label={`${t('finance.removeRow')} ${i() + 1}`} onClick={() => remove(i())}>×</button></td>
            </tr>
          )}</For>
        </tbody>
      </table></div>
      <div class="plan-foot">
        <button class="btn" disabled={!writable()} onClick={add}>+ {t('finance.addInstalment')}</button>
        <span class="grow" />
        <span>{t('finance.planned')} <b>{money(planned())}</b></span>
        <span>{t('finance.orderAmount')} <b>{money(amount())}</b></span>
        <span data-testid="plan-difference" classList={{ late: difference() !== 0 && rows().length > 0 }}>{t('finance.difference')} <b>{money(difference())}</b></span>
        <button class="btn" disabled={!dirty()} onClick={reset}>{t('finance.revert')}</button>
        <button class="btn primary" disabled={!writable() || !dirty()} onClick={save}>{t('finance.savePlan')}</button>
      </div>
    </div>
  );
}

/** The order's receipts and payments. */
function Documents(props: { orderId: string }) {
  const ctx = useWorkspace();
  const name = useTitles();
  const receipts = createMemo(() => ctx.where('receipts', 'orderId', props.orderId).sort((a, b) => String(a.date).localeCompare(String(b.date))));
  const payments = createMemo(() => ctx.where('payments', 'orderId', props.orderId).sort((a, b) => String(a.date).localeCompare(String(b.date))));
  const dict = (dictKey: string, v: unknown) => ctx.display({ key: dictKey, type: 'dict', dict: dictKey, label: { zh: '', en: '' } }, v);
  const instalment = (id: unknown) => { const i = ctx.get('instalments', id); return i ? String(i.dueDate ?? '') : '—'; };
  return (
    <div class="money-docs">
      <div>
        <h4>{t('nav.receipts')} ({receipts().length})</h4>
        <table class="grid simple" data-testid="order-receipts">
          <thead><tr><th>{t('finance.code')}</th><th>{t('finance.date')}</th><th class="num">{t('finance.amount')}</th><th>{t('finance.method')}</th><th>{t('finance.instalment')}</th><th>{t('finance.note')}</th></tr></thead>
          <tbody>
            <For each={receipts()} fallback={<tr><td colspan={6} class="muted">{t('finance.none')}</td></tr>}>{(r) => (
              <tr><td>{name('receipts', r)}</td><td>{String(r.date ?? '')}</td><td class="num">{money(r.amount)}</td>
                <td>{dict('receiptMethod', r.method)}</td><td>{instalment(r.instalmentId)}</td><td class="wrap">{String(r.note ?? '')}</td></tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <div>
        <h4>{t('nav.payments')} ({payments().length})</h4>
        <table class="grid simple" data-testid="order-payments">
          <thead><tr><th>{t('finance.code')}</th><th>{t('finance.date')}</th><th class="num">{t('finance.amount')}</th><th>{t('finance.kind')}</th><th>{t('finance.note')}</th></tr></thead>
          <tbody>
            <For each={payments()} fallback={<tr><td colspan={5} class="muted">{t('finance.none')}</td></tr>}>{(p) => (
              <tr><td>{name('payments', p)}</td><td>{String(p.date ?? '')}</td><td class="num">{money(p.amount)}</td>
                <td>{dict('paymentKind', p.kind)}</td><td class="wrap">{String(p.note ?? '')}</td></tr>
            )}</For>
          </tbody>
        </table>
      </div>
    </div>
  );
}
