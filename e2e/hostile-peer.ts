// A modified client for the browser tests: it speaks the app's wire protocol (the same guarded
// y-webrtc) but writes records that are not valid and sends messages that are not messages.
// Bundled by e2e/sync.e2e.ts into a blank page of its own Chromium process; never shipped.
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { GuardedWebrtc } from '../src/store/sync/webrtc';

async function run(room: string, password: string, signaling: string[]): Promise<{ customers: number }> {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { id: 'hostile', name: '<b>恶意</b>'.repeat(50), role: 42, color: 'url(javascript:1)' } });
  const w = new GuardedWebrtc(doc, { room, password, signaling, iceServers: [], awareness }, { change: () => undefined, rejected: () => undefined });
  await w.ready;
  const customers = doc.getMap('customers');
  const until = Date.now() + 30_000;
  while (customers.size === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  const now = Date.now();
  doc.transact(() => {
    customers.set('evil1', { id: 'evil1', _c: [now, doc.clientID], createdAt: now, createdBy: 'hostile', updatedAt: now, updatedBy: 'hostile',
      code: 'KH-EVIL', name: { toString: 'x' }, creditLimit: 'lots of money', industry: ['not', 'a', 'code'], _s: 'nonsense' });
    customers.set('evil2', 12345);
    customers.set('evil3', { id: 42, name: 'no stamps' });
    doc.getArray('history').push([{ c: 'customers', r: 'evil1', s: 'bad' }, 7]);
  });
  // messages that are not protocol messages, and one far over the size limit
  const room_ = (w.provider as unknown as { room: { webrtcConns: Map<string, { peer: { send(d: Uint8Array): void } }> } }).room;
  for (const c of room_.webrtcConns.values()) {
    c.peer.send(Uint8Array.of(0, 2, 200, 1, 2, 3));
    c.peer.send(Uint8Array.of(9, 9, 9));
    c.peer.send(new Uint8Array(0));
  }
  await new Promise((r) => setTimeout(r, 1500));
  return { customers: customers.size };
}

(globalThis as unknown as { hostile: typeof run }).hostile = run;
