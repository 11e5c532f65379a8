import type { BaseRecord } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { latestStamp } from '../../domain/core/merge';
import { ENTITIES } from '../../domain/registry';
import { MERGE_ORIGIN, type ChangeInfo, type PurgeTombstone } from '../core/collection';
import { decodeRecord } from '../core/codec';
import { localDb, type LocalDb } from '../core/local-db';
import type { Workspace } from '../core/workspace';
import { saveEventPoint, takeDailyPoint, type RestorePoint } from './points';

/*
 * Watching what peers do to the records (数据恢复). While a received change is applied, the
 * collections' listeners hand over the version each key showed before (Yjs still holds removed
 * content during the observer call; it is gone after). When everything that change set off has
 * run — the merge write-backs too, so a raw delete healed by the merge or a concurrent edit merged
 * back is no damage — each replaced record is compared with what it is now:
 *
 * - purged: gone (with a purge tombstone, forged or not: who is its `u`);
 * - binned: moved to the recycle bin (who: `updatedBy`);
 * - emptied: at least half of its non-empty fields are empty now.
 *
 * At least POINT_MIN such records of one collection, or any record a peer other than this
 * device's user purged while it was outside the bin, make an event restore point holding the
 * previous versions. A point warns (the banner) when another user purged records outside the
 * bin, or binned (not counting records that went with a parent binned at the same time, nor
 * rows such as quote lines) or emptied at least POINT_MIN records.
 */

export const POINT_MIN = 5;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The fields a person fills in (not the store's own). */
function contentFields(rec: BaseRecord): string[] {
  return Object.keys(rec).filter((f) => !SYSTEM_FIELDS.has(f) && !f.startsWith('_'));
}

/** At least half of the record's non-empty fields are empty now. */
export function emptied(before: BaseRecord, now: BaseRecord): boolean {
  const filled = contentFields(before).filter((f) => !isEmpty(before[f]));
  const lost = filled.filter((f) => isEmpty(now[f])).length;
  return lost > 0 && lost * 2 >= filled.length;
}

export type DamageKind = 'purged' | 'binned' | 'emptied';
export interface Damaged {
  id: string; kind: DamageKind;
  /** who did it (a user id, as the tombstone or the record says) */
  by: string;
  /** the version before */
  before: BaseRecord;
  /** it was outside the recycle bin */
  live: boolean;
  /** binned with this parent (`deletedWith`) */
  parent?: string;
}

/** FNV-1a of a text, as hex: the id of an event point is the same in every tab that saw the change. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export interface WatchOptions {
  collections: string[];
  db?: LocalDb;
  /** First daily point this long after start (ms), then checked every `dailyEveryMs`; 0 = no daily points. */
  dailyAfterMs?: number;
  dailyEveryMs?: number;
}

/** Watches one open workspace; `stop()` detaches it. */
export class RecoveryWatch {
  /** Records replaced or removed by the changes being applied: collection → id → version shown before. */
  private batch = new Map<string, Map<string, BaseRecord>>();
  private offs: (() => void)[] = [];
  private listeners = new Set<(p: RestorePoint) => void>();
  private writes: Promise<unknown> = Promise.resolve();
  private timers: ReturnType<typeof setTimeout>[] = [];
  private readonly db: LocalDb;

  constructor(readonly ws: Workspace, private readonly opts: WatchOptions) {
    this.db = opts.db ?? localDb();
    for (const name of opts.collections) {
      const col = ws.collection(name);
      this.offs.push(col.onChange((ids, origin, info) => this.collect(name, ids, origin, info)));
    }
    const flush = () => this.flush();
    for (const doc of ws.docs.values()) {
      doc.on('afterAllTransactions', flush);
      this.offs.push(() => doc.off('afterAllTransactions', flush));
    }
    if (opts.dailyAfterMs) {
      const daily = () => { void this.daily(); };
      this.timers.push(setTimeout(daily, opts.dailyAfterMs));
      const every = setInterval(daily, opts.dailyEveryMs ?? 3_600_000);
      this.offs.push(() => clearInterval(every));
    }
  }

