/**
 * A device in Node for the server's tests and bench: a Workspace whose document groups sync
 * through one sync server with the app's own provider (store/sync/hocuspocus.ts, its message
 * guards included), one provider per group on one socket, as session.ts connects them.
 */
import WebSocket from 'ws';
import { CORE_GROUP } from '../src/domain/registry';
import { Workspace } from '../src/store/core/workspace';
import { GuardedHocuspocus } from '../src/store/sync/hocuspocus';

/** A group's Hocuspocus document name: `<room>` for core, `<room>.<group>` (session.ts groupRoom). */
export const docName = (room: string, group: string) => (group === CORE_GROUP ? room : `${room}.${group}`);

export class ServerDevice {
  readonly hp: GuardedHocuspocus;
  /** Messages from the server the provider's guard refused. */
  readonly rejected: string[] = [];
  constructor(url: string, room: string, token: string, readonly ws = new Workspace('device')) {
    // Node 20 has no WebSocket of its own; the provider's guarded socket extends the global one
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    this.hp = new GuardedHocuspocus({ url, room, token, change: () => undefined, rejected: (r, d) => this.rejected.push(`${r} ${d ?? ''}`) });
    for (const [group, doc] of this.ws.docs) this.hp.add(doc, docName(room, group));
  }

  /** Every group synced and nothing of this device's own waiting for the server's acknowledgement. */
  get settled(): boolean {
    return this.hp.state.synced && !this.hp.state.unsynced;
  }

  destroy(): void {
    this.hp.destroy();
    this.ws.bridge.active = false;
    for (const d of this.ws.docs.values()) d.destroy();
  }
}
