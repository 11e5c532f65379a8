import type * as Y from 'yjs';

/*
 * Updates that wait on a missing one. Yjs keeps an update whose structs follow a gap in their
 * writer's clock sequence (or whose deletions name structs it has not seen) in
 * `doc.store.pendingStructs` / `pendingDs`, unapplied, until the missing update arrives. If it
 * never arrives (a message lost on the way), every later update from that writer waits too, and
 * a record it replaced disappears from the list. Nothing else would notice: the peer that has
 * the missing update is asked for the difference (sync step 1, our state vector) instead.
 */

/** Does this document hold updates it cannot apply yet (something before them is missing)? */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** How often one peer (or the tabs of this browser) is asked again while updates still wait. */
export const CATCH_UP_EVERY_MS = 2000;

/** At most one request per key per interval: `due` says whether to ask now (and records that it did). */
export class Throttle {
  private last = new Map<string, number>();
  constructor(readonly everyMs: number = CATCH_UP_EVERY_MS) {}

  due(key: string, now: number = Date.now()): boolean {
    const t = this.last.get(key);
    if (t !== undefined && now - t < this.everyMs) return false;
    this.last.set(key, now);
    return true;
  }

  /** Forget every key (nothing waits any more: the next gap is asked about at once). */
  clear(): void {
    this.last.clear();
  }
}
