import type * as Y from 'yjs';
import { CORE_GROUP, GROUP_OF } from '../../domain/registry';
import { purgedMapName, touchedVersions, type Collection } from './collection';
import type { Workspace } from './workspace';

/** Origin of the bridge's own writes (copies into a group's document, removal of what was moved). */
export const BRIDGE_ORIGIN = 'keyuan:bridge';

/** Collections that live in a document group of their own (not in core). */
export const MOVED: readonly string[] = Object.keys(GROUP_OF).filter((c) => GROUP_OF[c] !== CORE_GROUP);

/**
 * The bridge from one document to document groups. Builds up to schema 4 kept every collection in
 * the one workspace document; now every collection outside core (activities, service, orders and
 * finance: domain/registry.ts GROUP_OF) lives in its group's document. What older builds wrote — the document itself at the first open
 * (migration 005), later an older peer's offline edits, an old backup imported — lands in the core
 * document under the collection's name, the "legacy" map. The bridge merges every version found
 * there into the collection where it lives now, as a peer's version is merged (per field, stamps
 * kept, purge tombstones taken over), and only then removes it from the legacy map: `sweep` waits
 * until the group's document is stored on this device and removes only versions the group already
 * holds, so a version is never in neither place, whatever is interrupted.
 */
export class Bridge {
  /** Versions seen in legacy maps (while a remote transaction could still be read) not yet absorbed. */
  private seen = new Map<string, [string, unknown][]>();
  private scheduled = false;
  /**
   * Off until every group's stored state is loaded (Workspace.open): `sweep` asks the group
   * whether it holds a version, which it can only answer once loaded.
   */
  active = false;

  constructor(private readonly ws: Workspace) {
    for (const name of MOVED) {
      const legacy = ws.doc.getMap<unknown>(name);
      legacy.observe((event, tx) => {
        if (tx.origin === BRIDGE_ORIGIN || !this.active) return;
        const list = this.seen.get(name) ?? [];
        for (const key of event.keysChanged) {
          if (key === null) continue;
          const shown = legacy.get(key);
          if (shown !== undefined) list.push([key, shown]);
          for (const v of touchedVersions(event, key)) list.push([key, v]);
        }
        this.seen.set(name, list);
        this.schedule();
      });
      ws.doc.getMap<unknown>(purgedMapName(name)).observe((_e, tx) => {
        if (tx.origin !== BRIDGE_ORIGIN && this.active) this.schedule();
      });
    }
  }

  /** Absorb and sweep soon, after the current transaction (and its writes) are done. */
  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      if (this.ws.doc.isDestroyed) return;
      this.absorb();
      void this.sweep();
    }, 0);
  }

  /**
   * Merge every version in the legacy maps (and those seen in remote transactions) into the
   * collections where they live now; returns how many records changed. Idempotent.
   */
  absorb(): number {
    const seen = this.seen;
    this.seen = new Map();
    let changed = 0;
    this.ws.transact(() => {
      for (const name of MOVED) {
        const legacy = this.ws.doc.getMap<unknown>(name);
        const tombs = this.ws.doc.getMap<unknown>(purgedMapName(name));
        if (!legacy.size && !tombs.size && !seen.has(name)) continue;
        changed += this.ws.collection(name).absorb([...(seen.get(name) ?? []), ...legacy.entries()], tombs.entries());
      }
    }, BRIDGE_ORIGIN);
    return changed;
  }

  /**
   * Remove from the legacy maps what the groups hold, once this device has stored the groups
   * (a version is removed only where it is kept). Returns how many entries were removed.
   */
  async sweep(): Promise<number> {
    await this.ws.flushed();
    let removed = 0;
    this.ws.transact(() => {
      for (const name of MOVED) removed += sweepOne(this.ws.doc, name, this.ws.collection(name));
    }, BRIDGE_ORIGIN);
    return removed;
  }

  /** Whether anything is still waiting in a legacy map. */
  pending(): boolean {
    return MOVED.some((n) => this.ws.doc.getMap(n).size > 0 || this.ws.doc.getMap(purgedMapName(n)).size > 0);
  }
}

function sweepOne(core: Y.Doc, name: string, target: Collection): number {
  const legacy = core.getMap<unknown>(name);
  const tombs = core.getMap<unknown>(purgedMapName(name));
  let removed = 0;
  for (const [id, raw] of [...legacy.entries()]) if (target.holds(id, raw)) { legacy.delete(id); removed++; }
  for (const id of [...tombs.keys()]) if (target.purged.has(id)) { tombs.delete(id); removed++; }
  return removed;
}
