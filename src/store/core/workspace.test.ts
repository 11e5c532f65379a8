import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace, docDbName } from './workspace';
import { applyAndStore } from './unencoded';

/** What the workspace's IndexedDB database holds now, read through a connection of its own. */
async function stored(id: string): Promise<Workspace> {
  const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(docDbName(id)); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
  const updates = await new Promise<Uint8Array[]>((res, rej) => {
    const r = db.transaction('updates', 'readonly').objectStore('updates').getAll();
    r.onsuccess = () => res(r.result as Uint8Array[]); r.onerror = () => rej(r.error);
  });
  db.close();
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return new Workspace(`${id}-copy`, doc);
}

const realAdd = IDBObjectStore.prototype.add;
const realTransaction = IDBDatabase.prototype.transaction;
afterEach(() => { IDBObjectStore.prototype.add = realAdd; IDBDatabase.prototype.transaction = realTransaction; });

describe('Workspace.flushed: a write is known to be in IndexedDB', () => {
  it('resolves at once when nothing is pending, and for a workspace without persistence', async () => {
    const ws = await Workspace.open('flush-idle');
    await ws.flushed(); // what opening wrote (the schema version)
    expect(ws.pendingWrites).toBe(0);
    let done = false;
    void ws.flushed().then(() => { done = true; });
    await Promise.resolve(); await Promise.resolve(); await Promise.resolve(); // no IndexedDB round trip
    expect(done).toBe(true);
    const bare = new Workspace('flush-bare');
    bare.collection('customers').create({ name: '甲' });
    expect(bare.pendingWrites).toBe(0);
    await bare.flushed();
    await ws.close();
  });

  it('counts every transaction in flight and resolves only after the last one has committed', async () => {
    const ws = await Workspace.open('flush-order');
    await ws.loaded; // the other groups' loads are reads: not counted here
    await ws.flushed();
    const log: string[] = [];
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      const tx = realTransaction.apply(this, args);
      tx.addEventListener('complete', () => log.push('committed'));
      return tx;
    } as IDBDatabase['transaction'];
    const customers = ws.collection('customers');
    const a = ws.transact(() => customers.create({ code: 'KH1', name: '华东机械' }));
    ws.transact(() => customers.create({ code: 'KH2', name: '华南贸易' }));
    ws.transact(() => customers.update(a.id, { name: '华东机械集团' }));
    expect(ws.pendingWrites).toBe(3);
    await ws.flushed().then(() => log.push('flushed'));
    expect(log).toEqual(['committed', 'committed', 'committed', 'flushed']);
    expect(ws.pendingWrites).toBe(0);
    // on disk without closing the workspace (a killed browser never closes it)
    const copy = await stored('flush-order');
    expect(copy.collection('customers').live().map((r) => r.name).sort()).toEqual(['华南贸易', '华东机械集团'].sort());
    await ws.close();
  });

  it('rejects when an update could not be stored, then stores the whole document again', async () => {
    const ws = await Workspace.open('flush-fail');
    const customers = ws.collection('customers');
    ws.transact(() => customers.create({ code: 'KH1', name: '先存好的' }));
    await ws.flushed();
    IDBObjectStore.prototype.add = function () { throw new DOMException('disk full', 'QuotaExceededError'); };
    ws.transact(() => customers.create({ code: 'KH2', name: '没存上的' }));
    await expect(ws.flushed()).rejects.toThrow('disk full');
    expect(ws.pendingWrites).toBe(0);
    expect((await stored('flush-fail')).collection('customers').live().map((r) => r.name)).toEqual(['先存好的']);
    // space again: the next flushed() repairs the copy on disk
    IDBObjectStore.prototype.add = realAdd;
    await ws.flushed();
    expect((await stored('flush-fail')).collection('customers').live().map((r) => r.name).sort()).toEqual(['先存好的', '没存上的'].sort());
    await ws.close();
    const again = await Workspace.open('flush-fail');
    expect(again.collection('customers').live()).toHaveLength(2);
    await again.close();
  });
});

describe('Workspace.open: core first, the other groups right after', () => {
  it('a write to a group before it has loaded is stored and merged with what was stored', async () => {
    const first = await Workspace.open('early-write');
    await first.loaded;
    first.actorId = 'u1';
    first.transact(() => first.collection('activities').create({ subject: '拜访', ownerId: 'u1' }, 'a1'));
    await first.close();

    const ws = await Workspace.open('early-write');
    ws.actorId = 'u1';
    expect(ws.isLoaded('customers')).toBe(true);
    expect(ws.isLoaded('activities')).toBe(false);
    const seen: string[] = [];
    ws.onLoaded((g) => seen.push(g));
    ws.transact(() => ws.collection('activities').create({ subject: '电话', ownerId: 'u1' }, 'a2'));
    await ws.loaded;
    expect(seen).toEqual(['activities', 'service', 'orders']);
    expect(ws.collection('activities').live().map((a) => a.subject).sort()).toEqual(['拜访', '电话'].sort());
    await ws.close();

    const again = await Workspace.open('early-write');
    await again.loaded;
    expect(again.collection('activities').live().map((a) => a.subject).sort()).toEqual(['拜访', '电话'].sort());
    await again.close();
  });
});

describe('a peer update stored as received (a join, store/core/unencoded.ts)', () => {
  it('survives a reopen with the merge write-back it caused, and later edits are stored as usual', async () => {
    const peer = new Workspace('peer');
    peer.transact(() => { for (let i = 0; i < 400; i++) peer.collection('customers').create({ code: `KH${i}`, name: `客户 ${i}`, notes: 'x'.repeat(200) }, `c${i}`); });
    const update = Y.encodeStateAsUpdate(peer.doc);
    const ws = await Workspace.open('received-raw');
    let writeBacks = 0;
    ws.doc.on('update', (_u: Uint8Array, origin: unknown) => { if (origin !== 'peer') writeBacks++; });
    applyAndStore(ws.doc, () => Y.applyUpdate(ws.doc, update, 'peer'), (tx) => tx.origin === 'peer', update, (u) => ws.storeReceived('core', u));
    ws.collection('customers').update('c1', { name: '改过的客户' });
    await ws.flushed();
    expect(writeBacks).toBeGreaterThan(0); // the edit at least; the received transaction was not encoded
    await ws.close();
    const again = await Workspace.open('received-raw');
    expect(again.collection('customers').size).toBe(400);
    expect(again.collection('customers').get('c1')?.name).toBe('改过的客户');
    expect(again.collection('customers').get('c399')?.code).toBe('KH399');
    await again.close();
  });
});
