import type * as Y from 'yjs';
import { Room as YRoom, WebrtcProvider } from 'y-webrtc';
import * as syncProtocol from 'y-protocols/sync';
import { encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as bc from 'lib0/broadcastchannel';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Awareness } from 'y-protocols/awareness';
import { COMPRESS_ABOVE, DEFAULT_LIMITS, FRAME_FINAL_Z, Reassembler, chunkSize, decompress, inspectMessage, toFrames, type Inspection, type Limits } from './guard';
import { Throttle, hasPending } from './pending';
import { compressInTurn } from './deflate-off-thread';
import { applyAndStore } from '../core/unencoded';
import type { IceServer } from './settings';

/*
 * y-webrtc (10.3.0, pinned) with the defences it lacks, hooked into its objects rather than
 * forked: messages are framed (no SCTP size limit), checked and size-limited before y-webrtc
 * applies them, errors from peers are caught, signals that do not decrypt (another password)
 * are counted instead of raising unhandled rejections, and a signaling server that cannot be
 * reached is retried with a growing pause instead of every 2.5 s for ever. Tabs of one browser
 * exchange only what the other lacks (see connectRoom), not the whole document. No update is
 * ever dropped on the way out except the echo of a peer's own message back to it, and updates
 * that wait on a missing one make us ask the peer for the difference (see pending.ts).
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
const HOOKED = Symbol('keyuan-hooked');
type Listener = (...args: any[]) => void;
interface SimplePeer {
  send(data: Uint8Array): void;
  on(ev: string, f: Listener): void;
  listeners(ev: string): Listener[];
  removeListener(ev: string, f: Listener): void;
  destroyed?: boolean;
  _channel?: RTCDataChannel | null;
  _pc?: RTCPeerConnection | null;
}
interface Conn { remotePeerId: string; connected: boolean; synced: boolean; closed: boolean; peer: SimplePeer; destroy(): void }
interface Room {
  name: string; peerId: string; key: CryptoKey | null; doc: Y.Doc; awareness: Awareness;
  webrtcConns: Map<string, Conn>; bcConns: Set<string>; bcconnected: boolean; provider: { maxConns: number };
  _bcSubscriber: (d: ArrayBuffer, origin?: unknown) => unknown; _docUpdateHandler: Listener; _awarenessUpdateHandler: Listener;
  [HOOKED]?: boolean;
}
interface SignalingConn {
  url: string; connected: boolean; connecting: boolean; shouldConnect: boolean; ws: WebSocket | null;
  unsuccessfulReconnects: number; _observers: Map<string, Set<Listener>>;
  on(ev: string, f: Listener): void; send(m: unknown): void; connect(): void;
}

/** What we know of one WebRTC connection to a peer. */
export interface PeerConn {
  id: string;
  connected: boolean;
  synced: boolean;
  /** Awareness client ids whose presence came over this connection. */
  clients: Set<number>;
  connectedAt?: number;
  /** Last time a sync answer or an update from this peer was applied. */
  syncedAt?: number;
  stateVector?: Map<number, number>;
  rejected: number;
  /** Server mode: this peer proved a role that may write. */
  writer?: boolean;
}

export interface SignalingState { url: string; connected: boolean; connecting: boolean; failures: number; nextRetryAt?: number; everConnected: boolean }

export interface WebrtcEvents {
  change(): void;
  rejected(peer: string, reason: string, detail?: string): void;
}

export interface WebrtcOptions {
  room: string;
  password: string;
  signaling: string[];
  iceServers: IceServer[];
  awareness: Awareness;
  limits?: Limits;
  /**
   * Store a large update from a peer as received (its group's DocStore). Given only when no other provider (a y-websocket server) listens
   * to the document's updates, since the applied transaction is then not encoded for listeners.
   */
  storeReceived?: (update: Uint8Array) => void;
  /**
   * Server mode (a Hocuspocus server is set): document updates are accepted only from peers
   * that prove, with their token, a role that may write (see PeerAccess); reading is open.
   */
  access?: PeerAccess;
}

/**
 * Who may write through this room in server mode. Each side sends the other a random challenge
 * on connecting; the answer is a proof of its token over that challenge (token.ts), which the
 * receiver checks against the workspace key and the role in its core document.
 */
export interface PeerAccess {
  prove(challenge: string): Promise<string | null>;
  mayWrite(proof: string, challenge: string): Promise<boolean>;
}

