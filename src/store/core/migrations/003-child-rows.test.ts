import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '../workspace';
import { both, oneDocumentPeer, openOlderDocument } from '../test-peers';
import { MIGRATE_ORIGIN, SCHEMA_VERSION, STEPS, migrate, schemaVersion } from '../migrations';
import { childRowId } from './003-child-rows';
import { quoteTotals, stepsOf } from '../../../domain/sales';
import { timeline } from '../../../domain/service';
import { approvalStepsOf, linesOf, viewOf } from '../../sales/quotes';
import { complaintStepsOf } from '../../service/service';
import { restoreWithChildren } from '../cascade';

const LINE0 = { productId: 'p1', quantity: 10, unitPrice: 38000, rate: 0.85 };
const LINE1 = { productId: 'p2', quantity: 2, unitPrice: 500, rate: 1, manualRate: 0.9, note: '赠品' };
const LINES: unknown[] = [LINE0, LINE1, 'junk']; // a broken peer's entry: counted as an invalid line, as schema 2 did
const QUOTE_STEPS = [{ action: 'submit', by: 'rep', at: 100, comment: '请批' }, { action: 'approve', by: 'mgr', at: 200 }];
const COMPLAINT_STEPS = [
  { kind: 'record', by: 'svc', at: 1000 },
  { kind: 'assign', by: 'sup', at: 2000, handler: 'svc', comment: '今天处理' },
  { kind: 'handle', by: 'svc', at: 3000, result: '已道歉' },
];

/** A document as schema 2 wrote it: arrays inside the quote and complaint records. */
function schema2Document(): Y.Doc {
  const old = oneDocumentPeer('rep');
  old.transact(() => {
    old.collection('quotes').create({ code: 'BJ1', customerId: 'c1', ownerId: 'rep', status: 'approved', lines: LINES, steps: QUOTE_STEPS }, 'q1');
    old.collection('quotes').create({ code: 'BJ2', customerId: 'c1', ownerId: 'rep', status: 'draft', lines: [LINE0], steps: [] }, 'q2');
    old.collection('quotes').create({ code: 'BJ3', customerId: 'c1', ownerId: 'rep', status: 'draft', lines: [LINE1], steps: [] }, 'q3');
    old.collection('complaints').create({ customer: 'c1', status: 'handled', handler: 'svc', result: '已道歉', steps: COMPLAINT_STEPS }, 'cm1');
    old.collection('customers').create({ code: 'KH1', name: '甲' }, 'c1');
    old.meta.set('schema', 2);
  });
  old.transact(() => old.collection('quotes').remove('q3')); // a quote in the recycle bin
  return old.doc;
}

const open = openOlderDocument;

