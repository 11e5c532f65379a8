import 'fake-indexeddb/auto';
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { DocStore, COMPACT_AFTER } from './persistence';

/* The document in IndexedDB in values that fit: large updates as parts, written all or nothing. */

const PART = 1024; // tiny parts, so a few records make a "large" update here
let n = 0;
const dbName = () => `persist-test-${n++}`;

/** All stored rows (key, value). */
async function rows(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const all = await new Promise<unknown[]>((res) => { const q = db.transaction(['updates']).objectStore('updates').getAll(); q.onsuccess = () => res(q.result); });
  db.close();
  return all;
}

function fill(doc: Y.Doc, count: number, prefix = 'r'): void {
  doc.transact(() => { for (let i = 0; i < count; i++) doc.getMap('customers').set(`${prefix}${i}`, `客户 ${prefix}${i} `.repeat(5)); });
}

describe('DocStore', () => {
  it('stores what the document writes while rows load (a merge write-back), so later edits survive a reload', async () => {
    const name = dbName();
    const peer = new Y.Doc();
    peer.getMap('customers').set('c1', 'from a peer');
    const first = new Y.Doc();
    const s1 = await DocStore.open(name, first);
    Y.applyUpdate(first, Y.encodeStateAsUpdate(peer)); // a peer's update, stored as received
    await s1.flushed();
    await s1.close();
    // the next open: an observer answers the loaded rows with a write of its own, as the merge does
    const doc = new Y.Doc();
    doc.getMap('customers').observe((e) => { if (!e.transaction.local) doc.transact(() => doc.getMap('customers').set('c1', 'merged'), 'keyuan:merge'); });
    const s2 = await DocStore.open(name, doc);
    expect(doc.getMap('customers').get('c1')).toBe('merged');
    doc.getMap('customers').set('c2', 'edited after the load');
    await s2.flushed();
    await s2.close();
    const again = new Y.Doc();
    const s3 = await DocStore.open(name, again);
    expect(again.getMap('customers').toJSON()).toEqual({ c1: 'merged', c2: 'edited after the load' });
    await s3.close();
  });

  it('stores an update larger than a part as parts and reads it back whole', async () => {
    const name = dbName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, PART);
    fill(doc, 200);
    await store.flushed();
    const stored = await rows(name);
    expect(stored.length).toBeGreaterThan(3);
    expect(stored.every((r) => (r instanceof Uint8Array ? r.length : (r as { b: Uint8Array }).b.length) <= PART)).toBe(true);
    await store.close();
    const again = new Y.Doc();
    const reopened = await DocStore.open(name, again, PART);
    expect(again.getMap('customers').size).toBe(200);
    expect(reopened.damaged).toBe(0);
    await reopened.close();
  });

  it('a background load waits for its turn before reading and before applying; closed meanwhile, it stops quietly', async () => {
    const name = dbName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, PART);
    fill(doc, 20);
    await store.close();
    // loads after its turn (twice: before the rows are read, before they are applied)
    const later = new Y.Doc();
    const waiting = await DocStore.attach(name, later, PART);
    let turns = 0;
    await waiting.loaded(async () => { turns++; });
    expect(turns).toBe(2);
    expect(later.getMap('customers').size).toBe(20);
    await waiting.close();
    // the workspace is closed while its group waits: no read on the closed database, no error
    const closing = await DocStore.attach(name, new Y.Doc(), PART);
    let go!: () => void;
    const load = closing.loaded(() => new Promise<void>((r) => { go = r; }));
    await closing.close();
    go();
    await expect(load).resolves.toBeUndefined();
  });

  it('compacts many rows into the document state, in parts, and loses nothing', async () => {
    const name = dbName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, PART);
    for (let i = 0; i < COMPACT_AFTER + 10; i++) doc.getMap('customers').set(`k${i}`, i);
    await store.flushed();
    await store.compact();
    const stored = await rows(name);
    expect(stored.length).toBeLessThan(20);
    await store.close();
    const again = new Y.Doc();
    await (await DocStore.open(name, again, PART)).close();
    expect(again.getMap('customers').size).toBe(COMPACT_AFTER + 10);
  });

  it('compaction keeps rows another tab wrote that this one never saw', async () => {
    const name = dbName();
    const a = new Y.Doc();
    const b = new Y.Doc();
    const sa = await DocStore.open(name, a, PART);
    const sb = await DocStore.open(name, b, PART);
    fill(a, 50, 'a');
    fill(b, 50, 'b');
    await Promise.all([sa.flushed(), sb.flushed()]);
    await sa.compact(); // A never received B's records over the channel
    await sa.close(); await sb.close();
    const again = new Y.Doc();
    await (await DocStore.open(name, again, PART)).close();
    expect(again.getMap('customers').size).toBe(100);
  });

  it('opens what y-indexeddb wrote', async () => {
    const name = dbName();
    const doc = new Y.Doc();
    const old = new IndexeddbPersistence(name, doc);
    await old.whenSynced;
    fill(doc, 20);
    await new Promise((r) => setTimeout(r, 50));
    await old.destroy();
    const again = new Y.Doc();
    await (await DocStore.open(name, again, PART)).close();
    expect(again.getMap('customers').size).toBe(20);
  });

  it('an update whose parts were not all written is counted as damaged, never applied half', async () => {
    const name = dbName();
    const doc = new Y.Doc();
    const store = await DocStore.open(name, doc, PART);
    fill(doc, 10, 'ok');
    await store.close();
    // a stray first part of a three-part update (only a broken write could leave it)
    const db = await new Promise<IDBDatabase>((res) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); });
    await new Promise((res) => { const tx = db.transaction(['updates'], 'readwrite'); tx.objectStore('updates').add({ i: 0, n: 3, b: new Uint8Array(10) }); tx.oncomplete = res; });
    db.close();
    const again = new Y.Doc();
    const reopened = await DocStore.open(name, again, PART);
    expect(reopened.damaged).toBe(1);
    expect(again.getMap('customers').size).toBe(10);
    await reopened.close();
  });
});