/** The access message of server mode (not a y-webrtc type): 0 challenge, 1 proof. */
export const MSG_ACCESS = 9;

/** A peer's update at least this large is stored as received instead of encoded again (a join's first answer). */
export const STORE_RECEIVED_ABOVE = 256 * 1024;

/** Guards by room name, for the signaling hook (one SignalingConn serves every room of a page). */
const guards = new Map<string, GuardedWebrtc>();
/*
 * y-webrtc's Room.connect, less one step: it broadcasts the whole document to every tab of this
 * browser each time a tab connects (80 MB encoded, encrypted, copied and decoded again at
 * company scale, seconds of a frozen page just after opening). Here a tab announces itself and
 * each side sends its state vector when it learns of the other (hookRoom), so only differences
 * travel. The rest is y-webrtc's connect as it is in 10.3.0.
 */
const MESSAGE_SYNC = 0, MESSAGE_AWARENESS = 1, MESSAGE_QUERY_AWARENESS = 3, MESSAGE_BC_PEER_ID = 4;
function connectRoom(this: Room): void {
  const room = this;
  const guard = guards.get(room.name);
  guard?.hookRoom(room);
  room.doc.on('update', room._docUpdateHandler);
  room.awareness.on('update', room._awarenessUpdateHandler);
  void guard?.subscribeSignaling(room);
  bc.subscribe(room.name, room._bcSubscriber as any);
  room.bcconnected = true;
  void broadcastToTabs(room, message(MESSAGE_BC_PEER_ID, (e) => { encoding.writeUint8(e, 1); encoding.writeVarString(e, room.peerId); }));
  void broadcastToTabs(room, message(MESSAGE_QUERY_AWARENESS, () => {}));
  void broadcastToTabs(room, message(MESSAGE_AWARENESS, (e) => encoding.writeVarUint8Array(e, encodeAwarenessUpdate(room.awareness, [room.doc.clientID]))));
}
(YRoom.prototype as unknown as { connect: () => void }).connect = connectRoom;

/** A performance mark of a join's phases in one room (`npm run bench` prints them); costs nothing measurable. */
function mark(phase: string, room: string): void {
  performance.mark(`keyuan:sync:${phase}:${room.includes('.') ? room.slice(room.lastIndexOf('.') + 1) : 'core'}`);
}

const b64 = (bytes: Uint8Array) => toBase64(bytes).replace(/=+$/, '');

