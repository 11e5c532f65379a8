import { For, createMemo, createSignal } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { ORDER_STATUSES, orderStatusOf, type ExecutionStatus, type OrderStatus } from '../../domain/orders';
import { duplicateOrders } from '../../store/orders/orders';
import { deliveryDeleteBlocker, returnDeleteBlocker } from '../../store/orders/execution';
import { RecordList, type ExtraColumn } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Violations } from '../shared/RecordView';
import { STATUS_KEY, executionText, executionTone, useExecutions } from './common';
import { t } from '../i18n';

const EXECUTIONS: ExecutionStatus[] = ['none', 'partial', 'delivered', 'partReturned', 'returned'];

/** 订单管理: every order with its execution status; filters by status and execution; duplicate numbers flagged. */
export function OrdersPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const exec = useExecutions();
  const [status, setStatus] = createSignal<OrderStatus | ''>('');
  const [execution, setExecution] = createSignal<ExecutionStatus | ''>('');
  const duplicates = createMemo(() => { ctx.version('orders')(); return duplicateOrders(ctx.ws); });
  const duplicated = createMemo(() => new Set(duplicates().flatMap((v) => v.ids)));
  const executionOf = (r: BaseRecord) => exec().get(r.id)?.status;
  const filterBase = () => {
    const s = status(), e = execution();
    if (!s && !e) return undefined;
    return (r: BaseRecord) => (!s || orderStatusOf(r) === s) && (!e || executionOf(r) === e);
  };
  const columns = (): ExtraColumn[] => [
    { key: 'execution', label: t('orders.col.execution'), width: 90, value: (r) => executionText(executionOf(r)), tone: (r) => executionTone(executionOf(r)) },
    ...(duplicated().size ? [{ key: 'duplicate', label: '', width: 70, value: (r: BaseRecord) => (duplicated().has(r.id) ? `⚠ ${t('orders.duplicateMark')}` : ''), tone: () => 'red' }] : []),
  ];
  const open = (r: BaseRecord) => navigate(`/w/${ctx.ws.id}/orders/${r.id}`);
  return (
    <section class="page page-list orders-list">
      <h1 class="page-title">{t('nav.orders')}</h1>
      <Violations list={duplicates()} title={t('orders.duplicateTitle')} />
      <div class="quick-filters" role="group" aria-label={t('orders.col.status')}>
        <span class="muted small">{t('orders.col.status')}</span>
        <button class="chip-btn" classList={{ active: !status() }} onClick={() => setStatus('')}>{t('orders.all')}</button>
        <For each={ORDER_STATUSES}>{(s) => (
          <button class="chip-btn" classList={{ active: status() === s }} onClick={() => setStatus(s)}>{t(STATUS_KEY[s])}</button>
        )}</For>
        <span class="muted small gap">{t('orders.col.execution')}</span>
        <select class="exec-filter" aria-label={t('orders.col.execution')} value={execution()} onChange={(e) => setExecution(e.currentTarget.value as ExecutionStatus | '')}>
          <option value="">{t('orders.all')}</option>
          <For each={EXECUTIONS}>{(s) => <option value={s}>{executionText(s)}</option>}</For>
        </select>
      </div>
      <RecordList entity="orders" filterBase={filterBase()} extraColumns={columns()} onOpen={open}
        hooks={{ onSaved: open }} />
    </section>
  );
}

/** Lines of deliveries or returns as "ERP × 4, 服务 × 2", by document id. */
function useLineSummaries(kind: 'deliveryLines' | 'returnLines') {
  const ctx = useWorkspace();
  const title = useTitles();
  const ref = kind === 'deliveryLines' ? 'deliveryId' : 'returnId';
  return createMemo(() => {
    const out = new Map<string, string[]>();
    for (const l of ctx.live(kind)) {
      const line = ctx.get('orderLines', l.orderLineId);
      const text = `${title('products', line?.productId) || '⚠'} × ${String(l.quantity ?? '?')}`;
      const id = String(l[ref] ?? '');
      out.set(id, [...(out.get(id) ?? []), text]);
    }
    return out;
  });
}

/** 发货单 or 退货单: a register of every document; each is made on its order's page, which opens from here. */
function DocumentsPage(props: { entity: 'deliveries' | 'returns'; title: string }) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const summaries = useLineSummaries(props.entity === 'deliveries' ? 'deliveryLines' : 'returnLines');
  const columns: ExtraColumn[] = [{ key: 'lines', label: t('orders.col.lines'), width: 320, value: (r) => (summaries().get(r.id) ?? []).join(', ') }];
  return (
    <section class="page page-list">
      <h1 class="page-title">{props.title} <span class="muted small">{t('orders.madeOnOrder')}</span></h1>
      <RecordList entity={props.entity} addable={false} extraColumns={columns}
        onOpen={(r) => navigate(`/w/${ctx.ws.id}/orders/${String(r.orderId ?? '')}`)}
        deleteBlocker={(r) => (props.entity === 'deliveries' ? deliveryDeleteBlocker : returnDeleteBlocker)(ctx.ws, r)} />
    </section>
  );
}

export const DeliveriesPage = () => <DocumentsPage entity="deliveries" title={t('nav.deliveries')} />;
export const ReturnsPage = () => <DocumentsPage entity="returns" title={t('nav.returns')} />;
