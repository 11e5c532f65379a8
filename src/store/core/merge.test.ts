import { describe, it, expect } from 'vitest';
import { both, peer, sync } from './test-peers';

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
