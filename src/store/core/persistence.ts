import * as Y from 'yjs';
import { UPDATES, openDb, request, toRows, type Part } from './idb-rows';
import { writeOffThread } from './idb-writer';

export type { Part } from './idb-rows';

/**
 * The workspace document in IndexedDB, in values that always fit.
 *
 * Why not y-indexeddb as it is: Chromium refuses one IndexedDB value over ~127 MiB
 * (133,169,152 bytes measured), and y-indexeddb stores every update as one value and compacts
 * the whole document into one value. A joining peer's first sync answer, a `.keyuan` import or
 * the compaction of a large workspace were refused without an error, and gone after a reload.
 *
 * Here an update larger than PART_BYTES is stored as consecutive parts, written in ONE
 * transaction (all or none) and joined again when loading. The layout is y-indexeddb's (an
 * `updates` store with auto-increment keys, a `custom` store), so documents it wrote open
 * unchanged; rows it wrote are whole updates, parts are `{ i, n, b }` objects.
 *
 * Compaction (after COMPACT_AFTER rows and a quiet second, as y-indexeddb does) first applies
 * rows other tabs of this browser wrote, then replaces every row it has applied with the
 * document's state, in one transaction.
 */

export const PART_BYTES = 16 * 1024 * 1024;
export const COMPACT_AFTER = 500;
const isPart = (v: unknown): v is Part => typeof v === 'object' && v !== null && !(v instanceof Uint8Array)
  && typeof (v as Part).i === 'number' && typeof (v as Part).n === 'number' && (v as Part).b instanceof Uint8Array;

/** Rows are read this many at a time: one getAll of a whole large workspace can exceed what IPC carries. */
const READ_BATCH = 64;

