import type { Workspace } from '../core/workspace';
import { editRecord } from '../core/records';

/**
 * 客户资源分配: give customers to a rep (or, with no owner, back to the public pool), in one
 * transaction and through the one save path. Returns how many were changed.
 */
export function assignCustomers(ws: Workspace, ids: readonly string[], ownerId: string | undefined, userId?: string): number {
  let n = 0;
  ws.transact(() => {
    for (const id of ids) if (editRecord(ws, 'customers', id, { ownerId }, userId).ok) n++;
  });
  return n;
}
