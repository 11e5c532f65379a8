import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord } from '../core/records';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { asTime } from '../../domain/core/read';
import { ok, refuse, type Result } from '../../domain/core/result';
import { approvalOf, decideBlockerOf, decideDoc, submitDoc, withdrawDoc } from '../approvals/engine';
import { orderAction, orderStatusOf, type ActionContext, type OrderAction, type OrderPatch } from '../../domain/orders';
import { localToday } from '../sales/ops';
import { roleOfUser } from '../sales/quotes';
import { executionOf, liveOrder, noOrder, nextStepSeq, orderLinesOf, orderNeed, orderStepsOf } from './orders';

/**
 * The order's status actions (domain/orders/status.ts): submit (straight to approved unless the
 * discount is below the rep's position limit — the quotes' rule), approve, reject, withdraw,
 * reopen, start (execute), complete, cancel. Each writes the status through the save path and
 * appends one step row (who, when, comment) in ONE transaction, or writes nothing and returns why.
 */

/** What the rule needs to decide an action on this order for this user. */
export function actionContext(ws: Workspace, order: BaseRecord, userId: string, now = Date.now()): ActionContext {
  const lines = orderLinesOf(ws, order.id);
  return {
    userId, role: roleOfUser(ws, userId), today: localToday(new Date(now)),
    approval: orderNeed(ws, order, lines), execution: executionOf(ws, order.id).status, hasLines: lines.length > 0,
  };
}

const COMMENT_NEEDED: Label = { zh: '驳回必须填写意见', en: 'A rejection needs a comment' };

/** The approval actions, which run on the approval engine (store/approvals/engine.ts). */
const APPROVAL_ACTIONS: readonly OrderAction[] = ['submit', 'approve', 'reject', 'withdraw'];
const isApproval = (a: OrderAction) => APPROVAL_ACTIONS.includes(a);

/**
 * The order's own checks for an action (status, lines, deliveries); who may decide, and whether a
 * submission needs approval at all, are the approval engine's (its rules for orders).
 */
function orderCheck(ws: Workspace, order: BaseRecord, action: OrderAction, userId: string, now = Date.now()): Result<OrderPatch> {
  const ctx = actionContext(ws, order, userId, now);
  // approve/reject: the engine decides who may; the order only checks its status
  return orderAction(order, action, isApproval(action) ? { ...ctx, role: { admin: true }, userId: '' } : ctx);
}

/** Why this user cannot take the action now (the same checks the action runs), or null. */
export function actionBlocker(ws: Workspace, orderId: string, action: OrderAction, userId: string): Label | null {
  const order = liveOrder(ws, orderId);
  if (!order) return { zh: '订单不存在或已删除', en: 'The order does not exist or is deleted' };
  const res = orderCheck(ws, order, action, userId);
  if (!res.ok) return res.refusal.message;
  if (action === 'approve' || action === 'reject') return decideBlockerOf(ws, 'orders', order, userId);
  if (action === 'withdraw') { const r = approvalOf(ws, 'orders', order); return r?.state.submission?.by === userId ? null : { zh: '只有提交人可以撤回', en: 'Only the submitter can withdraw it' }; }
  return null;
}

/**
 * Run a status action. Submit, approve, reject and withdraw go through the approval engine (its
 * step record and the status, approval day included); the others write their patch through the
 * save path. Every action also appends a row to the order's operation log (orderSteps), in the
 * same transaction.
 */
export function runOrderAction(ws: Workspace, orderId: string, action: OrderAction, userId: string, comment = '', now = Date.now()): Result<OrderPatch> {
  const order = liveOrder(ws, orderId);
  if (!order) return noOrder();
  if (action === 'reject' && !comment.trim()) return refuse(COMMENT_NEEDED);
  const res = orderCheck(ws, order, action, userId, now);
  if (!res.ok) return res;
  return ws.transact((): Result<OrderPatch> => {
    if (isApproval(action)) {
      const done = action === 'submit' ? submitDoc(ws, 'orders', orderId, userId, comment, now)
        : action === 'withdraw' ? withdrawDoc(ws, 'orders', orderId, userId, now)
        : decideDoc(ws, 'orders', orderId, userId, action === 'approve', comment, now);
      if (!done.ok) return done;
      writeStep(ws, orderId, action, userId, comment, now, true);
      return ok({ status: ws.collection('orders').get(orderId)?.status });
    }
    const write = saveRecord(ws, entityDef(ws, 'orders'), res.value, orderId, { userId, now });
    if (!write.ok) return write;
    writeStep(ws, orderId, action, userId, comment, now);
    return res;
  });
}

/**
 * Append one row to the order's operation log (part of the action's transaction). `engine`: the
 * approval engine holds the step itself; the row is the log's copy, which legacy.ts does not read.
 */
export function writeStep(ws: Workspace, orderId: string, action: OrderAction, userId: string, comment: string, now: number, engine = false): void {
  const c = comment.trim();
  ws.collection('orderSteps').create({ orderId, seq: nextStepSeq(ws, orderId), action, by: userId, at: now, ...(c ? { comment: c } : {}), ...(engine ? { engine: true } : {}) });
}

/** When the order was last submitted (its latest submit step), or null. */
export function submittedAt(ws: Workspace, orderId: string): { at: number | null; by: string | null; comment: string | null } {
  const s = orderStepsOf(ws, orderId).filter((x) => x.action === 'submit').pop();
  return { at: asTime(s?.at), by: typeof s?.by === 'string' ? s.by : null, comment: typeof s?.comment === 'string' ? s.comment : null };
}

/**
 * 审批箱, orders: submitted orders this user may decide on (the approval engine's check: the open
 * step's approvers, never one's own submission unless an administrator), oldest submission first.
 */
export function orderInbox(ws: Workspace, userId: string): BaseRecord[] {
  const waiting = ws.collection('orders').live().filter((o) => orderStatusOf(o) === 'submitted');
  const may = (o: BaseRecord) => decideBlockerOf(ws, 'orders', o, userId) === null;
  const at = (o: BaseRecord) => submittedAt(ws, o.id).at ?? 0;
  return waiting.filter(may).sort((a, b) => at(a) - at(b));
}

/** Orders this user submitted (newest change first), for "my requests". */
export function myOrderSubmissions(ws: Workspace, userId: string): BaseRecord[] {
  const mine = new Set(ws.collection('orderSteps').live().filter((s) => s.action === 'submit' && s.by === userId).map((s) => String(s.orderId)));
  return ws.collection('orders').live().filter((o) => mine.has(o.id)).sort((a, b) => b.updatedAt - a.updatedAt);
}

export const approveOrderAs = (ws: Workspace, orderId: string, userId: string, comment = '') => runOrderAction(ws, orderId, 'approve', userId, comment);
export const rejectOrderAs = (ws: Workspace, orderId: string, userId: string, comment: string) => runOrderAction(ws, orderId, 'reject', userId, comment);
