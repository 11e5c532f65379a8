import * as Y from 'yjs';
import type { BaseRecord, RecordValues, Stamp } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { mergeRecords, sameValue, latestStamp, outlivesPurge, purgeKnowledge } from '../../domain/core/merge';
import type { Clock } from './clock';
import { decodeRecord, encodeRecord, mayHold } from './codec';

export { isRecord } from './codec';

export type ChangeListener = (ids: Set<string>, origin: unknown, info: ChangeInfo) => void;

/** More about a change, for listeners that need it (store/recovery keeps what a peer removed). */
export interface ChangeInfo {
  /** Written on this device (its own edits and merge write-backs) rather than received. */
  local: boolean;
  /**
   * The stored value a key showed before this transaction (undefined: it showed none); read it
   * with `decodeRecord`. Only during the listener's call: Yjs discards removed content afterwards.
   */
  before(id: string): unknown;
}

/** How many `liveWhere` answers a collection keeps, and the change size past which it drops them. */
const WHERE_CACHE_SIZE = 256;
const FOLLOW_LIMIT = 256;

/** Origin of the store's own corrective writes (merges of concurrent versions). */
export const MERGE_ORIGIN = 'keyuan:merge';

/**
 * The append-only change log: a `Y.Array` of plain entries, one per `update` or `purge`, pushed in
 * the same transaction as the record so it travels with it to every peer. Creations are not
 * logged (the record's `_c`, createdAt, createdBy say it). Read by `store/sync/history.ts`.
 */
export const HISTORY = 'history';
export interface HistoryEntry {
  /** collection, record id */
  c: string; r: string;
  /** the stamp of the write (the same as the fields' stamps), and who made it */
  s: Stamp; u: string;
  /** changed fields: [old, new] (null for missing) */
  f?: Record<string, [unknown, unknown]>;
  /** 'purge' (deleted for good; n = its name), 'sys' (a system event e with parameters p) */
  k?: 'purge' | 'sys'; n?: string; e?: string; p?: Record<string, string | number>;
}

export interface Author {
  actor: () => string; clock: Clock; doc: Y.Doc;
  /** True while the workspace is open read-only (a teacher's copy of a group): every write is refused here. */
  readOnly?: () => boolean;
}

/** A write to a workspace opened read-only (a teacher's copy of a group's workspace, 班级看板). */
export class ReadOnlyError extends Error {
  constructor() { super('read-only'); this.name = 'ReadOnlyError'; }
}

/**
 * A typed collection of records: one Y.Map in the workspace document, one value per record,
 * stored as bytes by `codec.ts` and parsed once, when first read.
 */
export class Collection<T extends BaseRecord = BaseRecord> {
  readonly map: Y.Map<unknown>;
  /** Purge tombstones: id → what the purge knew of the record (see `outlivesPurge`), who, when. */
  readonly purged: Y.Map<unknown>;
  private listeners = new Set<ChangeListener>();
  /** Parsed records by id, with the stored value they were parsed from (a newer value misses). */
  private parsed = new Map<string, { raw: unknown; rec: T | undefined }>();
  /** The answers of `liveWhere` by `field\u0000value`: the ids of the matching live records. */
  private whereCache = new Map<string, Set<string>>();

  constructor(readonly name: string, private readonly author: Author) {
    this.map = author.doc.getMap<unknown>(name);
    this.purged = author.doc.getMap<unknown>(purgedMapName(name));
    this.map.observe((event, tx) => this.onEvent(event, tx));
    this.purged.observe((event, tx) => { if (!tx.local) this.applyLatePurges(event.keysChanged); });
  }

  get(id: string): T | undefined {
    return this.read(id, this.map.get(id));
  }

  private read(id: string, raw: unknown): T | undefined {
    if (raw === undefined) return undefined;
    const hit = this.parsed.get(id);
    if (hit && hit.raw === raw) return hit.rec;
    const rec = decodeRecord(raw) as T | undefined;
    this.parsed.set(id, { raw, rec: rec?.id === id ? rec : undefined });
    return rec?.id === id ? rec : undefined;
  }

