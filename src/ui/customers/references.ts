import type { Workspace } from '../../store/core/workspace';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { deleteBlocker } from '../../domain/customers/rules';
import { ENTITIES } from '../../domain/registry';

/**
 * Why a customer may not be deleted: live records of other entities that refer to it.
 * Contacts are the customer's own children and are not counted (they follow it to the bin).
 */
export function customerDeleteBlocker(ws: Workspace, customer: BaseRecord): Label | null {
  const refs = Object.values(ENTITIES)
    .filter((d) => d.key !== 'contacts')
    .map((d) => {
      const fields = d.fields.filter((f) => f.type === 'ref' && f.ref === 'customers').map((f) => f.key);
      const count = fields.length ? ws.collection(d.key).live().filter((r) => fields.some((k) => r[k] === customer.id)).length : 0;
      return { entity: d.label, count };
    });
  return deleteBlocker(refs);
}

/** A customer's contacts follow it to the recycle bin, marked so that restoring it brings them back. */
export function moveContactsToBin(ws: Workspace, customerId: string): void {
  const contacts = ws.collection('contacts');
  for (const c of contacts.live()) if (c.customerId === customerId) contacts.update(c.id, { deleted: true, deletedWith: customerId });
}

/** Restore a record from the bin, and whatever went there with it. */
export function restoreFromBin(ws: Workspace, entity: string, id: string): void {
  ws.transact(() => {
    // a merged duplicate brought back is a customer of its own again
    const merged = entity === 'customers' && ws.collection(entity).get(id)?.mergedInto !== undefined;
    ws.collection(entity).update(id, merged ? { deleted: false, mergedInto: undefined } : { deleted: false });
    if (entity !== 'customers') return;
    const contacts = ws.collection('contacts');
    for (const c of contacts.bin()) if (c.deletedWith === id) contacts.update(c.id, { deleted: false, deletedWith: undefined });
  });
}
