import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { asNumber } from '../../domain/core/numbers';
import { money, dateTime, ratePct } from '../../domain/core/format';
import { lineAmounts, quoteTotals } from '../../domain/sales';
import {
  allowedActions, executionViolations, orderEditBlocker, orderStatusOf, type LineExecution, type OrderAction,
} from '../../domain/orders';
import {
  duplicateOrders, executionOf, orderLinesOf, orderStepsOf, priceOrderLines, saveOrderLines, type OrderLineEdit,
} from '../../store/orders/orders';
import { actionBlocker, runOrderAction } from '../../store/orders/status';
import { createDelivery, createReturn, documentViews, type DocumentView } from '../../store/orders/execution';
import { moveToBin } from '../../store/core/cascade';
import { localToday } from '../../store/sales/ops';
import { RecordForm } from '../shared/RecordForm';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { useWorkspace } from '../shared/context';
import { recordSections, useModules } from '../shared/module';
import { useTitles } from '../shared/titles';
import { Badge, FieldsView, Violations, WhyDisabled } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Confirm, TextPrompt } from '../shared/dialogs';
import { useRefusal } from '../shared/refusal';
import { ACTION_KEY, StatusBadge, executionText, executionTone } from './common';
import { L, lang, t } from '../i18n';
import { ApprovalConflicts } from '../approvals/ApprovalPanel';
import { planOf } from '../../store/approvals/engine';

type Refusals = ReturnType<typeof useRefusal>;

/** 订单: header, lines (editable while a draft), status actions, steps, deliveries and returns, other modules' sections. */
export function OrderPage() {
  const ctx = useWorkspace();
  const sections = recordSections(useModules(), 'orders'); // finance adds the money side here
  const params = useParams();
  const title = useTitles();
  const refusal = useRefusal();
  const page = useRecordPage('orders', () => params.id!);
  const lines = createMemo(() => { ctx.version('orderLines')(); return orderLinesOf(ctx.ws, params.id!); });
  const exec = createMemo(() => {
    for (const c of ['orderLines', 'deliveries', 'deliveryLines', 'returns', 'returnLines']) ctx.version(c)();
    return executionOf(ctx.ws, params.id!);
  });
  const violations = createMemo(() => {
    ctx.version('orders')();
    const dup = duplicateOrders(ctx.ws).filter((v) => v.ids.includes(params.id!));
    return [...dup, ...executionViolations(exec())];
  });
  const [editingHead, setEditingHead] = createSignal(false);
  const base = `/w/${ctx.ws.id}`;

  return (
    <section class="page order-page">
      <RecordPageGate page={page}>
        {(o) => (
          <>
            <div class="page-head wrap">
              <A href={`${base}/orders`} end class="btn ghost">← {t('common.back')}</A>
              <h1 class="page-title">{t('orders.order')} {title('orders', o())}</h1>
              <StatusBadge order={o()} />
              <Badge tone={executionTone(exec().status)}><span class="exec-status">{executionText(exec().status)}</span></Badge>
              <span class="grow" />
              <RecordPresence collection="orders" id={params.id!} />
              <button class="btn" disabled={!ctx.can('orders', 'write') || !!orderEditBlocker(o())} onClick={() => setEditingHead(true)}>{t('orders.editHeader')}</button>
              <DeleteButton order={o()} />
            </div>
            <refusal.Banner />
            <ConflictNotice collection="orders" id={params.id!} writable={ctx.can('orders', 'write')} />
            <Violations list={violations()} />
            <ActionBar order={o()} refusal={refusal} />
            <div class="card">
              <FieldsView entity="orders" record={o()} skip={['note', 'code', 'status', 'quoteId', 'opportunityId']} />
              <Show when={o().quoteId || o().opportunityId}>
                <p class="small muted origin">
                  <Show when={o().quoteId}>{t('orders.fromQuote')} <A href={`${base}/quotes/${String(o().quoteId)}`}>{title('quotes', o().quoteId) || '⚠'}</A> </Show>
                  <Show when={o().opportunityId}>{t('orders.forOpportunity')} <A href={`${base}/opportunities/${String(o().opportunityId)}`}>{title('opportunities', o().opportunityId) || '⚠'}</A></Show>
                </p>
              </Show>
              <Show when={o().note}><p class="muted">{String(o().note)}</p></Show>
            </div>
            <LinesCard order={o()} lines={lines()} exec={exec().lines} />
            <div class="cards order-docs">
              <DocumentsCard kind="deliveries" order={o()} lines={lines()} exec={exec().lines} />
              <DocumentsCard kind="returns" order={o()} lines={lines()} exec={exec().lines} />
            </div>
            <StepsCard orderId={o().id} />
            <For each={sections}>{(Section) => <Section recordId={params.id!} />}</For>
            <RecordHistory collection="orders" id={params.id!} rows={['orderLines', 'orderSteps']} />
            <Show when={editingHead()}>
              <RecordForm entity="orders" record={o()} onClose={() => setEditingHead(false)} />
            </Show>
          </>
        )}
      </RecordPageGate>
    </section>
  );
}