  /** Every record, in the recycle bin or not. */
  all(): T[] {
    const out: T[] = [];
    for (const [id, raw] of this.map.entries()) {
      const r = this.read(id, raw);
      if (r) out.push(r);
    }
    return out;
  }

  /** Records not in the recycle bin. */
  live(): T[] {
    return this.all().filter((r) => !r.deleted);
  }

  /**
   * Live records whose `field` is `value`; records whose stored bytes cannot hold it are not
   * parsed. The answer is kept and followed through changes (`followWhere`): a record page asks
   * the same questions again after every edit (a customer's activities, quotes…), and scanning a
   * company's activities for each cost a peer's open customer page ~0.3 s per edit.
   */
  liveWhere(field: string, value: string): T[] {
    const key = `${field}\u0000${value}`;
    let ids = this.whereCache.get(key);
    if (!ids) {
      ids = new Set();
      const may = mayHold(field, value);
      for (const [id, raw] of this.map.entries()) {
        if (this.parsed.get(id)?.raw !== raw && !may(raw)) continue;
        const r = this.read(id, raw);
        if (r && !r.deleted && r[field] === value) ids.add(id);
      }
      if (this.whereCache.size >= WHERE_CACHE_SIZE) this.whereCache.delete(this.whereCache.keys().next().value!);
      this.whereCache.set(key, ids);
    }
    const out: T[] = [];
    for (const id of ids) { const r = this.get(id); if (r) out.push(r); }
    return out;
  }

  /** Keep the kept answers of `liveWhere` true after a change of `ids` (a big change drops them). */
  private followWhere(ids: Set<string>): void {
    if (this.whereCache.size === 0) return;
    if (ids.size > FOLLOW_LIMIT) { this.whereCache.clear(); return; }
    for (const [key, set] of this.whereCache) {
      const cut = key.indexOf('\u0000');
      const field = key.slice(0, cut);
      const value = key.slice(cut + 1);
      for (const id of ids) {
        const r = this.get(id);
        if (r && !r.deleted && r[field] === value) set.add(id); else set.delete(id);
      }
    }
  }

  /**
   * How many live records there are (a figure on the home page), without parsing the records
   * nothing has read yet: their bytes are parsed only when they mention `"deleted":true`. Bytes
   * that are not a record at all still count here; lists parse every record and mark those.
   */
  liveCount(): number {
    const mayBeDeleted = mayHold('deleted', true);
    let n = 0;
    for (const [id, raw] of this.map.entries()) {
      if (raw instanceof Uint8Array && this.parsed.get(id)?.raw !== raw && !mayBeDeleted(raw)) { n++; continue; }
      const r = this.read(id, raw);
      if (r && !r.deleted) n++;
    }
    return n;
  }

  /** Records in the recycle bin. */
  bin(): T[] {
    return this.all().filter((r) => r.deleted);
  }

