import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord, type SaveResult } from '../core/records';
import { refuse } from '../../domain/core/result';
import { terminateBlocker } from '../../domain/contracts';
import { localToday } from '../sales/ops';

/**
 * 合同: made from an order (its customer, amount, opportunity and rep carried over), from an
 * opportunity, or directly — all through the one save path (the contract's rules give the number
 * and check amount and dates). Approval runs on the engine (engine.ts); 终止 ends one in force.
 */
export function createContract(ws: Workspace, values: Record<string, unknown>, userId: string, now = Date.now()): SaveResult {
  return saveRecord(ws, entityDef(ws, 'contracts'), values, undefined, { userId, now });
}

/** Values a contract made from an order starts with (the form shows them). */
export function contractFromOrder(ws: Workspace, orderId: string): Record<string, unknown> {
  const o = ws.collection('orders').get(orderId);
  if (!o) return {};
  return { orderId, customerId: o.customerId, opportunityId: o.opportunityId, amount: o.amount, ownerId: o.ownerId, title: `${String(o.code ?? '')} 销售合同` };
}

/** Values a contract made from an opportunity starts with. */
export function contractFromOpportunity(ws: Workspace, opportunityId: string): Record<string, unknown> {
  const o = ws.collection('opportunities').get(opportunityId);
  if (!o) return {};
  return { opportunityId, customerId: o.customerId, ownerId: o.ownerId, amount: o.expectedAmount ?? o.amount, title: String(o.subject ?? '') };
}

export function terminateContract(ws: Workspace, id: string, userId: string, now = Date.now()): SaveResult {
  const c = ws.collection('contracts').get(id);
  if (!c || c.deleted) return refuse({ zh: '合同不存在或已删除', en: 'The contract does not exist or is deleted' });
  const today = localToday(new Date(now));
  const why = terminateBlocker(c, today);
  if (why) return refuse(why);
  return saveRecord(ws, entityDef(ws, 'contracts'), { status: 'terminated', terminatedAt: today }, id, { userId, now });
}
