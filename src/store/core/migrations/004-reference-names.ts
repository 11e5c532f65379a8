import type { Workspace } from '../workspace';
import type { MigrationStep } from './step';
import { mayHaveKey } from '../codec';

/**
 * One naming of references (schema 4). Every other entity names a reference `<thing>Id`
 * (customerId, ownerId, contactId); service records, complaints, complaint steps and knowledge
 * articles said `customer`, `contact`, `handler`, `sourceService`. Each is renamed: the value is
 * written to the new field and the old field cleared, through Collection.update (so both writes
 * are stamped and merge per field like any edit).
 *
 * Idempotent, and the same on two devices that migrate apart: each writes the same value to the
 * new field and clears the old one. It runs again at every open: a peer on an older build may
 * still write the old field after the version was bumped (or an old backup arrives); since the
 * migration clears the old field, a value there is newer than the rename, so it moves over again.
 */
export const RENAMES: readonly { collection: string; from: string; to: string }[] = [
  { collection: 'serviceRecords', from: 'customer', to: 'customerId' },
  { collection: 'serviceRecords', from: 'contact', to: 'contactId' },
  { collection: 'serviceRecords', from: 'handler', to: 'handlerId' },
  { collection: 'complaints', from: 'customer', to: 'customerId' },
  { collection: 'complaints', from: 'contact', to: 'contactId' },
  { collection: 'complaints', from: 'handler', to: 'handlerId' },
  { collection: 'complaintSteps', from: 'handler', to: 'handlerId' },
  { collection: 'knowledgeArticles', from: 'sourceService', to: 'sourceServiceId' },
];

const isSet = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Rename every old-named field still holding a value; returns how many records were changed. */
export function renameReferences(ws: Workspace): number {
  let changed = 0;
  for (const { collection, from, to } of RENAMES) {
    const col = ws.collection(collection);
    const hasOld = mayHaveKey(from);
    for (const [id, raw] of [...col.map.entries()]) {
      if (!hasOld(raw)) continue;
      const rec = col.get(id);
      if (!rec || !Object.hasOwn(rec, from) || rec[from] === undefined) continue;
      const patch: Record<string, unknown> = { [from]: undefined };
      if (isSet(rec[from]) && rec[to] !== rec[from]) patch[to] = rec[from];
      col.update(id, patch);
      changed++;
    }
  }
  return changed;
}

export const referenceNames: MigrationStep = {
  version: 4,
  title: 'references named <thing>Id in service records, complaints, their steps and knowledge articles',
  run: (ws) => { renameReferences(ws); },
  repeat: true,
};
