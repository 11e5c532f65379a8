import { orderInbox } from '../../store/orders/status';
import type { WorkspaceCtx } from '../shared/context';

/** The submitted orders this user may decide on, following every input of the inbox (the badge and the home card read it). */
export function trackedOrderInbox(ctx: WorkspaceCtx) {
  for (const c of ['orders', 'orderLines', 'orderSteps', 'users', 'roles', 'discounts']) ctx.version(c)();
  return orderInbox(ctx.ws, ctx.userId());
}

/** 审批箱's badge, orders: how many submitted orders this user may decide on (loaded after the first page). */
export function pendingOrders(ctx: WorkspaceCtx): number {
  return trackedOrderInbox(ctx).length;
}
