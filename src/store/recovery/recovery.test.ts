import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ALL_COLLECTIONS } from '../../domain/registry';
import { purgeKnowledge } from '../../domain/core/merge';
import { decodeRecord, encodeRecord } from '../core/codec';
import { LocalDb } from '../core/local-db';
import { purgedMapName } from '../core/collection';
import type { Workspace } from '../core/workspace';
import { both, peer, sync } from '../core/test-peers';
import { createWorkspace } from '../org/setup';
import { exportFull, importFile } from '../sync/file';
import { HistoryLog } from '../sync/history';
import { RecoveryWatch } from './watch';
import { DAILY_KEEP, EVENT_KEEP, PART_BYTES, listPoints, loadPoint, packRecords, prunePoints, saveEventPoint, takeDailyPoint, unpackRecords } from './points';
import { diffSnapshot, restoreRecords, snapshotFromFile } from './restore';

let n = 0;
const dbs: LocalDb[] = [];
const watches: RecoveryWatch[] = [];
function freshDb(): LocalDb {
  const db = new LocalDb(`recovery-test-${n++}`);
  dbs.push(db);
  return db;
}
function watch(ws: Workspace, db: LocalDb): RecoveryWatch {
  const w = new RecoveryWatch(ws, { collections: ALL_COLLECTIONS, db });
  watches.push(w);
  return w;
}
afterEach(async () => {
  watches.splice(0).forEach((w) => w.stop());
  for (const db of dbs.splice(0)) { db.close(); await db.delete(); }
});

const YEAR = 365 * 86_400_000;

/** A hostile peer: a raw Yjs document with everything `victim` has, changed by `act`; returns only its change. */
function hostile(victim: Workspace, act: (doc: Y.Doc) => void): Uint8Array {
  const h = new Y.Doc();
  Y.applyUpdate(h, Y.encodeStateAsUpdate(victim.doc));
  const sv = Y.encodeStateVector(h);
  act(h);
  return Y.encodeStateAsUpdate(h, sv);
}

/** Forged purge tombstones that claim to know every field (a year ahead), and the keys deleted. */
function forgeTombstones(collection: string, by = 'evil') {
  return (h: Y.Doc) => {
    const map = h.getMap<unknown>(collection);
    const purged = h.getMap<unknown>(purgedMapName(collection));
    const future: [number, number] = [Date.now() + YEAR, h.clientID];
    h.transact(() => {
      for (const [id, raw] of [...map.entries()]) {
        const rec = decodeRecord(raw)!;
        purged.set(id, { k: Object.fromEntries(Object.keys(purgeKnowledge(rec)).map((f) => [f, future])), u: by, s: [Date.now(), h.clientID], bin: false });
        map.delete(id);
      }
    });
  };
}

