import { inboxOf } from '../../store/sales/quotes';
import type { WorkspaceCtx } from '../shared/context';

/** The quotes waiting for this user's decision, following every input of the inbox (the badge and the home card read it). */
export function trackedQuoteInbox(ctx: WorkspaceCtx) {
  for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'users', 'roles']) ctx.version(c)();
  return inboxOf(ctx.ws, ctx.userId());
}

/** 审批箱's badge, quotes: how many wait for this user's decision (loaded after the first page). */
export function pendingQuotes(ctx: WorkspaceCtx): number {
  return trackedQuoteInbox(ctx).length;
}
