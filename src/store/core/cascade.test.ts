import { describe, expect, it } from 'vitest';
import type { EntityDef } from '../../domain/core/entity';
import { ENTITIES } from '../../domain/registry';
import { both, peer } from './test-peers';
import {
  binBlocker, binnedWith, moveToBin, purgeWithChildren, restoreWithChildren, rowsOf,
} from './cascade';

const state = (ws: ReturnType<typeof peer>, entity: string, id: string) => {
  const r = ws.collection(entity).get(id);
  return r ? (r.deleted ? `bin${typeof r.deletedWith === 'string' ? `(with ${r.deletedWith})` : ''}` : 'live') : 'gone';
};

describe('one cascade for delete, restore and purge, from the definitions', () => {
  it('a customer takes its contacts to the bin; restoring it brings back exactly those; purging it purges them', () => {
    const ws = peer('u1');
    ws.transact(() => {
      ws.collection('customers').create({ code: 'KH1', name: '甲' }, 'c1');
      ws.collection('contacts').create({ name: '赵', customerId: 'c1' }, 'k1');
      ws.collection('contacts').create({ name: '钱', customerId: 'c1' }, 'k2');
      ws.collection('contacts').create({ name: '孙', customerId: 'other' }, 'k3');
    });
    ws.transact(() => ws.collection('contacts').remove('k2')); // deleted on its own before
    const res = moveToBin(ws, 'customers', ['c1']);
    expect(res.ok).toBe(true);
    expect([state(ws, 'customers', 'c1'), state(ws, 'contacts', 'k1'), state(ws, 'contacts', 'k2'), state(ws, 'contacts', 'k3')])
      .toEqual(['bin', 'bin(with c1)', 'bin', 'live']);
    expect(binnedWith(ws, 'customers', 'c1')).toBe(1);
    restoreWithChildren(ws, 'customers', 'c1');
    expect([state(ws, 'customers', 'c1'), state(ws, 'contacts', 'k1'), state(ws, 'contacts', 'k2')]).toEqual(['live', 'live', 'bin']);
    expect(ws.collection('contacts').get('k1')).not.toHaveProperty('deletedWith');
    moveToBin(ws, 'customers', ['c1']);
    expect(purgeWithChildren(ws, 'customers', 'c1').ok).toBe(true);
    // every contact of the customer goes for good, also the one deleted on its own (it would point at nothing)
    expect([state(ws, 'customers', 'c1'), state(ws, 'contacts', 'k1'), state(ws, 'contacts', 'k2'), state(ws, 'contacts', 'k3')])
      .toEqual(['gone', 'gone', 'gone', 'live']);
  });

  it('a list\'s delete of several records is one transaction and takes each one\'s rows to the bin', () => {
    const ws = peer('u1');
    ws.transact(() => {
      for (const q of ['q', 'p']) {
        ws.collection('quotes').create({ code: `BJ-${q}`, customerId: 'c', ownerId: 'u1', date: '2026-11-01' }, q);
        ws.collection('quoteLines').create({ quoteId: q, seq: 0, productId: 'x', quantity: 1, unitPrice: 10 }, `${q}.L0`);
      }
      ws.collection('quoteSteps').create({ quoteId: 'q', seq: 0, action: 'submit', by: 'u1', at: 1 }, 'q.S0');
    });
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    expect(moveToBin(ws, 'quotes', ['q', 'p']).ok).toBe(true);
    expect(transactions).toBe(1);
    expect([state(ws, 'quotes', 'q'), state(ws, 'quoteLines', 'q.L0'), state(ws, 'quoteSteps', 'q.S0'), state(ws, 'quotes', 'p'), state(ws, 'quoteLines', 'p.L0')])
      .toEqual(['bin', 'bin(with q)', 'bin(with q)', 'bin', 'bin(with p)']);
    expect(rowsOf(ws, 'quoteLines', 'q')).toEqual([]);
    restoreWithChildren(ws, 'quotes', 'q');
    expect(rowsOf(ws, 'quoteLines', 'q').map((r) => r.id)).toEqual(['q.L0']);
    expect(state(ws, 'quotes', 'p')).toBe('bin');
  });

  it('nested: an opportunity\'s records, their quotes and the quotes\' rows all come back with it, each level with its own parent', () => {
    const ws = peer('u1');
    ws.transact(() => {
      ws.collection('opportunities').create({ subject: 'S' }, 'o');
      ws.collection('contactRecords').create({ opportunityId: 'o', date: '2026-11-01' }, 'r');
      ws.collection('quotes').create({ contactRecordId: 'r', opportunityId: 'o' }, 'q');
      ws.collection('quoteLines').create({ quoteId: 'q', seq: 0 }, 'l');
    });
    moveToBin(ws, 'opportunities', ['o']);
    expect([state(ws, 'contactRecords', 'r'), state(ws, 'quotes', 'q'), state(ws, 'quoteLines', 'l')]).toEqual(['bin(with o)', 'bin(with r)', 'bin(with q)']);
    expect(binnedWith(ws, 'opportunities', 'o')).toBe(2); // lines are part of their quote
    expect(restoreWithChildren(ws, 'opportunities', 'o').map((x) => x.id)).toEqual(['o', 'r', 'q', 'l']);
    expect([state(ws, 'contactRecords', 'r'), state(ws, 'quotes', 'q'), state(ws, 'quoteLines', 'l')]).toEqual(['live', 'live', 'live']);
  });

  it('block refuses with a zh/en reason and writes nothing; detach clears the reference', () => {
    const defs: Record<string, EntityDef> = {
      ...ENTITIES,
      folders: { key: 'folders', module: 'x', label: { zh: '文件夹', en: 'Folders' }, titleField: 'name', fields: [] },
      notes: { key: 'notes', module: 'x', label: { zh: '笔记', en: 'Notes' }, titleField: 'name', fields: [],
        parent: { entity: 'folders', field: 'folderId', onDelete: 'block' } },
      tags: { key: 'tags', module: 'x', label: { zh: '标签', en: 'Tags' }, titleField: 'name', fields: [],
        parent: { entity: 'folders', field: 'folderId', onDelete: 'detach' } },
    };
    const ws = peer('u1');
    ws.transact(() => {
      ws.collection('folders').create({ name: 'F' }, 'f');
      ws.collection('notes').create({ name: 'N', folderId: 'f' }, 'n');
      ws.collection('tags').create({ name: 'T', folderId: 'f' }, 't');
    });
    const before = ws.doc.store.clients.get(ws.doc.clientID)?.length;
    const res = moveToBin(ws, 'folders', ['f'], defs);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.refusal.message).toEqual({ zh: '该文件夹下还有 1 条笔记,请先处理后再删除', en: 'This record (Folders) still has 1 of Notes; deal with them before deleting it' });
    expect(ws.doc.store.clients.get(ws.doc.clientID)?.length).toBe(before);
    expect(binBlocker(ws, 'folders', ws.collection('folders').get('f')!, defs)?.en).toContain('Notes');
    ws.transact(() => ws.collection('notes').remove('n'));
    expect(moveToBin(ws, 'folders', ['f'], defs).ok).toBe(true);
    expect(state(ws, 'folders', 'f')).toBe('bin');
    expect(ws.collection('tags').get('t')).toMatchObject({ name: 'T' });
    expect(ws.collection('tags').get('t')).not.toHaveProperty('folderId');
  });

  it('peers apart: one bins a quote while the other adds a line — the line stays live; restore brings back the binned ones, purge takes all', () => {
    const a = peer('alice');
    const b = peer('bob');
    a.transact(() => {
      a.collection('quotes').create({ code: 'BJ1' }, 'q');
      a.collection('quoteLines').create({ quoteId: 'q', seq: 0, productId: 'p1', quantity: 1 }, 'q.L0');
    });
    both(a, b);
    moveToBin(a, 'quotes', ['q']);
    b.transact(() => b.collection('quoteLines').create({ quoteId: 'q', seq: 1, productId: 'p2', quantity: 2 }, 'new'));
    both(a, b);
    for (const p of [a, b]) expect([state(p, 'quotes', 'q'), state(p, 'quoteLines', 'q.L0'), state(p, 'quoteLines', 'new')]).toEqual(['bin', 'bin(with q)', 'live']);
    restoreWithChildren(b, 'quotes', 'q');
    both(a, b);
    expect(rowsOf(a, 'quoteLines', 'q').map((r) => r.id)).toEqual(['q.L0', 'new']);
    moveToBin(a, 'quotes', ['q']);
    expect(purgeWithChildren(a, 'quotes', 'q').ok).toBe(true);
    both(a, b);
    for (const p of [a, b]) expect([state(p, 'quotes', 'q'), state(p, 'quoteLines', 'q.L0'), state(p, 'quoteLines', 'new')]).toEqual(['gone', 'gone', 'gone']);
  });
});
