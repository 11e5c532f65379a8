import type { Workspace } from '../core/workspace';
import { entityDef, checkRecord, saveRecord } from '../core/records';
import { referring, rowsByParent, rowsOf } from '../core/cascade';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { sortSteps, nextSeq } from '../../domain/core/rows';
import { ok, refuse, refuseFields, type Result } from '../../domain/core/result';
import { asNumber } from '../../domain/core/numbers';
import {
  duplicateOrderCodes, orderApprovalNeed, orderEditBlocker, orderExecution, orderFromQuote,
  type OrderDraft, type OrderExecution,
} from '../../domain/orders';
import { quoteStatusOf, statusOf, type ApprovalNeed, type Violation } from '../../domain/sales';
import { linesOf as quoteLinesOf, priceLines, roleOfUser } from '../sales/quotes';

/**
 * Orders (订单, SPEC H) in the store: reads of an order with its rows, and the writes that make
 * an order and edit its lines. Every write goes through the one save path (`saveRecord`, so the
 * orders rules — numbering, the draft lock, the derived amount — apply) inside ONE transaction,
 * after everything was checked: a refusal writes nothing.
 */

const NO_ORDER: Label = { zh: '订单不存在或已删除', en: 'The order does not exist or is deleted' };

function liveRecord(ws: Workspace, collection: string, id: string): BaseRecord | undefined {
  const r = ws.collection(collection).get(id);
  return r && !r.deleted ? r : undefined;
}

export const liveOrder = (ws: Workspace, id: string) => liveRecord(ws, 'orders', id);
export const noOrder = () => refuse(NO_ORDER);

// ---- reads -------------------------------------------------------------------------------------

/** The order's live lines in display order. */
export function orderLinesOf(ws: Workspace, orderId: string): BaseRecord[] {
  return rowsOf(ws, 'orderLines', orderId);
}

/** The order's status steps in the order they were taken. */
export function orderStepsOf(ws: Workspace, orderId: string): BaseRecord[] {
  return rowsOf(ws, 'orderSteps', orderId, sortSteps);
}

/** Live deliveries or returns of an order, oldest first. */
export function documentsOf(ws: Workspace, collection: 'deliveries' | 'returns', orderId: string): BaseRecord[] {
  return ws.collection(collection).liveWhere('orderId', orderId)
    .sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')) || a.createdAt - b.createdAt);
}

/** The live lines of a delivery or return. */
export function documentLinesOf(ws: Workspace, kind: 'deliveryLines' | 'returnLines', docId: string): BaseRecord[] {
  return ws.collection(kind).liveWhere(kind === 'deliveryLines' ? 'deliveryId' : 'returnId', docId);
}

/** Ordered, delivered and returned per line, and the derived execution status (never stored). */
export function executionOf(ws: Workspace, orderId: string): OrderExecution {
  const rows = (c: 'deliveries' | 'returns', k: 'deliveryLines' | 'returnLines') =>
    documentsOf(ws, c, orderId).flatMap((d) => documentLinesOf(ws, k, d.id));
  return orderExecution(orderLinesOf(ws, orderId), rows('deliveries', 'deliveryLines'), rows('returns', 'returnLines'));
}

/** Every order's execution at once (the list): rows read once, grouped by order. */
export function executionByOrder(ws: Workspace): Map<string, OrderExecution> {
  const lines = rowsByParent(ws, 'orderLines');
  const orderOfLine = new Map<string, string>();
  for (const [orderId, rows] of lines) for (const l of rows) orderOfLine.set(l.id, orderId);
  const group = (kind: string) => {
    const out = new Map<string, BaseRecord[]>();
    for (const r of ws.collection(kind).live()) {
      const orderId = orderOfLine.get(String(r.orderLineId ?? ''));
      if (orderId) out.set(orderId, [...(out.get(orderId) ?? []), r]);
    }
    return out;
  };
  const delivered = group('deliveryLines');
  const returned = group('returnLines');
  const out = new Map<string, OrderExecution>();
  for (const o of ws.collection('orders').live()) {
    out.set(o.id, orderExecution(lines.get(o.id) ?? [], delivered.get(o.id) ?? [], returned.get(o.id) ?? []));
  }
  return out;
}

/** Live orders sharing a number (made apart on two devices of one person, then merged). */
export function duplicateOrders(ws: Workspace): Violation[] {
  return duplicateOrderCodes(ws.collection('orders').live());
}

