import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { toBase64 } from 'lib0/buffer';
import type { Workspace } from '../core/workspace';
import type { WorkspaceEntry } from '../core/local-db';
import type { GuardedWebrtc, PeerAccess, SignalingState } from './webrtc';
import type { GuardedHocuspocus } from './hocuspocus';
import type { GuardedWebsocket, ServerState } from './websocket';
import { defaultSignaling, loadPeers, loadSyncSettings, savePeers, saveSyncSettings, checkServerUrl, type PeerMemory, type SyncSettings } from './settings';
import { colorFor, readPresence, type Presence } from './presence';
import { hasPending } from './pending';
import { CORE_GROUP } from '../../domain/registry';

/**
 * What the status chip says, honestly:
 * off — sync turned off on this device; offline — the browser has no network and nothing is
 * connected (edits are kept on this device; servers are not the problem, so they are not named);
 * no-server — no signaling address set, or only the page host's default one and it has never
 * answered (a static site without a signaling server: sync is off, not broken);
 * unreachable — the network is there but no configured signaling server answers;
 * waiting — signaling reached, nobody else online; wrong-password — devices in the room use
 * another password; syncing — connected, first exchange under way; catching-up — connected, but
 * updates wait on one that never arrived and the peers were asked for it (pending.ts);
 * connected — N peers, in sync; server — in sync through the Yjs server only; denied — the
 * Hocuspocus server refused this device's token (or it has none) and no peer is connected.
 */
export type SyncPhase = 'off' | 'starting' | 'no-server' | 'offline' | 'unreachable' | 'waiting' | 'wrong-password' | 'syncing' | 'catching-up' | 'connected' | 'server' | 'denied';

/** What the phase is decided from (everything but the clock and the browser's online flag). */
export interface PhaseInput {
  enabled: boolean;
  /** The WebRTC provider exists (it loads after the first paint). */
  started: boolean;
  signaling: (Pick<SignalingState, 'url' | 'connected' | 'failures'> & { everConnected?: boolean })[];
  /** Connected WebRTC peers, and how many of them are still in their first exchange. */
  peers: number;
  pending: number;
  tabs: number;
  server?: Pick<ServerState, 'status' | 'synced' | 'failures' | 'denied'>;
  /** A signal failed to decrypt within the last minute. */
  wrongPassword: boolean;
  /** The document holds updates that wait on a missing one. */
  waitingOnMissing: boolean;
  /** navigator.onLine */
  online: boolean;
  /** The signaling list is only the page host's default (settings.defaultSignaling), not chosen by anyone. */
  implicitServer?: boolean;
}

/** The honest phase for the status chip. */
export function syncPhase(x: PhaseInput): SyncPhase {
  const { signaling: sig, server } = x;
  if (!x.enabled) return 'off';
  const live = x.peers > 0 || server?.status === 'connected' || sig.some((s) => s.connected);
  if (!x.online && !live) return 'offline';
  if (!x.started) return 'starting';
  if (x.peers && x.pending) return 'syncing';
  if (x.peers) return x.waitingOnMissing ? 'catching-up' : 'connected';
  if (server?.status === 'connected') return !server.synced ? 'syncing' : x.waitingOnMissing ? 'catching-up' : 'server';
  if (server?.denied) return 'denied';
  if (x.waitingOnMissing && x.tabs) return 'catching-up';
  if (x.wrongPassword) return 'wrong-password';
  if (sig.some((s) => s.connected)) return 'waiting';
  if (!sig.length && !server) return 'no-server';
  if (sig.every((s) => !s.connected && s.failures > 0) && (!server || server.failures > 0)) {
    // nobody set a server and the page host's default never answered: a static site, sync is off
    if (x.implicitServer && !server && !sig.some((s) => s.everConnected)) return 'no-server';
    return 'unreachable';
  }
  return 'starting';
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i]);

export interface PersonView {
  userId: string;
  name: string;
  role: string;
  color: string;
  online: boolean;
  /** Tabs/devices of this person online now. */
  devices: number;
  lastSyncedAt?: number;
  at?: Presence['at'];
}

export interface Rejection { at: number; peer: string; reason: string; detail?: string }

