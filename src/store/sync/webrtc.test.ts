import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness } from 'y-protocols/awareness';
import { Workspace } from '../core/workspace';
import type { Collection } from '../core/collection';
import { FRAME_FINAL } from './guard';
import { GuardedWebrtc, echoFilter, type PeerAccess } from './webrtc';
import { hasPending } from './pending';

/*
 * The real GuardedWebrtc (its hooked room update handler, framing, receive path and the
 * pending check) on real y-webrtc rooms, with real workspaces and their merge observer. Only
 * the WebRTC connection is stood in for: a pair of in-memory peers that deliver frames
 * asynchronously, and y-webrtc's WebrtcConn reduced to what it does with them in 10.3.0
 * (sync step 1 on connect, readSyncMessage with the room as transaction origin, the answer sent
 * back). Node has no RTCPeerConnection.
 */

class FakePeer extends EventEmitter {
  destroyed = false;
  other?: FakePeer;
  /** Frames this peer put on the wire (after our framing), dropped or not. */
  sent: Uint8Array[] = [];
  drop?: (frame: Uint8Array) => boolean;
  _channel = { readyState: 'open', bufferedAmount: 0, bufferedAmountLowThreshold: 0, addEventListener() {}, removeEventListener() {} };
  _pc = { sctp: { maxMessageSize: 262144 } };
  send(frame: Uint8Array): void {
    if (this.destroyed) throw new Error('closed');
    this.sent.push(frame);
    if (this.drop?.(frame)) return;
    const to = this.other;
    setTimeout(() => { if (to && !to.destroyed) to.emit('data', frame); }, 1);
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('close');
  }
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Room = { doc: Y.Doc; peerId: string; webrtcConns: Map<string, any> };
const roomOf = (w: GuardedWebrtc) => (w.provider as any).room as Room;

/** What y-webrtc's WebrtcConn does with a connected peer (10.3.0), on a fake peer. */
function conn(room: Room, remotePeerId: string, peer: FakePeer) {
  const c = { room, remotePeerId, peer, connected: false, synced: false, closed: false, destroy: () => peer.destroy() };
  peer.on('connect', () => {
    c.connected = true;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, room.doc);
    peer.send(encoding.toUint8Array(e));
  });
  peer.on('data', (buf: Uint8Array) => {
    const d = decoding.createDecoder(buf);
    if (decoding.readVarUint(d) !== 0) return; // presence is not part of these tests
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    const t = syncProtocol.readSyncMessage(d, e, room.doc, room);
    if (t === syncProtocol.messageYjsSyncStep2) c.synced = true;
    if (t === syncProtocol.messageYjsSyncStep1) peer.send(encoding.toUint8Array(e));
  });
  peer.on('close', () => { c.connected = false; c.closed = true; room.webrtcConns.delete(remotePeerId); });
  return c;
}

/** Connect two guarded providers as y-webrtc would once their data channel opens. */
function link(a: GuardedWebrtc, b: GuardedWebrtc) {
  const ra = roomOf(a), rb = roomOf(b);
  const pa = new FakePeer(), pb = new FakePeer();
  pa.other = pb;
  pb.other = pa;
  ra.webrtcConns.set(rb.peerId, conn(ra, rb.peerId, pa));
  rb.webrtcConns.set(ra.peerId, conn(rb, ra.peerId, pb));
  pa.emit('connect');
  pb.emit('connect');
  return { pa, pb, cut: () => { pa.destroy(); pb.destroy(); } };
}

const isUpdate = (f: Uint8Array) => f[0] === FRAME_FINAL && f[1] === 0 && f[2] === 2;
const isStep1 = (f: Uint8Array) => f[0] === FRAME_FINAL && f[1] === 0 && f[2] === 0;

async function until(cond: () => boolean, ms = 1000): Promise<number> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return Date.now() - t0;
}
const settle = () => new Promise((r) => setTimeout(r, 60));

let n = 0;
const open: { w: GuardedWebrtc; aw: Awareness }[] = [];
async function device(name: string, access?: PeerAccess) {
  const ws = new Workspace(name);
  ws.actorId = name;
  const aw = new Awareness(ws.doc);
  const refused: string[] = [];
  const w = new GuardedWebrtc(ws.doc, { room: `webrtc-test-${n++}-${name}`, password: '', signaling: [], iceServers: [], awareness: aw, access },
    { change: () => undefined, rejected: (_p, reason, detail) => { if (!access) throw new Error(`rejected ${reason} ${detail}`); refused.push(reason); } });
  await w.ready;
  open.push({ w, aw });
  return { ws, w, customers: ws.collection('customers'), refused };
}

