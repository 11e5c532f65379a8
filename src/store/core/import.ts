import type { Workspace } from './workspace';
import type { EntityDef, FieldDef } from '../../domain/core/entity';
import type { RecordValues } from '../../domain/core/record';
import { importPreparer, prepareImport, type ImportContext, type ImportRow, type Mapping } from '../../domain/core/csv-import';
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
  ws: Workspace, def: EntityDef, rows: string[][], mapping: Mapping, userId?: string, fixed: RecordValues = {}, lines?: readonly number[],
): ImportRow[] {
  return prepareImport(def, rows, mapping, importContext(ws, def, userId, fixed), lines);
}

/**
 * The same check in slices of `slice` rows with a paint between them, reporting progress: a
 * 10,000-row file is checked without freezing the page.
 */
export async function previewImportInSlices(
  ws: Workspace, def: EntityDef, rows: string[][], mapping: Mapping,
  opts: { userId?: string; fixed?: RecordValues; lines?: readonly number[]; slice?: number; onProgress?: (done: number) => void; cancelled?: () => boolean },
): Promise<ImportRow[] | null> {
  const prepare = importPreparer(def, mapping, importContext(ws, def, opts.userId, opts.fixed ?? {}));
  const out: ImportRow[] = [];
  const slice = opts.slice ?? 500;
  for (let i = 0; i < rows.length; i += slice) {
    if (opts.cancelled?.()) return null;
    for (let j = i; j < Math.min(rows.length, i + slice); j++) out.push(prepare(rows[j], opts.lines?.[j] ?? j + 2));
    opts.onProgress?.(out.length);
    await new Promise((r) => setTimeout(r, 0));
  }
  return out;
}

/** How a row's texts become values: dictionary and reference lookups (indexed once), the save path's check. */
function importContext(ws: Workspace, def: EntityDef, userId: string | undefined, fixed: RecordValues): ImportContext {
  const byText = new Map<string, Map<string, string>>();
  const refIndex = (ref: string) => {
    let m = byText.get(ref);
    if (!m) {
      m = new Map();
      const title = ENTITIES[ref]?.titleField ?? 'name';
      for (const r of ws.collection(ref).live()) {
        for (const k of [r.code, r[title]]) if (typeof k === 'string' && k && !m.has(k)) m.set(k, r.id);
      }
      byText.set(ref, m);
    }
    return m;
  };
  return {
    dictCodes: (d) => new Set(dictOptions(ws, d).map((o) => o.code)),
    dictLookup: (f, text) => dictCodeFor(ws, f.dict ?? '', text),
    refLookup: (f: FieldDef, text: string) => refIndex(f.ref ?? '').get(text),
    existing: ws.collection(def.key).live(),
    check: (values) => {
      const c = checkRecord(ws, def, { ...fixed, ...values }, undefined, { userId });
      return { values: c.values, errors: c.errors };
    },
  };
}

/** Write the rows without errors, each through the one save path, in one transaction; returns how many. */
export function writeImport(ws: Workspace, def: EntityDef, rows: readonly ImportRow[], userId?: string): number {
  return importRecords(ws, def, rows.filter((r) => !Object.keys(r.errors).length).map((r) => r.values), userId);
}