/** Orders made from a quote, or for an opportunity. */
export function ordersWhere(ws: Workspace, field: 'quoteId' | 'opportunityId' | 'customerId', id: string): BaseRecord[] {
  return ws.collection('orders').liveWhere(field, id).sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')));
}

/** Whether the order (its lines) needs approval under its sales rep's position limit (the quotes' rule). */
export function orderNeed(ws: Workspace, order: BaseRecord, lines: readonly RecordValues[] = orderLinesOf(ws, order.id)): ApprovalNeed {
  const role = roleOfUser(ws, order.ownerId);
  return orderApprovalNeed(lines, ws.collection('discounts').live(), role?.id ?? null, role?.discountLimit);
}

// ---- creating an order ---------------------------------------------------------------------------

/**
 * Write an order and its lines in one transaction after checking every one of them: the order
 * through the save path (defaults give its number, date, owner), each line likewise, then the
 * order again so its derived amount counts the lines. Returns the order's id.
 */
function writeOrder(ws: Workspace, draft: OrderDraft, userId: string): Result<string> {
  const opts = { userId };
  const head = checkRecord(ws, entityDef(ws, 'orders'), draft.order, undefined, opts);
  if (Object.keys(head.errors).length) return refuseFields(head.errors);
  const lineDef = entityDef(ws, 'orderLines');
  let id = '';
  let failed: Result<string> | null = null;
  ws.transact(() => {
    const saved = saveRecord(ws, entityDef(ws, 'orders'), draft.order, undefined, opts);
    if (!saved.ok) return void (failed = saved);
    id = saved.value.id;
    for (const line of draft.lines) {
      const res = saveRecord(ws, lineDef, { ...line, orderId: id }, undefined, opts);
      if (!res.ok) return void (failed = res);
    }
    saveRecord(ws, entityDef(ws, 'orders'), {}, id, opts); // the amount, now with its lines
  });
  return failed ?? ok(id);
}

/** 直接新建: an order for a customer without quote or opportunity. */
export function createOrder(ws: Workspace, values: RecordValues, userId: string): Result<string> {
  return writeOrder(ws, { order: values, lines: [] }, userId);
}

/** Why this quote cannot become an order now, or null: it must exist and be approved. */
export function quoteOrderBlocker(quote: BaseRecord | undefined): Label | null {
  if (!quote || quote.deleted) return { zh: '报价单不存在或已删除', en: 'The quote does not exist or is deleted' };
  return quoteStatusOf(quote) === 'approved' ? null
    : { zh: '报价单审批通过后才能生成订单', en: 'Only an approved quote can become an order' };
}

/** 生成订单 from an approved quote: its lines at the rate they were priced, cost prices frozen now. */
export function orderFromQuoteId(ws: Workspace, quoteId: string, userId: string): Result<string> {
  const quote = ws.collection('quotes').get(quoteId);
  const why = quoteOrderBlocker(quote);
  if (why) return refuse(why);
  const draft = orderFromQuote(quote!, quoteLinesOf(ws, quoteId), ws.collection('products').live());
  return draft.ok ? writeOrder(ws, draft.value, userId) : draft;
}

/** The opportunity's latest approved quote (by date, then last change), if any. */
export function latestApprovedQuote(ws: Workspace, oppId: string): BaseRecord | undefined {
  return ws.collection('quotes').liveWhere('opportunityId', oppId).filter((q) => quoteStatusOf(q) === 'approved')
    .sort((a, b) => String(b.date ?? '').localeCompare(String(a.date ?? '')) || b.updatedAt - a.updatedAt)[0];
}

/** Why the opportunity cannot become an order now, or null: it must be won. */
export function opportunityOrderBlocker(opp: BaseRecord | undefined): Label | null {
  if (!opp || opp.deleted) return { zh: '商机不存在或已删除', en: 'The opportunity does not exist or is deleted' };
  return statusOf(opp) === 'won' ? null : { zh: '商机成功后才能生成订单', en: 'Only a won opportunity can become an order' };
}

/**
 * 生成订单 from a won opportunity: its customer and rep; the lines of its latest approved quote
 * (that quote is named on the order), else no lines yet.
 */
