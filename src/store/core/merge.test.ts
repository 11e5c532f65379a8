import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { both, peer, sync } from './test-peers';
import { encodeRecord } from './codec';
import { MAX_SKEW_MS } from './clock';
import { futureStamps } from '../../domain/core/merge';

describe('per-field merge of concurrent offline edits', () => {
  it('keeps both edits to different fields of one customer, in both directions', () => {
    const a = peer('alice');
    const b = peer('bob');
    const cust = a.collection('customers').create({ code: 'C001', name: '华东机械', phone: '021-1111', region: 'east' });
    both(a, b);
    expect(b.collection('customers').get(cust.id)?.name).toBe('华东机械');

    // apart: Alice renames, Bob changes the phone and the region
    a.collection('customers').update(cust.id, { name: '华东机械集团' });
    b.collection('customers').update(cust.id, { phone: '021-2222', region: 'north' });

    both(a, b);
    for (const p of [a, b]) {
      const r = p.collection('customers').get(cust.id)!;
      expect(r.name).toBe('华东机械集团');
      expect(r.phone).toBe('021-2222');
      expect(r.region).toBe('north');
    }
    expect(a.collection('customers').get(cust.id)).toEqual(b.collection('customers').get(cust.id));
  });

  it('merges when only one side delivers (the winner never saw the loser become visible)', () => {
    for (let i = 0; i < 20; i++) {
      const a = peer('alice');
      const b = peer('bob');
      const id = a.collection('customers').create({ name: 'X', phone: '1', notes: 'n' }).id;
      both(a, b);
      a.collection('customers').update(id, { name: 'X2' });
      b.collection('customers').update(id, { notes: 'n2' });
      sync(a, b); // B receives A's version; whichever wins, B must hold both edits
      const r = b.collection('customers').get(id)!;
      expect([r.name, r.notes]).toEqual(['X2', 'n2']);
    }
  });

  it('picks one deterministic winner for the same field and converges', () => {
    const a = peer('alice');
    const b = peer('bob');
    const id = a.collection('customers').create({ name: 'X' }).id;
    both(a, b);
    a.collection('customers').update(id, { name: 'A' });
    b.collection('customers').update(id, { name: 'B' });
    both(a, b);
    expect(a.collection('customers').get(id)?.name).toBe(b.collection('customers').get(id)?.name);
  });

  it('three peers apart converge with every field edit kept', () => {
    const ps = [peer('a'), peer('b'), peer('c')];
    const id = ps[0].collection('customers').create({ name: 'X', phone: '1', notes: 'n' }).id;
    ps.forEach((p) => both(ps[0], p));
    ps[0].collection('customers').update(id, { name: 'X2' });
    ps[1].collection('customers').update(id, { phone: '2' });
    ps[2].collection('customers').update(id, { notes: 'n2' });
    for (let round = 0; round < 2; round++) for (const x of ps) for (const y of ps) if (x !== y) sync(x, y);
    for (const p of ps) {
      const r = p.collection('customers').get(id)!;
      expect([r.name, r.phone, r.notes]).toEqual(['X2', '2', 'n2']);
    }
  });

  it('an edit wins over a concurrent move to the recycle bin of another field', () => {
    const a = peer('alice');
    const b = peer('bob');
    const id = a.collection('customers').create({ name: 'X' }).id;
    both(a, b);
    a.collection('customers').remove(id);
    b.collection('customers').update(id, { name: 'Y' });
    both(a, b);
    for (const p of [a, b]) {
      expect(p.collection('customers').get(id)?.deleted).toBe(true);
      expect(p.collection('customers').get(id)?.name).toBe('Y');
    }
  });
});

