import type * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Awareness } from 'y-protocols/awareness';
import * as decoding from 'lib0/decoding';
import { DEFAULT_LIMITS, inspectMessage, type Limits } from './guard';
import { prove, verifyProof } from './token';
import { mayWriteIn, workspaceKeyIn } from './access';
import type { ServerState } from './websocket';

/**
 * The Hocuspocus server provider (loaded only when a server is set, by a dynamic import in
 * session.ts). One WebSocket carries every document group of the workspace — Hocuspocus names
 * the document in each message — and each group is one Hocuspocus document (`<room>` for core,
 * `<room>.<group>`). Each connection sends a fresh proof of this device's token for that document
 * (token.ts): the token itself never leaves the device.
 */

/** Hocuspocus message types (after the document name): Yjs sync and awareness are checked like a peer's. */
const SYNC = 0, AWARENESS = 1, AUTH = 2, QUERY_AWARENESS = 3, STATELESS = 5, BROADCAST_STATELESS = 6, CLOSE = 7, SYNC_STATUS = 8;
const SMALL = 64 * 1024;

/** Check one message from the server (document name, type, body) before the provider reads it. */
export function inspectServerMessage(bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): { ok: true } | { ok: false; reason: string; detail?: string } {
  try {
    const d = decoding.createDecoder(bytes);
    decoding.readVarString(d);
    const rest = bytes.subarray(d.pos);
    const type = decoding.readVarUint(d);
    if (type === SYNC || type === AWARENESS) {
      const v = inspectMessage(rest, limits);
      return v.ok ? { ok: true } : v;
    }
    if ([AUTH, QUERY_AWARENESS, STATELESS, BROADCAST_STATELESS, CLOSE, SYNC_STATUS].includes(type)) {
      return rest.length > SMALL ? { ok: false, reason: 'too-large', detail: `type ${type}` } : { ok: true };
    }
    return { ok: false, reason: 'unknown-type', detail: `type ${type}` };
  } catch (e) {
    return { ok: false, reason: 'malformed', detail: String((e as Error)?.message ?? e) };
  }
}

/** A WebSocket whose incoming messages are checked before the provider's listeners see them. */
function guardedSocket(limits: Limits, reject: (reason: string, detail?: string) => void, count: (n: number) => void): typeof WebSocket {
  return class GuardedSocket extends WebSocket {
    addEventListener(type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | AddEventListenerOptions): void {
      if (type !== 'message' || typeof fn !== 'function') return super.addEventListener(type, fn, opts);
      const wrapped = (ev: Event) => {
        const data = (ev as MessageEvent).data;
        if (!(data instanceof ArrayBuffer)) return reject('malformed', 'not binary');
        const bytes = new Uint8Array(data);
        count(bytes.length);
        const v = inspectServerMessage(bytes, limits);
        if (!v.ok) return reject(v.reason, v.detail);
        try { fn.call(this, ev); } catch (e) { reject('apply-failed', String((e as Error)?.message ?? e)); }
      };
      (fn as { guarded?: EventListener }).guarded = wrapped;
      super.addEventListener(type, wrapped, opts);
    }
    removeEventListener(type: string, fn: EventListenerOrEventListenerObject, opts?: boolean | EventListenerOptions): void {
      super.removeEventListener(type, (fn as { guarded?: EventListener }).guarded ?? fn, opts);
    }
  };
}

export interface HocuspocusOptions {
  url: string;
  room: string;
  /** This device's token (settings), or '' — the server then refuses, and says so. */
  token: string;
  limits?: Limits;
  change(): void;
  rejected(reason: string, detail?: string): void;
}

/** One document group on the server. */
export interface ServerDoc {
  name: string;
  provider: HocuspocusProvider;
  awareness: Awareness;
  synced: boolean;
  readOnly: boolean;
  denied?: string;
}

export class GuardedHocuspocus {
  readonly socket: HocuspocusProviderWebsocket;
  readonly docs: ServerDoc[] = [];
  readonly state: ServerState;
  bytesReceived = 0;
  private connected = false;

  constructor(private readonly opts: HocuspocusOptions) {
    this.state = { url: opts.url, status: 'connecting', synced: false, failures: 0 };
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.url,
      maxDelay: 30_000,
      WebSocketPolyfill: guardedSocket(opts.limits ?? DEFAULT_LIMITS, opts.rejected, (n) => { this.bytesReceived += n; }),
      onStatus: ({ status }) => {
        this.connected = status === 'connected';
        if (!this.connected) for (const d of this.docs) d.synced = false;
        if (status === 'disconnected') this.state.failures++;
        this.update();
      },
    });
  }

  /** Sync a document (a group) through the server. */
  add(doc: Y.Doc, name: string): ServerDoc {
    const awareness = new Awareness(doc);
    const entry = { name, awareness, synced: false, readOnly: false } as ServerDoc;
    entry.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document: doc,
      awareness,
      token: async () => (this.opts.token ? prove(this.opts.token, 'server', name) : ''),
      onSynced: () => { entry.synced = true; this.update(); },
      onAuthenticated: ({ scope }) => { entry.denied = undefined; entry.readOnly = scope === 'readonly'; this.update(); },
      onAuthenticationFailed: ({ reason }) => { entry.denied = reason || 'permission-denied'; entry.synced = false; this.update(); },
      onUnsyncedChanges: () => this.update(),
    });
    entry.provider.attach();
    awareness.on('change', () => this.opts.change());
    this.docs.push(entry);
    return entry;
  }

  /**
   * Honest state: connected once the socket is open and every document authenticated; synced
   * only once every document has had the server's answer.
   */
  private update(): void {
    const denied = this.docs.find((d) => d.denied)?.denied;
    this.state.denied = denied;
    this.state.readOnly = this.docs.some((d) => d.readOnly);
    this.state.status = !this.connected ? (this.state.status === 'connected' ? 'disconnected' : this.state.status === 'disconnected' ? 'disconnected' : 'connecting') : denied ? 'disconnected' : 'connected';
    this.state.synced = this.connected && !denied && this.docs.length > 0 && this.docs.every((d) => d.synced);
    this.state.unsynced = this.docs.reduce((n, d) => n + d.provider.unsyncedChanges, 0);
    if (this.state.synced) { this.state.syncedAt = Date.now(); this.state.failures = 0; }
    this.opts.change();
  }

  retryNow(): void {
    if (!this.connected) void this.socket.connect();
  }

  destroy(): void {
    for (const d of this.docs) d.provider.destroy();
    this.socket.destroy();
  }
}

/** Server mode, peers (webrtc.ts PeerAccess): this device's proof for a peer's challenge in a room. */
export async function proveToPeer(token: string, room: string, challenge: string): Promise<string | null> {
  return token ? prove(token, 'peer', `${room}\n${challenge}`) : null;
}

/** Whether a peer's proof of our challenge shows a token of this workspace whose role writes (by the core document). */
export async function peerMayWrite(core: Y.Doc, workspaceRoom: string, room: string, proof: string, challenge: string): Promise<boolean> {
  const key = workspaceKeyIn(core);
  const claims = key ? await verifyProof(proof, 'peer', `${room}\n${challenge}`, workspaceRoom, key) : null;
  return !!claims && (claims.a === true || mayWriteIn(core, claims.u));
}
