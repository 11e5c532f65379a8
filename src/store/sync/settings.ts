import { localDb } from '../core/local-db';

/** An ICE server as RTCPeerConnection takes it (STUN or TURN). */
export interface IceServer { urls: string; username?: string; credential?: string }

/**
 * How this device syncs one workspace. Device-local (Dexie `settings`, key `sync:<id>`), never
 * in the document: each device may reach the group through a different address.
 */
export interface SyncSettings {
  enabled: boolean;
  /** y-webrtc signaling servers (ws:// or wss://). */
  signaling: string[];
  /** STUN/TURN servers; empty = host candidates only (a LAN, or loopback). */
  iceServers: IceServer[];
  /** Optional Yjs server (y-websocket protocol), '' = none. */
  websocket: string;
  /** Optional Hocuspocus server (server mode: writes enforced by role), '' = none. */
  server: string;
  /** This device's access token for the Hocuspocus server (token.ts), issued by the administrator. */
  token: string;
  /** Remind to make a backup after this many days without one (0 = never). */
  backupDays: number;
}

export const SIGNALING_PORT = 4444;

/** The local server `npm start` runs, reached as the page's own host (a teacher's laptop on a LAN). */
export function defaultSignaling(loc: { protocol: string; hostname: string } | undefined = globalThis.location): string[] {
  if (!loc || !loc.hostname || !/^https?:$/.test(loc.protocol)) return [];
  const host = loc.hostname.includes(':') ? `[${loc.hostname}]` : loc.hostname;
  return [`${loc.protocol === 'https:' ? 'wss' : 'ws'}://${host}:${SIGNALING_PORT}`];
}

export function defaultSettings(): SyncSettings {
  return { enabled: true, signaling: defaultSignaling(), iceServers: [], websocket: '', server: '', token: '', backupDays: 7 };
}

/**
 * Why a server address cannot be used, as a message key, or null when it can. A page served over
 * https may not open ws:// (the browser refuses, and y-webrtc would throw on every retry).
 */
export function checkServerUrl(url: string, pageProtocol: string = globalThis.location?.protocol ?? 'http:'): 'sync.urlInvalid' | 'sync.urlInsecure' | null {
  let u: URL;
  try { u = new URL(url); } catch { return 'sync.urlInvalid'; }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return 'sync.urlInvalid';
  if (!u.hostname) return 'sync.urlInvalid';
  if (pageProtocol === 'https:' && u.protocol === 'ws:') return 'sync.urlInsecure';
  return null;
}

/** One server per line: `stun:host:port` or `turn:host:port username credential`. */
export function parseIceServers(text: string): { servers: IceServer[]; bad: string[] } {
  const servers: IceServer[] = [];
  const bad: string[] = [];
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [urls, username, credential] = line.split(/\s+/);
    if (!/^(stun|stuns|turn|turns):[^\s]+$/.test(urls) || (/^turns?:/.test(urls) && (!username || !credential))) bad.push(line);
    else servers.push(username ? { urls, username, credential } : { urls });
  }
  return { servers, bad };
}

export function formatIceServers(servers: IceServer[]): string {
  return servers.map((s) => [s.urls, s.username, s.credential].filter(Boolean).join(' ')).join('\n');
}

const key = (workspaceId: string) => `sync:${workspaceId}`;

/** Stored settings, with anything missing or malformed replaced by the default. */
export async function loadSyncSettings(workspaceId: string): Promise<SyncSettings> {
  const row = await localDb().settings.get(key(workspaceId));
  return normalize(row?.value);
}

export function normalize(v: unknown): SyncSettings {
  const d = defaultSettings();
  if (typeof v !== 'object' || v === null) return d;
  const s = v as Partial<SyncSettings>;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : d.enabled,
    signaling: Array.isArray(s.signaling) ? s.signaling.filter((u): u is string => typeof u === 'string') : d.signaling,
    iceServers: Array.isArray(s.iceServers) ? s.iceServers.filter((x) => typeof x?.urls === 'string') : d.iceServers,
    websocket: typeof s.websocket === 'string' ? s.websocket : d.websocket,
    server: typeof s.server === 'string' ? s.server : d.server,
    token: typeof s.token === 'string' ? s.token : d.token,
    backupDays: typeof s.backupDays === 'number' && s.backupDays >= 0 ? s.backupDays : d.backupDays,
  };
}

export async function saveSyncSettings(workspaceId: string, s: SyncSettings): Promise<void> {
  await localDb().settings.put({ key: key(workspaceId), value: s });
}

export async function removeSyncSettings(workspaceId: string): Promise<void> {
  await localDb().settings.bulkDelete([key(workspaceId), `syncPeers:${workspaceId}`]);
}

/** What this device remembers of a peer user: when it last synced, what it had then. */
export interface PeerMemory {
  userId: string;
  name: string;
  lastSyncedAt: number;
  /** The peer's state vector at its last sync step 1 (base64), for "export what it lacks". */
  stateVector?: string;
  /** Its state vectors of the other document groups (base64, by group). */
  groupVectors?: Record<string, string>;
}

export async function loadPeers(workspaceId: string): Promise<PeerMemory[]> {
  const row = await localDb().settings.get(`syncPeers:${workspaceId}`);
  return Array.isArray(row?.value) ? (row.value as PeerMemory[]).filter((p) => typeof p?.userId === 'string' && typeof p.lastSyncedAt === 'number') : [];
}

export async function savePeers(workspaceId: string, peers: PeerMemory[]): Promise<void> {
  await localDb().settings.put({ key: `syncPeers:${workspaceId}`, value: peers });
}
