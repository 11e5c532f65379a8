import type { Workspace } from './workspace';
import type { EntityDef, FieldDef, Label } from '../../domain/core/entity';
import { withCustomFields } from '../../domain/core/entity';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { validate, type Errors } from '../../domain/core/validate';
import { ok, refuse, refuseFields, type Result } from '../../domain/core/result';
import { withDefaults, type EntityRules, type RuleContext } from '../../domain/core/rules';
import { ENTITIES, RULES } from '../../domain/registry';
import { dictOptions } from './dictionaries';

export interface CustomFieldRecord extends BaseRecord, Omit<FieldDef, 'key' | 'label'> {
  entity: string; key: string; label: FieldDef['label'];
}

/** The entity definition with the workspace's custom fields (自定义字段) appended. */
export function entityDef(ws: Workspace, key: string): EntityDef {
  const base = ENTITIES[key];
  const custom = ws.collection<CustomFieldRecord>('customFields').live()
    .filter((c) => c.entity === key && typeof c.key === 'string' && typeof c.type === 'string')
    .map((c): FieldDef => ({ key: c.key, label: c.label, type: c.type, dict: c.dict, required: c.required, custom: true }));
  return withCustomFields(base, custom);
}

/** The rules registered beside the entity's definition (none for most entities). */
export function rulesOf(key: string): EntityRules {
  return RULES[key] ?? {};
}

function localDay(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** What rules may read of the workspace; the acting user defaults to the workspace's actor. */
export function ruleContext(ws: Workspace, userId?: string, now = Date.now()): RuleContext {
  return {
    userId: userId || ws.actorId,
    now,
    today: localDay(now),
    get: (c, id) => (typeof id === 'string' && id ? ws.collection(c).get(id) : undefined),
    live: (c) => ws.collection(c).live(),
  };
}

export function validateRecord(ws: Workspace, def: EntityDef, values: RecordValues, selfId?: string): Errors {
  return validate(def, values, {
    dictCodes: (d) => new Set(dictOptions(ws, d).map((o) => o.code)),
    existing: ws.collection(def.key).live(),
    selfId,
  });
}

/** A new record's values: the entity's defaults for what `given` leaves empty (the form's start, an import row). */
export function newRecordValues(ws: Workspace, key: string, given: RecordValues = {}, userId?: string): RecordValues {
  return withDefaults(rulesOf(key), ruleContext(ws, userId), given);
}

export interface SaveOptions {
  /** The acting user (defaults and rules that name who acts); the workspace's actor when absent. */
  userId?: string;
  now?: number;
}

export interface Checked {
  /** The values as they would be stored (defaults, derived fields); the whole record on edit. */
  values: RecordValues;
  errors: Errors;
  old?: BaseRecord;
}

/**
 * The one check before a write: on create the entity's defaults fill what is empty, then its
 * `prepare` derives fields, then the definition and the entity's `validate` are checked. The form,
 * the lists, the record pages and CSV import (its preview too) all go through here.
 */
export function checkRecord(ws: Workspace, def: EntityDef, values: RecordValues, id?: string, opts: SaveOptions = {}): Checked {
  const rules = rulesOf(def.key);
  const ctx = ruleContext(ws, opts.userId, opts.now);
  const old = id ? ws.collection(def.key).get(id) : undefined;
  let full: RecordValues;
  if (old) {
    full = {};
    for (const [k, v] of Object.entries(old)) if (!SYSTEM_FIELDS.has(k)) full[k] = v;
    Object.assign(full, values);
  } else full = withDefaults(rules, ctx, values);
  if (rules.prepare) full = rules.prepare(full, old, ctx);
  const errors = { ...validateRecord(ws, def, full, id), ...(rules.validate?.(full, old, ctx) ?? {}) };
  return { values: full, errors, old };
}

export type SaveResult = Result<BaseRecord>;

/** Why a save into a workspace opened read-only (a teacher's copy of a group) writes nothing. */
export const READ_ONLY: Label = { zh: '只读副本,不能修改', en: 'A read-only copy cannot be changed' };

/**
 * Check (`checkRecord`), then create or update in one transaction; nothing is written when
 * invalid. On edit only the fields whose value changes are written (so an edit does not stamp
 * fields it did not touch, and a concurrent edit of another field on a peer is kept).
 */
export function saveRecord(ws: Workspace, def: EntityDef, values: RecordValues, id?: string, opts: SaveOptions = {}): SaveResult {
  if (ws.readOnly) return refuse(READ_ONLY);
  const { values: full, errors, old } = checkRecord(ws, def, values, id, opts);
  if (Object.keys(errors).length) return refuseFields(errors);
  const col = ws.collection(def.key);
  if (id && old) {
    const patch: RecordValues = {};
    for (const [k, v] of Object.entries(full)) if (old[k] !== v && !(v === undefined && !(k in old))) patch[k] = v;
    const record = Object.keys(patch).length ? ws.transact(() => col.update(id, patch)!) : old;
    return ok(record);
  }
  const clean: RecordValues = {};
  for (const [k, v] of Object.entries(full)) if (v !== undefined) clean[k] = v;
  const record = ws.transact(() => (id ? col.create(clean, id) : col.create(clean)));
  return ok(record);
}

/** Some fields of an existing record changed through the one save path (a page's inline edit). */
export function editRecord(ws: Workspace, entity: string, id: string, patch: RecordValues, userId?: string): SaveResult {
  return saveRecord(ws, entityDef(ws, entity), patch, id, { userId });
}

/** Why the record may not go to the recycle bin by hand now (the entity's rule), or null. */
export function deleteBlocker(ws: Workspace, key: string, rec: BaseRecord, userId?: string): Label | null {
  return rulesOf(key).deleteBlocker?.(rec, ruleContext(ws, userId)) ?? null;
}

/** Write the checked rows of an import (each through the one save path) in one transaction; returns how many. */
export function importRecords(ws: Workspace, def: EntityDef, rows: readonly RecordValues[], userId?: string): number {
  let n = 0;
  ws.transact(() => {
    for (const values of rows) if (saveRecord(ws, def, values, undefined, { userId }).ok) n++;
  });
  return n;
}
