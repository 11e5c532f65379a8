import * as Y from 'yjs';
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from 'y-indexeddb';
import { Collection } from './collection';
import { Clock } from './clock';
import { migrate } from './migrations';
import type { BaseRecord } from '../../domain/core/record';
import { ALL_COLLECTIONS } from '../../domain/registry';

/** Name of the IndexedDB database that holds one workspace document. */
export function docDbName(workspaceId: string): string {
  return `keyuan-ws-${workspaceId}`;
}

/**
 * One open workspace: the Yjs document (the truth), its IndexedDB persistence and typed
 * collections. Who is acting is set by the UI after the identity is known.
 */
export class Workspace {
  readonly doc: Y.Doc;
  readonly clock: Clock;
  private collections = new Map<string, Collection>();
  private persistence?: IndexeddbPersistence;
  /** Id of the user this device acts as; stamped on every write. */
  actorId = '';
  /** False when the document was written by a newer build (opened read-only). */
  compatible = true;
  /** IndexedDB transactions storing updates that have not completed yet. */
  private writes = new Set<Promise<void>>();
  /** Why an update could not be stored (the copy on this device lacks it until repaired). */
  private storeError: unknown = null;

  /**
   * Every known collection is attached before any data arrives: its observer must see every
   * remote transaction (to merge concurrent versions and to advance the clock), even for
   * collections no page has asked for yet.
   */
  constructor(readonly id: string, doc?: Y.Doc, names: string[] = ALL_COLLECTIONS) {
    this.doc = doc ?? new Y.Doc();
    this.clock = new Clock(() => this.doc.clientID);
    for (const n of names) this.collection(n);
  }

  /** Open the persisted document (resolves once everything stored is loaded). */
  static async open(id: string): Promise<Workspace> {
    // performance marks let `npm run bench` break a cold open down; they cost nothing measurable
    performance.mark('keyuan:open-start');
    const ws = new Workspace(id);
    const persistence = new IndexeddbPersistence(docDbName(id), ws.doc);
    ws.persistence = persistence;
    // y-indexeddb listens for updates from its constructor on, so Yjs would encode the whole
    // loaded document once more only for y-indexeddb to drop it (its own origin); nothing else
    // writes before the load ends, so listen once it has
    ws.doc.off('update', persistence._storeUpdate);
    await persistence.whenSynced;
    // y-indexeddb's own listener, except that each update's transaction is tracked: a save can
    // wait until IndexedDB holds it (`flushed`), and the page can warn before unloading
    persistence._storeUpdate = ws.storeUpdate(persistence);
    ws.doc.on('update', persistence._storeUpdate);
    performance.mark('keyuan:doc-loaded');
    ws.compatible = migrate(ws.doc);
    return ws;
  }

  /** Writes an update to IndexedDB as y-indexeddb does, and tracks its transaction. */
  private storeUpdate(p: IndexeddbPersistence): (update: Uint8Array, origin: unknown) => void {
    return (update, origin) => {
      if (!p.db || origin === p) return;
      this.write(p.db, update);
      if (++p._dbsize >= PREFERRED_TRIM_SIZE) {
        // y-indexeddb's compaction (one atomic transaction that only merges what is stored)
        if (p._storeTimeoutId !== null) clearTimeout(p._storeTimeoutId);
        p._storeTimeoutId = setTimeout(() => { void storeState(p, false); p._storeTimeoutId = null; }, p._storeTimeout);
      }
    };
  }

  private write(db: IDBDatabase, update: Uint8Array): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['updates'], 'readwrite');
      tx.objectStore('updates').add(update);
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    }).catch((e: unknown) => { this.storeError = e; throw e; })
      .finally(() => this.writes.delete(done));
    done.catch(() => {}); // reported through flushed()
    this.writes.add(done);
    return done;
  }

  /** Updates written to the document that IndexedDB has not committed yet. */
  get pendingWrites(): number {
    return this.writes.size;
  }

  /**
   * Resolves once everything written so far is committed to IndexedDB (at once when nothing is
   * pending); rejects when an update could not be stored. After such a failure the whole
   * document is stored again, so a later call resolves if IndexedDB accepts writes again.
   */
  flushed(): Promise<void> {
    const db = this.persistence?.db;
    if (this.storeError && db && !this.persistence?._destroyed) {
      this.storeError = null;
      void this.write(db, Y.encodeStateAsUpdate(this.doc)).catch(() => {});
      this.persistence!._dbsize++;
    }
    if (!this.writes.size) return Promise.resolve();
    return Promise.all(this.writes).then(() => undefined);
  }

  collection<T extends BaseRecord = BaseRecord>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Collection(name, { doc: this.doc, clock: this.clock, actor: () => this.actorId });
      this.collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  /** Run writes as one transaction: peers and persistence see all of them or none. */
  transact<R>(fn: () => R, origin: unknown = 'keyuan:local'): R {
    let out!: R;
    this.doc.transact(() => { out = fn(); }, origin);
    return out;
  }

  get meta(): Y.Map<unknown> {
    return this.doc.getMap('meta');
  }

  /** Persist everything now (after bulk writes) and close. */
  async close(): Promise<void> {
    await this.persistence?.destroy();
    this.doc.destroy();
  }

  /** Remove the local copy of the document from this device. */
  async clearLocal(): Promise<void> {
    await this.persistence?.clearData();
    this.doc.destroy();
  }
}
