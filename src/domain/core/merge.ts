import { BaseRecord, Stamp, compareStamps, fieldStamp, SYSTEM_FIELDS } from './record';

/**
 * Merge two versions of one record field by field: for every field the value with the later
 * stamp wins (ties cannot happen between writers: the stamp carries the writer's client id).
 * The result is the same whichever argument comes first, and merging a result again changes
 * nothing — so every peer that notices a replaced version computes the same record.
 */
export function mergeRecords(a: BaseRecord, b: BaseRecord): BaseRecord {
  const older = compareStamps(a._c, b._c) <= 0 ? a : b;
  const out: Record<string, unknown> = { id: a.id, _c: older._c };
  const stamps: Record<string, Stamp> = {};
  const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const f of fields) {
    if (SYSTEM_FIELDS.has(f) && f !== 'deleted') continue;
    const sa = fieldStamp(a, f);
    const sb = fieldStamp(b, f);
    const winner = compareStamps(sa, sb) >= 0 ? a : b;
    const stamp = winner === a ? sa : sb;
    if (f in winner) out[f] = winner[f];
    if (compareStamps(stamp, older._c) !== 0) stamps[f] = stamp;
  }
  out.createdAt = older.createdAt;
  out.createdBy = older.createdBy;
  const last = compareStamps(latestStamp(a), latestStamp(b)) >= 0 ? a : b;
  out.updatedAt = Math.max(a.updatedAt, b.updatedAt);
  out.updatedBy = last.updatedBy;
  if (Object.keys(stamps).length) out._s = stamps;
  return out as BaseRecord;
}

/** The latest stamp on any field of the record. */
export function latestStamp(rec: BaseRecord): Stamp {
  let best = rec._c;
  for (const s of Object.values(rec._s ?? {})) if (compareStamps(s, best) > 0) best = s;
  return best;
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