function DeleteButton(props: { order: BaseRecord }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [asking, setAsking] = createSignal(false);
  const why = () => orderEditBlocker(props.order);
  return (
    <>
      <button class="btn danger" disabled={!ctx.can('orders', 'write') || !!why()} title={why() ? L(why()!) : ''} onClick={() => setAsking(true)}>{t('common.delete')}</button>
      <Show when={asking()}>
        <Confirm title={t('common.delete')} danger okLabel={t('common.delete')} onClose={() => setAsking(false)}
          onOk={() => { if (moveToBin(ctx.ws, 'orders', [props.order.id]).ok) navigate(`/w/${ctx.ws.id}/orders`); }}>
          <p>{t('orders.confirmDelete')}</p>
        </Confirm>
      </Show>
    </>
  );
}

/** A permission the user's role lacks, as a refusal's label (already in the UI language). */
const noRight = (need: 'approve' | 'write') => {
  const text = t(need === 'approve' ? 'orders.noApproveRight' : 'orders.noWrite');
  return { zh: text, en: text };
};

/** Actions that take a comment (reject needs one); the others run at once. */
const PROMPTED: readonly OrderAction[] = ['submit', 'approve', 'reject', 'cancel'];

/**
 * The status actions the order's status allows. A button that cannot be used now is disabled and
 * its reason is written beside the bar (not only in a tooltip), so a rep sees why at a glance.
 */
function ActionBar(props: { order: BaseRecord; refusal: Refusals }) {
  const ctx = useWorkspace();
  const actions = createMemo(() => allowedActions(orderStatusOf(props.order)));
  const blockers = createMemo(() => {
    for (const c of ['orderLines', 'deliveryLines', 'returnLines', 'users', 'roles', 'discounts']) ctx.version(c)();
    const need = (a: OrderAction) => (a === 'approve' || a === 'reject' ? 'approve' : 'write');
    return actions().map((a) => ({
      a, why: ctx.can('orders', need(a)) ? actionBlocker(ctx.ws, props.order.id, a, ctx.userId())
        : noRight(need(a)),
    }));
  });
  const [prompt, setPrompt] = createSignal<OrderAction | null>(null);
  const run = (a: OrderAction, comment = '') => props.refusal.run(runOrderAction(ctx.ws, props.order.id, a, ctx.userId(), comment), t('orders.done', { action: t(ACTION_KEY[a]) }));
  // what a submission would need by the workspace's approval rules (the discount rule by default; rules are data)
  const needs = createMemo(() => {
    for (const c of ['orderLines', 'discounts', 'approvalRules', 'users', 'roles', 'departments']) ctx.version(c)();
    return planOf(ctx.ws, 'orders', props.order, ctx.userId()).flatMap((step) => step.reasons);
  });
  return (
    <div class="card action-card">
      <div class="action-bar">
        <For each={blockers()}>{(b) => (
          <button class="btn" classList={{ primary: b.a === 'submit' || b.a === 'approve', danger: b.a === 'reject' || b.a === 'cancel' }}
            data-action={b.a} disabled={!!b.why} title={b.why ? L(b.why) : ''}
            onClick={() => (PROMPTED.includes(b.a) ? setPrompt(b.a) : run(b.a))}>{t(ACTION_KEY[b.a])}</button>
        )}</For>
        <Show when={!actions().length}><span class="muted small">{t('orders.noActions')}</span></Show>
        <WhyDisabled reasons={blockers().map((b) => b.why && `${t(ACTION_KEY[b.a])}: ${L(b.why)}`)} />
        <span class="grow" />
        <Show when={orderStatusOf(props.order) === 'draft' || orderStatusOf(props.order) === 'submitted'}>
          <span class={needs().length ? 'warn small approval-need' : 'ok small approval-need'}>{needs().length ? needs().map(L).join(lang() === 'zh' ? ';' : '; ') : t('orders.withinLimit')}</span>
        </Show>
      </div>
      <Show when={blockers().some((b) => b.why)}>
        <ul class="action-why small muted">
          <For each={blockers().filter((b) => b.why)}>{(b) => <li data-action={b.a}>{t(ACTION_KEY[b.a])}:{L(b.why!)}</li>}</For>
        </ul>
      </Show>
      <Show when={prompt()}>{(a) => (
        <TextPrompt title={t(ACTION_KEY[a()])} label={t('orders.comment')} required={a() === 'reject'} okLabel={t(ACTION_KEY[a()])}
          onOk={(text) => run(a(), text)} onClose={() => setPrompt(null)} />
      )}</Show>
    </div>
  );
}