export class DocStore {
  /** First key not yet applied to the document (rows from other tabs may follow). */
  private next = 0;
  private rows = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Transactions storing updates that have not completed yet. */
  private writes = new Set<Promise<void>>();
  /** Why an update could not be stored (the copy on this device lacks it until stored again). */
  private failure: unknown = null;
  /** Rows that were parts of an update never completely written (shown, never applied). */
  damaged = 0;
  readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === this || this.closed) return;
    this.track(this.append(update));
  };

  private constructor(readonly name: string, readonly doc: Y.Doc, private readonly db: IDBDatabase, private readonly partBytes: number) {}

  /** Open the database and load everything stored into `doc` (one transaction, origin = the store). */
  static async open(name: string, doc: Y.Doc, partBytes = PART_BYTES): Promise<DocStore> {
    const store = await DocStore.attach(name, doc, partBytes);
    await store.loaded();
    return store;
  }

  /**
   * Open the database and store every update of `doc` from now on, without loading what is
   * stored yet (`loaded()` does, once): a document group a page does not need first is loaded
   * after the first one, and nothing written to it meanwhile is missed.
   */
  static async attach(name: string, doc: Y.Doc, partBytes = PART_BYTES): Promise<DocStore> {
    const db = await openDb(name);
    const store = new DocStore(name, doc, db, partBytes);
    doc.on('update', store.onUpdate);
    return store;
  }

  private initial?: Promise<void>;

  /**
   * Load what is stored into the document (the first call loads, waiting for `beforeApply` before
   * each batch of rows it reads and before it applies them; later calls wait for it).
   */
  loaded(beforeApply?: () => Promise<void>): Promise<void> {
    return (this.initial ??= this.load(beforeApply));
  }

  /** Apply rows from `this.next` on (in batches), whole updates and joined parts alike. */
  private async load(beforeApply?: () => Promise<void>): Promise<void> {
    const updates: Uint8Array[] = [];
    let parts: Part[] = [];
    let last = this.next - 1;
    for (;;) {
      await beforeApply?.(); // reading a batch copies up to tens of MB on this thread too
      if (this.closed) return; // closed while loading (a workspace closed before its groups loaded)
      const batch = await readRows(this.db, last + 1, READ_BATCH);
      for (const [key, value] of batch) {
        last = key;
        this.rows++;
        if (value instanceof Uint8Array) { this.dropParts(parts); parts = []; updates.push(value); continue; }
        if (!isPart(value)) { this.damaged++; continue; }
        if (value.i !== parts.length) { this.dropParts(parts); parts = []; }
        if (value.i !== 0 && parts.length === 0) { this.damaged++; continue; }
        parts.push(value);
        if (parts.length === value.n) { updates.push(join(parts.map((p) => p.b))); parts = []; }
      }
      if (batch.length < READ_BATCH) break;
    }
    this.dropParts(parts);
    if (updates.length) await beforeApply?.();
    if (!this.closed && updates.length) {
      // not listening meanwhile: Yjs would encode the whole loaded state for the listener, which
      // drops it (origin = the store) — seconds at company scale. Nothing else can write during
      // this synchronous block.
      this.doc.off('update', this.onUpdate);
      const ownBefore = { id: this.doc.clientID, state: Y.getState(this.doc.store, this.doc.clientID) };
      try {
        Y.transact(this.doc, () => { for (const u of updates) Y.applyUpdate(this.doc, u); }, this, false);
      } finally {
        if (!this.closed) this.doc.on('update', this.onUpdate);
      }
      this.storeWrittenWhileLoading(ownBefore);
    }
    this.next = last + 1;
  }

  /**
   * What this device wrote while the rows were applied — the collections' merge write-back of rival
   * versions the rows held — happened while the store was not listening. Unstored, every later
   * update of this client would depend on it and wait unapplied for ever after a reload (an edit
   * made after such a load was lost). Stored here: this client's structs written since.
   */
  private storeWrittenWhileLoading(before: { id: number; state: number }): void {
    const id = this.doc.clientID;
    const from = id === before.id ? before.state : 0;
    if (this.closed || Y.getState(this.doc.store, id) <= from) return;
    const sv = Y.decodeStateVector(Y.encodeStateVector(this.doc));
    sv.set(id, from);
    this.track(this.append(Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(sv))));
  }

  private dropParts(parts: Part[]): void {
    this.damaged += parts.length;
  }

  /**
   * Store an update as received from a peer, applied without the 'update' listeners
   * (store/core/unencoded.ts): the bytes are stored as they came instead of Yjs encoding the
   * applied transaction again.
   */
  storeReceived(update: Uint8Array): void {
    if (this.closed) return;
    // written by a worker where there is one: serialising ~80 MB into IndexedDB took a joining
    // peer's main thread about a second; if the worker fails, written here after all
    const n = Math.ceil(update.length / this.partBytes);
    const off = writeOffThread(this.name, update, this.partBytes);
    if (!off) { this.track(this.append(update)); return; }
    this.noteRows(n);
    this.track(off.catch(() => { this.rows -= n; return this.append(update); }));
  }

  /** Store one update (as parts when large) in one transaction. */
  private append(update: Uint8Array): Promise<void> {
    const rows = toRows(update, this.partBytes);
    this.noteRows(rows.length);
    return request(this.db, (s) => { for (const r of rows) s.add(r); });
  }

  private noteRows(n: number): void {
    this.rows += n;
    if (this.rows >= COMPACT_AFTER) this.scheduleCompaction();
  }

  private track(done: Promise<void>): void {
    const tracked = done.catch((e: unknown) => { this.failure = e; throw e; })
      .finally(() => this.writes.delete(tracked));
    tracked.catch(() => {}); // reported through flushed()
    this.writes.add(tracked);
  }

  /** Updates written to the document that IndexedDB has not committed yet. */
  get pendingWrites(): number {
    return this.writes.size;
  }

  /**
   * Resolves once everything written so far is committed (at once when nothing is pending);
   * rejects when an update could not be stored. After such a failure the whole document is
   * stored again, so a later call resolves once IndexedDB accepts writes again.
   */
  flushed(): Promise<void> {
    if (this.failure && !this.closed) {
      this.failure = null;
      this.track(this.append(Y.encodeStateAsUpdate(this.doc)));
    }
    if (!this.writes.size) return Promise.resolve();
    return Promise.all(this.writes).then(() => undefined);
  }

  private scheduleCompaction(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = null; void this.compact(); }, 1000);
  }

  /**
   * Replace every stored row with the document's state. Rows other tabs wrote since we last read
   * are applied first, inside the same transaction, so nothing is dropped that we never saw.
   */
  async compact(): Promise<void> {
    if (this.closed) return;
    await this.loaded();
    await this.load(); // other tabs' rows, into the document first
    if (this.closed) return;
    const upTo = this.next - 1;
    const state = Y.encodeStateAsUpdate(this.doc);
    const rows = toRows(state, this.partBytes);
    const done = request(this.db, (s) => {
      // rows after `upTo` (another tab writing meanwhile) stay: they are read on the next load
      if (upTo >= 0) s.delete(IDBKeyRange.upperBound(upTo));
      for (const r of rows) s.add(r);
    });
    this.track(done);
    await done.catch(() => {});
    this.rows = rows.length;
  }

  /** Persist what is pending and close. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer !== null) { clearTimeout(this.timer); this.timer = null; }
    this.doc.off('update', this.onUpdate);
    await this.flushed().catch(() => {});
    this.closed = true;
    this.db.close();
  }

  /** Close and remove this device's copy. */
  async clear(): Promise<void> {
    await this.close();
    await deleteDocStore(this.name);
  }
}

export function deleteDocStore(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => resolve();
  });
}

export function join(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

/** Up to `count` rows with keys from `from` on, in key order. */
function readRows(db: IDBDatabase, from: number, count: number): Promise<[number, unknown][]> {
  return new Promise((resolve, reject) => {
    const store = db.transaction([UPDATES], 'readonly').objectStore(UPDATES);
    const range = IDBKeyRange.lowerBound(from);
    const keys = store.getAllKeys(range, count);
    const values = store.getAll(range, count);
    values.onsuccess = () => {
      const ks = keys.result as number[];
      resolve(ks.map((k, i) => [k, (values.result as unknown[])[i]]));
    };
    values.onerror = () => reject(values.error);
    keys.onerror = () => reject(keys.error);
  });
}