export interface SyncStatus {
  phase: SyncPhase;
  settings: SyncSettings;
  signaling: SignalingState[];
  /** Peers connected over WebRTC. */
  peers: number;
  /** Peers still in their first exchange. */
  pending: number;
  /** Other tabs of this browser in the workspace. */
  tabs: number;
  server?: ServerState;
  wrongPasswordAt?: number;
  rejections: Rejection[];
  bytesSent: number;
  bytesReceived: number;
  /** Everyone known: online now, or remembered with the time they last synced with this device. */
  people: PersonView[];
}

const RECENT = 60_000;
/** How long a connected peer's group rooms are waited for before the status stops counting them. */
const GROUP_GRACE_MS = 10_000;

/** The room a document group syncs in (core: the workspace's own room). */
export function groupRoom(room: string, group: string): string {
  return `${room}.${group}`;
}

/** One document group's connections: a WebRTC room (and a server document) of its own. */
interface GroupLink { group: string; awareness: Awareness; webrtc: GuardedWebrtc; server?: GuardedWebsocket }

/**
 * The sync of one open workspace: providers, presence, status. Knows nothing of the UI.
 * Each document group syncs in a room of its own (core in the workspace's room, group g in
 * `<room>.g`, a name that is safe in a server URL too), so a joining peer receives the groups
 * side by side and a busy group never holds up another; presence travels in the core room, the
 * status sums all rooms.
 */
export class SyncSession {
  private webrtc?: GuardedWebrtc;
  private server?: GuardedWebsocket;
  private hp?: GuardedHocuspocus;
  private groups: GroupLink[] = [];
  private awareness: Awareness;
  private settings!: SyncSettings;
  private memory = new Map<string, PeerMemory>();
  private listeners = new Set<() => void>();
  private rejections: Rejection[] = [];
  private me: Presence['user'] = { id: '', name: '', role: '', color: '#888888' };
  private at: Presence['at'] = null;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private tick?: ReturnType<typeof setInterval>;
  private notifyQueued = false;
  private stopped = false;
  private restarting: Promise<void> = Promise.resolve();

  private constructor(readonly ws: Workspace, readonly entry: WorkspaceEntry) {
    this.awareness = new Awareness(ws.doc);
  }

  /** Start syncing an open workspace with the settings stored on this device. */
  static async start(ws: Workspace, entry: WorkspaceEntry): Promise<SyncSession> {
    const s = new SyncSession(ws, entry);
    s.settings = await loadSyncSettings(entry.id);
    for (const p of await loadPeers(entry.id)) s.memory.set(p.userId, p);
    s.awareness.on('change', () => { s.rememberPeers(); s.notify(); });
    // a status that depends on time (a wrong password a minute ago) is re-read every few seconds
    s.tick = setInterval(() => s.notify(), 5000);
    await s.connect();
    return s;
  }

