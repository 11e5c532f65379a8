import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { peer, sync } from './test-peers';
import { decodeRecord, encodeRecord } from './codec';

describe('records stored as JSON bytes', () => {
  it('stores bytes without the derived times and reads the times back from the stamps', () => {
    const ws = peer('u1');
    const col = ws.collection('customers');
    const rec = col.create({ name: '华东机械', creditLimit: 5000 });
    const raw = col.map.get(rec.id);
    expect(raw).toBeInstanceOf(Uint8Array);
    const stored = JSON.parse(new TextDecoder().decode(raw as Uint8Array));
    expect(stored).not.toHaveProperty('createdAt');
    expect(stored).not.toHaveProperty('updatedAt');
    const again = peer('u2');
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(ws.doc));
    const read = again.collection('customers').get(rec.id)!;
    expect(read).toEqual(rec);
    expect(read.createdAt).toBe(rec._c[0]);
    const edited = again.collection('customers').update(rec.id, { creditLimit: 8000 })!;
    expect(decodeRecord(encodeRecord(edited))?.updatedAt).toBe(edited._s!.creditLimit[0]);
    expect(edited.updatedAt).toBeGreaterThan(edited.createdAt);
  });

  it('hands out the same object until the record changes', () => {
    const col = peer('u1').collection('customers');
    const { id } = col.create({ name: 'A' });
    const first = col.get(id);
    expect(col.get(id)).toBe(first);
    expect(col.live()[0]).toBe(first);
    col.update(id, { name: 'B' });
    expect(col.get(id)).not.toBe(first);
    expect(col.get(id)?.name).toBe('B');
  });

  it('still reads records that older builds or peers wrote as objects or JSON text', () => {
    const ws = peer('u1');
    const map = ws.doc.getMap('customers');
    map.set('old1', { id: 'old1', name: '旧对象', createdAt: 1, createdBy: 'x', updatedAt: 2, updatedBy: 'x', _c: [1, 7] });
    map.set('old2', JSON.stringify({ id: 'old2', name: '旧文本', createdBy: 'x', updatedBy: 'x', _c: [5, 7] }));
    const col = ws.collection('customers');
    expect(col.get('old1')?.name).toBe('旧对象');
    expect(col.get('old2')).toMatchObject({ name: '旧文本', createdAt: 5, updatedAt: 5 });
    col.update('old1', { name: '新' });
    expect(col.map.get('old1')).toBeInstanceOf(Uint8Array);
    expect(col.get('old1')).toMatchObject({ name: '新', createdAt: 1 });
  });

  it('shows bytes that are not a record as corrupt instead of failing', () => {
    const ws = peer('u1');
    const map = ws.doc.getMap('customers');
    map.set('bad1', new Uint8Array([0xff, 0xfe, 0x00]));
    map.set('bad2', new TextEncoder().encode('{"id":"bad2"'));
    map.set('bad3', new TextEncoder().encode(JSON.stringify({ id: 'other', _c: [1, 1] })));
    const col = ws.collection('customers');
    col.create({ name: 'ok' });
    expect(col.live().map((r) => r.name)).toEqual(['ok']);
    expect(col.get('bad1')).toBeUndefined();
    expect(col.corrupt().map(([k]) => k).sort()).toEqual(['bad1', 'bad2', 'bad3']);
    expect(col.corrupt().find(([k]) => k === 'bad2')?.[1]).toBe('{"id":"bad2"');
  });

  it('a later edit wins over a peer whose clock runs ahead', () => {
    const a = peer('alice');
    const b = peer('bob');
    const { id } = a.collection('customers').create({ name: 'X' });
    a.clock.observe([Date.now() + 60_000, 0]); // Alice's clock is a minute ahead
    a.collection('customers').update(id, { name: 'from Alice' });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    b.collection('customers').update(id, { name: 'from Bob, later' });
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
    expect(a.collection('customers').get(id)?.name).toBe('from Bob, later');
  });

  it('finds records by a field and counts live ones from the bytes, parsing only what may match', () => {
    const ws = peer('u1');
    const col = ws.collection('activities');
    const mine = col.create({ subject: '回访', ownerId: 'us005' });
    col.create({ subject: '拜访', ownerId: 'us0051' }); // a longer id that starts the same
    col.create({ subject: 'ownerId us005 in the text', ownerId: 'us006' });
    const gone = col.create({ subject: '已删', ownerId: 'us005' });
    col.remove(gone.id);
    // a second device reads the same document cold: nothing parsed yet
    const cold = peer('u2');
    sync(ws, cold);
    const acts = cold.collection('activities');
    expect(acts.liveWhere('ownerId', 'us005').map((r) => r.id)).toEqual([mine.id]);
    expect(acts.liveWhere('ownerId', 'nobody')).toEqual([]);
    expect(acts.liveCount()).toBe(3);
    expect(acts.liveCount()).toBe(acts.live().length);
    // a restored record counts again; an edit after parsing is seen too
    acts.restore(gone.id);
    expect(acts.liveCount()).toBe(4);
    expect(acts.liveWhere('ownerId', 'us005')).toHaveLength(2);
    acts.update(mine.id, { ownerId: 'us006' });
    expect(acts.liveWhere('ownerId', 'us005').map((r) => r.id)).toEqual([gone.id]);
  });

  it('a kept answer of liveWhere follows every later change, local or a peer\'s, as a fresh scan would', () => {
    type Op = { p: number; k: 'create' | 'set' | 'bin' | 'restore' | 'purge' | 'sync' | 'ask'; i: number; v: string };
    const op = fc.record({
      p: fc.nat(1), k: fc.constantFrom('create', 'set', 'set', 'bin', 'restore', 'purge', 'sync', 'ask') as fc.Arbitrary<Op['k']>,
      i: fc.nat(3), v: fc.constantFrom('us1', 'us2', 'us3'),
    });
    fc.assert(fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
      const peers = [peer('a'), peer('b')];
      const ids: string[] = [];
      const check = () => {
        for (const ws of peers) {
          const col = ws.collection('activities');
          for (const v of ['us1', 'us2', 'us3']) {
            const fresh = col.live().filter((r) => r.ownerId === v).map((r) => r.id).sort();
            expect(col.liveWhere('ownerId', v).map((r) => r.id).sort()).toEqual(fresh);
          }
        }
      };
      check(); // every answer kept from the start, so each later step is followed, not scanned
      for (const o of ops) {
        const col = peers[o.p].collection('activities');
        const id = ids[o.i % Math.max(ids.length, 1)];
        if (o.k === 'create') ids.push(col.create({ subject: 's', ownerId: o.v }).id);
        else if (o.k === 'sync') { sync(peers[0], peers[1]); sync(peers[1], peers[0]); }
        else if (id && col.get(id)) {
          if (o.k === 'set') col.update(id, { ownerId: o.v });
          else if (o.k === 'bin') col.remove(id);
          else if (o.k === 'restore') col.restore(id);
          else if (o.k === 'purge') col.purge(id);
        }
        if (o.k === 'ask' || o.k === 'sync') check();
      }
      sync(peers[0], peers[1]);
      check();
    }), { seed: 20261203, numRuns: 150 });
  }, 60_000);
});
