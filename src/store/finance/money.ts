import type { Workspace } from '../core/workspace';
import { checkRecord, entityDef, saveRecord, type SaveResult } from '../core/records';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { ok, refuse, refuseFields, type Result } from '../../domain/core/result';
import { money } from '../../domain/core/format';
import { roundMoney } from '../../domain/core/numbers';
import { orderAccount, returnedValue } from '../../domain/finance/accounts';
import { orderMoney } from './reads';
import { isLive } from '../../domain/sales/read';

/**
 * 收款单 and 付款单 of an order, and resolving an overpayment. Each goes through the one save path,
 * whose rules (domain/finance/rules.ts) refuse a receipt above the order's balance and a payment
 * above what was received and not yet paid back. Two receipts entered apart that together overpay
 * are both kept after the merge (money came in twice); the order page shows the overpayment and
 * offers the two ways out here: pay it back, or move it to another order of the same customer.
 */

/** Text from a form field as a number where it reads as one (the check refuses the rest, named). */
function numeric(values: RecordValues): RecordValues {
  const a = values.amount;
  return typeof a === 'string' && a.trim() !== '' && Number.isFinite(Number(a)) ? { ...values, amount: Number(a) } : values;
}

/** A receipt against an order (and optionally one of its instalments); partial receipts are fine. */
export function addReceipt(ws: Workspace, values: RecordValues, userId?: string): SaveResult {
  return saveRecord(ws, entityDef(ws, 'receipts'), numeric(values), undefined, { userId });
}

/** A payment back to the customer: a refund for a return (names the return) or another payment on an order. */
export function addPayment(ws: Workspace, values: RecordValues, userId?: string): SaveResult {
  return saveRecord(ws, entityDef(ws, 'payments'), numeric(values), undefined, { userId });
}

const NOT_OVERPAID = { zh: '该订单没有多收款', en: 'The order is not overpaid' };

/** Pay the overpaid part of an order back to the customer (a payment of kind "other"). */
export function refundOverpayment(ws: Workspace, orderId: string, userId?: string, date?: string): SaveResult {
  const m = orderMoney(ws, orderId);
  const over = m ? orderAccount(m).overpaid : 0;
  if (over <= 0) return refuse(NOT_OVERPAID);
  return addPayment(ws, { orderId, amount: over, kind: 'other', date, note: '退还多收款 / Overpayment refunded' }, userId);
}

/**
 * Move the overpaid part of an order to another order of the same customer: a payment out of the
 * first and a receipt into the second, in one transaction. As much as the second still owes moves
 * (the rest stays overpaid, to move again or pay back).
 */
export function reassignOverpayment(ws: Workspace, fromId: string, toId: string, userId?: string, date?: string): Result<{ moved: number; payment: BaseRecord; receipt: BaseRecord }> {
  const from = orderMoney(ws, fromId);
  const to = orderMoney(ws, toId);
  const over = from ? orderAccount(from).overpaid : 0;
  if (!from || over <= 0) return refuse(NOT_OVERPAID);
  if (!to || to.order.deleted || fromId === toId) return refuse({ zh: '请选择另一张订单', en: 'Choose another order' });
  if (to.order.customerId !== from.order.customerId) return refuse({ zh: '只能转到同一客户的订单', en: 'Only to an order of the same customer' });
  const moved = roundMoney(Math.min(over, Math.max(0, orderAccount(to).balance)));
  if (moved <= 0) return refuse({ zh: '目标订单没有未收余额', en: 'The other order owes nothing' });
  const [fromCode, toCode] = [String(from.order.code ?? ''), String(to.order.code ?? '')];
  const payment: RecordValues = { orderId: fromId, amount: moved, kind: 'other', date, note: `多收款 ${money(moved)} 转至 ${toCode} / moved to ${toCode}` };
  const receipt: RecordValues = { orderId: toId, amount: moved, date, note: `由 ${fromCode} 多收款转入 / moved from ${fromCode}` };
  // both are checked before either is written: the pair is written whole or not at all
  for (const [entity, values] of [['payments', payment], ['receipts', receipt]] as const) {
    const { errors } = checkRecord(ws, entityDef(ws, entity), values, undefined, { userId });
    if (Object.keys(errors).length) return refuseFields(errors);
  }
  return ws.transact(() => {
    const p = addPayment(ws, payment, userId);
    const r = addReceipt(ws, receipt, userId);
    return p.ok && r.ok ? ok({ moved, payment: p.value, receipt: r.value }) : refuse(NOT_OVERPAID);
  });
}

/** A return of an order that no refund payment names yet, with the value of its goods. */
export interface ReturnToRefund { id: string; code: string; date: string; value: number }

/** The value of one return's goods, at the order lines' frozen price and rate. */
function valueOfReturn(ws: Workspace, returnId: string, lines: readonly RecordValues[]): number {
  return returnedValue(lines, ws.collection('returnLines').live().filter((l) => l.returnId === returnId));
}

/** The order's returns no live payment names: each still to be paid back (the order page offers 退款). */
export function returnsToRefund(ws: Workspace, orderId: string): ReturnToRefund[] {
  const m = orderMoney(ws, orderId);
  if (!m) return [];
  const refunded = new Set(m.payments.filter(isLive).map((p) => p.returnId));
  return ws.collection('returns').live().filter((r) => r.orderId === orderId && !refunded.has(r.id))
    .sort((a, b) => String(a.date ?? '').localeCompare(String(b.date ?? '')))
    .map((r) => ({ id: r.id, code: String(r.code ?? ''), date: String(r.date ?? ''), value: valueOfReturn(ws, r.id, m.lines) }));
}

/**
 * The 付款单 a return's refund starts from: kind refund, naming the return, the returned goods'
 * value — but never more than was received and not yet paid back (the payment rule's limit), so
 * the proposal saves as it stands. null when the return does not exist.
 */
export function returnRefund(ws: Workspace, returnId: string): RecordValues | null {
  const ret = ws.collection('returns').get(returnId);
  const m = ret && isLive(ret) ? orderMoney(ws, String(ret.orderId ?? '')) : null;
  if (!ret || !m) return null;
  const acc = orderAccount(m);
  const room = Math.max(0, roundMoney(acc.received - acc.refunded));
  const amount = roundMoney(Math.min(valueOfReturn(ws, returnId, m.lines), room));
  return { orderId: m.order.id, returnId, kind: 'refund', amount };
}