  private async connect(): Promise<void> {
    if (this.stopped || !this.settings.enabled || !this.ws.compatible) return;
    performance.mark('keyuan:sync:start');
    // what this device has stored is loaded first: a peer is asked only for what it lacks
    await this.ws.loaded;
    if (this.stopped) return;
    const signaling = this.settings.signaling.filter((u) => checkServerUrl(u) === null);
    const hpUrl = this.hocuspocusUrl();
    if (!this.awareness.getLocalState()) this.publishPresence();
    // the providers (simple-peer alone is ~100 KB) load after the first list is painted
    const { GuardedWebrtc } = await import('./webrtc');
    if (this.stopped || this.webrtc) return;
    this.webrtc = new GuardedWebrtc(this.ws.doc, {
      room: this.entry.room, password: this.entry.password, signaling, iceServers: this.settings.iceServers, awareness: this.awareness,
      storeReceived: this.receivedStore(CORE_GROUP), access: hpUrl ? this.peerAccess(this.entry.room) : undefined,
    }, { change: () => { this.rememberPeers(); this.notify(); }, rejected: (peer, reason, detail) => this.rejected(peer, reason, detail) });
    for (const [group, doc] of this.ws.docs) {
      if (doc === this.ws.doc) continue;
      const awareness = new Awareness(doc);
      awareness.setLocalState({ user: this.me, at: null } satisfies Presence);
      const webrtc = new GuardedWebrtc(doc, {
        room: groupRoom(this.entry.room, group), password: this.entry.password, signaling, iceServers: this.settings.iceServers, awareness,
        storeReceived: this.receivedStore(group), access: hpUrl ? this.peerAccess(groupRoom(this.entry.room, group)) : undefined,
      }, { change: () => { this.rememberPeers(); this.notify(); }, rejected: (peer, reason, detail) => this.rejected(peer, reason, detail) });
      this.groups.push({ group, awareness, webrtc });
    }
    await Promise.all([this.webrtc.ready, ...this.groups.map((g) => g.webrtc.ready)]);
    const url = this.settings.websocket.trim();
    if (url && checkServerUrl(url) === null) {
      const { GuardedWebsocket } = await import('./websocket');
      if (this.stopped) return;
      const server = (doc: Y.Doc, room: string) => new GuardedWebsocket(doc, url, room, () => { this.rememberPeers(); this.notify(); },
        (reason, detail) => this.rejected('server', reason, detail));
      this.server = server(this.ws.doc, this.entry.room);
      for (const g of this.groups) g.server = server(this.ws.docs.get(g.group)!, groupRoom(this.entry.room, g.group));
      this.server.awareness.setLocalState(this.awareness.getLocalState());
    }
    if (hpUrl) {
      const { GuardedHocuspocus } = await import('./hocuspocus');
      if (this.stopped) return;
      this.hp = new GuardedHocuspocus({
        url: hpUrl, room: this.entry.room, token: this.settings.token.trim(),
        change: () => this.notify(), rejected: (reason, detail) => this.rejected('server', reason, detail),
      });
      this.hp.add(this.ws.doc, this.entry.room);
      for (const g of this.groups) this.hp.add(this.ws.docs.get(g.group)!, groupRoom(this.entry.room, g.group));
      this.publishPresence();
    }
    this.notify();
  }

  /** The Hocuspocus server of this workspace (server mode), or undefined. */
  private hocuspocusUrl(): string | undefined {
    const url = this.settings.server?.trim();
    return url && checkServerUrl(url) === null ? url : undefined;
  }

  /**
   * Server mode, peers: this device proves its token to each peer, and accepts document updates
   * from a peer only once it has proved a token signed with the workspace key (core meta) whose
   * user's role may write — so a read-only student cannot write through a classmate.
   */
  private peerAccess(room: string): PeerAccess {
    // the checks load with the server provider (its chunk), not with the first page
    const lib = import('./hocuspocus');
    return {
      prove: async (challenge) => (await lib).proveToPeer(this.settings.token.trim(), room, challenge),
      mayWrite: async (proof, challenge) => (await lib).peerMayWrite(this.ws.doc, this.entry.room, room, proof, challenge),
    };
  }

  /**
   * Where a group's large received updates are stored as they came (GuardedWebrtc applies them
   * without Yjs encoding them again: a join's first answer). Not with a y-websocket server, whose
   * provider listens to every update to relay it.
   */
  private receivedStore(group: string): ((update: Uint8Array) => void) | undefined {
    if (this.settings.websocket.trim() || this.hocuspocusUrl() || !this.ws.persists(group)) return undefined;
    return (update) => this.ws.storeReceived(group, update);
  }

  private async disconnect(): Promise<void> {
    const w = this.webrtc;
    const s = this.server;
    const groups = this.groups;
    this.hp?.destroy();
    this.hp = undefined;
    this.webrtc = undefined;
    this.server = undefined;
    this.groups = [];
    s?.destroy();
    for (const g of groups) g.server?.destroy();
    await Promise.all([w?.destroy(), ...groups.map((g) => g.webrtc.destroy())]);
    for (const g of groups) g.awareness.destroy();
  }

  /** Every WebRTC room of this workspace (core first). */
  private rooms(): GuardedWebrtc[] {
    return this.webrtc ? [this.webrtc, ...this.groups.map((g) => g.webrtc)] : [];
  }

  /** Every server document of this workspace (core first). */
  private servers(): GuardedWebsocket[] {
    return this.server ? [this.server, ...this.groups.flatMap((g) => (g.server ? [g.server] : []))] : [];
  }

  /** Save new settings for this device and reconnect with them. */
  async applySettings(next: SyncSettings): Promise<void> {
    this.settings = next;
    await saveSyncSettings(this.entry.id, next);
    this.restarting = this.restarting.then(async () => { await this.disconnect(); await this.connect(); });
    await this.restarting;
    this.notify();
  }