/** A stand-in for session.ts's token check: the proof names the role, and must answer our challenge. */
const roleAccess = (role: 'writer' | 'reader'): PeerAccess => ({
  prove: async (challenge) => `${role}:${challenge}`,
  mayWrite: async (proof, challenge) => proof === `writer:${challenge}`,
});
afterEach(async () => {
  for (const { w, aw } of open.splice(0)) { await w.destroy(); aw.destroy(); }
});

const sv = (ws: Workspace) => Buffer.from(Y.encodeStateVector(ws.doc)).toString('hex');
const byCode = (c: Collection, code: string) => c.live().find((r) => r.code === code) as Record<string, unknown> | undefined;

describe('the guarded y-webrtc room never drops an update but the echo', () => {
  it('skips the peer being applied from only for the update of the apply itself', () => {
    const room = {};
    const conns = [{ remotePeerId: 'p1' }, { remotePeerId: 'p2' }];
    expect(echoFilter(conns, room, room, 'p1').map((c) => c.remotePeerId)).toEqual(['p2']);
    // the merge write-back (another origin) during that apply goes to the sender too
    expect(echoFilter(conns, 'keyuan:merge', room, 'p1').map((c) => c.remotePeerId)).toEqual(['p1', 'p2']);
    // an update applied from a tab (also origin room, nobody being applied from) goes to every peer
    expect(echoFilter(conns, room, room, null).map((c) => c.remotePeerId)).toEqual(['p1', 'p2']);
  });

  it('after merging concurrent edits made apart, later edits still cross both ways at once', async () => {
    const A = await device('a');
    const B = await device('b');
    const kh1 = A.customers.create({ code: 'KH001', name: '杭州恒远机械' });
    const l1 = link(A.w, B.w);
    await until(() => !!byCode(B.customers, 'KH001'));
    l1.cut();

    // apart: each edits another field of KH001 and adds a customer
    A.customers.update(kh1.id, { phone: '0571-88880000' });
    B.customers.update(kh1.id, { name: '杭州恒远机械集团' });
    const k100 = A.customers.create({ code: 'KH100', name: '甲方新客户' });
    const k200 = B.customers.create({ code: 'KH200', name: '乙方新客户' });

    const l2 = link(A.w, B.w);
    for (const d of [A, B]) {
      await until(() => !!byCode(d.customers, 'KH100') && !!byCode(d.customers, 'KH200')
        && byCode(d.customers, 'KH001')?.name === '杭州恒远机械集团' && byCode(d.customers, 'KH001')?.phone === '0571-88880000');
    }
    await settle();
    // both wrote the merge back while applying the other's data; each write-back reached the other
    expect(sv(A.ws)).toBe(sv(B.ws));
    expect(hasPending(A.ws.doc) || hasPending(B.ws.doc)).toBe(false);
    // …which means both directions carried updates written during an apply
    expect(l2.pa.sent.some(isUpdate) && l2.pb.sent.some(isUpdate)).toBe(true);

    // live edits, both ways, on the merged record and the new ones
    A.customers.update(k100.id, { name: '甲方新客户(改)' });
    await until(() => byCode(B.customers, 'KH100')?.name === '甲方新客户(改)', 500);
    B.customers.update(k200.id, { name: '乙方新客户(改)' });
    await until(() => byCode(A.customers, 'KH200')?.name === '乙方新客户(改)', 500);
    A.customers.update(kh1.id, { phone: '0571-99990000' });
    await until(() => byCode(B.customers, 'KH001')?.phone === '0571-99990000', 500);
    B.customers.update(kh1.id, { name: '恒远机械集团(总部)' });
    await until(() => byCode(A.customers, 'KH001')?.name === '恒远机械集团(总部)', 500);
    await settle();
    for (const d of [A, B]) {
      expect(d.customers.live().map((r) => r.code).sort()).toEqual(['KH001', 'KH100', 'KH200']);
      expect(hasPending(d.ws.doc)).toBe(false);
      expect(d.w.catchingUp).toBe(false);
    }
    expect(sv(A.ws)).toBe(sv(B.ws));
  });

  it('relays a peer\'s update to the other peers but never back to its sender', async () => {
    const A = await device('a');
    const B = await device('b');
    const C = await device('c');
    const ab = link(A.w, B.w);
    const ac = link(A.w, C.w); // B and C only meet through A
    await settle();
    const sentBack = ab.pa.sent.length;
    const relayed = ac.pa.sent.length;
    B.customers.create({ code: 'KH300', name: '丙' });
    await until(() => !!byCode(C.customers, 'KH300'));
    await settle();
    expect(ab.pa.sent.slice(sentBack).filter(isUpdate)).toEqual([]);
    expect(ac.pa.sent.slice(relayed).filter(isUpdate)).toHaveLength(1);
  });
});

