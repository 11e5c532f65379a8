import * as Y from 'yjs';
import { Collection, ReadOnlyError } from './collection';
import { Clock } from './clock';
import { Bridge } from './bridge';
import { migrate } from './migrations';
import { DocStore } from './persistence';
import type { BaseRecord } from '../../domain/core/record';
import { ALL_COLLECTIONS, CORE_GROUP, GROUPS, GROUP_OF } from '../../domain/registry';

/**
 * Awaited before a workspace's later groups apply what they read, in the background after the
 * first page: seconds of Yjs work and the garbage it leaves. The UI holds it back while the user
 * types or scrolls (ui/shared/input-quiet.ts), so the first keystrokes in a list's find never
 * share the main thread with it; a page that needs a group loads it at once.
 */
let backgroundTurn: () => Promise<void> = () => Promise.resolve();
export function setBackgroundTurn(turn: () => Promise<void>): void {
  backgroundTurn = turn;
}

/**
 * Name of the IndexedDB database that holds one document group of a workspace (the core group
 * keeps the name it had when a workspace was one document).
 */
export function docDbName(workspaceId: string, group = CORE_GROUP): string {
  return group === CORE_GROUP ? `keyuan-ws-${workspaceId}` : `keyuan-ws-${workspaceId}@${group}`;
}

/**
 * One open workspace: its Yjs documents (the truth) — one per document group (domain/registry.ts
 * GROUPS: `core` for settings, people, customers and sales; large busy collections such as
 * activities and service in documents of their own, each persisted and synced on its own) — their
 * IndexedDB persistence and typed collections. Who is acting is set by the UI after the identity
 * is known.
 */
export class Workspace {
  /** The core group's document: meta (schema version), settings, people, customers, sales. */
  readonly doc: Y.Doc;
  /** Every group's document, core first. */
  readonly docs: ReadonlyMap<string, Y.Doc>;
  readonly clock: Clock;
  private collections = new Map<string, Collection>();
  private stores = new Map<string, DocStore>();
  /** Id of the user this device acts as; stamped on every write. */
  actorId = '';
  /** False when the document was written by a newer build (opened read-only). */
  compatible = true;
  /**
   * Opened read-only on purpose (a teacher's copy of a group's workspace, 班级看板): every write
   * — a record, a merge write-back, a migration, the change log — is refused by the store
   * (`ReadOnlyError`), whatever the page does. Received updates still apply and are stored.
   */
  readOnly = false;
  /** Moves what older builds wrote in the core document to the groups (store/core/bridge.ts). */
  readonly bridge: Bridge;

  /**
   * Every known collection is attached before any data arrives: its observer must see every
   * remote transaction (to merge concurrent versions and to advance the clock), even for
   * collections no page has asked for yet.
   */
  constructor(readonly id: string, docs?: Y.Doc | ReadonlyMap<string, Y.Doc>, names: string[] = ALL_COLLECTIONS) {
    const given = docs instanceof Y.Doc ? new Map([[CORE_GROUP, docs]]) : docs ?? new Map<string, Y.Doc>();
    this.docs = new Map(GROUPS.map((g) => [g, given.get(g) ?? new Y.Doc()]));
    this.doc = this.docs.get(CORE_GROUP)!;
    this.clock = new Clock(() => this.doc.clientID);
    for (const n of names) this.collection(n);
    this.bridge = new Bridge(this);
    this.bridge.active = true;
  }

  /**
   * Store a peer's update to one group's document as received (it was applied without the
   * listeners, store/core/unencoded.ts); only for a group that `persists`.
   */
  storeReceived(group: string, update: Uint8Array): void {
    this.stores.get(group)?.storeReceived(update);
  }

  /** Whether a group's updates are stored on this device (a workspace opened from IndexedDB). */
  persists(group: string): boolean {
    return this.stores.has(group);
  }

  /** The document that stores a collection. */
  docOf(collection: string): Y.Doc {
    return this.docs.get(GROUP_OF[collection] ?? CORE_GROUP)!;
  }