  getSettings(): SyncSettings {
    return this.settings;
  }

  retryNow(): void {
    for (const r of this.rooms()) r.retryNow();
    for (const v of this.servers()) v.provider.connect();
    this.hp?.retryNow();
  }

  /** Who this device acts as, for presence. */
  setIdentity(user: { id: string; name: string; role: string }): void {
    this.me = { ...user, color: colorFor(user.id) };
    this.publishPresence();
  }

  /** Where this person is (a record page, its form), or null. */
  setLocation(at: Presence['at']): void {
    if (JSON.stringify(at ?? null) === JSON.stringify(this.at ?? null)) return;
    this.at = at;
    this.publishPresence();
  }

  private publishPresence(): void {
    const state: Presence = { user: this.me, at: this.at };
    this.awareness.setLocalState(state);
    this.server?.awareness.setLocalState(state);
    this.hp?.docs.forEach((d, i) => d.awareness.setLocalState(i === 0 ? state : { user: this.me, at: null }));
    // the group rooms carry only who is at the other end (their state vectors are remembered per
    // person), not where: moving between pages must not send a presence update in every room
    const who: Presence = { user: this.me, at: null };
    for (const g of this.groups) if (JSON.stringify(g.awareness.getLocalState()) !== JSON.stringify(who)) g.awareness.setLocalState(who);
  }

  /** Other people's presence, one entry per awareness client (device or tab), untrusted states read safely. */
  presence(): { clientId: number; p: Presence }[] {
    const out: { clientId: number; p: Presence }[] = [];
    const seen = new Set<number>();
    for (const a of [this.awareness, this.server?.awareness, this.hp?.docs[0]?.awareness]) {
      if (!a) continue;
      for (const [clientId, state] of a.getStates()) {
        if (clientId === this.ws.doc.clientID || seen.has(clientId)) continue;
        const p = readPresence(state);
        if (p) { seen.add(clientId); out.push({ clientId, p }); }
      }
    }
    return out;
  }

  /** People on a record now (other than this device). */
  onRecord(collection: string, id: string): Presence[] {
    return this.presence().map((x) => x.p).filter((p) => p.at?.c === collection && p.at.id === id);
  }

  status(): SyncStatus {
    const st = this.settings;
    const rooms = this.rooms();
    const servers = this.servers();
    const sig = this.webrtc?.signalingStates() ?? [];
    const peers = [...(this.webrtc?.peers.values() ?? [])].filter((p) => p.connected);
    // a peer is in its first exchange until every group's room has connected to it and synced;
    // a peer that has not appeared in a group's room GROUP_GRACE_MS after connecting (a build
    // before document groups, or a tool that syncs only core) is not waited for any longer
    const now = Date.now();
    const recent = peers.filter((p) => now - (p.connectedAt ?? now) < GROUP_GRACE_MS).length;
    const behind = (r: GuardedWebrtc, i: number) => {
      const conns = [...r.peers.values()].filter((p) => p.connected);
      const absent = i === 0 ? 0 : Math.min(recent, Math.max(0, peers.length - conns.length));
      return conns.filter((p) => !p.synced).length + absent;
    };
    const pending = Math.min(peers.length, Math.max(0, ...rooms.map(behind)));
    const tabs = this.webrtc?.tabPeers() ?? 0;
    const server = this.hp ? { ...this.hp.state } : this.server ? { ...this.server.state, synced: servers.every((v) => v.state.synced) } : undefined;
    const wrongAt = Math.max(0, ...rooms.map((r) => r.undecryptableAt)) || undefined;
    const wrongRecent = wrongAt !== undefined && Date.now() - wrongAt < RECENT;
    const phase = syncPhase({
      enabled: st.enabled, started: !!this.webrtc, signaling: sig, peers: peers.length, pending, tabs, server,
      wrongPassword: wrongRecent, waitingOnMissing: [...this.ws.docs.values()].some(hasPending), online: globalThis.navigator?.onLine !== false,
      implicitServer: sameList(st.signaling, defaultSignaling()),
    });
    return {
      phase, settings: st, signaling: sig, peers: peers.length, pending, tabs, server,
      wrongPasswordAt: wrongAt, rejections: [...this.rejections],
      bytesSent: rooms.reduce((n, r) => n + r.bytesSent, 0),
      bytesReceived: rooms.reduce((n, r) => n + r.bytesReceived, 0) + servers.reduce((n, v) => n + v.bytesReceived, 0) + (this.hp?.bytesReceived ?? 0),
      people: this.people(),
    };
  }

