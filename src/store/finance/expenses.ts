import type { Workspace } from '../core/workspace';
import { editRecord, type SaveResult } from '../core/records';
import { refuse } from '../../domain/core/result';
import { asNumber } from '../../domain/core/numbers';
import type { Values } from '../../domain/sales/read';
import { can, type RoleLike } from '../../domain/org/modules';

/**
 * 费用 approval (SPEC H): an expense up to the approval limit is approved when submitted; above it
 * it waits for someone with `approve` on Finance (not its own spender). The limit is a setting on
 * the company record (`expenseApprovalLimit`, default 2,000). Only approved expenses count in the
 * profit and expense pyramids.
 */

export const DEFAULT_EXPENSE_LIMIT = 2000;

export function expenseLimitOf(company: Values | undefined): number {
  const n = asNumber(company?.expenseApprovalLimit);
  return n !== null && n >= 0 ? n : DEFAULT_EXPENSE_LIMIT;
}

export function saveExpenseLimit(ws: Workspace, limit: unknown, userId?: string): SaveResult {
  const n = typeof limit === 'string' ? Number(limit) : limit;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || (typeof limit === 'string' && limit.trim() === '')) {
    return refuse({ zh: '审批限额必须是不小于 0 的数字', en: 'The approval limit must be a number of 0 or more' });
  }
  return editRecord(ws, 'company', 'company', { expenseApprovalLimit: n }, userId);
}

const missing = { zh: '费用不存在或已删除', en: 'The expense does not exist or is deleted' };

/** Submit a draft (or rejected) expense: approved at once up to the limit, else awaiting approval. */
export function submitExpense(ws: Workspace, id: string, userId?: string): SaveResult {
  const e = ws.collection('expenses').get(id);
  if (!e || e.deleted) return refuse(missing);
  if (e.status !== 'draft' && e.status !== 'rejected' && e.status !== undefined) {
    return refuse({ zh: '只有草稿或已驳回的费用可以提交', en: 'Only a draft or rejected expense can be submitted' });
  }
  const over = (asNumber(e.amount) ?? 0) > expenseLimitOf(ws.collection('company').get('company'));
  return editRecord(ws, 'expenses', id, { status: over ? 'submitted' : 'approved' }, userId);
}

/** Approve or reject a submitted expense. */
export function decideExpense(ws: Workspace, id: string, approve: boolean, userId: string, role: RoleLike | undefined): SaveResult {
  const e = ws.collection('expenses').get(id);
  if (!e || e.deleted) return refuse(missing);
  if (e.status !== 'submitted') return refuse({ zh: '费用不在待审批状态', en: 'The expense is not awaiting approval' });
  if (!can(role, 'finance', 'approve')) return refuse({ zh: '没有财务管理的审批权限', en: 'No approval permission on Finance' });
  if (e.ownerId === userId && !role?.admin) return refuse({ zh: '不能审批自己的费用', en: 'You cannot decide on your own expense' });
  return editRecord(ws, 'expenses', id, { status: approve ? 'approved' : 'rejected' }, userId);
}
