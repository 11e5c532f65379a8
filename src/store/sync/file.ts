import * as Y from 'yjs';
import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { newId } from '../core/collection';
import { SCHEMA_VERSION, schemaVersion } from '../core/migrations';
import { logEvent } from './history';

/*
 * Sync and backup by file. A file is a magic line, a small JSON header and a Yjs update (the
 * whole document, or only what a given peer lacks), or — kind "state" — a state vector: what a
 * device has, so that another device can answer with exactly what it lacks. Importing merges
 * (Yjs updates commute), so the same file restores a backup into a new or an existing workspace.
 */

const MAGIC = new TextEncoder().encode('KEYUAN-SYNC 1\n');
/** Largest file accepted (a company workspace is tens of MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const FILE_ORIGIN = 'keyuan:file';

export interface FileHeader {
  kind: 'full' | 'diff' | 'state';
  workspace: string;
  room: string;
  exportedAt: number;
  by: string;
  schema: number;
  /** For a diff: whom it was made for. */
  for?: string;
}

export class SyncFileError extends Error {
  constructor(readonly code: 'not-keyuan' | 'too-large' | 'malformed' | 'newer' | 'other-room' | 'not-full') { super(code); }
}

function pack(header: FileHeader, payload: Uint8Array): Uint8Array {
  const h = new TextEncoder().encode(JSON.stringify(header) + '\n');
  const out = new Uint8Array(MAGIC.length + h.length + payload.length);
  out.set(MAGIC, 0);
  out.set(h, MAGIC.length);
  out.set(payload, MAGIC.length + h.length);
  return out;
}

/** Split and check a file; throws SyncFileError. */
export function readSyncFile(bytes: Uint8Array): { header: FileHeader; payload: Uint8Array } {
  if (bytes.length > MAX_FILE_BYTES) throw new SyncFileError('too-large');
  if (bytes.length < MAGIC.length || MAGIC.some((b, i) => bytes[i] !== b)) throw new SyncFileError('not-keyuan');
  const nl = bytes.indexOf(10, MAGIC.length);
  if (nl < 0 || nl - MAGIC.length > 64 * 1024) throw new SyncFileError('malformed');
  let header: FileHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length, nl)));
  } catch {
    throw new SyncFileError('malformed');
  }
  if (!header || !['full', 'diff', 'state'].includes(header.kind) || typeof header.room !== 'string') throw new SyncFileError('malformed');
  if (typeof header.schema === 'number' && header.schema > SCHEMA_VERSION) throw new SyncFileError('newer');
  const payload = bytes.subarray(nl + 1);
  try {
    if (header.kind === 'state') Y.decodeStateVector(payload);
    else Y.parseUpdateMeta(payload); // decodes every struct: a truncated or corrupt file fails here, before anything is applied
  } catch {
    throw new SyncFileError('malformed');
  }
  return { header, payload };
}

function headerFor(ws: Workspace, entry: WorkspaceEntry, kind: FileHeader['kind'], by: string, forWhom?: string): FileHeader {
  return { kind, workspace: entry.name, room: entry.room, exportedAt: Date.now(), by, schema: schemaVersion(ws.doc), ...(forWhom ? { for: forWhom } : {}) };
}

/** The whole workspace as a file (a backup); records the backup time on this device. */
export async function exportFull(ws: Workspace, entry: WorkspaceEntry, by: string): Promise<Uint8Array> {
  const file = pack(headerFor(ws, entry, 'full', by), Y.encodeStateAsUpdate(ws.doc));
  const at = Date.now();
  await localDb().workspaces.update(entry.id, { lastBackupAt: at });
  entry.lastBackupAt = at;
  return file;
}

/** Only what a peer with this state vector lacks. */
export function exportDiff(ws: Workspace, entry: WorkspaceEntry, stateVector: Uint8Array, by: string, forWhom: string): Uint8Array {
  return pack(headerFor(ws, entry, 'diff', by, forWhom), Y.encodeStateAsUpdate(ws.doc, stateVector));
}

/** What this device has, for another device to answer with a diff. */
export function exportState(ws: Workspace, entry: WorkspaceEntry, by: string): Uint8Array {
  return pack(headerFor(ws, entry, 'state', by), Y.encodeStateVector(ws.doc));
}

/**
 * A document must never write under a client id that someone else's history already uses: if
 * the update carries ours (a copy of this very device's past, restored), take a fresh one first.
 */
export function avoidClientId(doc: Y.Doc, update: Uint8Array): void {
  const theirs = Y.parseUpdateMeta(update).to;
  const ours = Y.getState(doc.store, doc.clientID);
  while ((theirs.get(doc.clientID) ?? 0) > ours || (ours === 0 && theirs.has(doc.clientID))) {
    doc.clientID = Math.floor(Math.random() * 0xffffffff) >>> 0;
  }
}

export interface ImportResult { kind: FileHeader['kind']; header: FileHeader; changed: number; stateVector?: Uint8Array }

/**
 * Merge a file into an open workspace. A "state" file changes nothing and returns the state
 * vector (answer it with exportDiff). A file from another room is refused unless `anyRoom`.
 */
export function importFile(ws: Workspace, entry: WorkspaceEntry, bytes: Uint8Array, anyRoom = false): ImportResult {
  const { header, payload } = readSyncFile(bytes);
  if (!anyRoom && header.room !== entry.room) throw new SyncFileError('other-room');
  if (header.kind === 'state') return { kind: 'state', header, changed: 0, stateVector: payload };
  avoidClientId(ws.doc, payload);
  let changed = 0;
  const count = (tr: Y.Transaction) => { for (const keys of tr.changed.values()) changed += keys.size; };
  ws.doc.on('afterTransaction', count);
  try {
    Y.applyUpdate(ws.doc, payload, FILE_ORIGIN);
  } finally {
    ws.doc.off('afterTransaction', count);
  }
  logEvent(ws, header.kind === 'full' ? 'file.importFull' : 'file.importDiff', { from: String(header.by ?? ''), exportedAt: Number(header.exportedAt) || 0, changed });
  return { kind: header.kind, header, changed };
}

/**
 * Restore a backup as a new workspace on this device. With the group's password it rejoins the
 * group's room; without, it becomes an independent copy in a room of its own. The new document
 * gets a client id the backup does not contain.
 */
export async function restoreAsNew(bytes: Uint8Array, name: string, password?: string): Promise<{ entry: WorkspaceEntry; users: { id: string; name: string }[] }> {
  const { header, payload } = readSyncFile(bytes);
  if (header.kind === 'state') throw new SyncFileError('malformed');
  const entry: WorkspaceEntry = {
    id: newId(), name: name || header.workspace || 'Keyuan',
    room: password ? header.room : `keyuan-${newId()}`, password: password || newId(),
    createdAt: Date.now(), lastOpenedAt: Date.now(), lastBackupAt: header.exportedAt,
  };
  const ws = await Workspace.open(entry.id);
  try {
    avoidClientId(ws.doc, payload);
    Y.applyUpdate(ws.doc, payload, FILE_ORIGIN);
    logEvent(ws, 'file.restore', { from: String(header.by ?? ''), exportedAt: Number(header.exportedAt) || 0 });
    const users = ws.collection('users').live().map((u) => ({ id: u.id, name: String(u.name ?? u.id) }));
    await localDb().workspaces.put(entry);
    return { entry, users };
  } finally {
    await ws.close();
  }
}

/** Days since the last backup (or since creation when there never was one). */
export function backupAgeDays(entry: WorkspaceEntry, now = Date.now()): number {
  return (now - (entry.lastBackupAt ?? entry.createdAt)) / 86_400_000;
}