describe('migration 3: arrays inside records become child rows', () => {
  it('steps are ordered files, one per version', () => {
    expect(STEPS.map((s) => s.version).slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it('opens a document written by schema 2: rows with ids from parent and index, arrays gone, totals and timelines unchanged', () => {
    const ws = open(schema2Document(), 'admin');
    expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    expect(ws.collection('quotes').get('q1')).not.toHaveProperty('lines');
    expect(ws.collection('quotes').get('q1')).not.toHaveProperty('steps');
    expect(ws.collection('complaints').get('cm1')).not.toHaveProperty('steps');

    const lines = linesOf(ws, 'q1');
    expect(lines.map((l) => l.id)).toEqual([childRowId('q1', 'L', 0), 'q1.L1', 'q1.L2']);
    expect(lines[0]).toMatchObject({ quoteId: 'q1', seq: 0, ...LINE0 });
    expect(lines[1]).toMatchObject({ quoteId: 'q1', seq: 1, ...LINE1 });
    expect(quoteTotals(lines)).toEqual(quoteTotals(LINES));
    expect(quoteTotals(lines)).toMatchObject({ amount: 381000, discountedAmount: 323900, lineCount: 3, invalidLines: 1 });

    expect(approvalStepsOf(ws, 'q1').map((s) => s.id)).toEqual(['q1.S0', 'q1.S1']);
    expect(stepsOf(viewOf(ws, ws.collection('quotes').get('q1')!))).toMatchObject(QUOTE_STEPS);
    // (schema 4 then names the step's handler handlerId, 004-reference-names)
    expect(timeline(complaintStepsOf(ws, 'cm1'))).toEqual(COMPLAINT_STEPS.map(({ handler, ...s }) => (handler ? { ...s, handlerId: handler } : s)));
    expect(complaintStepsOf(ws, 'cm1').map((s) => [s.id, s.complaintId, s.seq])).toEqual([['cm1.S0', 'cm1', 0], ['cm1.S1', 'cm1', 1], ['cm1.S2', 'cm1', 2]]);

    // a quote in the bin: its rows went there with it, and come back with it
    expect(linesOf(ws, 'q3')).toEqual([]);
    expect(ws.collection('quoteLines').get('q3.L0')).toMatchObject({ deleted: true, deletedWith: 'q3' });
    restoreWithChildren(ws, 'quotes', 'q3');
    expect(linesOf(ws, 'q3').map((l) => l.id)).toEqual(['q3.L0']);
  });

  it('runs again at the next open without writing anything; an array that arrives later (an older peer) is converted then', () => {
    const ws = open(schema2Document(), 'admin');
    const updates: Uint8Array[] = [];
    ws.doc.on('update', (u: Uint8Array) => updates.push(u));
    expect(migrate(ws)).toBe(true);
    expect(updates).toEqual([]);
    // a peer still on schema 2 (not reloaded) appends to the array after the bump
    ws.transact(() => ws.collection('quotes').update('q2', { lines: [LINE0, { productId: 'p9', quantity: 1, unitPrice: 1, rate: 1 }] }));
    expect(migrate(ws)).toBe(true);
    expect(ws.collection('quotes').get('q2')).not.toHaveProperty('lines');
    expect(linesOf(ws, 'q2').map((l) => [l.id, l.productId])).toEqual([['q2.L0', 'p1'], ['q2.L1', 'p9']]);
  });

  it('two devices migrating the same document while apart, then syncing: the same rows, no duplicates', () => {
    const doc = schema2Document();
    const a = open(doc, 'alice');
    const b = open(doc, 'bob');
    both(a, b);
    for (const ws of [a, b]) {
      expect(ws.collection('quoteLines').all().filter((l) => l.quoteId === 'q1')).toHaveLength(3);
      expect(linesOf(ws, 'q1').map((l) => l.id)).toEqual(['q1.L0', 'q1.L1', 'q1.L2']);
      expect(quoteTotals(linesOf(ws, 'q1')).amount).toBe(381000);
      expect(ws.collection('quoteSteps').all()).toHaveLength(2);
      expect(ws.collection('complaintSteps').all()).toHaveLength(3);
      expect(ws.collection('quotes').get('q1')).not.toHaveProperty('lines');
      expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    }
    expect(linesOf(b, 'q1').map((l) => l.quantity)).toEqual(linesOf(a, 'q1').map((l) => l.quantity));
    // and a third device that migrates after it has both: creates nothing (the rows exist)
    const c = open(a.doc, 'carol');
    expect(c.collection('quoteLines').all()).toHaveLength(a.collection('quoteLines').all().length);
  });

  it('rows carry the stamp of the array they came from: two devices write identical rows, a newer array wins', () => {
    const doc = schema2Document();
    const a = open(doc, 'alice');
    const b = open(doc, 'bob');
    const row = (ws: Workspace) => ws.collection('quoteLines').get('q1.L0')!;
    expect(row(a)._c).toEqual(row(b)._c);
    expect(row(a).createdBy).toBe(row(b).createdBy);
    // one device had an older copy with a different first line; the other's newer edit of the array wins
    const older = new Y.Doc();
    Y.applyUpdate(older, Y.encodeStateAsUpdate(doc));
    const edited = new Workspace('t', older);
    edited.actorId = 'rep';
    edited.collection('quotes').update('q1', { lines: [{ ...LINE0, quantity: 99 }, LINE1, 'junk'] });
    const n = open(older, 'dave');
    both(a, n);
    for (const ws of [a, n]) expect(row(ws).quantity).toBe(99);
  });

  it('a document from a newer build is left alone and reported', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schema', SCHEMA_VERSION + 1);
    const ws = new Workspace('t', doc);
    expect(migrate(ws)).toBe(false);
    expect(migrate(doc)).toBe(false);
    expect(MIGRATE_ORIGIN).toBe('keyuan:migrate');
  });
});
