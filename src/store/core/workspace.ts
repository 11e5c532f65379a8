import * as Y from 'yjs';
import { Collection } from './collection';
import { Clock } from './clock';
import { migrate } from './migrations';
import { DocStore } from './persistence';
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
  private persistence?: DocStore;
  /** Id of the user this device acts as; stamped on every write. */
  actorId = '';
  /** False when the document was written by a newer build (opened read-only). */
  compatible = true;

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
    ws.persistence = await DocStore.open(docDbName(id), ws.doc);
    performance.mark('keyuan:doc-loaded');
    ws.compatible = migrate(ws.doc);
    return ws;
  }

  /** Updates written to the document that IndexedDB has not committed yet (the page warns before unloading). */
  get pendingWrites(): number {
    return this.persistence?.pendingWrites ?? 0;
  }

  /**
   * Resolves once everything written so far is committed to IndexedDB (a save waits for it
   * before the form closes); rejects when an update could not be stored. After such a failure
   * the whole document is stored again, so a later call resolves once IndexedDB accepts writes.
   */
  flushed(): Promise<void> {
    return this.persistence?.flushed() ?? Promise.resolve();
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
    await this.persistence?.close();
    this.doc.destroy();
  }

  /** Remove the local copy of the document from this device. */
  async clearLocal(): Promise<void> {
    await this.persistence?.clear();
    this.doc.destroy();
  }
}
