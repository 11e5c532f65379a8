import { orderInbox } from '../../store/orders/status';
import type { WorkspaceCtx } from '../shared/context';

/** The submitted orders this user may decide on, following every input of the inbox (the home card reads it; the badge counts every type, ui/approvals). */
export function trackedOrderInbox(ctx: WorkspaceCtx) {
  for (const c of ['orders', 'orderLines', 'orderSteps', 'approvalSteps', 'approvalRules', 'departments', 'users', 'roles', 'discounts']) ctx.version(c)();
  return orderInbox(ctx.ws, ctx.userId());
}
