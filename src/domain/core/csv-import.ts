import type { EntityDef, FieldDef, Label } from './entity';
import type { BaseRecord, RecordValues } from './record';
import { parseInput, validate, type Errors, type ValidationContext } from './validate';
import { labelOf } from './entity';

/** For each CSV column, the field it fills (or null to skip it). */
export type Mapping = (string | null)[];

export interface ImportRow {
  /** 1-based line number in the file, counting the header as line 1. */
  line: number;
  values: RecordValues;
  errors: Errors;
}

/** Guess the mapping from header names: zh or en labels, or field keys. */
export function guessMapping(def: EntityDef, header: string[]): Mapping {
  const norm = (s: string) => s.trim().toLowerCase();
  return header.map((h) => {
    const f = def.fields.find((x) => !x.readOnly && [x.key, x.label.zh, x.label.en].some((n) => norm(n) === norm(h)));
    return f ? f.key : null;
  });
}

export interface ImportContext extends ValidationContext {
  /** Turn a dictionary label (or code) typed in the file into its code. */
  dictLookup?: (f: FieldDef, text: string) => string | undefined;
  /** Turn a referenced record's name (or code) into its id. */
  refLookup?: (f: FieldDef, text: string) => string | undefined;
  /**
   * The save path's check of a new record (store/core/records.ts `checkRecord`): defaults for what
   * the row leaves empty, derived fields, the definition and the entity's rules — so a row gets
   * the same values and messages as the form. Without it only the definition is checked.
   */
  check?: (values: RecordValues) => { values: RecordValues; errors: Errors };
}

/** Convert and validate every data row; nothing is written here. `lines`: each row's line in the file. */
export function prepareImport(def: EntityDef, rows: string[][], mapping: Mapping, ctx: ImportContext, lines?: readonly number[]): ImportRow[] {
  const prepare = importPreparer(def, mapping, ctx);
  return rows.map((cells, i) => prepare(cells, lines?.[i] ?? i + 2));
}

/**
 * One row at a time, so a large file can be checked in slices between paints; the preparer
 * remembers the unique values it has seen, so a duplicate within the file is still found.
 */
export function importPreparer(def: EntityDef, mapping: Mapping, ctx: ImportContext): (cells: string[], line: number) => ImportRow {
  const seen = new Map<string, Set<unknown>>();
  return (cells, line) => {
    const values: RecordValues = {};
    const errors: Errors = {};
    mapping.forEach((key, col) => {
      const f = key ? def.fields.find((x) => x.key === key) : undefined;
      if (!f || f.readOnly || cells[col] === undefined) return;
      if (f.type === 'ref') {
        const text = cells[col].trim();
        if (!text) return;
        const id = ctx.refLookup?.(f, text);
        if (id) values[f.key] = id;
        else errors[f.key] = { zh: `找不到${f.label.zh}“${text}”`, en: `${f.label.en} "${text}" not found` };
        return;
      }
      values[f.key] = parseInput(f, cells[col], (t) => ctx.dictLookup?.(f, t));
    });
    const checked = ctx.check ? ctx.check(values) : { values, errors: validate(def, values, ctx) };
    Object.assign(errors, checked.errors, errors);
    const out = checked.values;
    for (const f of def.fields.filter((x) => x.unique && out[x.key] !== undefined)) {
      const set = seen.get(f.key) ?? new Set();
      if (set.has(out[f.key]) && !errors[f.key]) errors[f.key] = duplicateInFile(f);
      set.add(out[f.key]);
      seen.set(f.key, set);
    }
    return { line, values: out, errors };
  };
}

/** A template to fill in: the header row of every field a person enters, in the user's language. */
export function templateHeader(def: EntityDef, lang: 'zh' | 'en'): string[] {
  return def.fields.filter((f) => !f.readOnly).map((f) => labelOf(f.label, lang));
}

function duplicateInFile(f: FieldDef): Label {
  return { zh: `${f.label.zh}在文件中重复`, en: `${f.label.en} appears twice in the file` };
}

/** Rows of the current view as CSV cells, headed by the visible columns' labels. */
export function exportRows(
  fields: FieldDef[], records: BaseRecord[], display: (f: FieldDef, v: unknown) => string, lang: 'zh' | 'en',
): string[][] {
  return [fields.map((f) => labelOf(f.label, lang)), ...records.map((r) => fields.map((f) => display(f, r[f.key])))];
}
