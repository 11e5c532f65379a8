import { orderInbox } from '../../store/orders/status';
import type { WorkspaceCtx } from '../shared/context';

/** 审批箱's badge, orders: how many submitted orders this user may decide on (loaded after the first page). */
export function pendingOrders(ctx: WorkspaceCtx): number {
  for (const c of ['orders', 'orderSteps', 'users', 'roles']) ctx.version(c)(); // follow every input of the inbox
  return orderInbox(ctx.ws, ctx.userId()).length;
}