  /** Raw entries that are not records at all (garbage from a peer); shown, never crash. */
  corrupt(): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const [id, raw] of this.map.entries()) if (!this.read(id, raw)) out.push([id, readable(raw)]);
    return out;
  }

  get size(): number {
    return this.map.size;
  }

  /** Store a record and remember its parsed form, so the next read hands out this very object. */
  private put(rec: T): void {
    const raw = encodeRecord(rec);
    this.map.set(rec.id, raw);
    this.parsed.set(rec.id, { raw, rec });
  }

  /**
   * A new record. `as` gives it the stamp and author of an existing write instead of a fresh one
   * (a migration turning one stored value into records: two devices migrating the same value
   * while apart then write identical versions, and a newer value's rows win over an older one's).
   */
  create(values: RecordValues, id = newId(), as?: { stamp: Stamp; by: string }): T {
    this.writable();
    const stamp = as?.stamp ?? this.author.clock.now();
    const who = as?.by ?? this.author.actor();
    const rec = { ...clean(values), id, createdAt: stamp[0], createdBy: who, updatedAt: stamp[0], updatedBy: who, _c: stamp } as unknown as T;
    if (this.purged.has(id)) {
      // an id created again after its purge (fixed ids: seeds, migrated rows): the purge no longer applies
      this.author.doc.transact(() => { this.purged.delete(id); this.put(rec); });
    } else {
      this.put(rec);
    }
    return rec;
  }

  /** Write changed fields only, each with a fresh stamp; unchanged fields keep theirs. */
  update(id: string, patch: RecordValues): T | undefined {
    this.writable();
    const old = this.get(id);
    if (!old) return undefined;
    // after every stamp on the record, even one from the future (a peer whose clock runs ahead):
    // this edit wins over what it replaces, so no field is ever uneditable
    const stamp = this.author.clock.after(latestStamp(old));
    const next: Record<string, unknown> = { ...old };
    const stamps: Record<string, Stamp> = { ...(old._s ?? {}) };
    const fields: Record<string, [unknown, unknown]> = {};
    let changed = false;
    for (const [k, v] of Object.entries(patch)) {
      if (SYSTEM_FIELDS.has(k) && k !== 'deleted') continue;
      if (sameValue(old[k], v)) continue;
      if (v === undefined) delete next[k]; else next[k] = v;
      stamps[k] = stamp;
      fields[k] = [old[k] ?? null, v ?? null];
      changed = true;
    }
    if (!changed) return old;
    next._s = stamps;
    next.updatedAt = stamp[0];
    next.updatedBy = this.author.actor();
    this.author.doc.transact(() => {
      this.put(next as T);
      this.log({ c: this.name, r: id, s: stamp, u: next.updatedBy as string, f: fields });
    });
    return next as T;
  }

  /** Move to the recycle bin. */
  remove(id: string): void {
    this.update(id, { deleted: true });
  }

  restore(id: string): void {
    this.update(id, { deleted: false });
  }

  /** Delete for good (emptying the recycle bin). */
  purge(id: string): void {
    this.writable();
    const old = this.get(id);
    this.author.doc.transact(() => {
      if (old) {
        const tomb: PurgeTombstone = { k: purgeKnowledge(old), u: this.author.actor(), s: this.author.clock.now(), bin: old.deleted === true };
        this.purged.set(id, tomb);
      }
      this.map.delete(id);
      this.parsed.delete(id);
      const n = old ? old.name ?? old.title ?? old.code : undefined;
      this.log({ c: this.name, r: id, s: this.author.clock.now(), u: this.author.actor(), k: 'purge', n: typeof n === 'string' ? n : undefined });
    });
  }

  /**
   * Refuse every write of a read-only copy here, below every store function, so no path of the
   * UI or the store can write to a group the teacher only watches.
   */
  private writable(): void {
    if (this.author.readOnly?.()) throw new ReadOnlyError();
  }

  private log(e: HistoryEntry): void {
    if (e.n === undefined) delete e.n;
    this.author.doc.getArray<HistoryEntry>(HISTORY).push([e]);
  }

  onChange(fn: ChangeListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private onEvent(event: Y.YMapEvent<unknown>, tx: Y.Transaction): void {
    if (!tx.local) this.mergeTouched(event);
    const ids = new Set<string>();
    for (const k of event.keysChanged) {
      if (k === null) continue;
      ids.add(k);
      if (!this.map.has(k)) this.parsed.delete(k);
    }
    this.followWhere(ids);
    const info: ChangeInfo = { local: tx.local, before: (id) => valueBefore(event, id) };
    for (const fn of this.listeners) fn(ids, tx.origin, info);
  }

  /**
   * A remote transaction wrote versions of some records. Yjs shows one version per key (or none);
   * the record is instead the merge of every version, field by field: this merges every version
   * the transaction inserted or deleted for the key — wherever Yjs placed it in the key's item
   * list (a peer's version can land between two of ours and be deleted on arrival, or a deletion
   * can arrive before the version that replaced it) — with the one shown, and writes the result
   * back if it differs. A purge stands only against what it knew (its tombstone): a version with
   * a write it never saw brings the record back. The merge is a join, so every peer computes the
   * same record and identical write-backs converge at once. Garbage never replaces a record.
   */
  private mergeTouched(event: Y.YMapEvent<unknown>): void {
    const writes: T[] = [];
    const purges: string[] = [];
    for (const key of event.keysChanged) {
      if (key === null) continue;
      // only keys where this transaction touched a rival: a loaded or newly received record
      // with no rival is not even parsed here
      const versions = touchedVersions(event, key);
      // a version shown again after its purge (it came without the rival the purge knew) is checked too
      const tomb = this.purged.size ? this.purged.get(key) as PurgeTombstone | undefined : undefined;
      if (!versions.length && tomb === undefined) continue;
      const current = this.get(key);
      let merged: BaseRecord | undefined = current;
      for (const v of versions) {
        const rec = decodeRecord(v);
        if (rec && rec.id === key) merged = merged ? mergeRecords(merged, rec) : rec;
      }
      if (!merged) continue;
      if (tomb !== undefined && !outlivesPurge(merged, tomb?.k)) {
        if (this.map.has(key)) purges.push(key);
      } else if (!(current && sameStored(merged, current))) {
        writes.push(merged as T);
      }
    }
    this.writeMerge(writes, purges);
  }

  /** The merge's corrective writes and removals, in one transaction of its own origin. */
  private writeMerge(writes: T[], purges: string[]): void {
    if (!writes.length && !purges.length) return;
    // a read-only copy writes nothing, not even a merge: the group's own devices write the same join
    if (this.author.readOnly?.()) return;
    this.author.doc.transact(() => {
      writes.forEach((r) => this.put(r));
      purges.forEach((id) => { this.map.delete(id); this.parsed.delete(id); });
    }, MERGE_ORIGIN);
  }

  /**
   * Versions of records kept elsewhere (what an older build stored in the core document, moved by
   * store/core/bridge.ts): each is merged with the record here exactly as a peer's version is,
   * purge tombstones are taken over, garbage is kept as it is when nothing else holds its key. Returns how many records changed.
   */
  absorb(versions: Iterable<[string, unknown]>, tombs: Iterable<[string, unknown]> = []): number {
    this.writable();
    let changed = 0;
    this.author.doc.transact(() => {
      for (const [id, tomb] of tombs) if (isTombstone(tomb) && !this.purged.has(id)) this.purged.set(id, tomb);
      for (const [id, raw] of versions) {
        const rec = decodeRecord(raw);
        if (rec?.id !== id) {
          // garbage stays visible as such (lists mark it) where the collection now lives
          if (!this.map.has(id)) { this.map.set(id, raw); changed++; }
          continue;
        }
        const current = this.get(id);
        const merged = current ? mergeRecords(current, rec) : rec;
        const tomb = this.purged.get(id) as PurgeTombstone | undefined;
        if (tomb !== undefined && !outlivesPurge(merged, tomb?.k)) {
          if (current) { this.map.delete(id); this.parsed.delete(id); changed++; }
        } else if (!(current && sameStored(merged, current))) {
          this.put(merged as T);
          changed++;
        }
      }
    });
    return changed;
  }

  /** Whether a version kept elsewhere adds nothing to this collection (it was absorbed, or a purge here outlives it). */
  holds(id: string, raw: unknown): boolean {
    const rec = decodeRecord(raw);
    if (rec?.id !== id) return this.map.has(id);
    const current = this.get(id);
    const tomb = this.purged.get(id) as PurgeTombstone | undefined;
    if (!current) return tomb !== undefined && !outlivesPurge(rec, tomb?.k);
    return sameStored(mergeRecords(current, rec), current);
  }

  /** A purge arrived after a version it knew was shown again (delivery order): it stands now. */
  private applyLatePurges(keys: Set<string>): void {
    const purges: string[] = [];
    for (const key of keys) {
      const tomb = this.purged.get(key) as PurgeTombstone | undefined;
      const rec = this.get(key);
      if (tomb !== undefined && rec && !outlivesPurge(rec, tomb?.k)) purges.push(key);
    }
    this.writeMerge([], purges);
  }
}

