import type { Workspace } from '../core/workspace';
import type { BaseRecord } from '../../domain/core/record';

/**
 * The records the lab guide's checks read: of each collection only those written at or after
 * `since` (the experiment's start). Every check counts only such records (domain/classroom/
 * predicates.ts), so the rest are left unread — at company scale (~50,000 contacts, 100,000
 * activities) most records are never parsed: their stored bytes are scanned for a stamp at or
 * after `since` first (`mayBeTouchedSince`), which a record written before it cannot hold.
 */
export function labTables(ws: Workspace, collections: readonly string[], since: number): Record<string, BaseRecord[]> {
  const out: Record<string, BaseRecord[]> = {};
  for (const name of collections) {
    const col = ws.collection(name);
    const rows: BaseRecord[] = [];
    for (const [id, raw] of col.map.entries()) {
      if (!mayBeTouchedSince(raw, since)) continue;
      const r = col.get(id);
      if (r && !r.deleted && Math.max(r.createdAt, r.updatedAt) >= since) rows.push(r);
    }
    out[name] = rows;
  }
  return out;
}

/** Whole collections a check reads as context (who a quote is for, their role): live records, old ones too. Small collections (users, roles, discount rules). */
export function labRefs(ws: Workspace, collections: readonly string[]): Record<string, BaseRecord[]> {
  return Object.fromEntries(collections.map((name) => [name, ws.collection(name).live()]));
}

const OPEN = 0x5b; // '['
const ZERO = 0x30;

/**
 * Whether stored record bytes may hold a stamp (`[ms,client]`: the creation stamp `_c` or a
 * field's in `_s`) at or after `since`: some '[' followed by an integer ≥ since. Other values
 * (older builds' objects, JSON text) always may; false positives are checked after parsing.
 */
export function mayBeTouchedSince(raw: unknown, since: number): boolean {
  if (!(raw instanceof Uint8Array)) return true;
  for (let i = raw.indexOf(OPEN); i !== -1; i = raw.indexOf(OPEN, i + 1)) {
    let n = 0;
    let j = i + 1;
    for (; j < raw.length && j - i <= 16; j++) {
      const d = raw[j] - ZERO;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (j > i + 1 && n >= since) return true;
  }
  return false;
}