function message(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

const syncStep1 = (room: Room) => message(MESSAGE_SYNC, (e) => syncProtocol.writeSyncStep1(e, room.doc));

async function broadcastToTabs(room: Room, m: Uint8Array): Promise<void> {
  bc.publish(room.name, room.key ? await encrypt(m, room.key) : m);
}

const BACKOFF_S = [1, 2, 4, 8, 15, 30, 30, 60];
/** Frames are queued on the channel up to HIGH_WATER and topped up once it drains below LOW_WATER. */
const HIGH_WATER = 4 * 1024 * 1024;
const LOW_WATER = 512 * 1024;

export class GuardedWebrtc {
  readonly provider: WebrtcProvider;
  readonly peers = new Map<string, PeerConn>();
  readonly ready: Promise<void>;
  bytesSent = 0;
  bytesReceived = 0;
  /** When a signal in this room last failed to decrypt (a device with another password). */
  undecryptableAt = 0;
  undecryptable = 0;
  private room: Room | null = null;
  private signaling = new Map<string, SignalingState>();
  private monitor: ReturnType<typeof setInterval>;
  private lastReannounce = 0;
  /**
   * The peer whose message is being applied: the update of the transaction that applies it (origin
   * the room) is that peer's own data and is not sent back to it. Everything else written
   * meanwhile (the collections' merge write-back, a nested transaction) goes to that peer too.
   */
  private applyingFrom: string | null = null;
  /** Updates wait on a missing one (pending.ts): the peers were asked for the difference. */
  catchingUp = false;
  private asked = new Throttle();
  private destroyed = false;
  private readonly limits: Limits;
  private readonly onOnline = () => this.retryNow();

  constructor(doc: Y.Doc, private readonly opts: WebrtcOptions, private readonly events: WebrtcEvents) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    guards.set(opts.room, this);
    this.provider = new WebrtcProvider(opts.room, doc, {
      signaling: opts.signaling,
      password: opts.password || undefined,
      awareness: opts.awareness,
      peerOpts: { config: { iceServers: opts.iceServers } },
    } as any);
    for (const s of opts.signaling) this.signaling.set(s, { url: s, connected: false, connecting: true, failures: 0, everConnected: false });
    for (const c of this.signalingConns()) hookSignaling(c);
    this.provider.on('peers', () => { this.syncPeers(); this.events.change(); });
    this.provider.on('synced', () => { this.syncPeers(); this.events.change(); });
    this.ready = Promise.resolve(this.provider.key).then(() => {
      if (this.destroyed) return;
      this.room = (this.provider as any).room as Room;
      mark('key', opts.room);
      this.hookRoom(this.room);
      this.events.change();
    });
    this.monitor = setInterval(() => { this.watchSignaling(); this.watchPending(); }, 500);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  private signalingConns(): SignalingConn[] {
    return ((this.provider as any).signalingConns ?? []) as SignalingConn[];
  }

  signalingStates(): SignalingState[] {
    return [...this.signaling.values()].map((s) => ({ ...s }));
  }

  /** Tabs of this browser in the same room (BroadcastChannel, no network). */
  tabPeers(): number {
    return this.room?.bcConns.size ?? 0;
  }

  /** Reconnect to unreachable signaling servers now (a button, or the browser came online). */
  retryNow(): void {
    for (const c of this.signalingConns()) {
      const st = this.signaling.get(c.url);
      if (st) st.nextRetryAt = undefined;
      if (!c.connected && !c.shouldConnect) c.connect();
    }
  }

  private watchSignaling(): void {
    const now = Date.now();
    let changed = false;
    for (const c of this.signalingConns()) {
      const st = this.signaling.get(c.url) ?? { url: c.url, connected: false, connecting: false, failures: 0, everConnected: false };
      this.signaling.set(c.url, st);
      const before = JSON.stringify(st);
      st.connected = c.connected;
      st.connecting = c.connecting;
      if (c.connected) {
        st.failures = 0;
        st.everConnected = true;
        st.nextRetryAt = undefined;
      } else if (c.shouldConnect && !c.connecting && c.ws === null && c.unsuccessfulReconnects > 0) {
        // an attempt failed and lib0 has scheduled its own retry: take over with a growing pause
        c.shouldConnect = false;
        st.nextRetryAt = now + 1000 * BACKOFF_S[Math.min(st.failures, BACKOFF_S.length - 1)];
        st.failures++;
      } else if (!c.shouldConnect && !c.connected && st.nextRetryAt !== undefined && now >= st.nextRetryAt
        && !(globalThis.document?.hidden)) {
        st.nextRetryAt = undefined;
        c.connect();
      }
      if (JSON.stringify(st) !== before) changed = true;
    }
    if (changed) this.events.change();
  }

  /**
   * Updates that wait on a missing one are noticed even with no new traffic: every connected peer
   * and the tabs are asked for the difference (each at most every 2 s) while they wait.
   */
  private watchPending(): void {
    const room = this.room;
    if (!room || this.destroyed) return;
    if (hasPending(room.doc)) {
      for (const c of room.webrtcConns.values()) if (c.connected) this.askIfPending(room, c);
      if (room.bcConns.size) this.askIfPending(room, 'tabs');
    } else {
      this.setCatchingUp(false);
    }
  }

  /**
   * After applying a message from a peer (or a tab): if updates now wait on one we never got, send
   * that peer our state vector (sync step 1); it answers with everything we lack. Throttled per peer.
   */
  private askIfPending(room: Room, from: Conn | 'tabs'): void {
    if (this.destroyed) return;
    if (!hasPending(room.doc)) return this.setCatchingUp(false);
    this.setCatchingUp(true);
    if (from === 'tabs') {
      if (room.bcConns.size && this.asked.due('tabs')) void broadcastToTabs(room, syncStep1(room));
    } else if (!from.peer.destroyed && this.peers.get(from.remotePeerId)?.synced && this.asked.due(`peer:${from.remotePeerId}`)) {
      // a peer is asked only once its sync answer came: before that, what waits is most likely
      // waiting on that answer (a workspace takes seconds to arrive), and asking again would make
      // it encode and send the whole document once more
      try { from.peer.send(syncStep1(room)); } catch { /* closed meanwhile */ }
    }
  }

  private setCatchingUp(v: boolean): void {
    if (!v) this.asked.clear();
    if (v === this.catchingUp) return;
    this.catchingUp = v;
    this.events.change();
  }

  /** Harden a room once, when y-webrtc connects it (see connectRoom) or when its key is ready. */
  hookRoom(room: Room): void {
    if (room[HOOKED]) return;
    room[HOOKED] = true;
    // every connection is hardened the moment y-webrtc creates it, before any data can arrive
    const self = this;
    const guarded = new (class extends Map<string, Conn> {
      set(k: string, conn: Conn) { self.hardenConn(conn, room); return super.set(k, conn); }
    })();
    for (const [k, v] of room.webrtcConns) guarded.set(k, v);
    room.webrtcConns = guarded;
    // a tab that appears gets our state vector and answers with what we lack (it gets what it
    // lacks the same way, from its side), instead of y-webrtc sending each tab the whole document
    const tabs = new (class extends Set<string> {
      add(id: string) { if (!this.has(id)) void broadcastToTabs(room, syncStep1(room)); return super.add(id); }
    })();
    for (const id of room.bcConns) Set.prototype.add.call(tabs, id);
    room.bcConns = tabs;
    // y-webrtc encodes every document update for all peers and all tabs; nothing is encoded when
    // nobody is to receive it (a joining peer applying a whole workspace from its one peer,
    // with no other tab open, would re-encode and encrypt 80 MB for nobody)
    room.doc.off('update', room._docUpdateHandler);
    room._docUpdateHandler = (update: Uint8Array, origin: unknown) => {
      const peers = echoFilter(room.webrtcConns.values(), origin, room, this.applyingFrom);
      if (!peers.length && !room.bcConns.size) return;
      const m = message(MESSAGE_SYNC, (e) => syncProtocol.writeUpdate(e, update));
      if (room.bcConns.size) void broadcastToTabs(room, m);
      for (const c of peers) {
        try { c.peer.send(m); } catch { /* closed meanwhile */ }
      }
    };
    if (room.bcconnected) room.doc.on('update', room._docUpdateHandler);
    const original = room._bcSubscriber;
    const wrapped = (data: ArrayBuffer, origin?: unknown) => {
      // lib0 hands our own broadcasts back to us (origin null); applying them again costs a
      // decryption and a decode of everything we sent
      if (origin !== 'broadcastchannel') return;
      // tabs of this browser: a tab with another password (or garbage) must not raise rejections
      try {
        const p = original(data) as PromiseLike<unknown> | undefined;
        p?.then?.(() => this.askIfPending(room, 'tabs'), () => this.noteUndecryptable());
      } catch {
        this.noteUndecryptable();
      }
    };
    if (room.bcconnected) {
      bc.unsubscribe(room.name, room._bcSubscriber as any);
      bc.subscribe(room.name, wrapped as any);
    }
    room._bcSubscriber = wrapped;
  }

  private hardenConn(conn: Conn, room: Room): void {
    const peer = conn.peer as SimplePeer & { [HOOKED]?: boolean };
    if (peer[HOOKED]) return;
    peer[HOOKED] = true;
    const info: PeerConn = { id: conn.remotePeerId, connected: false, synced: false, clients: new Set(), rejected: 0 };
    mark('conn', room.name);
    this.peers.set(conn.remotePeerId, info);

    // sending: frames, with our own back-pressure on the channel's buffer
    const rawSend = peer.send.bind(peer);
    const queue: Uint8Array[] = [];
    // every queued frame given to the channel (or the connection gone): see compressInTurn
    const handedOverWaiters: Array<() => void> = [];
    const handedOver = () => (queue.length && !peer.destroyed ? new Promise<void>((r) => handedOverWaiters.push(r)) : Promise.resolve());
    let waiting = false;
    const pump = () => {
      const ch = peer._channel;
      if (!ch || ch.readyState !== 'open') { waiting = false; return; }
      if (ch.bufferedAmountLowThreshold < LOW_WATER) ch.bufferedAmountLowThreshold = LOW_WATER;
      try {
        while (queue.length && ch.bufferedAmount < HIGH_WATER) {
          const f = queue.shift()!;
          rawSend(f);
          this.bytesSent += f.length;
        }
      } catch {
        queue.length = 0;
      }
      if (!queue.length) for (const f of handedOverWaiters.splice(0)) f();
      if (queue.length && !waiting) {
        waiting = true;
        const go = () => { ch.removeEventListener('bufferedamountlow', go); clearTimeout(timer); waiting = false; pump(); };
        const timer = setTimeout(go, 200);
        ch.addEventListener('bufferedamountlow', go);
      }
    };
    // large messages are compressed (async): later messages wait behind them, order is kept
    let sending: Promise<void> = Promise.resolve();
    const queueFrames = (frames: Uint8Array[]) => {
      if (peer.destroyed) return;
      for (const f of frames) queue.push(f);
      if (!waiting) pump();
    };
    const enqueue = (bytes: Uint8Array, compressed: boolean) => queueFrames(toFrames(bytes, chunkSize(peer._pc?.sctp?.maxMessageSize), compressed));
    // nothing is dropped here: which update goes to whom is decided by the room's update handler
    peer.send = (data: Uint8Array) => {
      if (peer.destroyed) return;
      const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBufferLike);
      if (bytes.length > COMPRESS_ABOVE) {
        // frames go out as they are deflated (the channel sends while the rest compresses)
        sending = sending.then(() => compressInTurn(bytes, chunkSize(peer._pc?.sctp?.maxMessageSize), queueFrames, handedOver)).then(() => mark('deflated', room.name))
          .catch(() => { queueFrames([Uint8Array.of(FRAME_FINAL_Z)]); enqueue(bytes, false); }); // ends what was sent (refused as malformed), then sends it plain
      } else {
        sending = sending.then(() => enqueue(bytes, false));
      }
    };
    const challenge = b64(crypto.getRandomValues(new Uint8Array(16)));
    peer.on('connect', () => {
      info.connected = true; info.connectedAt = Date.now(); mark('open', room.name); pump(); this.events.change();
      if (this.opts.access) peer.send(message(MSG_ACCESS, (e) => { encoding.writeVarUint(e, 0); encoding.writeVarString(e, challenge); }));
    });
    peer.on('close', () => { info.connected = false; queue.length = 0; for (const f of handedOverWaiters.splice(0)) f(); this.events.change(); });
    peer.on('error', () => { /* y-webrtc re-announces; the connection is gone */ });

    // receiving: reassemble, inspect, then hand to y-webrtc's own handler, catching everything
    const handlers = peer.listeners('data');
    for (const h of handlers) peer.removeListener('data', h);
    const frames = new Reassembler(this.limits.update + 1024);
    let receiving: Promise<void> = Promise.resolve();
    peer.on('data', (chunk: Uint8Array) => {
      this.bytesReceived += chunk.length;
      const r = frames.push(chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk));
      if (r.kind === 'partial') return;
      if (r.kind === 'rejected') return this.reject(info, r.reason);
      if (r.message.length > COMPRESS_ABOVE) mark('received', room.name);
      // messages are handled in arrival order, a compressed one once it is inflated
      receiving = receiving.then(async () => {
        let message = r.message;
        if (r.compressed) {
          try {
            message = await decompress(message, this.limits.update + 1024);
          } catch (e) {
            return this.reject(info, (e as Error)?.message === 'too-large' ? 'too-large' : 'malformed', 'deflate');
          }
        }
        if (peer.destroyed) return;
        // not awaited: a proof may be checked again for a while (handleAccess), later messages do not wait
        if (this.opts.access && message[0] === MSG_ACCESS) { void this.handleAccess(message, info, challenge, peer, room); return; }
        handle(message);
      });
    });
    const handle = (message: Uint8Array) => {
      const r = { message };
      const v = inspectMessage(r.message, this.limits);
      if (!v.ok) return this.reject(info, v.reason, v.detail);
      // server mode: only a peer that proved a role that may write changes the document here
      if (this.opts.access && !info.writer && (v.kind === 'step2' || v.kind === 'update')) {
        // its answer came (we take nothing from it): the first exchange with it is over
        if (v.kind === 'step2') info.synced = true;
        return this.reject(info, 'read-only', v.kind);
      }
      this.applyingFrom = info.id;
      try {
        const store = this.receivedStore(room, info.id, v);
        const apply = () => { for (const h of handlers) h(r.message); };
        if (store && (v.kind === 'step2' || v.kind === 'update')) applyAndStore(room.doc, apply, (tx) => tx.origin === room, v.body, store);
        else apply();
      } catch (e) {
        return this.reject(info, 'apply-failed', String((e as Error)?.message ?? e));
      } finally {
        this.applyingFrom = null;
      }
      if (v.kind === 'step1' || v.kind === 'step2') mark(v.kind === 'step1' ? 'answered' : 'applied', room.name);
      this.noteMessage(info, v, conn);
      if (v.kind === 'step2' || v.kind === 'update') this.askIfPending(room, conn);
    };
  }

  /** Server mode: answer a peer's challenge with our proof, or check its proof of ours. */
  private async handleAccess(msg: Uint8Array, info: PeerConn, challenge: string, peer: SimplePeer, room: Room): Promise<void> {
    const access = this.opts.access!;
    try {
      const d = decoding.createDecoder(msg);
      decoding.readVarUint(d);
      const kind = decoding.readVarUint(d);
      const text = decoding.readVarString(d);
      if (text.length > 4096) return this.reject(info, 'too-large', 'access');
      if (kind === 0) {
        const proof = await access.prove(text);
        if (proof && !peer.destroyed) peer.send(message(MSG_ACCESS, (e) => { encoding.writeVarUint(e, 1); encoding.writeVarString(e, proof); }));
      } else if (kind === 1 && !info.writer) {
        // a device that has just joined may not hold the users and roles yet: checked again a
        // few times while the connection lasts
        for (let i = 0; i < 30 && !peer.destroyed && !this.destroyed; i++) {
          if (await access.mayWrite(text, challenge)) {
            info.writer = true;
            // what it sent before it proved itself was refused: ask for it again
            peer.send(syncStep1(room));
            this.events.change();
            return;
          }
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
    } catch (e) {
      this.reject(info, 'malformed', `access: ${String((e as Error)?.message ?? e)}`);
    }
  }

  /**
   * For a large update from `from` that nobody else is to receive (no other peer or tab of this
   * room), the function that stores it as received — then it is applied without Yjs encoding it
   * again for the listeners (store/core/unencoded.ts): at company scale seconds of a joining
   * peer's main thread. Null otherwise (applied and stored as usual).
   */
  private receivedStore(room: Room, from: string, v: Inspection & { ok: true }): ((update: Uint8Array) => void) | null {
    const store = this.opts.storeReceived;
    if (!store || (v.kind !== 'step2' && v.kind !== 'update') || v.bytes < STORE_RECEIVED_ABOVE) return null;
    if (echoFilter(room.webrtcConns.values(), room, room, from).length || room.bcConns.size) return null;
    return store;
  }

  private noteMessage(info: PeerConn, v: Inspection & { ok: true }, conn: Conn): void {
    if (v.kind === 'step1') info.stateVector = v.stateVector;
    else if (v.kind === 'step2' || v.kind === 'update') info.syncedAt = Date.now();
    else if (v.kind === 'awareness') for (const c of v.clients) info.clients.add(c);
    // y-webrtc's own conn.synced is only set while the room is not yet synced as a whole, so a
    // peer that (re)connects later would look unsynced for ever: its sync answer is what counts
    if (v.kind === 'step2' || conn.synced) info.synced = true;
    if (v.kind !== 'query-awareness') this.events.change();
  }

  private reject(info: PeerConn, reason: string, detail?: string): void {
    info.rejected++;
    this.events.rejected(info.id, reason, detail);
    this.events.change();
  }

  private syncPeers(): void {
    const conns = this.room?.webrtcConns;
    for (const [id, info] of this.peers) {
      const c = conns?.get(id);
      if (!c) { if (!info.connected) this.peers.delete(id); else info.connected = false; continue; }
      info.connected = c.connected;
      info.synced = info.synced || c.synced;
    }
  }

  /** A signal in this room did not decrypt: another device uses a different password. */
  noteUndecryptable(): void {
    this.undecryptable++;
    this.undecryptableAt = Date.now();
    this.events.change();
    // answer with our own announce (at most every 10 s) so that device learns it too
    if (Date.now() - this.lastReannounce > 10_000) {
      this.lastReannounce = Date.now();
      void this.announce();
    }
  }

  /** Join the room's topic on signaling servers already connected (others subscribe on open). */
  async subscribeSignaling(room: Room): Promise<void> {
    mark('subscribe', room.name);
    for (const c of this.signalingConns()) if (c.connected) c.send({ type: 'subscribe', topics: [room.name] });
    await this.announce(room);
  }

  private async announce(room = this.room): Promise<void> {
    if (!room || this.destroyed || room.webrtcConns.size >= room.provider.maxConns) return;
    try {
      const body = { type: 'announce', from: room.peerId };
      const data = room.key ? toBase64(await encryptJson(body, room.key)) : body;
      for (const c of this.signalingConns()) if (c.connected) c.send({ type: 'publish', topic: room.name, data });
    } catch {
      /* the signaling connection closed meanwhile */
    }
  }

  /** The room (once its key is derived), for the signaling hook. */
  get activeRoom(): Room | null {
    return this.room;
  }

  async destroy(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    clearInterval(this.monitor);
    globalThis.removeEventListener?.('online', this.onOnline);
    if (guards.get(this.opts.room) === this) guards.delete(this.opts.room);
    this.provider.destroy();
    // y-webrtc frees the room name once the key promise has run its destroy
    await Promise.resolve(this.provider.key);
    await new Promise((r) => setTimeout(r, 0));
  }
}

/**
 * The peers a document update goes to. y-webrtc relays every update to every peer, also to the
 * one whose message is being applied (a joining peer would send a whole workspace back); only
 * that echo is skipped: the update of the transaction y-webrtc applies a peer's message in (its
 * origin is the room, for peers and tabs alike). Any other update written while it is applied —
 * the collections' merge write-back (origin 'keyuan:merge') in a nested transaction — is new
 * data of ours and goes to every peer including that one: a peer that misses one update of a
 * writer keeps every later update of that writer pending for ever.
 */
export function echoFilter<C extends { remotePeerId: string }>(conns: Iterable<C>, origin: unknown, room: unknown, applyingFrom: string | null): C[] {
  const skip = origin === room ? applyingFrom : null;
  return [...conns].filter((c) => c.remotePeerId !== skip);
}

/**
 * Route every published signal of a room we guard through our own decryption first: a signal
 * that does not decrypt is counted (wrong password) instead of becoming an unhandled rejection
 * inside y-webrtc, and y-webrtc's handler then runs synchronously inside a try/catch.
 */
function hookSignaling(conn: SignalingConn): void {
  const c = conn as SignalingConn & { [HOOKED]?: boolean };
  if (c[HOOKED]) return;
  c[HOOKED] = true;
  const set = conn._observers.get('message');
  const originals = set ? [...set] : [];
  set?.clear();
  let chain: Promise<void> = Promise.resolve();
  const run = (m: unknown) => {
    for (const f of originals) {
      try { f(m, conn); } catch { /* a malformed signal from a peer */ }
    }
  };
  conn.on('message', (m: any) => {
    const guard = m && m.type === 'publish' && typeof m.topic === 'string' ? guards.get(m.topic) : undefined;
    const room = guard?.activeRoom;
    if (!guard || !room || !room.key) return run(m);
    if (typeof m.data !== 'string') return; // unencrypted signal in an encrypted room: ignored, as y-webrtc does
    const key = room.key;
    chain = chain.then(async () => {
      let data: unknown;
      try {
        data = await decryptJson(fromBase64(m.data), key);
      } catch {
        guard.noteUndecryptable();
        return;
      }
      room.key = null; // y-webrtc then runs the decrypted signal at once, inside our try/catch
      try { run({ ...m, data }); } finally { room.key = key; }
    });
  });
}

// y-webrtc's message encryption (src/crypto.js is not exported): AES-GCM, iv, cipher text.
async function decryptJson(data: Uint8Array, key: CryptoKey): Promise<unknown> {
  const d = decoding.createDecoder(data);
  if (decoding.readVarString(d) !== 'AES-GCM') throw new Error('unknown cipher');
  const iv = decoding.readVarUint8Array(d);
  const cipher = decoding.readVarUint8Array(d);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, cipher as BufferSource);
  return decoding.readAny(decoding.createDecoder(new Uint8Array(plain)));
}

async function encryptJson(data: unknown, key: CryptoKey): Promise<Uint8Array> {
  const e = encoding.createEncoder();
  encoding.writeAny(e, data as any);
  return encrypt(encoding.toUint8Array(e), key);
}

async function encrypt(data: Uint8Array, key: CryptoKey): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const cipher = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, data as BufferSource);
  const out = encoding.createEncoder();
  encoding.writeVarString(out, 'AES-GCM');
  encoding.writeVarUint8Array(out, iv);
  encoding.writeVarUint8Array(out, new Uint8Array(cipher));
  return encoding.toUint8Array(out);
}