describe('findings of the data-integrity review (each failed before the fix)', () => {
  /** A peer with a chosen Yjs client id (it decides where Yjs places concurrent versions). */
  const withClient = (actor: string, clientId: number) => {
    const p = peer(actor);
    p.doc.clientID = clientId;
    return p;
  };

  it('keeps a version Yjs places between two of ours (relay A → C while B is away)', () => {
    const a = withClient('alice', 1000);
    const b = withClient('bob', 5); // lower client id: its version lands left of Alice's second
    const c = withClient('carol', 2000);
    const id = a.collection('customers').create({ name: 'X', phone: '1' }).id;
    both(a, b); both(a, c);
    b.collection('customers').update(id, { phone: '2' }); // from the shared version
    a.collection('customers').update(id, { name: 'X1' });
    a.collection('customers').update(id, { notes: 'n' });
    sync(b, c); // one way: B's edit reaches C only
    sync(c, a); // C relays to A, B is gone
    sync(a, c);
    for (const p of [a, c]) expect(p.collection('customers').get(id)).toMatchObject({ name: 'X1', phone: '2', notes: 'n' });
  });

  it('keeps a one-way file import of a version older in Yjs order', () => {
    const a = withClient('alice', 1000);
    const b = withClient('bob', 5);
    const id = a.collection('customers').create({ name: 'X', phone: '1' }).id;
    both(a, b);
    b.collection('customers').update(id, { phone: '2' });
    a.collection('customers').update(id, { name: 'X1' });
    a.collection('customers').update(id, { name: 'X2' });
    sync(b, a); // the .keyuan file from Bob, imported by Alice
    expect(a.collection('customers').get(id)).toMatchObject({ name: 'X2', phone: '2' });
  });

  it('a cleared field stays cleared when a third peer edits another field', () => {
    const ps = [peer('a'), peer('b'), peer('c')];
    const id = ps[0].collection('customers').create({ name: 'X', phone: '1', notes: 'n' }).id;
    ps.forEach((p) => both(ps[0], p));
    ps[0].collection('customers').update(id, { phone: undefined, name: 'X0' });
    ps[1].collection('customers').update(id, { phone: undefined, notes: 'n1' });
    both(ps[0], ps[1]); // both versions lack phone: its clearing stamp must survive their merge
    ps[2].collection('customers').update(id, { region: 'east' });
    for (let round = 0; round < 2; round++) for (const x of ps) for (const y of ps) if (x !== y) sync(x, y);
    for (const p of ps) {
      const r = p.collection('customers').get(id)!;
      expect(r.phone).toBeUndefined();
      expect([r.name, r.notes, r.region]).toEqual(['X0', 'n1', 'east']);
    }
  });

  it('a version whose deletion arrived before it (pending update) is still merged', () => {
    const a = withClient('alice', 9);
    const b = withClient('bob', 1);
    const c = withClient('carol', 5);
    const log: Uint8Array[] = [];
    c.doc.on('update', (u: Uint8Array, origin: unknown) => { if (origin !== 'remote') log.push(u); });
    const id = a.collection('customers').create({ name: 'X', phone: '1', notes: 'n' }).id;
    both(a, b); both(a, c);
    c.collection('customers').update(id, { notes: 'n2' });
    a.collection('customers').update(id, { name: 'X1' });
    sync(a, c); // C merges and writes the merge back: that update deletes A's version
    b.collection('customers').update(id, { phone: '2' });
    Y.applyUpdate(a.doc, log[log.length - 1], 'remote'); // A gets the write-back alone: it waits on C's edit
    sync(b, a); // Bob's version arrives while the key looks empty
    sync(c, a); sync(a, b); sync(a, c); sync(c, a);
    for (const p of [a, b, c]) expect(p.collection('customers').get(id)).toMatchObject({ name: 'X1', phone: '2', notes: 'n2' });
  });

  it('an edit made after a stamp from the future wins, and the clock is not pulled far ahead', () => {
    const a = peer('alice');
    const b = peer('hostile');
    const id = a.collection('customers').create({ name: 'X' }).id;
    both(a, b);
    const year = 365 * 86_400_000;
    const rec = b.collection('customers').get(id)!;
    b.doc.transact(() => b.collection('customers').map.set(id, encodeRecord({ ...rec, name: 'FUTURE', _s: { name: [Date.now() + year, b.doc.clientID] } })));
    both(a, b);
    expect(a.collection('customers').get(id)?.name).toBe('FUTURE');
    a.collection('customers').update(id, { name: 'mine' });
    both(a, b);
    for (const p of [a, b]) expect(p.collection('customers').get(id)?.name).toBe('mine');
    // another record edited now is stamped with this device's time, not a year ahead
    const other = a.collection('customers').create({ name: 'Y' });
    expect(other._c[0]).toBeLessThan(Date.now() + MAX_SKEW_MS + 1000);
    expect(futureStamps(a.collection('customers').get(id)!, Date.now(), MAX_SKEW_MS)).toEqual(['name']);
  });

  it('an edit concurrent with a purge brings the record back; one the purge knew does not', () => {
    const a = withClient('alice', 9);
    const b = withClient('bob', 1); // its version lands left of Alice's: Yjs alone would drop it
    const id = a.collection('customers').create({ name: 'X', deleted: true }).id;
    const gone = a.collection('customers').create({ name: 'Z', deleted: true }).id;
    both(a, b);
    b.collection('customers').update(id, { name: 'restored', deleted: false });
    a.collection('customers').update(id, { notes: 'last look' });
    a.collection('customers').purge(id);
    a.collection('customers').purge(gone);
    both(a, b);
    for (const p of [a, b]) {
      expect(p.collection('customers').get(id)).toMatchObject({ name: 'restored', deleted: false });
      expect(p.collection('customers').get(gone)).toBeUndefined();
    }
  });
});
