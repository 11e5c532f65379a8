import { inboxOf } from '../../store/sales/quotes';
import type { WorkspaceCtx } from '../shared/context';

/** 审批箱's badge, quotes: how many wait for this user's decision (loaded after the first page). */
export function pendingQuotes(ctx: WorkspaceCtx): number {
  for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'users', 'roles']) ctx.version(c)(); // follow every input of the inbox
  return inboxOf(ctx.ws, ctx.userId()).length;
}