  /**
   * Open the persisted documents. Resolves once the core group is loaded (every page needs it,
   * and it holds the schema version); the other groups load right after, one by one (`loaded`,
   * `isLoaded`, `onLoaded`). Every group's database is attached first, so nothing written to a
   * group before it has loaded is missed.
   */
  static async open(id: string, opts: { readOnly?: boolean | Promise<boolean> } = {}): Promise<Workspace> {
    // performance marks let `npm run bench` break a cold open down; they cost nothing measurable
    performance.mark('keyuan:open-start');
    const ws = new Workspace(id);
    ws.bridge.active = false;
    ws.pending = new Set(ws.docs.keys());
    // read-only before anything loads: not even a merge of rival versions in the stored rows is written
    const [stores, readOnly] = await Promise.all([
      Promise.all([...ws.docs].map(([g, doc]) => DocStore.attach(docDbName(id, g), doc))), opts.readOnly ?? false,
    ]);
    ws.readOnly = readOnly;
    [...ws.docs.keys()].forEach((g, i) => ws.stores.set(g, stores[i]));
    await ws.loadGroup(CORE_GROUP);
    performance.mark('keyuan:doc-loaded');
    ws.compatible = migrate(ws.doc);
    ws.loaded = (async () => {
      // after the caller has shown its first page: a large group's load is seconds of Yjs work
      await new Promise((r) => setTimeout(r, 0));
      for (const g of ws.docs.keys()) await ws.loadGroup(g, backgroundTurn);
      ws.bridge.active = ws.compatible && !ws.readOnly;
    })().catch((e: unknown) => console.error('[keyuan] a document group could not be loaded', e));
    return ws;
  }

  /** Groups whose stored state is not loaded yet (none for a workspace made in memory). */
  private pending = new Set<string>();
  private loadListeners = new Set<(group: string) => void>();
  /** Resolves once every group's stored state is loaded. */
  loaded: Promise<void> = Promise.resolve();

  private async loadGroup(group: string, beforeApply?: () => Promise<void>): Promise<void> {
    if (!this.pending.has(group)) return;
    await this.stores.get(group)!.loaded(beforeApply);
    this.pending.delete(group);
    for (const fn of this.loadListeners) fn(group);
  }

  /** Whether the stored records of this collection's group are loaded (a list shows "loading" until then). */
  isLoaded(collection: string): boolean {
    return !this.pending.has(GROUP_OF[collection] ?? CORE_GROUP);
  }

  /** Called with each group as its stored state finishes loading. */
  onLoaded(fn: (group: string) => void): () => void {
    this.loadListeners.add(fn);
    return () => this.loadListeners.delete(fn);
  }

  /** Updates written to the documents that IndexedDB has not committed yet (the page warns before unloading). */
  get pendingWrites(): number {
    let n = 0;
    for (const s of this.stores.values()) n += s.pendingWrites;
    return n;
  }

  /**
   * Resolves once everything written so far is committed to IndexedDB (a save waits for it
   * before the form closes); rejects when an update could not be stored. After such a failure
   * the whole document is stored again, so a later call resolves once IndexedDB accepts writes.
   */
  async flushed(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.flushed()));
  }

  collection<T extends BaseRecord = BaseRecord>(name: string): Collection<T> {
    let c = this.collections.get(name);
    if (!c) {
      c = new Collection(name, { doc: this.docOf(name), clock: this.clock, actor: () => this.actorId, readOnly: () => this.readOnly });
      this.collections.set(name, c);
    }
    return c as unknown as Collection<T>;
  }

  /**
   * Run writes as one transaction in every document group: peers and persistence see all of a
   * group's writes or none (writes to two groups — a customer and its activities sent to the bin
   * together — are two updates, each whole).
   */
  transact<R>(fn: () => R, origin: unknown = 'keyuan:local'): R {
    if (this.readOnly) throw new ReadOnlyError();
    let out!: R;
    const docs = [...this.docs.values()];
    const run = (i: number): void => {
      if (i === docs.length) out = fn();
      else docs[i].transact(() => run(i + 1), origin);
    };
    run(0);
    return out;
  }

  get meta(): Y.Map<unknown> {
    return this.doc.getMap('meta');
  }

  /** Persist everything now (after bulk writes) and close. */
  async close(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.close()));
    for (const d of this.docs.values()) d.destroy();
  }

  /** Remove the local copy of the documents from this device. */
  async clearLocal(): Promise<void> {
    await Promise.all([...this.stores.values()].map((s) => s.clear()));
    for (const d of this.docs.values()) d.destroy();
  }
}
