import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { money, dateTime } from '../../domain/core/format';
import { quoteTotals } from '../../domain/sales';
import {
  opportunityOrderBlocker, orderFromOpportunity, orderFromQuoteId, orderLinesOf, orderNeed, ordersWhere, quoteOrderBlocker,
} from '../../store/orders/orders';
import { approveOrderAs, myOrderSubmissions, orderInbox, rejectOrderAs, submittedAt } from '../../store/orders/status';
import { approvalOf } from '../../store/approvals/engine';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { TextPrompt } from '../shared/dialogs';
import { useRefusal } from '../shared/refusal';
import { OrderTable, StatusBadge } from './common';
import { L, lang, t } from '../i18n';

/* Sections the orders module adds to other modules' pages (ui/orders/manifest.ts). */

/** Orders made from a record, with 生成订单 while the record allows it (an approved quote, a won opportunity). */
function MadeOrders(props: { field: 'quoteId' | 'opportunityId'; recordId: string }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const refusal = useRefusal();
  const orders = createMemo(() => { ctx.version('orders')(); return ordersWhere(ctx.ws, props.field, props.recordId); });
  const why = createMemo(() => {
    if (!ctx.can('orders', 'write')) return { zh: t('orders.noWrite'), en: t('orders.noWrite') }; // already in the UI language
    return props.field === 'quoteId' ? quoteOrderBlocker(ctx.get('quotes', props.recordId)) : opportunityOrderBlocker(ctx.get('opportunities', props.recordId));
  });
  const make = () => {
    const res = props.field === 'quoteId' ? orderFromQuoteId(ctx.ws, props.recordId, ctx.userId()) : orderFromOpportunity(ctx.ws, props.recordId, ctx.userId());
    if (refusal.run(res, t('orders.made'))) navigate(`/w/${ctx.ws.id}/orders/${res.value}`);
  };
  return (
    <div class="card made-orders">
      <div class="card-head">
        <h2>{t('orders.title')} <span class="count-pill">{orders().length}</span></h2><span class="grow" />
        <Show when={why()}><span class="muted small">{L(why()!)}</span></Show>
        <button class="btn make-order" classList={{ primary: !orders().length }} disabled={!!why()} onClick={make}>{t('orders.makeOrder')}</button>
      </div>
      <refusal.Banner />
      <OrderTable orders={orders()} />
    </div>
  );
}

export const QuoteOrders = (props: { recordId: string }) => <MadeOrders field="quoteId" recordId={props.recordId} />;
export const OpportunityOrders = (props: { recordId: string }) => <MadeOrders field="opportunityId" recordId={props.recordId} />;

/** On the customer's page: its orders and their deliveries. */
export function CustomerOrders(props: { customerId: string }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const orders = createMemo(() => ctx.where('orders', 'customerId', props.customerId)
    .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? ''))));
  const deliveries = createMemo(() => {
    return orders().flatMap((o) => ctx.where('deliveries', 'orderId', o.id)).sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
  });
  const base = `/w/${ctx.ws.id}`;
  return (
    <div class="card customer-orders">
      <h2>{t('orders.customerOrders')}</h2>
      <OrderTable orders={orders()} />
      <h4>{t('orders.deliveries')} ({deliveries().length})</h4>
      <ul class="plain-list">
        <For each={deliveries()} fallback={<li class="muted">{t('orders.noDeliveries')}</li>}>{(d) => (
          <li><span>{String(d.code ?? '—')} <span class="muted small">{String(d.date ?? '')}</span></span>
            <A href={`${base}/orders/${String(d.orderId)}`}>{title('orders', d.orderId) || '⚠'}</A></li>
        )}</For>
      </ul>
    </div>
  );
}

