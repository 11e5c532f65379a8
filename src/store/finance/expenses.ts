import type { Workspace } from '../core/workspace';
import { editRecord, type SaveResult } from '../core/records';
import { ok, refuse } from '../../domain/core/result';
import { decideDoc, submitDoc } from '../approvals/engine';

/**
 * 费用 approval (SPEC H, E) on the approval engine (store/approvals): by default an expense up to the
 * limit is approved when submitted; above it it waits for someone with `approve` on Finance (not its
 * own spender). The limit is a setting on the company record (`expenseApprovalLimit`, default
 * 2,000), read by an "amount over" rule without a threshold of its own. Only approved expenses
 * count in the profit and expense pyramids.
 */

export { DEFAULT_EXPENSE_LIMIT, expenseLimitOf } from '../../domain/finance/approval';

export function saveExpenseLimit(ws: Workspace, limit: unknown, userId?: string): SaveResult {
  const n = typeof limit === 'string' ? Number(limit) : limit;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || (typeof limit === 'string' && limit.trim() === '')) {
    return refuse({ zh: '审批限额必须是不小于 0 的数字', en: 'The approval limit must be a number of 0 or more' });
  }
  return editRecord(ws, 'company', 'company', { expenseApprovalLimit: n }, userId);
}

/** Submit a draft (or rejected) expense on the approval engine: approved at once when no rule asks (up to the limit), else awaiting approval. */
export function submitExpense(ws: Workspace, id: string, userId: string = ws.actorId, comment?: string): SaveResult {
  const res = submitDoc(ws, 'expenses', id, userId, comment);
  return res.ok ? ok(ws.collection('expenses').get(id)!) : res;
}

/** Approve or reject a submitted expense (a rejection needs a comment), as the step's approver. */
export function decideExpense(ws: Workspace, id: string, approve: boolean, userId: string, comment?: string): SaveResult {
  const res = decideDoc(ws, 'expenses', id, userId, approve, comment);
  return res.ok ? ok(ws.collection('expenses').get(id)!) : res;
}