/** A line in the editor: the row it edits (`id`; none for a new line) and the text typed. */
interface Draft { id?: string; productId: string; quantity: string; unitPrice: string; rate: string }

const numText = (x: unknown) => (asNumber(x) === null ? '' : String(asNumber(x)));
const toDraft = (l: BaseRecord): Draft => ({ id: l.id, productId: String(l.productId ?? ''), quantity: numText(l.quantity), unitPrice: numText(l.unitPrice), rate: numText(l.rate) });
const toInput = (d: Draft): OrderLineEdit => ({
  ...(d.id ? { id: d.id } : {}), productId: d.productId, quantity: asNumber(d.quantity) ?? 0,
  unitPrice: asNumber(d.unitPrice) ?? undefined, rate: d.rate.trim() ? asNumber(d.rate) : null,
});

/** 订单明细: a table; while the order is a draft, its rows are inputs (product, quantity, price, rate). */
function LinesCard(props: { order: BaseRecord; lines: BaseRecord[]; exec: LineExecution[] }) {
  const ctx = useWorkspace();
  const refusal = useRefusal(); // shown in the card: the page's banner may be scrolled away
  const title = useTitles();
  const products = createMemo(() => ctx.live('products').sort((a, b) => String(a.code ?? '').localeCompare(String(b.code ?? ''))));
  const editable = () => ctx.can('orders', 'write') && !orderEditBlocker(props.order);
  const [drafts, setDrafts] = createSignal<Draft[]>([]);
  const [dirty, setDirty] = createSignal(false);
  let shown: string[] = [];
  const reset = () => { setDirty(false); shown = props.lines.map((l) => l.id); setDrafts(props.lines.map(toDraft)); };
  createEffect(on(() => props.lines, () => { if (!dirty()) reset(); }));
  const edit = (i: number, patch: Partial<Draft>) => { setDrafts(drafts().map((d, j) => (j === i ? { ...d, ...patch } : d))); setDirty(true); };
  const priced = createMemo(() => { ctx.version('discounts')(); return priceOrderLines(ctx.ws, props.order.customerId, drafts().map(toInput)); });
  const rows = () => (dirty() ? priced() : props.lines);
  const totals = createMemo(() => quoteTotals(rows()));
  const save = () => { if (refusal.run(saveOrderLines(ctx.ws, props.order.id, drafts().map(toInput), ctx.userId(), shown), t('orders.linesSaved'))) reset(); };
  const done = (lineId: string | undefined) => props.exec.find((e) => e.orderLineId === lineId);
  return (
    <div class="card">
      <div class="card-head">
        <h2>{t('orders.lines')}</h2><span class="grow" />
        <Show when={dirty()}>
          <span class="warn small">{t('orders.unsaved')}</span>
          <button class="btn" onClick={reset}>{t('common.cancel')}</button>
          <button class="btn primary save-lines" onClick={save}>{t('orders.saveLines')}</button>
        </Show>
        <Show when={editable()}>
          <button class="btn add-line" onClick={() => { setDrafts([...drafts(), { productId: '', quantity: '1', unitPrice: '', rate: '' }]); setDirty(true); }}>+ {t('orders.addLine')}</button>
        </Show>
      </div>
      <refusal.Banner />
      <div class="scroll-x">
        <table class="grid simple order-lines">
          <thead><tr><th>#</th><th>{t('orders.col.product')}</th><th class="num">{t('orders.col.qty')}</th><th class="num">{t('orders.col.unitPrice')}</th>
            <th class="num">{t('orders.col.rate')}</th><th class="num">{t('orders.col.lineAmount')}</th><th class="num">{t('orders.col.discounted')}</th>
            <th class="num">{t('orders.col.delivered')}</th><th class="num">{t('orders.col.returned')}</th><th /></tr></thead>
          <tbody>
            <For each={drafts()} fallback={<tr><td colspan="10" class="muted">{t('orders.noLines')}</td></tr>}>{(d, i) => {
              const a = () => lineAmounts(rows()[i()] ?? {});
              const product = () => products().find((p) => p.id === d.productId);
              return (
                <tr data-line={i()}>
                  <td>{i() + 1}</td>
                  <td>
                    <Show when={editable()} fallback={title('products', d.productId) || '⚠'}>
                      <select class="line-product" value={d.productId} aria-label={t('orders.col.product')}
                        onChange={(e) => edit(i(), { productId: e.currentTarget.value, unitPrice: '' })}>
                        <option value="">{t('form.pick')}</option>
                        <For each={products()}>{(p) => <option value={p.id}>{String(p.code ?? '')} {String(p.name ?? '')}</option>}</For>
                      </select>
                    </Show>
                  </td>
                  <td class="num"><Cell editable={editable()} class="line-qty" value={d.quantity} label={t('orders.col.qty')} onInput={(v) => edit(i(), { quantity: v })} /></td>
                  <td class="num"><Cell editable={editable()} class="line-price" value={d.unitPrice} label={t('orders.col.unitPrice')}
                    placeholder={product() ? money(product()!.listPrice) : ''} shown={money(a().unitPrice)} onInput={(v) => edit(i(), { unitPrice: v })} /></td>
                  <td class="num"><Cell editable={editable()} class="line-rate" value={d.rate} label={t('orders.col.rate')} placeholder={String(a().rate)}
                    shown={d.productId ? ratePct(a().rate) : '—'} onInput={(v) => edit(i(), { rate: v })} /></td>
                  <td class="num">{d.productId ? money(a().amount) : '—'}</td>
                  <td class="num">{d.productId ? money(a().discountedAmount) : '—'}</td>
                  <td class="num">{done(d.id)?.delivered ?? 0}</td>
                  <td class="num">{done(d.id)?.returned ?? 0}</td>
                  <td><Show when={editable()}><button class="icon-btn" aria-label={t('common.delete')}
                    onClick={() => { setDrafts(drafts().filter((_x, j) => j !== i())); setDirty(true); }}>×</button></Show></td>
                </tr>
              );
            }}</For>
          </tbody>
          <tfoot><tr><td colspan="5">{t('orders.total')} <span class="muted small">({t('orders.overallRate')} {totals().rate ?? '—'})</span></td>
            <td class="num">{money(totals().amount)}</td><td class="num"><b class="order-total">{money(totals().discountedAmount)}</b></td><td colspan="3" /></tr></tfoot>
        </table>
      </div>
      <Show when={editable()}><p class="muted small">{t('orders.pricingHint')}</p></Show>
    </div>
  );
}

