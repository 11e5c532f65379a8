import { For, Show, createMemo, type Accessor } from 'solid-js';
import { A } from '@solidjs/router';
import type { InstalmentDue } from '../../domain/finance/accounts';
import { money } from '../../domain/core/format';
import { localToday } from '../../store/sales/ops';
import { FINANCE_COLLECTIONS, duesOf, orderSheet } from '../../store/finance/reads';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Modal } from '../shared/Modal';
import { t } from '../i18n';
import './finance.css';

/** Today as the user's calendar day. */
export const today = (): string => localToday();

export const orderHref = (wsId: string, id: string) => `/w/${wsId}/orders/${id}`;
/** Finance's page of one order's money (the order page shows the same section). */
export const accountHref = (wsId: string, id: string) => `/w/${wsId}/finance/account/${id}`;
export const customerHref = (wsId: string, id: string) => `/w/${wsId}/customers/${id}`;

/** Subscribe the running memo to the collections the account figures read. */
export function readFinance(ctx: ReturnType<typeof useWorkspace>): void {
  for (const c of FINANCE_COLLECTIONS) ctx.version(c)();
}

/**
 * Every unpaid instalment of the orders this user's data scope shows, computed once per change of
 * the orders and money collections (not per render): arrears, dunning and the home card read it.
 */
export function useDues(): Accessor<InstalmentDue[]> {
  const ctx = useWorkspace();
  return createMemo(() => {
    readFinance(ctx);
    const all = duesOf(ctx.ws);
    const test = ctx.inScope('orders');
    if (!test) return all;
    const shown = new Set(ctx.visible('orders').map((o) => o.id));
    return all.filter((d) => shown.has(d.orderId));
  });
}

/** A list of orders behind a figure: each with its account, linking to its page. */
export function OrdersDialog(props: { title: string; orderIds: readonly string[]; onClose: () => void }) {
  const ctx = useWorkspace();
  const name = useTitles();
  const rows = createMemo(() => {
    readFinance(ctx);
    return props.orderIds.map((id) => ({ id, sheet: orderSheet(ctx.ws, id) })).filter((r) => r.sheet);
  });
  return (
    <Modal open wide title={props.title} onClose={props.onClose}>
      <table class="grid simple" data-testid="orders-drill">
        <thead><tr><th>{t('finance.order')}</th><th>{t('finance.customer')}</th><th>{t('finance.rep')}</th>
          <th class="num">{t('finance.receivable')}</th><th class="num">{t('finance.received')}</th><th class="num">{t('finance.balance')}</th></tr></thead>
        <tbody>
          <For each={rows()}>{(r) => (
            <tr>
              <td><A href={accountHref(ctx.ws.id, r.id)}>{name('orders', r.id)}</A></td>
              <td>{name('customers', r.sheet!.account.customerId)}</td>
              <td>{name('users', r.sheet!.account.ownerId)}</td>
              <td class="num">{money(r.sheet!.account.receivable)}</td>
              <td class="num">{money(r.sheet!.account.received)}</td>
              <td class="num">{money(r.sheet!.account.balance)}</td>
            </tr>
          )}</For>
        </tbody>
      </table>
      <Show when={!rows().length}><p class="muted">{t('finance.none')}</p></Show>
    </Modal>
  );
}
