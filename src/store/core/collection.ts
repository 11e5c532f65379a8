import * as Y from 'yjs';
import type { BaseRecord, RecordValues, Stamp } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { mergeRecords, sameValue, latestStamp } from '../../domain/core/merge';
import type { Clock } from './clock';
import { decodeRecord, encodeRecord, mayHold } from './codec';

export { isRecord } from './codec';

export type ChangeListener = (ids: Set<string>, origin: unknown) => void;

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

export interface Author { actor: () => string; clock: Clock; doc: Y.Doc }

/**
 * A typed collection of records: one Y.Map in the workspace document, one value per record,
 * stored as bytes by `codec.ts` and parsed once, when first read.
 */
export class Collection<T extends BaseRecord = BaseRecord> {
  readonly map: Y.Map<unknown>;
  private listeners = new Set<ChangeListener>();
  /** Parsed records by id, with the stored value they were parsed from (a newer value misses). */
  private parsed = new Map<string, { raw: unknown; rec: T | undefined }>();

  constructor(readonly name: string, private readonly author: Author) {
    this.map = author.doc.getMap<unknown>(name);
    this.map.observe((event, tx) => this.onEvent(event, tx));
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

  /** Live records whose `field` is `value`; records whose stored bytes cannot hold it are not parsed. */
  liveWhere(field: string, value: string): T[] {
    const may = mayHold(field, value);
    const out: T[] = [];
    for (const [id, raw] of this.map.entries()) {
      if (this.parsed.get(id)?.raw !== raw && !may(raw)) continue;
      const r = this.read(id, raw);
      if (r && !r.deleted && r[field] === value) out.push(r);
    }
    return out;
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

  create(values: RecordValues, id = newId()): T {
    const stamp = this.author.clock.now();
    const who = this.author.actor();
    const rec = { ...clean(values), id, createdAt: stamp[0], createdBy: who, updatedAt: stamp[0], updatedBy: who, _c: stamp } as unknown as T;
    this.put(rec);
    return rec;
  }

  /** Write changed fields only, each with a fresh stamp; unchanged fields keep theirs. */
  update(id: string, patch: RecordValues): T | undefined {
    const old = this.get(id);
    if (!old) return undefined;
    // after every stamp on the record, even one from a peer whose clock runs ahead: this edit wins
    this.author.clock.observe(latestStamp(old));
    const stamp = this.author.clock.now();
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
    const old = this.get(id);
    this.author.doc.transact(() => {
      this.map.delete(id);
      this.parsed.delete(id);
      const n = old ? old.name ?? old.title ?? old.code : undefined;
      this.log({ c: this.name, r: id, s: this.author.clock.now(), u: this.author.actor(), k: 'purge', n: typeof n === 'string' ? n : undefined });
    });
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
    if (!tx.local) this.mergeReplaced(event);
    const ids = new Set<string>();
    for (const k of event.keysChanged) {
      if (k === null) continue;
      ids.add(k);
      if (!this.map.has(k)) this.parsed.delete(k);
    }
    for (const fn of this.listeners) fn(ids, tx.origin);
  }

  /**
   * A remote write replaced a version (ours, or a concurrent one that lost on arrival): merge all
   * versions touched in this transaction field by field and write the merge back if it differs.
   * Every peer computes the same merge, so they converge on a record that keeps every edit.
   */
  private mergeReplaced(event: Y.YMapEvent<unknown>): void {
    const fixes: T[] = [];
    for (const key of event.keysChanged) {
      // only keys whose earlier version this transaction replaced: a loaded or newly received
      // record with no rival is not even parsed here
      const versions = replacedVersions(event, key);
      if (!versions.length) continue;
      const current = this.get(key);
      if (!current) continue;
      let merged: BaseRecord = current;
      for (const v of versions) {
        const rec = decodeRecord(v);
        if (rec && rec.id === current.id) merged = mergeRecords(merged, rec);
      }
      if (!sameValue(merged, current)) fixes.push(merged as T);
    }
    if (fixes.length) {
      this.author.doc.transact(() => fixes.forEach((r) => this.put(r)), MERGE_ORIGIN);
    }
  }
}

/** Values of the map entries for `key` that this transaction added or deleted (still holding content). */
function replacedVersions<T>(event: Y.YMapEvent<T>, key: string): unknown[] {
  const target = event.target as unknown as { _map: Map<string, Y.Item> };
  let item: Y.Item | null = target._map.get(key)?.left ?? null;
  const out: unknown[] = [];
  while (item !== null && (event.adds(item) || event.deletes(item))) {
    if (item.content instanceof Y.ContentAny || item.content instanceof Y.ContentBinary) out.push(...item.content.getContent());
    item = item.left;
  }
  return out;
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
