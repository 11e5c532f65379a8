import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '../workspace';
import { both, oneDocumentPeer, openOlderDocument } from '../test-peers';
import { SCHEMA_VERSION, STEPS, migrate, schemaVersion } from '../migrations';
import { renameReferences } from './004-reference-names';
import { complaintStepsOf } from '../../service/service';
import { timeline } from '../../../domain/service';

/** A document as schema 3 wrote it: service records and complaints with `customer`/`contact`/`handler`. */
function schema3Document(): Y.Doc {
  const old = oneDocumentPeer('svc');
  old.transact(() => {
    old.collection('customers').create({ code: 'KH1', name: '甲', kind: 'customer', ownerId: 'rep' }, 'c1');
    old.collection('serviceRecords').create({ customer: 'c1', contact: 'ct1', handler: 'svc', start: '2026-03-02T09:00', end: '2026-03-02T10:00', minutesSpent: 60, content: '装驱动' }, 's1');
    old.collection('complaints').create({ customer: 'c1', status: 'assigned', handler: 'svc', targetKind: 'product', reason: 'quality', details: '卡纸' }, 'cm1');
    old.collection('complaintSteps').create({ complaintId: 'cm1', seq: 0, kind: 'record', by: 'sup', at: 1000 }, 'cm1.S0');
    old.collection('complaintSteps').create({ complaintId: 'cm1', seq: 1, kind: 'assign', by: 'sup', at: 2000, handler: 'svc' }, 'cm1.S1');
    old.collection('knowledgeArticles').create({ title: '驱动', body: '装驱动', sourceService: 's1' }, 'k1');
    old.meta.set('schema', 3);
  });
  old.transact(() => old.collection('serviceRecords').remove('s1')); // in the bin: renamed too
  return old.doc;
}

const open = openOlderDocument;

const renamed = (ws: Workspace) => ({
  s1: ws.collection('serviceRecords').get('s1'),
  cm1: ws.collection('complaints').get('cm1'),
  k1: ws.collection('knowledgeArticles').get('k1'),
});

describe('migration 4: one naming of references', () => {
  it('is the step after child rows', () => {
    expect(STEPS.map((s) => s.version).slice(0, 4)).toEqual([1, 2, 3, 4]);
  });

  it('opens a document written by schema 3: customerId/contactId/handlerId, old fields gone', () => {
    const ws = open(schema3Document(), 'admin');
    expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    const { s1, cm1, k1 } = renamed(ws);
    expect(s1).toMatchObject({ customerId: 'c1', contactId: 'ct1', handlerId: 'svc', minutesSpent: 60, deleted: true });
    expect(cm1).toMatchObject({ customerId: 'c1', handlerId: 'svc', status: 'assigned' });
    expect(k1).toMatchObject({ sourceServiceId: 's1' });
    for (const r of [s1, cm1, k1]) for (const k of ['customer', 'contact', 'handler', 'sourceService']) expect(r?.[k]).toBeUndefined();
    expect(timeline(complaintStepsOf(ws, 'cm1'))[1]).toEqual({ kind: 'assign', by: 'sup', at: 2000, handlerId: 'svc' });
    expect(renameReferences(ws)).toBe(0); // idempotent
  });

  it('two devices migrating apart end with the same records; a late old-shape write moves over at the next open', () => {
    const doc = schema3Document();
    const a = open(doc, 'a');
    const b = open(doc, 'b');
    both(a, b);
    expect(renamed(a)).toEqual(renamed(b));
    expect(renamed(a).cm1).toMatchObject({ customerId: 'c1', handlerId: 'svc' });
    expect(renamed(a).cm1?.handler).toBeUndefined();

    // a peer still on schema 3 reassigns the complaint after the rename reached it
    const old = oneDocumentPeer('old');
    Y.applyUpdate(old.doc, Y.encodeStateAsUpdate(a.doc));
    old.transact(() => old.collection('complaints').update('cm1', { handler: 'svc2' }));
    both(old, a);
    expect(migrate(a)).toBe(true); // repeats at open
    expect(a.collection('complaints').get('cm1')).toMatchObject({ handlerId: 'svc2' });
    expect(a.collection('complaints').get('cm1')?.handler).toBeUndefined();
  });
});