/** A number in the lines table: an input while editable, else its text. */
function Cell(props: { editable: boolean; class: string; value: string; label: string; placeholder?: string; shown?: string; onInput: (v: string) => void }) {
  return (
    <Show when={props.editable} fallback={props.shown ?? (props.value || '—')}>
      <input class={`${props.class} num-input short`} value={props.value} aria-label={props.label} placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.currentTarget.value)} />
    </Show>
  );
}

/** 操作记录: who did what to the order and when (submit, approve with comment…). */
function StepsCard(props: { orderId: string }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const steps = createMemo(() => { ctx.version('orderSteps')(); return orderStepsOf(ctx.ws, props.orderId); });
  return (
    <div class="card">
      <h2>{t('orders.steps')}</h2>
      <Show when={ctx.get('orders', props.orderId)}>{(o) => <ApprovalConflicts entity="orders" doc={o()} />}</Show>
      <table class="grid simple order-steps">
        <thead><tr><th>{t('orders.col.action')}</th><th>{t('orders.col.by')}</th><th>{t('orders.col.at')}</th><th>{t('orders.comment')}</th></tr></thead>
        <tbody>
          <For each={steps()} fallback={<tr><td colspan="4" class="muted">{t('orders.noSteps')}</td></tr>}>{(s) => (
            <tr><td>{s.action && ACTION_KEY[s.action as OrderAction] ? t(ACTION_KEY[s.action as OrderAction]) : '⚠'}</td><td>{title('users', s.by) || '—'}</td>
              <td>{dateTime(s.at, lang())}</td><td class="wrap">{String(s.comment ?? '')}</td></tr>
          )}</For>
        </tbody>
      </table>
    </div>
  );
}

