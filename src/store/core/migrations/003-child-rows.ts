import type { Workspace } from '../workspace';
import type { MigrationStep } from './step';
import { mayHaveKey } from '../codec';
import { fieldStamp } from '../../../domain/core/record';

/**
 * Child rows (schema 3). Up to version 2 a quote kept its lines and its approval steps, and a
 * complaint its steps, as arrays inside the record — and the per-field merge replaces a field
 * whole, so two people adding lines to one quote while apart kept only one side's lines. Each
 * entry becomes a record of its own collection (`quoteLines`, `quoteSteps`, `complaintSteps`, a
 * child of its parent through the definitions' `parent` relation), and the array leaves the parent.
 *
 * Two devices may migrate the same document while apart: a row's id is derived from its parent
 * and its place in the array (`<quote>.L0`, `<quote>.S1`, `<complaint>.S2`), so both create the
 * same rows and the merge keeps one of each; a row that already exists (another device migrated
 * first) or was purged is not created again. Rows of a parent in the recycle bin go there with it
 * (`deletedWith`), so restoring the parent brings them back. An entry that is not an object (a
 * broken peer's) still becomes a row, empty: quote totals count it as an invalid line, as before.
 */

interface ArrayField { parent: string; field: string; child: string; ref: string; prefix: string }

export const ARRAY_FIELDS: readonly ArrayField[] = [
  { parent: 'quotes', field: 'lines', child: 'quoteLines', ref: 'quoteId', prefix: 'L' },
  { parent: 'quotes', field: 'steps', child: 'quoteSteps', ref: 'quoteId', prefix: 'S' },
  { parent: 'complaints', field: 'steps', child: 'complaintSteps', ref: 'complaintId', prefix: 'S' },
];

/** The id of the row an array entry becomes: the same on every device. */
export function childRowId(parentId: string, prefix: string, index: number): string {
  return `${parentId}.${prefix}${index}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Move every array entry into a row; returns how many rows were created. */
export function moveArraysToRows(ws: Workspace): number {
  let created = 0;
  for (const spec of ARRAY_FIELDS) {
    const parents = ws.collection(spec.parent);
    const rows = ws.collection(spec.child);
    const hasField = mayHaveKey(spec.field);
    for (const [id, raw] of [...parents.map.entries()]) {
      if (!hasField(raw)) continue;
      const rec = parents.get(id);
      if (!rec || !Object.hasOwn(rec, spec.field)) continue;
      const list = rec[spec.field];
      if (Array.isArray(list)) {
        list.forEach((entry: unknown, i) => {
          const rowId = childRowId(id, spec.prefix, i);
          if (rows.get(rowId) || rows.purged.has(rowId)) return;
          // stamped as the array was: the same rows from two devices migrating the same value
          rows.create({ ...(isObject(entry) ? entry : {}), [spec.ref]: id, seq: i }, rowId, { stamp: fieldStamp(rec, spec.field), by: String(rec.updatedBy ?? '') });
          if (rec.deleted === true) rows.update(rowId, { deleted: true, deletedWith: id });
          created++;
        });
      }
      parents.update(id, { [spec.field]: undefined });
    }
  }
  return created;
}

export const childRows: MigrationStep = {
  version: 3,
  title: 'quote lines, approval steps and complaint steps as child rows',
  run: (ws) => { moveArraysToRows(ws); },
  repeat: true,
};
