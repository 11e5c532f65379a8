import type { Workspace } from '../core/workspace';
import { checkRecord, entityDef, saveRecord } from '../core/records';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { ok, refuseFields, type Result } from '../../domain/core/result';
import { checkDelivery, checkReturn, orderAction, orderExecution, orderStatusOf, type LineQuantity } from '../../domain/orders';
import { executionOf, liveOrder, noOrder, orderLinesOf, documentsOf, documentLinesOf } from './orders';
import { actionContext, writeStep } from './status';

/**
 * Deliveries (发货单) and returns (退货单) with their lines. The quantities are checked against
 * the order's execution first (`checkDelivery`: delivered ≤ ordered per line; `checkReturn`:
 * returned ≤ delivered), then the document and each line go through the save path — all in ONE
 * transaction, or nothing is written. The first delivery of an approved order starts it (执行中),
 * written with its step in the same transaction.
 */

export interface DocumentInput {
  /** Quantities per order line; lines with no quantity (0 or empty) are left out. */
  lines: readonly LineQuantity[];
  date?: string;
  note?: string;
  reason?: string;
}

type Kind = { doc: 'deliveries' | 'returns'; line: 'deliveryLines' | 'returnLines'; ref: 'deliveryId' | 'returnId' };
const DELIVERY: Kind = { doc: 'deliveries', line: 'deliveryLines', ref: 'deliveryId' };
const RETURN: Kind = { doc: 'returns', line: 'returnLines', ref: 'returnId' };

/** Rows the user filled in: a blank or zero quantity means "not this line". */
export function filledRows(rows: readonly LineQuantity[]): LineQuantity[] {
  return rows.filter((r) => !(r.quantity === '' || r.quantity === null || r.quantity === undefined || r.quantity === 0 || r.quantity === '0'))
    .map((r) => ({ orderLineId: r.orderLineId, quantity: typeof r.quantity === 'string' ? Number(r.quantity.trim()) : r.quantity }));
}

function headValues(kind: Kind, orderId: string, input: DocumentInput): RecordValues {
  const v: RecordValues = { orderId };
  if (input.date) v.date = input.date;
  if (kind === RETURN && input.reason?.trim()) v.reason = input.reason.trim();
  if (kind === DELIVERY && input.note?.trim()) v.note = input.note.trim();
  return v;
}

function writeDocument(ws: Workspace, kind: Kind, orderId: string, input: DocumentInput, userId: string, now: number): Result<string> {
  const order = liveOrder(ws, orderId);
  if (!order) return noOrder();
  const rows = filledRows(input.lines);
  const exec = executionOf(ws, orderId);
  const checked = (kind === DELIVERY ? checkDelivery : checkReturn)(exec, rows);
  if (!checked.ok) return checked;
  const opts = { userId, now };
  const head = checkRecord(ws, entityDef(ws, kind.doc), headValues(kind, orderId, input), undefined, opts);
  if (Object.keys(head.errors).length) return refuseFields(head.errors);
  const start = kind === DELIVERY && orderStatusOf(order) === 'approved'
    ? orderAction(order, 'execute', actionContext(ws, order, userId, now)) : null;
  let id = '';
  ws.transact(() => {
    const saved = saveRecord(ws, entityDef(ws, kind.doc), head.values, undefined, opts);
    id = saved.ok ? saved.value.id : '';
    for (const r of rows) saveRecord(ws, entityDef(ws, kind.line), { [kind.ref]: id, orderLineId: r.orderLineId, quantity: r.quantity }, undefined, opts);
    if (start?.ok) {
      saveRecord(ws, entityDef(ws, 'orders'), start.value, orderId, opts);
      writeStep(ws, orderId, 'execute', userId, '', now);
    }
  });
  return ok(id);
}

/** 发货: a delivery of some quantity of the order's lines; refused above what is still to deliver. */
export function createDelivery(ws: Workspace, orderId: string, input: DocumentInput, userId: string, now = Date.now()): Result<string> {
  return writeDocument(ws, DELIVERY, orderId, input, userId, now);
}

/** 退货: a return of delivered goods; refused above what was delivered and not yet returned. */
export function createReturn(ws: Workspace, orderId: string, input: DocumentInput, userId: string, now = Date.now()): Result<string> {
  return writeDocument(ws, RETURN, orderId, input, userId, now);
}

/** A document with its lines, for the order page. */
export interface DocumentView { doc: BaseRecord; lines: BaseRecord[] }

export function documentViews(ws: Workspace, collection: 'deliveries' | 'returns', orderId: string): DocumentView[] {
  const kind = collection === 'deliveries' ? 'deliveryLines' : 'returnLines';
  return documentsOf(ws, collection, orderId).map((doc) => ({ doc, lines: documentLinesOf(ws, kind, doc.id) }));
}

/**
 * Why a delivery may not go to the bin, or null: without it, more would be returned than
 * delivered (its goods came back already — delete the return first).
 */
export function deliveryDeleteBlocker(ws: Workspace, delivery: BaseRecord): Label | null {
  const orderId = String(delivery.orderId ?? '');
  const others = documentsOf(ws, 'deliveries', orderId).filter((d) => d.id !== delivery.id).flatMap((d) => documentLinesOf(ws, 'deliveryLines', d.id));
  const returned = documentsOf(ws, 'returns', orderId).flatMap((d) => documentLinesOf(ws, 'returnLines', d.id));
  const after = orderExecution(orderLinesOf(ws, orderId), others, returned);
  return after.lines.some((l) => l.returned > l.delivered)
    ? { zh: '该发货单的货物已有退货,请先删除退货单', en: 'Goods of this delivery were returned; delete the return first' } : null;
}

/**
 * Why a return may not go to the bin, or null: a live payment names it (its refund was paid —
 * the entity definition's `block` relation). Said in the delete dialog before anything is tried,
 * as deliveries' is: without the return the order would owe its goods' value again while the
 * money paid back for them stays.
 */
export function returnDeleteBlocker(ws: Workspace, ret: BaseRecord): Label | null {
  const refunds = ws.collection('payments').live().filter((p) => p.returnId === ret.id);
  if (!refunds.length) return null;
  const codes = refunds.map((p) => String(p.code ?? p.id)).join(', ');
  return { zh: `该退货单已退款(付款单 ${codes}),请先删除付款单`, en: `This return was refunded (payment ${codes}); delete the payment first` };
}
