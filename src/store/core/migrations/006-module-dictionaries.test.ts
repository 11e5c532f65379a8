import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { both, oneDocumentPeer, openOlderDocument } from '../test-peers';
import { SCHEMA_VERSION, STEPS, schemaVersion } from '../migrations';
import { dictOptions } from '../dictionaries';
import { ALL_DICTIONARIES } from '../../../domain/registry';
import { BASE_DICTIONARIES } from '../../../domain/core/dictionaries';
import { addMissingDictionaries, moduleDictionaries } from './006-module-dictionaries';
import { createOrder } from '../../orders/orders';

/** A workspace as schema 5 made it before orders and finance: only the base dictionaries, one option trimmed by its people. */
function schema5Document(): Y.Doc {
  const old = oneDocumentPeer('admin');
  old.transact(() => {
    for (const d of BASE_DICTIONARIES) {
      old.collection('dictionaries').create({ dict: d.dict, label: d.label, tree: !!d.tree });
      d.options.slice(d.dict === 'industry' ? 1 : 0).forEach((o, i) => old.collection('dictOptions').create({ dict: d.dict, order: i, ...o }));
    }
    old.collection('customers').create({ code: 'KH1', name: '甲', kind: 'customer', ownerId: 'admin' }, 'c1');
    old.meta.set('schema', 5);
  });
  return old.doc;
}

const moduleDicts = ALL_DICTIONARIES.filter((d) => !BASE_DICTIONARIES.some((b) => b.dict === d.dict));

describe('migration 6: dictionaries of modules added later', () => {
  it('is step 6', () => {
    expect(STEPS[5]).toBe(moduleDictionaries);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
  });

  it('an older workspace gains the orders and finance dictionaries and can save an order; its own edits stay', () => {
    const ws = openOlderDocument(schema5Document(), 'admin');
    expect(schemaVersion(ws.doc)).toBe(SCHEMA_VERSION);
    expect(moduleDicts.map((d) => d.dict)).toEqual(expect.arrayContaining(['orderType', 'orderStatus', 'receiptMethod']));
    for (const d of moduleDicts) expect(dictOptions(ws, d.dict).map((o) => o.code), d.dict).toEqual(d.options.map((o) => o.code));
    const industry = BASE_DICTIONARIES.find((d) => d.dict === 'industry')!;
    expect(dictOptions(ws, 'industry').map((o) => o.code)).toEqual(industry.options.slice(1).map((o) => o.code));
    const made = createOrder(ws, { customerId: 'c1', orderType: 'standard' }, 'admin');
    expect(made.ok, JSON.stringify(made)).toBe(true);
  });

  it('two devices that add them apart converge on one copy', () => {
    const doc = schema5Document();
    const a = openOlderDocument(doc, 'admin');
    const b = openOlderDocument(doc, 'admin');
    both(a, b);
    for (const ws of [a, b]) {
      const dicts = ws.collection('dictionaries').live().filter((d) => d.dict === 'orderType');
      expect(dicts).toHaveLength(1);
      expect(dictOptions(ws, 'orderType').length).toBe(moduleDicts.find((d) => d.dict === 'orderType')!.options.length);
    }
    expect(addMissingDictionaries(a)).toBe(0);
  });
});
