import type { Workspace } from './workspace';
import type { EntityDef, FieldDef } from '../../domain/core/entity';
import type { RecordValues } from '../../domain/core/record';
import { prepareImport, type ImportRow, type Mapping } from '../../domain/core/csv-import';
import { dictCodeFor, dictOptions } from './dictionaries';
import { checkRecord, importRecords } from './records';
import { ENTITIES } from '../../domain/registry';

/**
 * CSV import over a workspace: every row is converted, then checked by the one save path
 * (`checkRecord`: the entity's defaults, derived fields, definition and rules), exactly as the
 * form's save would — the preview shows the values and messages the write would give. Nothing is
 * written until `writeImport`.
 */
export function previewImport(
  ws: Workspace, def: EntityDef, rows: string[][], mapping: Mapping, userId?: string, fixed: RecordValues = {},
): ImportRow[] {
  const refLookup = (f: FieldDef, text: string) => {
    const ref = f.ref ?? '';
    const title = ENTITIES[ref]?.titleField ?? 'name';
    return ws.collection(ref).live().find((r) => r[title] === text || r.code === text)?.id;
  };
  return prepareImport(def, rows, mapping, {
    dictCodes: (d) => new Set(dictOptions(ws, d).map((o) => o.code)),
    dictLookup: (f, text) => dictCodeFor(ws, f.dict ?? '', text),
    refLookup,
    existing: ws.collection(def.key).live(),
    check: (values) => {
      const c = checkRecord(ws, def, { ...fixed, ...values }, undefined, { userId });
      return { values: c.values, errors: c.errors };
    },
  });
}

/** Write the rows without errors, each through the one save path, in one transaction; returns how many. */
export function writeImport(ws: Workspace, def: EntityDef, rows: readonly ImportRow[], userId?: string): number {
  return importRecords(ws, def, rows.filter((r) => !Object.keys(r.errors).length).map((r) => r.values), userId);
}