describe('updates that wait on a missing one', () => {
  it('make the peer ask the sender for what it lacks, at once', async () => {
    const A = await device('a');
    const B = await device('b');
    const l = link(A.w, B.w);
    await settle();
    // the wire loses A's next update
    let lost = 0;
    l.pa.drop = (f) => isUpdate(f) && lost++ === 0;
    A.customers.create({ code: 'KH001', name: '甲' });
    await settle();
    expect(byCode(B.customers, 'KH001')).toBeUndefined();
    const asked = l.pb.sent.length;
    A.customers.create({ code: 'KH002', name: '乙' });
    // KH002 waits on KH001 at B, so B sends A its state vector and A answers with both
    const took = await until(() => !!byCode(B.customers, 'KH001') && !!byCode(B.customers, 'KH002'), 500);
    expect(took).toBeLessThan(500);
    expect(l.pb.sent.slice(asked).filter(isStep1)).toHaveLength(1);
    await settle();
    expect(hasPending(B.ws.doc)).toBe(false);
    expect(B.w.catchingUp).toBe(false);
  });

  it('are not asked about while the peer\'s sync answer is still on its way (it would send everything again)', async () => {
    const A = await device('a');
    for (let i = 0; i < 50; i++) A.customers.create({ code: `KH${i}`, name: `客户 ${i}` });
    const B = await device('b');
    const l = link(A.w, B.w);
    // written before A has read B's sync step 1: this update reaches B before A's answer and
    // waits there on the records the answer carries
    A.customers.create({ code: 'KH900', name: '新' });
    await until(() => !!byCode(B.customers, 'KH900') && B.customers.live().length === 51);
    await settle();
    expect(l.pb.sent.filter(isStep1)).toHaveLength(1); // its first step 1, no second ask
    expect(hasPending(B.ws.doc)).toBe(false);
  });

  it('are noticed without new traffic and asked about again while they wait (at most every 2 s)', async () => {
    const A = await device('a');
    const B = await device('b');
    const l = link(A.w, B.w);
    await settle();
    let lost = 0;
    l.pa.drop = (f) => isUpdate(f) && lost++ === 0;
    // B's first request is lost too
    let lostAsk = 0;
    l.pb.drop = (f) => isStep1(f) && lostAsk++ === 0;
    A.customers.create({ code: 'KH001', name: '甲' });
    A.customers.create({ code: 'KH002', name: '乙' });
    await until(() => B.w.catchingUp);
    expect(lostAsk).toBe(1);
    await new Promise((r) => setTimeout(r, 1000));
    // not asked again within the 2 s
    expect(lostAsk).toBe(1);
    expect(byCode(B.customers, 'KH002')).toBeUndefined();
    // the 500 ms monitor asks again once 2 s have passed: everything arrives
    await until(() => !!byCode(B.customers, 'KH001') && !!byCode(B.customers, 'KH002'), 2500);
    expect(lostAsk).toBe(2);
    await until(() => !B.w.catchingUp, 1000);
  });
});

describe('server mode: peers take updates only from a peer that proved a writing role', () => {
  it('refuses a read-only peer’s edits and still sends it everything; a writer’s edits cross', async () => {
    const T = await device('teacher', roleAccess('writer'));
    const S = await device('student', roleAccess('reader'));
    const W = await device('colleague', roleAccess('writer'));
    S.customers.create({ code: 'KH666', name: '越权客户' });
    W.customers.create({ code: 'KH002', name: '宁波海联贸易' });
    T.customers.create({ code: 'KH001', name: '杭州恒远机械' });
    link(T.w, S.w);
    link(T.w, W.w);
    await until(() => !!byCode(T.customers, 'KH002') && !!byCode(S.customers, 'KH002'), 3000);
    await settle();
    expect(byCode(T.customers, 'KH666')).toBeUndefined();
    expect(byCode(W.customers, 'KH666')).toBeUndefined();
    expect(T.refused).toContain('read-only');
    expect(byCode(S.customers, 'KH001')).toBeDefined();
    // later live edits: the writer's cross, the student's do not
    W.customers.create({ code: 'KH003', name: '温州新联' });
    S.customers.create({ code: 'KH667', name: '又一个' });
    await until(() => !!byCode(S.customers, 'KH003'), 3000);
    await settle();
    expect(byCode(T.customers, 'KH667')).toBeUndefined();
  });
});
