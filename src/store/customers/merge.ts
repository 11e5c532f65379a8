import type { Workspace } from '../core/workspace';
import type { Label } from '../../domain/core/entity';
import { refuse, type Result } from '../../domain/core/result';
import { ENTITIES } from '../../domain/registry';
import { customerRefs, mergedValues, mergeProblem, primariesToClear, type MergeChoices } from '../../domain/customers/merge';
import { entityDef } from '../core/records';
import { logEvent } from '../sync/history';

/** How many live records of each entity point at a customer (what a merge moves). */
export function mergePreview(ws: Workspace, dupId: string): { entity: Label; count: number }[] {
  return customerRefs(Object.values(ENTITIES))
    .map(({ entity, field }) => ({ entity: entity.label, count: ws.collection(entity.key).live().filter((r) => r[field] === dupId).length }))
    .filter((x) => x.count > 0);
}

/**
 * Merge the duplicate customer into the kept one, in one transaction (peers see all of it or
 * none): chosen values onto the kept archive, every reference re-pointed, one primary contact
 * left, the duplicate to the recycle bin marked `mergedInto`, and an entry in the system log.
 */
export function mergeCustomers(ws: Workspace, keepId: string, dupId: string, choices: MergeChoices): Result<{ moved: number }> {
  const customers = ws.collection('customers');
  const keep = customers.get(keepId);
  const dup = customers.get(dupId);
  const problem = mergeProblem(keep, dup);
  if (problem) return refuse(problem);
  let moved = 0;
  ws.transact(() => {
    const values = mergedValues(entityDef(ws, 'customers'), keep!, dup!, choices);
    if (Object.keys(values).length) customers.update(keepId, values);
    const contacts = ws.collection('contacts');
    for (const id of primariesToClear(contacts.live(), keepId, dupId)) contacts.update(id, { primary: false });
    for (const { entity, field } of customerRefs(Object.values(ENTITIES))) {
      const col = ws.collection(entity.key);
      // records in the bin move too, so restoring one later does not bring back a dangling reference
      for (const r of [...col.live(), ...col.bin()]) {
        if (r[field] !== dupId) continue;
        col.update(r.id, { [field]: keepId });
        moved++;
      }
    }
    customers.update(dupId, { deleted: true, mergedInto: keepId });
    logEvent(ws, 'customers.merged', { keep: String(keep!.name ?? ''), dup: String(dup!.name ?? ''), moved });
  });
  return { ok: true, value: { moved } };
}
