import { displayName, type EntityDef } from './entity';
import type { Lang } from './entity';
import type { BaseRecord, RecordValues } from './record';

/**
 * What a reference picker offers and how it names each record: pure rules, read by
 * `ui/shared/FieldInput.tsx#RefPicker` and the form's warning (`RecordForm`).
 */

type Get = (entity: string, id: unknown) => BaseRecord | undefined;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
const digits = (v: unknown): string => text(v).replace(/\D/g, '');

/**
 * The value of `key` this record has, or inherits through the first record it refers to that
 * holds one (a contact record's customer is its opportunity's customer). `skip` is the field
 * asking, so a contact does not decide which customer its own picker prefers.
 */
export function contextValue(def: EntityDef, values: RecordValues, key: string, get: Get, skip?: string): string | undefined {
  const own = values[key];
  if (typeof own === 'string' && own) return own;
  for (const f of def.fields) {
    if (f.type !== 'ref' || !f.ref || f.key === skip || f.key === key) continue;
    const inherited = get(f.ref, values[f.key])?.[key];
    if (typeof inherited === 'string' && inherited) return inherited;
  }
  return undefined;
}

/**
 * The line beside a name that tells two 陈刚 apart: the code, what the record belongs to (its
 * required references: a contact's customer, a stage's mode, a user's role) and a phone.
 */
export function pickDetail(def: EntityDef, r: BaseRecord, refName: (entity: string, id: string) => string): string {
  const parts: string[] = [];
  const code = def.titleField === 'code' ? '' : text(r.code);
  if (code) parts.push(code);
  for (const f of def.fields) {
    if (f.type === 'ref' && f.required && f.ref && typeof r[f.key] === 'string') {
      const name = refName(f.ref, r[f.key] as string);
      if (name) parts.push(name);
    }
  }
  const phone = def.fields.filter((f) => f.type === 'phone').map((f) => text(r[f.key])).find(Boolean);
  if (phone) parts.push(phone);
  return parts.join(' · ');
}

/** Whether a record answers a search: its name or code contains the text, or a phone contains its digits. */
export function pickMatch(def: EntityDef, r: BaseRecord, query: string, lang: Lang = 'zh'): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  if (displayName(def, r, lang).toLowerCase().includes(needle) || (lang !== 'zh' && displayName(def, r).toLowerCase().includes(needle)) || text(r.code).toLowerCase().includes(needle)) return true;
  const d = needle.replace(/[\s-]/g, '');
  return /^\+?\d{3,}$/.test(d) && def.fields.some((f) => f.type === 'phone' && digits(r[f.key]).includes(d.replace('+', '')));
}

export interface PickOption { record: BaseRecord; name: string; near: boolean }

/**
 * The records a picker offers for a search, at most `limit`: those that fit this record (`near`:
 * their `field` is `value`) first, then — unless `only` — the others; a name that starts with
 * the search before one that merely contains it. With `only` and no value to fit, all are offered.
 */
export function rankPicks(
  def: EntityDef, records: Iterable<BaseRecord>, query: string,
  near?: { field: string; only?: boolean; value?: string }, limit = 30, lang: Lang = 'zh',
): PickOption[] {
  const needle = query.trim().toLowerCase();
  const buckets: PickOption[][] = [[], [], [], []]; // near+prefix, near, other+prefix, other
  for (const r of records) {
    const isNear = !!near?.value && r[near.field] === near.value;
    if (near?.only && near.value && !isNear) continue;
    if (!pickMatch(def, r, query, lang)) continue;
    const name = displayName(def, r, lang);
    const bucket = (isNear ? 0 : 2) + (needle && name.toLowerCase().startsWith(needle) ? 0 : 1);
    if (buckets[bucket].length < limit) buckets[bucket].push({ record: r, name, near: isNear });
    if (buckets[0].length >= limit) break;
  }
  return buckets.flat().slice(0, limit);
}

/**
 * A picked record that belongs elsewhere than this record (a contact of another customer):
 * what it belongs to and what this record's is, or null when it fits or nothing says.
 */
export function nearMismatch(
  refDef: EntityDef, picked: BaseRecord | undefined, field: string, ours: string | undefined,
): { theirs: string; ours: string } | null {
  const theirs = picked?.[field];
  if (!ours || typeof theirs !== 'string' || !theirs || theirs === ours || !refDef.fields.some((f) => f.key === field)) return null;
  return { theirs, ours };
}
