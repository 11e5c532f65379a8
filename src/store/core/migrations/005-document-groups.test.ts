import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Workspace } from '../workspace';
import { both, oneDocumentPeer, openOlderDocument, sync } from '../test-peers';
import { SCHEMA_VERSION, STEPS, migrate, schemaVersion } from '../migrations';
import { DocStore } from '../persistence';
import { docDbName } from '../workspace';
import { purgedMapName } from '../collection';
import { GROUP_OF } from '../../../domain/registry';

/** A document as schema 4 wrote it: every collection in one document, a purge, a record in the bin, garbage. */
function schema4Document(): Y.Doc {
  const old = oneDocumentPeer('rep');
  old.transact(() => {
    old.collection('customers').create({ code: 'KH1', name: '甲', kind: 'customer', ownerId: 'rep' }, 'c1');
    old.collection('activities').create({ subject: '拜访', customerId: 'c1', ownerId: 'rep', status: 'open' }, 'a1');
    old.collection('activities').create({ subject: '电话', customerId: 'c1', ownerId: 'rep', status: 'open' }, 'a2');
    old.collection('activities').create({ subject: '旧的', customerId: 'c1', ownerId: 'rep' }, 'a3');
    old.collection('serviceRecords').create({ customerId: 'c1', handlerId: 'svc', start: '2026-03-02T09:00', end: '2026-03-02T10:00', minutesSpent: 60 }, 's1');
    old.collection('complaints').create({ customerId: 'c1', status: 'assigned', handlerId: 'svc' }, 'cm1');
    old.collection('complaintSteps').create({ complaintId: 'cm1', seq: 0, kind: 'record', by: 'sup', at: 1000 }, 'cm1.S0');
    old.meta.set('schema', 4);
  });
  old.transact(() => old.collection('activities').remove('a2'));
  old.transact(() => old.collection('activities').purge('a3'));
  old.doc.getMap('serviceRecords').set('junk', 'not a record');
  return old.doc;
}

const open = openOlderDocument;

const legacySize = (ws: Workspace) => ['activities', 'serviceRecords', 'complaints', 'complaintSteps']
  .reduce((n, c) => n + ws.doc.getMap(c).size + ws.doc.getMap(purgedMapName(c)).size, 0);

const records = (ws: Workspace) => ({
  a1: ws.collection('activities').get('a1'), a2: ws.collection('activities').get('a2'), a3: ws.collection('activities').get('a3'),
  s1: ws.collection('serviceRecords').get('s1'), cm1: ws.collection('complaints').get('cm1'), step: ws.collection('complaintSteps').get('cm1.S0'),
});

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('migration 5: document groups', () => {
  it('is the step after reference names; activities and service live in documents of their own', () => {
    expect(STEPS.map((s) => s.version).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(5);
    expect(GROUP_OF.activities).toBe('activities');
    expect(GROUP_OF.serviceRecords).toBe('service');
    expect(GROUP_OF.customers).toBe('core');
  });

  it('opens a document written by schema 4: records, the bin, purges and garbage move to their groups, core is emptied', async () => {
    const doc = schema4Document();
    const ws = open(doc, 'admin');
    expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    const r = records(ws);
    expect(r.a1).toMatchObject({ subject: '拜访', customerId: 'c1' });
    expect(r.a2).toMatchObject({ deleted: true });
    expect(r.a3).toBeUndefined();
    expect(ws.collection('activities').purged.has('a3')).toBe(true);
    expect(r.s1).toMatchObject({ minutesSpent: 60 });
    expect(r.step).toMatchObject({ complaintId: 'cm1' });
    expect(ws.collection('serviceRecords').corrupt()).toEqual([['junk', 'not a record']]);
    // stamps and authors kept: the moved record is the same record
    expect(r.a1).toEqual(oneDocumentPeer('x', doc).collection('activities').get('a1'));
    expect(ws.docs.get('activities')!.getMap('activities').size).toBe(2);
    await tick();
    expect(legacySize(ws)).toBe(0);
    expect(records(ws)).toEqual(r);
  });

  it('two devices migrating apart converge; an older peer’s later offline edit moves over and merges per field', async () => {
    const doc = schema4Document();
    const a = open(doc, 'a');
    const b = open(doc, 'b');
    a.transact(() => a.collection('activities').update('a1', { status: 'done' }));
    both(a, b);
    await tick();
    both(a, b);
    expect(records(a)).toEqual(records(b));
    expect(legacySize(a) + legacySize(b)).toBe(0);

    // a peer still on schema 4 (it had not reloaded) edits another field of a1 offline
    const old = oneDocumentPeer('old', new Y.Doc());
    Y.applyUpdate(old.doc, Y.encodeStateAsUpdate(doc));
    old.transact(() => old.collection('activities').update('a1', { result: '签了意向书' }));
    sync(old, a); // only its one document reaches a (core room)
    await tick();
    expect(a.collection('activities').get('a1')).toMatchObject({ status: 'done', result: '签了意向书' });
    expect(legacySize(a)).toBe(0);
    both(a, b);
    expect(b.collection('activities').get('a1')).toMatchObject({ status: 'done', result: '签了意向书' });
  });

  it('a document opened from IndexedDB: groups stored in databases of their own, core emptied only after they are stored', async () => {
    const coreDoc = new Y.Doc();
    const old = await DocStore.open(docDbName('mig5'), coreDoc);
    Y.applyUpdate(coreDoc, Y.encodeStateAsUpdate(schema4Document()));
    await old.close();

    const ws = await Workspace.open('mig5');
    ws.actorId = 'admin';
    expect(migrate(ws)).toBe(true); // before the groups have loaded: what it moves is stored all the same
    await ws.loaded;
    await tick();
    await ws.flushed();
    await tick();
    expect(legacySize(ws)).toBe(0);
    const r = records(ws);
    await ws.close();

    const again = await Workspace.open('mig5');
    expect(again.isLoaded('activities')).toBe(false); // core first; the groups load right after
    await again.loaded;
    expect(again.isLoaded('activities')).toBe(true);
    expect(records(again)).toEqual(r);
    expect(legacySize(again)).toBe(0);
    expect(again.collection('activities').live().map((x) => x.id)).toEqual(['a1']);
    await again.close();
  });
});