/** On the 审批箱 page: orders waiting for this user's decision, and the orders this user submitted. */
export function OrderApprovals(props: { recordId: string }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const refusal = useRefusal();
  const base = `/w/${ctx.ws.id}`;
  const rows = () => { for (const c of ['orders', 'orderLines', 'orderSteps', 'users', 'roles', 'discounts', 'approvalSteps']) ctx.version(c)(); };
  const inbox = createMemo(() => { rows(); return orderInbox(ctx.ws, props.recordId); });
  const mine = createMemo(() => { rows(); return myOrderSubmissions(ctx.ws, props.recordId); });
  const [deciding, setDeciding] = createSignal<{ o: BaseRecord; approve: boolean } | null>(null);
  return (
    <>
      <div class="card order-inbox">
        <h2>{t('orders.inbox')} <span class="count-pill">{inbox().length}</span></h2>
        <refusal.Banner />
        <ul class="inbox">
          <For each={inbox()} fallback={<li class="muted empty-line">{t('orders.inboxEmpty')}</li>}>{(o) => {
            const sub = () => submittedAt(ctx.ws, o.id);
            const tot = () => quoteTotals(orderLinesOf(ctx.ws, o.id));
            // why it waits: what the rules asked at its submission (an older submission recorded none: the discount rule)
            const why = () => {
              const asked = approvalOf(ctx.ws, 'orders', o)?.state.steps.flatMap((st) => st.reasons) ?? [];
              const reason = asked.length ? null : orderNeed(ctx.ws, o).reason;
              return asked.length ? asked.map(L).join(lang() === 'zh' ? ';' : '; ') : reason ? L(reason) : '';
            };
            return (
              <li class="inbox-item" data-id={o.id}>
                <div class="inbox-main">
                  <div class="inbox-title"><A href={`${base}/orders/${o.id}`}><b>{t('orders.order')} {title('orders', o)}</b></A>
                    <span>{title('customers', o.customerId) || '—'}</span></div>
                  <dl class="inbox-facts">
                    <div><dt>{t('orders.col.owner')}</dt><dd>{title('users', sub().by ?? o.ownerId) || '—'}</dd></div>
                    <div><dt>{t('orders.submittedAt')}</dt><dd>{dateTime(sub().at, lang())}</dd></div>
                    <div><dt>{t('orders.col.amount')}</dt><dd><b>{money(tot().discountedAmount)}</b></dd></div>
                    <div><dt>{t('orders.overallRate')}</dt><dd class="warn"><b>{String(tot().rate ?? '—')}</b></dd></div>
                  </dl>
                  <Show when={why()}><p class="small warn order-why">{why()}</p></Show>
                  <Show when={sub().comment}><p class="submit-comment">“{sub().comment}”</p></Show>
                </div>
                <div class="inbox-actions">
                  <button class="btn primary" onClick={() => setDeciding({ o, approve: true })}>{t('orders.action.approve')}</button>
                  <button class="btn danger" onClick={() => setDeciding({ o, approve: false })}>{t('orders.action.reject')}</button>
                </div>
              </li>
            );
          }}</For>
        </ul>
      </div>
      <Show when={mine().length}>
        <div class="card">
          <h2>{t('orders.mySubmissions')}</h2>
          <table class="grid simple">
            <thead><tr><th>{t('orders.col.code')}</th><th>{t('orders.col.customer')}</th><th>{t('orders.col.status')}</th><th class="num">{t('orders.col.amount')}</th></tr></thead>
            <tbody>
              <For each={mine()}>{(o) => (
                <tr><td><A href={`${base}/orders/${o.id}`}>{title('orders', o)}</A></td><td>{title('customers', o.customerId) || '—'}</td>
                  <td><StatusBadge order={o} /></td><td class="num">{money(o.amount)}</td></tr>
              )}</For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={deciding()}>{(d) => (
        <TextPrompt title={`${t(d().approve ? 'orders.action.approve' : 'orders.action.reject')} ${title('orders', d().o)}`} label={t('orders.comment')}
          required={!d().approve} okLabel={t(d().approve ? 'orders.action.approve' : 'orders.action.reject')}
          onOk={(text) => refusal.run(d().approve ? approveOrderAs(ctx.ws, d().o.id, ctx.userId(), text) : rejectOrderAs(ctx.ws, d().o.id, ctx.userId(), text),
            t('orders.done', { action: t(d().approve ? 'orders.action.approve' : 'orders.action.reject') }))}
          onClose={() => setDeciding(null)} />
      )}</Show>
    </>
  );
}
