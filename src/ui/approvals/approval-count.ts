import { pendingCount } from '../../store/approvals/inbox';
import { followDecisionsMadeApart } from '../../store/approvals/reconcile';
import type { WorkspaceCtx } from '../shared/context';

/**
 * 审批箱's badge: how many documents of every type (quotes, orders, expenses, contracts, market
 * activities' budgets…) wait for this user's decision. The shell loads it for every open workspace
 * (after the first page), so it also starts the correction of decisions made apart (reconcile.ts):
 * the steps a peer sends decide the documents' status, with or without an approval page open.
 */
export function pendingEngineDocs(ctx: WorkspaceCtx): number {
  followDecisionsMadeApart(ctx.ws);
  for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'orders', 'orderLines', 'orderSteps', 'discounts', 'expenses', 'contracts', 'marketActivities', 'approvalSteps', 'approvalRules', 'users', 'roles', 'departments', 'company']) ctx.version(c)();
  return pendingCount(ctx.ws, ctx.userId());
}
