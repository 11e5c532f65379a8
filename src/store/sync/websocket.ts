import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { DEFAULT_LIMITS, MSG_AUTH, inspectMessage, type Limits } from './guard';
import { Throttle, hasPending } from './pending';

export interface ServerState {
  url: string; status: 'connecting' | 'connected' | 'disconnected'; synced: boolean; syncedAt?: number; failures: number;
  /** Hocuspocus: why the server refused this device (no token, an invalid one). */
  denied?: string;
  /** Hocuspocus: the server lets this device read only (its role). */
  readOnly?: boolean;
  /** Hocuspocus: local edits the server has not acknowledged (refused ones stay here). */
  unsynced?: number;
}

/**
 * A WebSocket whose incoming messages are size-limited and checked before y-websocket applies
 * them; an error while applying is reported instead of escaping into the page.
 */
function guardedSocket(limits: Limits, reject: (reason: string, detail?: string) => void, count: (n: number) => void, applied: () => void): typeof WebSocket {
  return class GuardedSocket extends WebSocket {
    set onmessage(fn: ((this: WebSocket, ev: MessageEvent) => unknown) | null) {
      super.onmessage = fn === null ? null : (ev: MessageEvent) => {
        const bytes = ev.data instanceof ArrayBuffer ? new Uint8Array(ev.data) : null;
        if (!bytes) return reject('malformed', 'not binary');
        count(bytes.length);
        if (bytes[0] !== MSG_AUTH) {
          const v = inspectMessage(bytes, limits);
          if (!v.ok) return reject(v.reason, v.detail);
        }
        try {
          fn.call(this, ev);
        } catch (e) {
          reject('apply-failed', String((e as Error)?.message ?? e));
        }
        applied();
      };
    }
    get onmessage(): ((this: WebSocket, ev: MessageEvent) => unknown) | null {
      return super.onmessage;
    }
  };
}

/**
 * The optional y-websocket provider: the same document through an existing Yjs server.
 * y-websocket sends every update whose origin is not the provider itself (what the server just
 * sent), so the merge write-back made while a server message is applied goes out like any
 * other. Updates that wait on a missing one make us ask the server for the difference.
 */
export class GuardedWebsocket {
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly state: ServerState;
  bytesReceived = 0;
  /** Updates wait on a missing one and the server was asked for the difference. */
  catchingUp = false;
  private asked = new Throttle();
  private monitor: ReturnType<typeof setInterval>;

  constructor(doc: Y.Doc, url: string, room: string, onChange: () => void, onReject: (reason: string, detail?: string) => void, limits: Limits = DEFAULT_LIMITS) {
    this.awareness = new Awareness(doc);
    this.state = { url, status: 'connecting', synced: false, failures: 0 };
    this.provider = new WebsocketProvider(url, room, doc, {
      awareness: this.awareness,
      disableBc: true, // y-webrtc already syncs the tabs of this browser
      maxBackoffTime: 30_000,
      WebSocketPolyfill: guardedSocket(limits, onReject, (n) => {
        this.bytesReceived += n;
        if (this.state.synced) this.state.syncedAt = Date.now();
      }, () => this.askIfPending(onChange)),
    });
    this.monitor = setInterval(() => this.askIfPending(onChange), 1000);
    this.provider.on('status', ({ status }) => {
      if (status === 'disconnected') this.state.synced = false;
      this.state.status = status;
      onChange();
    });
    this.provider.on('connection-close', () => { this.state.failures = this.provider.wsUnsuccessfulReconnects + 1; onChange(); });
    this.provider.on('sync', (synced: boolean) => {
      this.state.synced = synced;
      if (synced) { this.state.syncedAt = Date.now(); this.state.failures = 0; }
      onChange();
    });
    this.awareness.on('change', onChange);
  }

  /** Send the server our state vector (at most every 2 s) while updates wait on a missing one. */
  private askIfPending(onChange: () => void): void {
    const provider = this.provider as WebsocketProvider | undefined;
    if (!provider) return;
    const waiting = hasPending(provider.doc);
    if (!waiting) this.asked.clear();
    if (waiting !== this.catchingUp) { this.catchingUp = waiting; onChange(); }
    const ws = provider.ws;
    if (!waiting || !provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN || !this.asked.due('server')) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0); // messageSync
    syncProtocol.writeSyncStep1(e, provider.doc);
    try { ws.send(encoding.toUint8Array(e)); } catch { /* closed meanwhile */ }
  }

  destroy(): void {
    clearInterval(this.monitor);
    this.awareness.destroy();
    this.provider.destroy();
  }
}
