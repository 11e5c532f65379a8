import type { Workspace } from './workspace';
import type { EntityDef, FieldDef } from '../../domain/core/entity';
import { withCustomFields } from '../../domain/core/entity';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { validate, type Errors } from '../../domain/core/validate';
import { ENTITIES } from '../../domain/registry';
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

export function validateRecord(ws: Workspace, def: EntityDef, values: RecordValues, selfId?: string): Errors {
  return validate(def, values, {
    dictCodes: (d) => new Set(dictOptions(ws, d).map((o) => o.code)),
    existing: ws.collection(def.key).live(),
    selfId,
  });
}

export type SaveResult = { ok: true; record: BaseRecord } | { ok: false; errors: Errors };

/** Validate, then create or update in one transaction; nothing is written when invalid. */
export function saveRecord(ws: Workspace, def: EntityDef, values: RecordValues, id?: string): SaveResult {
  const old = id ? ws.collection(def.key).get(id) : undefined;
  const errors = validateRecord(ws, def, { ...(old ?? {}), ...values }, id);
  if (Object.keys(errors).length) return { ok: false, errors };
  const col = ws.collection(def.key);
  const record = ws.transact(() => (id ? col.update(id, values)! : col.create(values)));
  return { ok: true, record };
}