/** 发货单 or 退货单 of the order, and the form that makes a new one. */
function DocumentsCard(props: { kind: 'deliveries' | 'returns'; order: BaseRecord; lines: BaseRecord[]; exec: LineExecution[] }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const delivery = props.kind === 'deliveries';
  const docs = createMemo<DocumentView[]>(() => {
    for (const c of [props.kind, delivery ? 'deliveryLines' : 'returnLines']) ctx.version(c)();
    return documentViews(ctx.ws, props.kind, props.order.id);
  });
  const [adding, setAdding] = createSignal(false);
  const productOf = (orderLineId: unknown) => title('products', props.lines.find((l) => l.id === orderLineId)?.productId) || '⚠';
  const room = () => props.exec.reduce((s, l) => s + (delivery ? l.ordered - l.delivered : l.delivered - l.returned), 0);
  const why = () => {
    const s = orderStatusOf(props.order);
    if (!ctx.can('orders', 'write')) return t('orders.noWrite');
    if (s !== 'approved' && s !== 'executing') return t('orders.notExecutable');
    return room() > 0 ? '' : t(delivery ? 'orders.allDelivered' : 'orders.nothingToReturn');
  };
  return (
    <div class="card" data-docs={props.kind} classList={{ adding: adding() }}>
      <div class="card-head">
        <h2>{t(delivery ? 'orders.deliveries' : 'orders.returns')} <span class="count-pill">{docs().length}</span></h2><span class="grow" />
        <Show when={why()}><span class="muted small">{why()}</span></Show>
        <button class="btn new-doc" disabled={!!why() || adding()} onClick={() => setAdding(true)}>+ {t(delivery ? 'orders.newDelivery' : 'orders.newReturn')}</button>
      </div>
      <Show when={adding()}>
        <DocumentForm kind={props.kind} order={props.order} lines={props.lines} exec={props.exec} onClose={() => setAdding(false)} />
      </Show>
      <table class="grid simple">
        <thead><tr><th>{t('orders.col.docNo')}</th><th>{t('orders.col.date')}</th><th>{t('orders.col.lines')}</th><th>{t(delivery ? 'orders.col.note' : 'orders.col.reason')}</th></tr></thead>
        <tbody>
          <For each={docs()} fallback={<tr><td colspan="4" class="muted">{t(delivery ? 'orders.noDeliveries' : 'orders.noReturns')}</td></tr>}>{(v) => (
            <tr><td>{String(v.doc.code ?? '—')}</td><td>{String(v.doc.date ?? '')}</td>
              <td class="wrap">{v.lines.map((l) => `${productOf(l.orderLineId)} × ${String(l.quantity ?? '?')}`).join(', ')}</td>
              <td class="wrap">{String((delivery ? v.doc.note : v.doc.reason) ?? '')}</td></tr>
          )}</For>
        </tbody>
      </table>
    </div>
  );
}

