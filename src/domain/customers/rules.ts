import type { BaseRecord, RecordValues } from '../core/record';
import type { Label } from '../core/entity';

/** Digits only, so "010-8888 1234" and "01088881234" count as the same phone. */
export function normalisePhone(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\D/g, '') : '';
}

function normaliseName(v: unknown): string {
  return typeof v === 'string' ? v.replace(/\s+/g, '').toLowerCase() : '';
}

export interface DuplicateHit { record: BaseRecord; by: 'name' | 'phone' }

/**
 * Live records sharing the name or phone of `values` (the duplicate warning on create). With
 * `within` (a contact's `customerId`), a name is a duplicate only among records with the same
 * value there: two customers may each have a 陈刚; a phone is one person's wherever it is.
 */
export function findDuplicates(
  values: RecordValues, records: Iterable<BaseRecord>, selfId?: string, phoneFields = ['phone', 'mobile'], within?: string,
): DuplicateHit[] {
  const name = normaliseName(values.name);
  const phones = new Set(phoneFields.map((f) => normalisePhone(values[f])).filter((p) => p.length >= 5));
  const hits: DuplicateHit[] = [];
  for (const r of records) {
    if (r.deleted || r.id === selfId) continue;
    const sameGroup = !within || r[within] === values[within];
    if (name && sameGroup && normaliseName(r.name) === name) hits.push({ record: r, by: 'name' });
    else if (phoneFields.some((f) => phones.has(normalisePhone(r[f])))) hits.push({ record: r, by: 'phone' });
  }
  return hits;
}

/** What refers to a record, counted per referring entity label. */
export interface ReferenceCount { entity: Label; count: number }

/** Why a record may not be deleted, or null. Children that move to the bin with it are not references. */
export function deleteBlocker(refs: ReferenceCount[], balance = 0): Label | null {
  const used = refs.filter((r) => r.count > 0);
  if (balance !== 0) return { zh: `余额不为零(${balance}),不能删除`, en: `The balance is not zero (${balance}); it cannot be deleted` };
  if (!used.length) return null;
  return {
    zh: `已被引用,不能删除:${used.map((r) => `${r.entity.zh} ${r.count} 条`).join('、')}`,
    en: `It is referenced and cannot be deleted: ${used.map((r) => `${r.count} ${r.entity.en}`).join(', ')}`,
  };
}

/** Ids of a customer's other contacts that must stop being primary when `contactId` becomes primary. */
export function primaryToClear(contacts: BaseRecord[], customerId: string, contactId: string): string[] {
  return contacts.filter((c) => !c.deleted && c.customerId === customerId && c.id !== contactId && c.primary === true).map((c) => c.id);
}

/** Entity rules of the customers module (read by the one save path, store/core/records.ts). */
export const CUSTOMER_RULES: Record<string, import('../core/rules').EntityRules> = {
  // a new customer is a customer (not a supplier) owned by whoever enters it, in the form and in CSV import alike
  customers: { defaults: (ctx) => ({ kind: 'customer', ownerId: ctx.userId }) },
};
