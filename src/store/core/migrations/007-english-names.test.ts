import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { oneDocumentPeer, openOlderDocument } from '../test-peers';
import { SCHEMA_VERSION, STEPS, schemaVersion } from '../migrations';
import { DEFAULT_ROLES } from '../../../domain/org/roles';
import { DEFAULT_SALES_MODES } from '../../../domain/sales/stages';
import { displayName } from '../../../domain/core/entity';
import { ENTITIES } from '../../../domain/registry';

/** A workspace as schema 6 made it before starting records carried English names; its people renamed one role. */
function schema6Document(): Y.Doc {
  const old = oneDocumentPeer('admin');
  old.transact(() => {
    for (const { id, name, scope } of DEFAULT_ROLES) old.collection('roles').create({ name: id === 'role-rep' ? '客户经理' : name, scope }, id);
    for (const m of DEFAULT_SALES_MODES) {
      old.collection('salesModes').create({ name: m.name, order: m.order }, m.id);
      for (const s of m.stages) old.collection('salesStages').create({ modeId: m.id, name: s.name, order: s.order, rate: s.rate }, s.id);
    }
    old.meta.set('schema', 6);
  });
  return old.doc;
}

describe('migration 7: English names of the starting records', () => {
  it('is step 7', () => {
    expect(STEPS.map((s) => s.version).slice(0, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('names the starting roles, modes and stages in English; a role its people renamed keeps only their name', () => {
    const ws = openOlderDocument(schema6Document(), 'admin');
    expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    const role = (id: string) => ws.collection('roles').get(id)!;
    expect(displayName(ENTITIES.roles, role('role-admin'), 'en')).toBe('Administrator');
    expect(displayName(ENTITIES.roles, role('role-rep'), 'en')).toBe('客户经理');
    expect(role('role-rep').nameEn).toBeUndefined();
    expect(displayName(ENTITIES.salesModes, ws.collection('salesModes').get('mode-project')!, 'en')).toBe('Project sales');
    expect(displayName(ENTITIES.salesStages, ws.collection('salesStages').get('stage-standard-4')!, 'en')).toBe('Negotiation');
  });

  it('two devices migrating apart end with the same names', () => {
    const doc = schema6Document();
    const a = openOlderDocument(doc, 'a');
    const b = openOlderDocument(doc, 'b');
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc));
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc));
    expect(a.collection('roles').get('role-manager')!.nameEn).toBe('Sales manager');
    expect(b.collection('roles').get('role-manager')!.nameEn).toBe('Sales manager');
  });
});
