import * as Y from 'yjs';
import type { BaseRecord, RecordValues, Stamp } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { mergeRecords, sameValue, latestStamp } from '../../domain/core/merge';
import type { Clock } from './clock';

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

/** A typed collection of records: one Y.Map in the workspace document, one plain value per record. */
export class Collection<T extends BaseRecord = BaseRecord> {
  readonly map: Y.Map<T>;
  private listeners = new Set<ChangeListener>();

  constructor(readonly name: string, private readonly author: Author) {
    this.map = author.doc.getMap<T>(name);
    this.map.observe((event, tx) => this.onEvent(event, tx));
  }

  get(id: string): T | undefined {
    const r = this.map.get(id);
    return isRecord(r) ? r : undefined;
  }

  /** Records not in the recycle bin. */
  live(): T[] {
    const out: T[] = [];
    for (const r of this.map.values()) if (isRecord(r) && !r.deleted) out.push(r);
    return out;
  }

  /** Records in the recycle bin. */
  bin(): T[] {
    const out: T[] = [];
    for (const r of this.map.values()) if (isRecord(r) && r.deleted) out.push(r);
    return out;
  }

  /** Raw entries that are not records at all (garbage from a peer); shown, never crash. */
  corrupt(): [string, unknown][] {
    const out: [string, unknown][] = [];
    for (const [k, v] of this.map.entries()) if (!isRecord(v)) out.push([k, v]);
    return out;
  }

  get size(): number {
    return this.map.size;
  }

  create(values: RecordValues, id = newId()): T {
    const stamp = this.author.clock.now();
    const who = this.author.actor();
    const rec = { ...clean(values), id, createdAt: stamp[0], createdBy: who, updatedAt: stamp[0], updatedBy: who, _c: stamp } as unknown as T;
    this.map.set(id, rec);
    return rec;
  }

  /** Write changed fields only, each with a fresh stamp; unchanged fields keep theirs. */
  update(id: string, patch: RecordValues): T | undefined {
    const old = this.get(id);
    if (!old) return undefined;
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
      this.map.set(id, next as T);
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

  private onEvent(event: Y.YMapEvent<T>, tx: Y.Transaction): void {
    if (!tx.local) this.mergeReplaced(event);
    const ids = new Set<string>();
    for (const k of event.keysChanged) if (k !== null) ids.add(k);
    for (const fn of this.listeners) fn(ids, tx.origin);
  }

  /**
   * A remote write replaced a version (ours, or a concurrent one that lost on arrival): merge all
   * versions touched in this transaction field by field and write the merge back if it differs.
   * Every peer computes the same merge, so they converge on a record that keeps every edit.
   */
  private mergeReplaced(event: Y.YMapEvent<T>): void {
    const fixes: T[] = [];
    for (const key of event.keysChanged) {
      const current = this.map.get(key);
      if (!isRecord(current)) continue;
      this.author.clock.observe(latestStamp(current));
      let merged: BaseRecord = current;
      for (const v of replacedVersions(event, key)) if (isRecord(v) && v.id === current.id) merged = mergeRecords(merged, v);
      if (!sameValue(merged, current)) fixes.push(merged as T);
    }
    if (fixes.length) {
      this.author.doc.transact(() => fixes.forEach((r) => this.map.set(r.id, r)), MERGE_ORIGIN);
    }
  }
}

/** Values of the map entries for `key` that this transaction added or deleted (still holding content). */
function replacedVersions<T>(event: Y.YMapEvent<T>, key: string): unknown[] {
  const target = event.target as unknown as { _map: Map<string, Y.Item> };
  let item: Y.Item | null = target._map.get(key)?.left ?? null;
  const out: unknown[] = [];
  while (item !== null && (event.adds(item) || event.deletes(item))) {
    if (item.content instanceof Y.ContentAny) out.push(...item.content.getContent());
    item = item.left;
  }
  return out;
}

export function isRecord(v: unknown): v is BaseRecord & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as BaseRecord).id === 'string'
    && Array.isArray((v as BaseRecord)._c);
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