export function orderFromOpportunity(ws: Workspace, oppId: string, userId: string): Result<string> {
  const opp = ws.collection('opportunities').get(oppId);
  const why = opportunityOrderBlocker(opp);
  if (why) return refuse(why);
  const quote = latestApprovedQuote(ws, oppId);
  if (quote) {
    const draft = orderFromQuote(quote, quoteLinesOf(ws, quote.id), ws.collection('products').live());
    if (draft.ok) return writeOrder(ws, { ...draft.value, order: { ...draft.value.order, opportunityId: oppId } }, userId);
  }
  const order = { customerId: opp!.customerId, opportunityId: oppId, ownerId: opp!.ownerId, contactId: opp!.contactId };
  return writeOrder(ws, { order: Object.fromEntries(Object.entries(order).filter(([, v]) => v)), lines: [] }, userId);
}

// ---- lines ---------------------------------------------------------------------------------------

/** A line of the order's editor: the row it edits (`id`; none for a new line) and what was typed. */
export interface OrderLineEdit {
  id?: string;
  productId: string;
  quantity: number;
  /** Empty: the product's list price. */
  unitPrice?: number;
  /** Empty: the rate the pricing engine gives this customer (as on a quote). */
  rate?: number | null;
}

/** Lines priced as on a quote (engine rate unless one is typed), each with its cost price. */
export function priceOrderLines(ws: Workspace, customerId: unknown, inputs: readonly OrderLineEdit[]): RecordValues[] {
  const priced = priceLines(ws, customerId, inputs.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, manualRate: l.rate ?? null })));
  return priced.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, rate: l.rate }));
}

function lineInputBlocker(inputs: readonly OrderLineEdit[]): Label | null {
  if (inputs.some((l) => !l.productId)) return { zh: '每行都要选择产品', en: 'Every line needs a product' };
  if (inputs.some((l) => !(l.quantity > 0))) return { zh: '数量必须大于 0', en: 'Quantities must be above 0' };
  if (inputs.some((l) => l.rate !== undefined && l.rate !== null && !(l.rate > 0 && l.rate <= 1))) {
    return { zh: '折扣率必须在 0 到 1 之间(如 0.9 为九折)', en: 'A discount rate is between 0 and 1 (0.9 = 10 % off)' };
  }
  return null;
}

/**
 * Save the order's lines (a draft only): a changed line updates its row, a new one is a new row
 * after the others, a line the user took out is removed — only rows the editor showed (`shown`),
 * so a line another device added meanwhile stays. The order's amount follows.
 */
export function saveOrderLines(ws: Workspace, orderId: string, inputs: readonly OrderLineEdit[], userId: string, shown?: readonly string[]): Result<number> {
  const order = liveOrder(ws, orderId);
  if (!order) return noOrder();
  const why = orderEditBlocker(order) ?? lineInputBlocker(inputs);
  if (why) return refuse(why);
  const existing = new Map(orderLinesOf(ws, orderId).map((r) => [r.id, r]));
  const priced = priceOrderLines(ws, order.customerId, inputs);
  const costOf = (productId: unknown) => asNumber(ws.collection('products').get(String(productId))?.costPrice) ?? 0;
  const lineDef = entityDef(ws, 'orderLines');
  const opts = { userId };
  ws.transact(() => {
    let seq = nextSeq(referring(ws, 'orderLines', 'orderId', orderId));
    const kept = new Set<string>();
    priced.forEach((values, i) => {
      const id = inputs[i].id;
      const old = id ? existing.get(id) : undefined;
      const costPrice = old && old.productId === values.productId ? old.costPrice : costOf(values.productId);
      if (old && !kept.has(old.id)) {
        kept.add(old.id);
        saveRecord(ws, lineDef, { ...values, costPrice }, old.id, opts);
      } else saveRecord(ws, lineDef, { ...values, costPrice, orderId, seq: seq++ }, undefined, opts);
    });
    const takenOut = new Set(shown ?? existing.keys());
    for (const id of existing.keys()) if (!kept.has(id) && takenOut.has(id)) ws.collection('orderLines').remove(id);
    saveRecord(ws, entityDef(ws, 'orders'), {}, orderId, opts); // the derived amount
  });
  return ok(priced.length);
}

/** The seq of the order's next step row (one past every one ever used). */
export function nextStepSeq(ws: Workspace, orderId: string): number {
  return nextSeq(referring(ws, 'orderSteps', 'orderId', orderId));
}
