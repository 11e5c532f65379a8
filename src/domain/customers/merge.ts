import type { EntityDef, FieldDef, Label } from '../core/entity';
import type { BaseRecord, RecordValues } from '../core/record';
import { isEmpty } from '../core/validate';
import { sameValue } from '../core/merge';

/*
 * Merging two customer archives (合并客户): the kept customer takes, field by field, its own
 * value or the duplicate's; everything that pointed at the duplicate points at the kept one;
 * the duplicate goes to the recycle bin, remembering where it went.
 */

export type MergeChoice = 'keep' | 'dup';
export type MergeChoices = Record<string, MergeChoice>;

/** Fields a user can choose between (stored values, not derived or read-only ones). */
function choosable(def: EntityDef): FieldDef[] {
  return def.fields.filter((f) => !f.readOnly);
}

/** Fields whose values differ between the two customers: the ones the merge dialog asks about. */
export function differingFields(def: EntityDef, keep: BaseRecord, dup: BaseRecord): FieldDef[] {
  return choosable(def).filter((f) => !(isEmpty(keep[f.key]) && isEmpty(dup[f.key])) && !sameValue(keep[f.key], dup[f.key]));
}

/** The starting choice: the kept value, unless it is empty and the duplicate has one. */
export function defaultChoices(def: EntityDef, keep: BaseRecord, dup: BaseRecord): MergeChoices {
  return Object.fromEntries(differingFields(def, keep, dup).map((f) => [f.key, isEmpty(keep[f.key]) ? 'dup' : 'keep']));
}

/** What to write on the kept customer: only the fields taken from the duplicate. */
export function mergedValues(def: EntityDef, keep: BaseRecord, dup: BaseRecord, choices: MergeChoices): RecordValues {
  const out: RecordValues = {};
  for (const f of differingFields(def, keep, dup)) if (choices[f.key] === 'dup') out[f.key] = dup[f.key];
  return out;
}

/** Every (entity, field) that refers to a customer, read from the entity definitions. */
export function customerRefs(defs: EntityDef[]): { entity: EntityDef; field: string }[] {
  return defs.flatMap((d) => d.fields.filter((f) => f.type === 'ref' && f.ref === 'customers').map((f) => ({ entity: d, field: f.key })));
}

/** Why these two cannot be merged, or null. */
export function mergeProblem(keep: BaseRecord | undefined, dup: BaseRecord | undefined): Label | null {
  if (!keep || !dup || keep.deleted || dup.deleted) return { zh: '请选择两个有效的客户', en: 'Choose two customers that exist and are not in the recycle bin' };
  if (keep.id === dup.id) return { zh: '不能把客户与自己合并', en: 'A customer cannot be merged with itself' };
  return null;
}

/**
 * Contacts of both customers after the merge: ids that must stop being primary so that exactly
 * one primary remains — the kept customer's if it has one, otherwise the duplicate's.
 */
export function primariesToClear(contacts: BaseRecord[], keepId: string, dupId: string): string[] {
  const live = contacts.filter((c) => !c.deleted && c.primary === true);
  const keepPrimary = live.filter((c) => c.customerId === keepId);
  const dupPrimary = live.filter((c) => c.customerId === dupId);
  const winner = keepPrimary[0] ?? dupPrimary[0];
  return [...keepPrimary, ...dupPrimary].filter((c) => c !== winner).map((c) => c.id);
}