  private people(): PersonView[] {
    const byUser = new Map<string, PersonView>();
    for (const m of this.memory.values()) {
      byUser.set(m.userId, { userId: m.userId, name: m.name, role: '', color: colorFor(m.userId), online: false, devices: 0, lastSyncedAt: m.lastSyncedAt });
    }
    for (const { p } of this.presence()) {
      const v = byUser.get(p.user.id) ?? { userId: p.user.id, name: p.user.name, role: p.user.role, color: p.user.color, online: false, devices: 0 };
      v.online = true;
      v.devices++;
      v.name = p.user.name;
      v.role = p.user.role;
      v.color = p.user.color;
      if (p.at) v.at = p.at;
      byUser.set(p.user.id, v);
    }
    return [...byUser.values()].filter((v) => v.userId !== this.me.id || v.online)
      .sort((a, b) => Number(b.online) - Number(a.online) || (b.lastSyncedAt ?? 0) - (a.lastSyncedAt ?? 0));
  }

  /** Remember when each person (by the presence that came over a connection) last synced, and their state vectors. */
  private rememberPeers(): void {
    if (!this.webrtc) return;
    const states = this.awareness.getStates();
    let changed = false;
    for (const conn of this.webrtc.peers.values()) {
      if (!conn.syncedAt) continue;
      for (const clientId of conn.clients) {
        const p = readPresence(states.get(clientId));
        if (!p || p.user.id === this.me.id) continue;
        const old = this.memory.get(p.user.id);
        if (old && old.lastSyncedAt >= conn.syncedAt && old.name === p.user.name) continue;
        this.memory.set(p.user.id, {
          ...old, userId: p.user.id, name: p.user.name, lastSyncedAt: conn.syncedAt,
          stateVector: conn.stateVector ? toBase64(Y.encodeStateVector(conn.stateVector)) : old?.stateVector,
        });
        changed = true;
      }
    }
    for (const g of this.groups) {
      const groupStates = g.awareness.getStates();
      for (const conn of g.webrtc.peers.values()) {
        if (!conn.syncedAt || !conn.stateVector) continue;
        const sv = toBase64(Y.encodeStateVector(conn.stateVector));
        for (const clientId of conn.clients) {
          const p = readPresence(groupStates.get(clientId));
          const old = p ? this.memory.get(p.user.id) : undefined;
          if (!old || old.groupVectors?.[g.group] === sv) continue;
          this.memory.set(old.userId, { ...old, groupVectors: { ...old.groupVectors, [g.group]: sv } });
          changed = true;
        }
      }
    }
    if (changed && !this.saveTimer) {
      this.saveTimer = setTimeout(() => {
        this.saveTimer = undefined;
        void savePeers(this.entry.id, [...this.memory.values()]).catch(() => undefined);
      }, 2000);
    }
  }

  /** What this device remembers of other people (for "export what a peer lacks"). */
  rememberedPeers(): PeerMemory[] {
    return [...this.memory.values()];
  }

  private rejected(peer: string, reason: string, detail?: string): void {
    this.rejections.push({ at: Date.now(), peer, reason, detail: detail?.slice(0, 200) });
    if (this.rejections.length > 20) this.rejections.shift();
    if (this.rejections.length <= 3 || this.rejections.length % 20 === 0) console.warn(`[keyuan sync] rejected a message from a peer: ${reason}`, detail ?? '');
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Listeners run at most once per frame (a burst of updates is one status change). */
  private notify(): void {
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    setTimeout(() => {
      this.notifyQueued = false;
      for (const fn of this.listeners) fn();
    }, 50);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.tick);
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await savePeers(this.entry.id, [...this.memory.values()]).catch(() => undefined);
    }
    this.awareness.setLocalState(null);
    await this.disconnect();
    this.awareness.destroy();
    this.listeners.clear();
  }
}
