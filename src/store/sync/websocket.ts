import type * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import { DEFAULT_LIMITS, MSG_AUTH, inspectMessage, type Limits } from './guard';

export interface ServerState { url: string; status: 'connecting' | 'connected' | 'disconnected'; synced: boolean; syncedAt?: number; failures: number }

/**
 * A WebSocket whose incoming messages are size-limited and checked before y-websocket applies
 * them; an error while applying is reported instead of escaping into the page.
 */
function guardedSocket(limits: Limits, reject: (reason: string, detail?: string) => void, count: (n: number) => void): typeof WebSocket {
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
      };
    }
    get onmessage(): ((this: WebSocket, ev: MessageEvent) => unknown) | null {
      return super.onmessage;
    }
  };
}

/** The optional y-websocket provider: the same document through an existing Yjs server. */
export class GuardedWebsocket {
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  readonly state: ServerState;
  bytesReceived = 0;

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
      }),
    });
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

  destroy(): void {
    this.awareness.destroy();
    this.provider.destroy();
  }
}
