import { BaseRecord, Stamp, compareStamps, createdStamp, isStamp, NO_STAMP, SYSTEM_FIELDS } from './record';

/*
 * The per-field merge of two versions of one record — a join: commutative, associative and
 * idempotent, so every peer that merges the same versions, in any order and grouping, gets the
 * same record (docs/ARCHITECTURE.md, "merge").
 *
 * Each version gives every field a (stamp, value) pair:
 * - a stamp in `_s` (kept also when the field was cleared: a tombstone), else
 * - the creation stamp `_c` when the field holds a value, else
 * - NO_STAMP (never written).
 * Malformed stamps count as NO_STAMP, so they never win. The later pair wins; equal stamps with
 * different values (only a broken or hostile peer writes those) are ordered by the value's text.
 */
export function mergeRecords(a: BaseRecord, b: BaseRecord): BaseRecord {
  const creator = earlierCreation(a, b);
  const created = createdStamp(creator);
  const out: Record<string, unknown> = { id: a.id, _c: creator._c };
  const stamps: Record<string, Stamp> = {};
  for (const f of fieldsOf(a, b)) {
    const pa = versionOf(a, f);
    const pb = versionOf(b, f);
    const [stamp, value] = laterVersion(pa, pb) >= 0 ? pa : pb;
    if (value !== undefined) out[f] = value;
    // the output must give this field the same pair back: say its stamp unless it is implied
    const implied = value !== undefined ? created : NO_STAMP;
    if (compareStamps(stamp, implied) !== 0) stamps[f] = stamp;
  }
  out.createdBy = creator.createdBy;
  const va: Version = [latestStamp(a), a.updatedBy];
  const vb: Version = [latestStamp(b), b.updatedBy];
  const [latest, by] = laterVersion(va, vb) >= 0 ? va : vb;
  out.updatedBy = by;
  // the latest stamp must survive the merge even when the field that carried it lost (a later
  // creation of the same id, all of whose fields lost): updatedBy is ordered by it
  if (compareStamps(latest, latestStamp({ _c: created, _s: stamps } as unknown as BaseRecord)) > 0) stamps[LATEST] = latest;
  if (Object.keys(stamps).length) out._s = stamps;
  return withTimes(out as unknown as BaseRecord);
}

/** createdAt and updatedAt are not stored: they are the times of the creation stamp and of the latest stamp. */
export function withTimes<T extends BaseRecord>(rec: T): T {
  return { ...rec, createdAt: createdStamp(rec)[0], updatedAt: latestStamp(rec)[0] };
}

type Version = readonly [Stamp, unknown];

/** A stamp-only entry of `_s`: the record's latest stamp, when no field carries it any more. */
const LATEST = '_l';

/** The (stamp, value) pair a version gives one field. */
function versionOf(rec: BaseRecord, field: string): Version {
  const value = Object.hasOwn(rec, field) ? rec[field] : undefined;
  const stamps = rec._s as Record<string, unknown> | undefined;
  if (typeof stamps === 'object' && stamps !== null && Object.hasOwn(stamps, field)) {
    const own = stamps[field];
    return [isStamp(own) ? own : NO_STAMP, value];
  }
  return [value !== undefined ? createdStamp(rec) : NO_STAMP, value];
}

/** > 0 when `a` is the later version: by stamp, then (equal stamps: a broken peer) by the value's text. */
function laterVersion(a: Version, b: Version): number {
  const byStamp = compareStamps(a[0], b[0]);
  if (byStamp !== 0) return byStamp;
  const ta = canonical(a[1]);
  const tb = canonical(b[1]);
  return ta === tb ? 0 : ta > tb ? 1 : -1;
}

/** The version whose creation came first (a malformed `_c` counts as last); equal: by creator. */
function earlierCreation(a: BaseRecord, b: BaseRecord): BaseRecord {
  const ca = isStamp(a._c) ? a._c : null;
  const cb = isStamp(b._c) ? b._c : null;
  if (ca && !cb) return a;
  if (cb && !ca) return b;
  const byStamp = ca && cb ? compareStamps(ca, cb) : 0;
  if (byStamp !== 0) return byStamp < 0 ? a : b;
  return canonical([a._c, a.createdBy]) <= canonical([b._c, b.createdBy]) ? a : b;
}

/** Every content field either version holds or has stamped (cleared fields keep their stamp). */
function fieldsOf(a: BaseRecord, b: BaseRecord): Set<string> {
  const out = new Set<string>();
  for (const rec of [a, b]) {
    for (const f of Object.keys(rec)) out.add(f);
    if (typeof rec._s === 'object' && rec._s !== null) for (const f of Object.keys(rec._s)) out.add(f);
  }
  for (const f of SYSTEM_FIELDS) if (f !== 'deleted') out.delete(f);
  out.delete('__proto__');
  out.delete(LATEST);
  return out;
}

/** A value as text with object keys sorted: equal values give equal text whatever their key order. */
function canonical(v: unknown): string {
  if (v === undefined) return '';
  return JSON.stringify(v, (_k, x: unknown) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) return x;
    return Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)));
  }) ?? '';
}

/**
 * What a purge knew of a record: the stamp of every field it removed. Kept (a purge tombstone) so
 * that a version arriving later is judged by what it adds, not by where Yjs placed it.
 */
export function purgeKnowledge(rec: BaseRecord): Record<string, Stamp> {
  const out: Record<string, Stamp> = {};
  for (const f of fieldsOf(rec, rec)) out[f] = versionOf(rec, f)[0];
  return out;
}

/**
 * Does this (merged) record hold a write the purge did not know — a field whose version is later
 * than the purge saw? Then the record lives on (an edit made while apart is never lost to a purge);
 * otherwise the purge stands. Malformed entries in the knowledge count as knowing nothing.
 */
export function outlivesPurge(rec: BaseRecord, knew: unknown): boolean {
  const k = typeof knew === 'object' && knew !== null ? knew as Record<string, unknown> : {};
  for (const f of fieldsOf(rec, rec)) {
    const seen = Object.hasOwn(k, f) && isStamp(k[f]) ? k[f] as Stamp : NO_STAMP;
    if (compareStamps(versionOf(rec, f)[0], seen) > 0) return true;
  }
  return false;
}

/** The latest well-formed stamp on the record (its creation, or any field's, tombstones included). */
export function latestStamp(rec: BaseRecord): Stamp {
  let best = createdStamp(rec);
  const stamps = rec._s as Record<string, unknown> | undefined;
  if (typeof stamps === 'object' && stamps !== null) {
    for (const s of Object.values(stamps)) if (isStamp(s) && compareStamps(s, best) > 0) best = s;
  }
  return best;
}

/** Fields whose stamp is further ahead of `now` than `skewMs`: written by a device whose clock runs ahead (or a hostile one). */
export function futureStamps(rec: BaseRecord, now: number, skewMs: number): string[] {
  const stamps = rec._s as Record<string, unknown> | undefined;
  const out: string[] = [];
  if (isStamp(rec._c) && rec._c[0] > now + skewMs) out.push('_c');
  if (typeof stamps === 'object' && stamps !== null) {
    for (const [f, s] of Object.entries(stamps)) if (isStamp(s) && s[0] > now + skewMs) out.push(f);
  }
  return out;
}

/** Structural equality of two plain JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
