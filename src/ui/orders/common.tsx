import { For, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { money } from '../../domain/core/format';
import { EXECUTION_LABELS, orderStatusOf, type ExecutionStatus, type OrderAction, type OrderStatus } from '../../domain/orders';
import { executionByOrder } from '../../store/orders/orders';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge } from '../shared/RecordView';
import { L, t, type MessageKey } from '../i18n';
import './orders.css';

/* Pieces shared by the orders pages and sections. */

export const STATUS_KEY: Record<OrderStatus, MessageKey> = {
  draft: 'orders.status.draft', submitted: 'orders.status.submitted', approved: 'orders.status.approved',
  executing: 'orders.status.executing', completed: 'orders.status.completed', cancelled: 'orders.status.cancelled',
};

export const ACTION_KEY: Record<OrderAction, MessageKey> = {
  submit: 'orders.action.submit', approve: 'orders.action.approve', reject: 'orders.action.reject', withdraw: 'orders.action.withdraw',
  reopen: 'orders.action.reopen', execute: 'orders.action.execute', complete: 'orders.action.complete', cancel: 'orders.action.cancel',
};

export function statusTone(o: BaseRecord): string | undefined {
  const s = orderStatusOf(o);
  return s === 'submitted' ? 'warn' : s === 'approved' || s === 'executing' ? 'blue' : s === 'completed' ? 'ok' : s === 'cancelled' ? 'gray' : undefined;
}

export function executionTone(s: ExecutionStatus | undefined): string | undefined {
  return s === 'partial' || s === 'partReturned' ? 'warn' : s === 'delivered' ? 'ok' : s === 'returned' ? 'red' : undefined;
}

export const executionText = (s: ExecutionStatus | undefined) => (s ? L(EXECUTION_LABELS[s]) : '—');

export function StatusBadge(props: { order: BaseRecord }) {
  return <Badge tone={statusTone(props.order)}>{t(STATUS_KEY[orderStatusOf(props.order)])}</Badge>;
}

/** Execution status of every order, following the rows (one read for a whole table). */
export function useExecutions() {
  const ctx = useWorkspace();
  return createMemo(() => {
    for (const c of ['orders', 'orderLines', 'deliveryLines', 'returnLines']) ctx.version(c)();
    return executionByOrder(ctx.ws);
  });
}

/** Orders as a small table (sections on other pages): number, date, status, execution, amount. */
export function OrderTable(props: { orders: readonly BaseRecord[]; customer?: boolean }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const exec = useExecutions();
  const base = `/w/${ctx.ws.id}`;
  return (
    <table class="grid simple order-table">
      <thead><tr><th>{t('orders.col.code')}</th><th>{t('orders.col.date')}</th>
        {props.customer ? <th>{t('orders.col.customer')}</th> : null}
        <th>{t('orders.col.owner')}</th><th>{t('orders.col.status')}</th><th>{t('orders.col.execution')}</th><th class="num">{t('orders.col.amount')}</th></tr></thead>
      <tbody>
        <For each={props.orders} fallback={<tr><td colspan="7" class="muted">{t('orders.none')}</td></tr>}>{(o) => {
          const s = () => exec().get(o.id)?.status;
          return (
            <tr data-id={o.id}>
              <td><A href={`${base}/orders/${o.id}`}>{title('orders', o) || '—'}</A></td>
              <td>{String(o.date ?? '')}</td>
              {props.customer ? <td>{title('customers', o.customerId) || '—'}</td> : null}
              <td>{title('users', o.ownerId) || '—'}</td>
              <td><StatusBadge order={o} /></td>
              <td><Badge tone={executionTone(s())}>{executionText(s())}</Badge></td>
              <td class="num">{money(o.amount)}</td>
            </tr>
          );
        }}</For>
      </tbody>
    </table>
  );
}