  /** Called with each point (event or daily) once it is stored. */
  onPoint(fn: (p: RestorePoint) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves once every point taken so far is stored. */
  settled(): Promise<void> {
    return this.writes.then(() => undefined, () => undefined);
  }

  /** Take today's daily point unless there is one (`replace`: take it again). */
  daily(now = Date.now(), replace = false): Promise<RestorePoint | undefined> {
    const p = takeDailyPoint(this.ws, this.opts.collections, this.db, now, replace)
      .then((saved) => { if (saved) this.listeners.forEach((fn) => fn(saved)); return saved; });
    this.writes = this.writes.then(() => p, () => p);
    return p.catch((e) => { console.error('[keyuan recovery] daily restore point', e); return undefined; });
  }

  stop(): void {
    this.offs.forEach((off) => off());
    this.offs = [];
    this.timers.forEach((t) => clearTimeout(t));
  }

  private collect(name: string, ids: Set<string>, origin: unknown, info: ChangeInfo): void {
    // received changes, and the merge write-backs they set off (a merge can bring a peer's version in)
    if (info.local && origin !== MERGE_ORIGIN) return;
    let seen = this.batch.get(name);
    for (const id of ids) {
      if (seen?.has(id)) continue; // the version before the first change of this batch counts
      const before = info.before(id);
      // a replaced record is parsed here as the merge parses it: a change received replaces few
      // records; a whole workspace received or loaded replaces none (nothing showed before)
      if (before === undefined) continue;
      const rec = decodeRecord(before);
      if (!rec || rec.id !== id) continue;
      if (!seen) this.batch.set(name, (seen = new Map()));
      seen.set(id, rec);
    }
  }

  /** Everything a received change set off has run: judge the records by what they are now. */
  private flush(): void {
    if (!this.batch.size) return;
    const batch = this.batch;
    this.batch = new Map();
    const me = this.ws.actorId;
    const found = new Map<string, Damaged[]>();
    const binnedIds = new Set<string>();
    for (const [name, recs] of batch) {
      const col = this.ws.collection(name);
      const list: Damaged[] = [];
      for (const [id, before] of recs) {
        const now = col.get(id);
        const wasLive = before.deleted !== true;
        if (!now) {
          // gone (or garbage the merge could not replace by a version)
          const tomb = col.purged.get(id) as Partial<PurgeTombstone> | undefined;
          const by = typeof tomb?.u === 'string' ? tomb.u : String(before.updatedBy ?? '');
          list.push({ id, kind: 'purged', by, before, live: wasLive || tomb?.bin === false });
        } else if (wasLive && now.deleted === true) {
          binnedIds.add(id);
          const parent = typeof now.deletedWith === 'string' && now.deletedWith ? now.deletedWith : undefined;
          list.push({ id, kind: 'binned', by: String(now.updatedBy ?? ''), before, live: true, parent });
        } else if (emptied(before, now)) {
          list.push({ id, kind: 'emptied', by: String(now.updatedBy ?? ''), before, live: wasLive });
        }
      }
      if (list.length) found.set(name, list);
    }
    if (!found.size) return;
    const keep = new Map<string, BaseRecord[]>();
    const collections: RestorePoint['collections'] = {};
    const by = new Set<string>();
    let warn = false;
    for (const [name, list] of found) {
      const others = list.filter((d) => d.by !== me);
      const purgedLive = others.filter((d) => d.kind === 'purged' && d.live).length;
      // a record binned with its parent in this same change is part of that one deletion; rows
      // such as quote lines are binned whenever their parent's editor drops them
      const rows = ENTITIES[name]?.embedded === true;
      const binned = rows ? 0 : others.filter((d) => d.kind === 'binned' && !(d.parent && binnedIds.has(d.parent))).length;
      const emptiedN = others.filter((d) => d.kind === 'emptied').length;
      const warns = purgedLive > 0 || binned >= POINT_MIN || emptiedN >= POINT_MIN;
      if (list.length < POINT_MIN && !warns) continue;
      warn ||= warns;
      keep.set(name, list.map((d) => d.before));
      list.forEach((d) => by.add(d.by));
      const count = (k: DamageKind) => list.filter((d) => d.kind === k).length;
      collections[name] = { records: list.length, purged: count('purged'), purgedLive: list.filter((d) => d.kind === 'purged' && d.live).length, binned: count('binned'), emptied: count('emptied') };
    }
    if (!keep.size) return;
    const key = [...keep].map(([c, recs]) => `${c}:${recs.map((r) => `${r.id}@${latestStamp(r).join('.')}`).sort().join(',')}`).join('|');
    const point = { id: `event-${this.ws.id}-${hash(key)}`, workspaceId: this.ws.id, at: Date.now(), collections, by: [...by], warn };
    const p = saveEventPoint(point, keep, this.db).then((saved) => { this.listeners.forEach((fn) => fn(saved)); return saved; });
    this.writes = this.writes.then(() => p, () => p);
    p.catch((e) => console.error('[keyuan recovery] restore point', e));
  }
}