/** A new delivery or return: a quantity per order line (blank = not this line), a date, a note or reason. */
function DocumentForm(props: { kind: 'deliveries' | 'returns'; order: BaseRecord; lines: BaseRecord[]; exec: LineExecution[]; onClose: () => void }) {
  const ctx = useWorkspace();
  const refusal = useRefusal(); // in the form, beside the quantities it is about
  const title = useTitles();
  const delivery = props.kind === 'deliveries';
  const [qty, setQty] = createSignal<Record<string, string>>({});
  const [date, setDate] = createSignal(localToday());
  const [text, setText] = createSignal('');
  // order lines a refusal names (its fields are `line<n>`, n the order's line number)
  const [bad, setBad] = createSignal<Set<string>>(new Set());
  const left = (l: LineExecution) => (delivery ? l.ordered - l.delivered : l.delivered - l.returned);
  const fillAll = () => setQty(Object.fromEntries(props.exec.map((l) => [l.orderLineId, left(l) > 0 ? String(left(l)) : ''])));
  const submit = () => {
    const input = { lines: props.exec.map((l) => ({ orderLineId: l.orderLineId, quantity: qty()[l.orderLineId] ?? '' })), date: date(), note: text(), reason: text() };
    const res = delivery ? createDelivery(ctx.ws, props.order.id, input, ctx.userId()) : createReturn(ctx.ws, props.order.id, input, ctx.userId());
    if (refusal.run(res, t(delivery ? 'orders.delivered' : 'orders.returnedDone'))) return props.onClose();
    const named = Object.keys((!res.ok && res.refusal.fields) || {}).map((k) => props.exec[Number(k.slice(4)) - 1]?.orderLineId);
    setBad(new Set(named.filter((x): x is string => !!x)));
  };
  const productOf = (id: string) => title('products', props.lines.find((l) => l.id === id)?.productId) || '⚠';
  return (
    <div class="doc-form" data-form={props.kind}>
      <refusal.Banner />
      <table class="grid simple">
        <thead><tr><th>{t('orders.col.product')}</th><th class="num">{t('orders.col.qty')}</th><th class="num">{t('orders.col.delivered')}</th>
          <th class="num">{t('orders.col.returned')}</th><th class="num">{t(delivery ? 'orders.col.toDeliver' : 'orders.col.returnable')}</th><th class="num">{t('orders.col.thisTime')}</th></tr></thead>
        <tbody>
          <For each={props.exec}>{(l) => (
            <tr><td>{productOf(l.orderLineId)}</td><td class="num">{l.ordered}</td><td class="num">{l.delivered}</td><td class="num">{l.returned}</td>
              <td class="num">{left(l)}</td>
              <td class="num"><input class="doc-qty num-input short" classList={{ invalid: bad().has(l.orderLineId) }} aria-label={`${productOf(l.orderLineId)} ${t('orders.col.thisTime')}`} value={qty()[l.orderLineId] ?? ''}
                onInput={(e) => setQty({ ...qty(), [l.orderLineId]: e.currentTarget.value })} /></td></tr>
          )}</For>
        </tbody>
      </table>
      <div class="doc-form-foot">
        <label>{t('orders.col.date')} <input type="date" class="doc-date" value={date()} onInput={(e) => setDate(e.currentTarget.value)} /></label>
        <label class="grow">{t(delivery ? 'orders.col.note' : 'orders.col.reason')} <input class="doc-text" value={text()} onInput={(e) => setText(e.currentTarget.value)} /></label>
        <button class="btn ghost" onClick={fillAll}>{t(delivery ? 'orders.fillRest' : 'orders.fillAll')}</button>
        <button class="btn" onClick={() => props.onClose()}>{t('common.cancel')}</button>
        <button class="btn primary save-doc" onClick={submit}>{t(delivery ? 'orders.confirmDelivery' : 'orders.confirmReturn')}</button>
      </div>
    </div>
  );
}
