import { pendingCount } from '../../store/approvals/inbox';
import type { WorkspaceCtx } from '../shared/context';

/** 审批箱's badge: how many documents of every type (quotes, orders, expenses, contracts, market activities' budgets…) wait for this user's decision. */
export function pendingEngineDocs(ctx: WorkspaceCtx): number {
  for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'orders', 'orderLines', 'orderSteps', 'discounts', 'expenses', 'contracts', 'marketActivities', 'approvalSteps', 'approvalRules', 'users', 'roles', 'departments', 'company']) ctx.version(c)();
  return pendingCount(ctx.ws, ctx.userId());
}