/** What a purge leaves: what it knew of the record (field → stamp), who, when, from the bin or not. */
export interface PurgeTombstone { k: Record<string, Stamp>; u: string; s: Stamp; bin: boolean }

function isTombstone(v: unknown): v is PurgeTombstone {
  return typeof v === 'object' && v !== null && typeof (v as PurgeTombstone).k === 'object' && (v as PurgeTombstone).k !== null;
}

export function purgedMapName(collection: string): string {
  return `purged:${collection}`;
}

/**
 * Values of every item of `key` that this transaction inserted or deleted, other than the one
 * shown, that still hold content (content of items deleted in earlier transactions is gone, and
 * was merged then). The whole item list of the key is walked: a version can sit anywhere in it.
 */
export function touchedVersions<T>(event: Y.YMapEvent<T>, key: string): unknown[] {
  const shown = lastItem(event, key);
  const out: unknown[] = [];
  // a key whose shown version this transaction removed shows nothing: that version is one of
  // those merged (without a purge tombstone — a raw delete by a broken or hostile peer — it comes
  // back). Not when the transaction also brought it (a document loaded or received whole: what
  // was deleted before stays deleted).
  const first = shown?.deleted && event.deletes(shown) && !event.adds(shown) ? shown : shown?.left ?? null;
  for (let item = first; item !== null; item = item.left) {
    const values = itemValues(item);
    if (values && (event.adds(item) || event.deletes(item))) out.push(...values);
  }
  return out;
}

