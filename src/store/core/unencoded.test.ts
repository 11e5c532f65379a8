import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyUnencoded } from './unencoded';

/** A peer's update (100 entries) and a document that reacts to it with a write of its own. */
function setup() {
  const peer = new Y.Doc();
  peer.transact(() => { for (let i = 0; i < 100; i++) peer.getMap('customers').set(`c${i}`, `name ${i}`); });
  const update = Y.encodeStateAsUpdate(peer);
  const doc = new Y.Doc();
  const seen: { origin: unknown; bytes: number }[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => seen.push({ origin, bytes: u.length }));
  // an observer that writes back in reaction to a remote change (as the collections' merge does)
  doc.getMap('customers').observe((e) => {
    if (e.transaction.origin === 'peer') doc.transact(() => doc.getMap('log').set('seen', e.keysChanged.size), 'write-back');
  });
  return { update, doc, seen };
}

describe('applying a received update without encoding it again', () => {
  it('the update listeners skip the peer transaction but get the write-back it caused', () => {
    const { update, doc, seen } = setup();
    applyUnencoded(doc, () => Y.applyUpdate(doc, update, 'peer'), (tx) => tx.origin === 'peer');
    expect(doc.getMap('customers').size).toBe(100);
    expect(seen.map((s) => s.origin)).toEqual(['write-back']);
    expect(doc.getMap('log').get('seen')).toBe(100);
    // storing what was received plus what the listeners got rebuilds the document
    const copy = new Y.Doc();
    Y.applyUpdate(copy, update);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(copy)));
    expect(copy.getMap('log').get('seen')).toBe(100);
  });

  it('afterwards every transaction is encoded for the listeners again', () => {
    const { update, doc, seen } = setup();
    applyUnencoded(doc, () => Y.applyUpdate(doc, update, 'peer'), (tx) => tx.origin === 'peer');
    doc.transact(() => doc.getMap('customers').set('c1', 'renamed'), 'local');
    expect(seen.map((s) => s.origin)).toEqual(['write-back', 'local']);
  });

  it('a listener is put back even when applying throws', () => {
    const { doc, seen } = setup();
    expect(() => applyUnencoded(doc, () => { doc.transact(() => doc.getMap('x').set('a', 1), 'peer'); throw new Error('bad'); }, () => true)).toThrow('bad');
    doc.transact(() => doc.getMap('x').set('b', 2), 'local');
    expect(seen.map((s) => s.origin)).toEqual(['local']);
  });

  it('without a target nothing is skipped', () => {
    const { update, doc, seen } = setup();
    applyUnencoded(doc, () => Y.applyUpdate(doc, update, 'peer'), () => false);
    expect(seen.map((s) => s.origin)).toEqual(['peer', 'write-back']);
  });
});
