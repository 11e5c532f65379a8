import { inboxOf } from '../../store/sales/quotes';
import type { WorkspaceCtx } from '../shared/context';

/** The quotes waiting for this user's decision, following every input of the inbox (the home card reads it; the badge counts every type, ui/approvals). */
export function trackedQuoteInbox(ctx: WorkspaceCtx) {
  for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'approvalSteps', 'approvalRules', 'departments', 'users', 'roles']) ctx.version(c)();
  return inboxOf(ctx.ws, ctx.userId());
}