/** Every record rewritten with its fields gone, stamped a year ahead. */
function forgeEmpty(collection: string, by = 'evil') {
  return (h: Y.Doc) => {
    const map = h.getMap<unknown>(collection);
    const future: [number, number] = [Date.now() + YEAR, h.clientID];
    h.transact(() => {
      for (const [id, raw] of [...map.entries()]) {
        const rec = decodeRecord(raw)!;
        const stamps = Object.fromEntries(Object.keys(rec).filter((f) => !['id', '_c', '_s', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'].includes(f)).map((f) => [f, future]));
        map.set(id, encodeRecord({ id, _c: rec._c, createdAt: 0, createdBy: rec.createdBy, updatedAt: 0, updatedBy: by, _s: stamps } as never));
      }
    });
  };
}

function group(): { a: Workspace; b: Workspace } {
  const a = peer('ua');
  const b = peer('ub');
  a.transact(() => {
    a.collection('users').create({ name: '王老师' }, 'ua');
    for (let i = 1; i <= 6; i++) a.collection('customers').create({ code: `KH${i}`, name: `客户${i}`, phone: `0571-${i}` });
  });
  both(a, b);
  return { a, b };
}

const names = (ws: Workspace) => ws.collection('customers').live().map((c) => c.name).sort();
const SIX = ['客户1', '客户2', '客户3', '客户4', '客户5', '客户6'];

describe('recovery from a peer\'s damage', () => {
  it('the finding: forged tombstones empty every peer, and a backup import brings back nothing', async () => {
    const { entry, ws: a } = await createWorkspace('组R', '王老师');
    for (let i = 1; i <= 6; i++) a.collection('customers').create({ code: `KH${i}`, name: `客户${i}` });
    const backup = await exportFull(a, entry, '王老师');
    Y.applyUpdate(a.doc, hostile(a, forgeTombstones('customers')), 'remote');
    expect(a.collection('customers').all()).toEqual([]);
    expect(importFile(a, entry, backup).changed).toBe(0);
    expect(a.collection('customers').all()).toEqual([]);
    // restoring from the same backup as records brings them back, as new writes
    const { snapshot } = snapshotFromFile(backup, entry, ALL_COLLECTIONS);
    const diffs = diffSnapshot(a, snapshot);
    expect(diffs.map((d) => [d.collection, d.missing.length, d.changed.length])).toEqual([['customers', 6, 0]]);
    expect(restoreRecords(a, diffs, [{ collection: 'customers', missing: true, changed: true }], { kind: 'file', at: 1, from: '王老师' })).toEqual({ customers: 6 });
    expect(a.collection('customers').live()).toHaveLength(6);
    expect(new HistoryLog(a.doc).entries().some((e) => e.e === 'recovery.restoredFile' && e.p?.n === 6)).toBe(true);
    await a.close();
  });

  it('a raw delete (no tombstone) is healed by the merge: no restore point, no warning', async () => {
    const db = freshDb();
    const { a, b } = group();
    const w = watch(a, db);
    const wipe = hostile(a, (h) => { const m = h.getMap('customers'); h.transact(() => [...m.keys()].forEach((k) => m.delete(k))); });
    Y.applyUpdate(a.doc, wipe, 'remote');
    Y.applyUpdate(b.doc, wipe, 'remote');
    both(a, b);
    expect(names(a)).toEqual(SIX);
    expect(names(b)).toEqual(SIX);
    await w.settled();
    expect(await listPoints(a.id, db)).toEqual([]);
  });

  it('a document received whole keeps a key deleted in its history deleted (only a delete of what shows here is healed)', () => {
    const old = new Y.Doc();
    const map = old.getMap<unknown>('customers');
    map.set('x', encodeRecord({ id: 'x', _c: [1, 1], createdAt: 1, createdBy: 'u', updatedAt: 1, updatedBy: 'u', name: '旧' } as never));
    map.delete('x'); // an old build's purge: no tombstone
    const fresh = peer('uf');
    Y.applyUpdate(fresh.doc, Y.encodeStateAsUpdate(old), 'remote');
    expect(fresh.collection('customers').all()).toEqual([]);
    expect(fresh.doc.getMap('customers').size).toBe(0);
  });

  it('forged tombstones: a restore point with the previous versions and who did it; restoring wins on every peer, for good', async () => {
    const db = freshDb();
    const { a, b } = group();
    const w = watch(a, db);
    const seen: string[] = [];
    w.onPoint((p) => seen.push(p.id));
    const wipe = hostile(a, forgeTombstones('customers', 'evil'));
    Y.applyUpdate(a.doc, wipe, 'remote');
    Y.applyUpdate(b.doc, wipe, 'remote');
    expect(names(a)).toEqual([]);
    expect(names(b)).toEqual([]);
    await w.settled();
    const [point] = await listPoints(a.id, db);
    expect(point).toMatchObject({ kind: 'event', by: ['evil'], warn: true, collections: { customers: { records: 6, purged: 6, purgedLive: 6 } } });
    expect(seen).toEqual([point.id]);
    const snap = await loadPoint(point.id, db);
    expect(snap.get('customers')!.map((c) => c.name).sort()).toEqual(SIX);
    const diffs = diffSnapshot(a, snap);
    expect(diffs).toHaveLength(1);
    expect(diffs[0].missing).toHaveLength(6);
    restoreRecords(a, diffs, [{ collection: 'customers', missing: true, changed: true }], { kind: 'point', at: point.at });
    expect(names(a)).toEqual(SIX);
    expect(a.collection('customers').purged.size).toBe(0);
    both(a, b);
    expect(names(b)).toEqual(SIX);
    // the damage sent again changes nothing, on either peer
    Y.applyUpdate(a.doc, wipe, 'remote');
    Y.applyUpdate(b.doc, wipe, 'remote');
    both(a, b);
    expect(names(a)).toEqual(SIX);
    expect(names(b)).toEqual(SIX);
    // a peer that gets the damage and the restore together (it was offline) shows the records
    const c = peer('uc');
    Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(a.doc), 'remote');
    expect(names(c)).toEqual(SIX);
    // restoring wrote no event point of its own (a local write), and the restore is in the log
    await w.settled();
    expect((await listPoints(a.id, db)).map((p) => p.id)).toEqual([point.id]);
    expect(new HistoryLog(b.doc).entries().some((e) => e.e === 'recovery.restoredPoint')).toBe(true);
  });

  it('fields emptied with stamps a year ahead: restored by updates that go after them, and they stay', async () => {
    const db = freshDb();
    const { a, b } = group();
    const w = watch(a, db);
    const damage = hostile(a, forgeEmpty('customers'));
    Y.applyUpdate(a.doc, damage, 'remote');
    sync(a, b);
    expect(names(a).every((x) => x === undefined)).toBe(true);
    await w.settled();
    const [point] = await listPoints(a.id, db);
    expect(point).toMatchObject({ by: ['evil'], warn: true, collections: { customers: { records: 6, emptied: 6 } } });
    const diffs = diffSnapshot(a, await loadPoint(point.id, db));
    expect(diffs[0].changed.map((c) => c.fields.sort())).toEqual(Array(6).fill(['code', 'name', 'phone']));
    restoreRecords(a, diffs, [{ collection: 'customers', missing: true, changed: true }], { kind: 'point', at: point.at });
    expect(names(a)).toEqual(SIX);
    Y.applyUpdate(b.doc, damage, 'remote');
    both(a, b);
    Y.applyUpdate(a.doc, damage, 'remote');
    expect(names(a)).toEqual(SIX);
    expect(names(b)).toEqual(SIX);
    expect(a.collection('customers').live().map((c) => c.phone).sort()).toEqual(['0571-1', '0571-2', '0571-3', '0571-4', '0571-5', '0571-6']);
  });

  it('many records binned by a peer warn; records binned with their parent and quote lines do not; purges from the bin warn nobody', async () => {
    const db = freshDb();
    const { a, b } = group();
    const w = watch(a, db);
    // B moves all six customers to the bin at once
    b.actorId = 'ub';
    b.transact(() => b.collection('customers').live().forEach((c) => b.collection('customers').remove(c.id)));
    sync(b, a);
    await w.settled();
    let points = await listPoints(a.id, db);
    expect(points).toHaveLength(1);
    expect(points[0]).toMatchObject({ by: ['ub'], warn: true, collections: { customers: { binned: 6 } } });
    // B bins one customer with its six contacts (one cascade): kept, but no warning
    const cust = b.collection('customers').create({ code: 'KH9', name: '带联系人的客户' });
    b.transact(() => { for (let i = 0; i < 6; i++) b.collection('contacts').create({ name: `联系人${i}`, customerId: cust.id }); });
    sync(b, a);
    b.transact(() => {
      b.collection('customers').update(cust.id, { deleted: true });
      b.collection('contacts').live().forEach((c) => b.collection('contacts').update(c.id, { deleted: true, deletedWith: cust.id }));
    });
    sync(b, a);
    await w.settled();
    points = await listPoints(a.id, db);
    expect(points).toHaveLength(2);
    expect(points[0]).toMatchObject({ warn: false, collections: { contacts: { binned: 6 } } });
    // B drops six lines of a quote in its editor (rows are binned): kept, no warning
    const quote = b.collection('quotes').create({ code: 'BJ1' });
    b.transact(() => { for (let i = 0; i < 6; i++) b.collection('quoteLines').create({ quoteId: quote.id, seq: i, qty: 1 }); });
    sync(b, a);
    b.transact(() => b.collection('quoteLines').live().forEach((l) => b.collection('quoteLines').remove(l.id)));
    sync(b, a);
    await w.settled();
    points = await listPoints(a.id, db);
    expect(points).toHaveLength(3);
    expect(points[0]).toMatchObject({ warn: false, collections: { quoteLines: { binned: 6 } } });
    // B empties the bin of two customers: below the threshold and from the bin, nothing is kept
    b.transact(() => b.collection('customers').bin().slice(0, 2).forEach((c) => b.collection('customers').purge(c.id)));
    sync(b, a);
    await w.settled();
    expect(await listPoints(a.id, db)).toHaveLength(3);
    // a single live record purged by another user warns
    const one = a.collection('customers').create({ code: 'KH10', name: '单个' });
    sync(a, b);
    b.collection('customers').purge(one.id);
    sync(b, a);
    await w.settled();
    points = await listPoints(a.id, db);
    expect(points[0]).toMatchObject({ warn: true, by: ['ub'], collections: { customers: { records: 1, purgedLive: 1 } } });
  });

  it('restores only what is picked: missing records without reverting later edits', async () => {
    const db = freshDb();
    const { a, b } = group();
    const daily = await takeDailyPoint(a, ALL_COLLECTIONS, db);
    expect(daily!.collections.customers.records).toBe(6);
    const ids = a.collection('customers').live().map((c) => c.id);
    a.collection('customers').update(ids[0], { phone: 'edited later' });
    b.actorId = 'ub';
    b.transact(() => ids.slice(1, 3).forEach((id) => { b.collection('customers').remove(id); b.collection('customers').purge(id); }));
    sync(b, a);
    const diffs = diffSnapshot(a, await loadPoint(daily!.id, db));
    const cust = diffs.find((d) => d.collection === 'customers')!;
    expect(cust.missing.map((r) => r.id).sort()).toEqual(ids.slice(1, 3).sort());
    expect(cust.changed.map((c) => [c.before.id, c.fields])).toEqual([[ids[0], ['phone']]]);
    expect(restoreRecords(a, diffs, [{ collection: 'customers', missing: true, changed: false }], { kind: 'point', at: daily!.at })).toEqual({ customers: 2 });
    expect(a.collection('customers').get(ids[0])?.phone).toBe('edited later');
    expect(names(a)).toEqual(SIX);
  });

  it('daily points: one a day, all records, pruned to the last two; event points to the last ten', async () => {
    const db = freshDb();
    const { a } = group();
    const day = 86_400_000;
    const t0 = new Date(2026, 11, 1, 9).getTime();
    expect(await takeDailyPoint(a, ALL_COLLECTIONS, db, t0)).toBeDefined();
    expect(await takeDailyPoint(a, ALL_COLLECTIONS, db, t0 + 3_600_000)).toBeUndefined();
    await takeDailyPoint(a, ALL_COLLECTIONS, db, t0 + day);
    await takeDailyPoint(a, ALL_COLLECTIONS, db, t0 + 2 * day);
    const dailies = (await listPoints(a.id, db)).filter((p) => p.kind === 'daily');
    expect(dailies.map((p) => p.day)).toEqual(['2026-12-03', '2026-12-02']);
    expect(DAILY_KEEP).toBe(2);
    const snap = await loadPoint(dailies[0].id, db);
    expect(snap.get('customers')!.map((c) => c.name).sort()).toEqual(SIX);
    expect(snap.get('users')!.map((u) => u.name)).toEqual(['王老师']);
    const rec = a.collection('customers').live()[0];
    for (let i = 0; i < 12; i++) await saveEventPoint({ id: `e${i}`, workspaceId: a.id, at: t0 + i, collections: { customers: { records: 1 } }, by: [] }, new Map([['customers', [rec]]]), db);
    await prunePoints(a.id, db);
    const events = (await listPoints(a.id, db)).filter((p) => p.kind === 'event');
    expect(events.map((p) => p.id)).toEqual(['e11', 'e10', 'e9', 'e8', 'e7', 'e6', 'e5', 'e4', 'e3', 'e2']);
    expect(EVENT_KEEP).toBe(10);
    // the parts of pruned points are gone too
    expect(await db.restoreParts.where('pointId').anyOf(['e0', 'e1']).count()).toBe(0);
    expect(await db.restoreParts.count()).toBe(dailies[0].parts + dailies[1].parts + 10);
  });

  it('records are split into parts under 16 MiB; garbage costs one line, not the part', async () => {
    const rec = (i: number) => encodeRecord({ id: `r${i}`, _c: [1, 1], createdAt: 1, createdBy: 'u', updatedAt: 1, updatedBy: 'u', name: `客户${i}`, note: 'x'.repeat(2000) } as never);
    const values = Array.from({ length: 9000 }, (_, i) => rec(i));
    values.splice(5, 0, new TextEncoder().encode('{not json'));
    const parts = packRecords(values);
    expect(parts.length).toBe(2);
    expect(parts.every((p) => p.length <= PART_BYTES)).toBe(true);
    const back = parts.flatMap(unpackRecords);
    expect(back).toHaveLength(9000);
    expect(back[8999].name).toBe('客户8999');
    // stored and read back through IndexedDB (compressed)
    const db = freshDb();
    const ws = peer('u');
    ws.transact(() => values.forEach((v, i) => i !== 5 && ws.collection('customers').map.set(`r${i > 5 ? i - 1 : i}`, v)));
    const p = await takeDailyPoint(ws, ['customers'], db);
    expect(p!.parts).toBe(2);
    expect(p!.bytes).toBeLessThan(1_000_000);
    expect((await loadPoint(p!.id, db)).get('customers')).toHaveLength(9000);
  }, 60_000);
});
