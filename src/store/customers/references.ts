import type { Workspace } from '../core/workspace';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { parentsOf } from '../../domain/core/entity';
import { deleteBlocker } from '../../domain/customers/rules';
import { ENTITIES } from '../../domain/registry';
import { restoreWithChildren } from '../core/cascade';

/**
 * Why a customer may not be deleted: live records of other entities that refer to it. Its own
 * children (a `parent` relation: contacts) are not references — they follow it to the bin.
 */
export function customerDeleteBlocker(ws: Workspace, customer: BaseRecord): Label | null {
  const refs = Object.values(ENTITIES).map((d) => {
    const own = new Set(parentsOf(d).filter((p) => p.entity === 'customers').map((p) => p.field));
    const fields = d.fields.filter((f) => f.type === 'ref' && f.ref === 'customers' && !own.has(f.key)).map((f) => f.key);
    const count = fields.length ? ws.collection(d.key).live().filter((r) => fields.some((k) => r[k] === customer.id)).length : 0;
    return { entity: d.label, count };
  });
  return deleteBlocker(refs);
}

/**
 * Restore a record from the bin with whatever went there with it (store/core/cascade.ts); a
 * merged duplicate brought back is a customer of its own again.
 */
export function restoreFromBin(ws: Workspace, entity: string, id: string): void {
  ws.transact(() => {
    const merged = entity === 'customers' && ws.collection(entity).get(id)?.mergedInto !== undefined;
    restoreWithChildren(ws, entity, id);
    if (merged) ws.collection(entity).update(id, { mergedInto: undefined });
  });
}
