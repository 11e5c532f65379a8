import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { both, oneDocumentPeer, openOlderDocument } from '../test-peers';
import { SCHEMA_VERSION, STEPS, schemaVersion } from '../migrations';
import { dictOptions } from '../dictionaries';
import { ALL_DICTIONARIES } from '../../../domain/registry';
import { addNewOptions, addedOptions } from './008-added-options';

const docTypes = ALL_DICTIONARIES.find((d) => d.dict === 'approvalDocType')!;

/** A workspace as schema 7 made it: every dictionary, but approvalDocType without the market budget; `drop` removes another option as its people might. */
function schema7Document(opts: { removedContracts?: boolean; hadBudget?: 'live' | 'binned' } = {}): Y.Doc {
  const old = oneDocumentPeer('admin');
  old.transact(() => {
    for (const d of ALL_DICTIONARIES) {
      old.collection('dictionaries').create({ dict: d.dict, label: d.label, tree: !!d.tree }, `dict-${d.dict}`);
      d.options.forEach((o, i) => {
        if (d.dict === 'approvalDocType' && o.code === 'marketActivities' && !opts.hadBudget) return;
        old.collection('dictOptions').create({ dict: d.dict, order: i, ...o }, `opt-${d.dict}-${o.code}`);
      });
    }
    if (opts.removedContracts) old.collection('dictOptions').remove('opt-approvalDocType-contracts');
    if (opts.hadBudget === 'binned') old.collection('dictOptions').remove('opt-approvalDocType-marketActivities');
    old.meta.set('schema', 7);
  });
  return old.doc;
}

describe('migration 8: options added to starting dictionaries', () => {
  it('is the last step', () => {
    expect(STEPS.map((s) => s.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(STEPS[7]).toBe(addedOptions);
    expect(SCHEMA_VERSION).toBe(8);
  });

  it('an older workspace gains the market budget document type, last; an option its people removed stays removed', () => {
    const ws = openOlderDocument(schema7Document({ removedContracts: true }), 'admin');
    expect(schemaVersion(ws.doc)).toBe(8);
    expect(dictOptions(ws, 'approvalDocType').map((o) => o.code)).toEqual(['quotes', 'orders', 'expenses', 'marketActivities']);
    expect(docTypes.options.map((o) => o.code)).toContain('marketActivities');
  });

  it('adds nothing where the option is there, or was removed by its people', () => {
    for (const hadBudget of ['live', 'binned'] as const) {
      const ws = openOlderDocument(schema7Document({ hadBudget }), 'admin');
      expect(ws.collection('dictOptions').all().filter((o) => o.code === 'marketActivities' && o.dict === 'approvalDocType')).toHaveLength(1);
      expect(addNewOptions(ws)).toBe(0);
    }
  });

  it('two devices migrating apart converge on one option', () => {
    const doc = schema7Document();
    const a = openOlderDocument(doc, 'admin');
    const b = openOlderDocument(doc, 'admin');
    both(a, b);
    for (const ws of [a, b]) expect(dictOptions(ws, 'approvalDocType').filter((o) => o.code === 'marketActivities')).toHaveLength(1);
  });
});
