import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { OutgoingMessage } from '@hocuspocus/server';
import { inspectServerMessage } from './hocuspocus';
import { DEFAULT_LIMITS } from './guard';

/* Issue 17, item 1: the server provider checks every message from the server like a peer's (guard.ts). */

const doc = () => { const d = new Y.Doc(); d.getMap('customers').set('c1', 'x'.repeat(2000)); return d; };
const limits = { ...DEFAULT_LIMITS, update: 1000 };

describe('messages from a Hocuspocus server', () => {
  it('lets the server’s own sync, awareness and status messages through', () => {
    const d = doc();
    const step1 = new OutgoingMessage('keyuan-x').createSyncMessage().writeFirstSyncStepFor(d as never).toUint8Array();
    const update = new OutgoingMessage('keyuan-x.activities').createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(d)).toUint8Array();
    const auth = new OutgoingMessage('keyuan-x').writeAuthenticated(true).toUint8Array();
    for (const m of [step1, update, auth]) expect(inspectServerMessage(m)).toEqual({ ok: true });
  });

  it('refuses an update over the limit, an unknown type, a large control message and garbage', () => {
    const update = new OutgoingMessage('keyuan-x').createSyncMessage().writeUpdate(Y.encodeStateAsUpdate(doc())).toUint8Array();
    expect(inspectServerMessage(update, limits)).toMatchObject({ ok: false, reason: 'too-large' });
    const unknown = encoding.createEncoder();
    encoding.writeVarString(unknown, 'keyuan-x');
    encoding.writeVarUint(unknown, 42);
    expect(inspectServerMessage(encoding.toUint8Array(unknown))).toMatchObject({ ok: false, reason: 'unknown-type' });
    const stateless = new OutgoingMessage('keyuan-x').writeStateless('x'.repeat(70 * 1024)).toUint8Array();
    expect(inspectServerMessage(stateless)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(inspectServerMessage(Uint8Array.of(200))).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