/** The last item of `key` in the map's item list: the one shown, or the one a deletion removed. */
function lastItem<T>(event: Y.YMapEvent<T>, key: string): Y.Item | undefined {
  return (event.target as unknown as { _map: Map<string, Y.Item> })._map.get(key);
}

/** What an item holds, while it still holds it (content of items deleted earlier is gone). */
function itemValues(item: Y.Item): unknown[] | undefined {
  return item.content instanceof Y.ContentAny || item.content instanceof Y.ContentBinary ? item.content.getContent() : undefined;
}

/** The value `key` showed before this transaction (what Yjs' `event.changes.keys` calls oldValue), for one key. */
function valueBefore<T>(event: Y.YMapEvent<T>, key: string): unknown {
  const item = lastItem(event, key);
  if (!item) return undefined;
  let shown: Y.Item | null = item;
  if (event.adds(item)) {
    shown = item.left;
    while (shown !== null && event.adds(shown)) shown = shown.left;
    if (shown !== null && !event.deletes(shown)) shown = null;
  } else if (item.deleted && !event.deletes(item)) {
    shown = null;
  }
  const values = shown === null ? undefined : itemValues(shown);
  return values?.[values.length - 1];
}

/** Equal as stored (the times are derived, never stored). */
function sameStored(a: BaseRecord, b: BaseRecord): boolean {
  const { createdAt: _a, updatedAt: _b, ...x } = a;
  const { createdAt: _c, updatedAt: _d, ...y } = b;
  void _a; void _b; void _c; void _d;
  return sameValue(x, y);
}

/** A stored value as a person can read it (bytes shown as their text) when it is not a record. */
function readable(raw: unknown): unknown {
  if (!(raw instanceof Uint8Array)) return raw;
  return new TextDecoder().decode(raw);
}

/** JSON-safe copy without undefined values (Yjs would store them as a special marker). */
function clean(values: RecordValues): RecordValues {
  const out: RecordValues = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && !SYSTEM_FIELDS.has(k)) out[k] = v;
  return out;
}

export function newId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 16);
}
