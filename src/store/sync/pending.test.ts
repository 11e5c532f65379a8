import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Throttle, hasPending } from './pending';
import { syncPhase, type PhaseInput } from './session';

function updatesOf(doc: Y.Doc): Uint8Array[] {
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  return out;
}

describe('updates that wait on a missing one', () => {
  it('are seen in pendingStructs until the missing update arrives', () => {
    const a = new Y.Doc();
    const ups = updatesOf(a);
    a.getMap('customers').set('k1', 'one');
    a.getMap('customers').set('k2', 'two');
    const b = new Y.Doc();
    expect(hasPending(b)).toBe(false);
    Y.applyUpdate(b, ups[1]);
    expect(hasPending(b)).toBe(true);
    expect(b.getMap('customers').has('k2')).toBe(false);
    Y.applyUpdate(b, ups[0]);
    expect(hasPending(b)).toBe(false);
    expect(b.getMap('customers').toJSON()).toEqual({ k1: 'one', k2: 'two' });
  });

  it('are seen in pendingDs: a deletion of something never received', () => {
    const a = new Y.Doc();
    const ups = updatesOf(a);
    a.getMap('customers').set('k1', 'one');
    a.getMap('customers').delete('k1');
    const b = new Y.Doc();
    Y.applyUpdate(b, ups[1]);
    expect(b.store.pendingDs).not.toBeNull();
    expect(hasPending(b)).toBe(true);
    Y.applyUpdate(b, ups[0]);
    expect(hasPending(b)).toBe(false);
    expect(b.getMap('customers').has('k1')).toBe(false);
  });

  it('are asked about at most once per interval per peer, and at once again after clearing', () => {
    const t = new Throttle(2000);
    expect(t.due('p1', 1000)).toBe(true);
    expect(t.due('p1', 2500)).toBe(false);
    expect(t.due('p2', 2500)).toBe(true);
    expect(t.due('p1', 3000)).toBe(true);
    t.clear();
    expect(t.due('p1', 3100)).toBe(true);
  });
});

describe('the status chip', () => {
  const base: PhaseInput = {
    enabled: true, started: true, signaling: [{ url: 'ws://127.0.0.1:4444', connected: true, failures: 0 }],
    peers: 1, pending: 0, tabs: 0, wrongPassword: false, waitingOnMissing: false, online: true,
  };
  it('says catching up, not connected, while updates wait on a missing one', () => {
    expect(syncPhase(base)).toBe('connected');
    expect(syncPhase({ ...base, waitingOnMissing: true })).toBe('catching-up');
    // the first exchange comes first
    expect(syncPhase({ ...base, pending: 1, waitingOnMissing: true })).toBe('syncing');
    // through the Yjs server, or between tabs only
    const server = { status: 'connected' as const, synced: true, failures: 0 };
    expect(syncPhase({ ...base, peers: 0, server })).toBe('server');
    expect(syncPhase({ ...base, peers: 0, server, waitingOnMissing: true })).toBe('catching-up');
    expect(syncPhase({ ...base, peers: 0, tabs: 1, waitingOnMissing: true })).toBe('catching-up');
    // nobody to ask: the phase says why
    expect(syncPhase({ ...base, peers: 0, waitingOnMissing: true })).toBe('waiting');
    expect(syncPhase({ ...base, enabled: false, waitingOnMissing: true })).toBe('off');
  });

  it('keeps the other phases as they were', () => {
    expect(syncPhase({ ...base, started: false })).toBe('starting');
    expect(syncPhase({ ...base, peers: 0 })).toBe('waiting');
    expect(syncPhase({ ...base, peers: 0, wrongPassword: true })).toBe('wrong-password');
    expect(syncPhase({ ...base, peers: 0, signaling: [] })).toBe('no-server');
    const down = [{ url: 'ws://10.0.0.2:4444', connected: false, failures: 2 }];
    expect(syncPhase({ ...base, peers: 0, signaling: down })).toBe('unreachable');
    expect(syncPhase({ ...base, peers: 0, signaling: down, online: false })).toBe('offline');
    // a browser without network is offline, whatever the address: edits are kept, servers are not the problem
    expect(syncPhase({ ...base, peers: 0, signaling: [{ ...down[0], url: 'ws://127.0.0.1:4444' }], online: false })).toBe('offline');
    expect(syncPhase({ ...base, started: false, peers: 0, signaling: down, online: false })).toBe('offline');
    // …unless something is connected all the same (a server on this machine)
    expect(syncPhase({ ...base, online: false })).toBe('connected');
    expect(syncPhase({ ...base, peers: 0, online: false })).toBe('waiting');
    // only the page host's default address, and it never answered: a static site, sync is off — not an error
    expect(syncPhase({ ...base, peers: 0, signaling: down, implicitServer: true })).toBe('no-server');
    // …but once it answered, losing it is a real problem
    expect(syncPhase({ ...base, peers: 0, signaling: [{ ...down[0], everConnected: true }], implicitServer: true })).toBe('unreachable');
    expect(syncPhase({ ...base, peers: 0, server: { status: 'connected', synced: false, failures: 0 } })).toBe('syncing');
  });
});
