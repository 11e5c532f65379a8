import * as Y from 'yjs';
import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { newId, ReadOnlyError } from '../core/collection';
import { SCHEMA_VERSION, schemaVersion } from '../core/migrations';
import { logEvent } from './history';
import { fromBase64 } from 'lib0/buffer';
import type { PeerMemory } from './settings';
import { FILE_ORIGIN, MAGIC, MAX_FILE_BYTES, SyncFileError, pack, unpack, type FileHeader, type Sections } from './file-format';
import { CORE_GROUP } from '../../domain/registry';

/*
 * Sync and backup by file. A file is a magic line, a small JSON header and, for each document
 * group (header.groups, core first), a Yjs update (the whole group, or only what a given peer
 * lacks) or — kind "state" — a state vector: what a device has, so that another device can
 * answer with exactly what it lacks. Each section is a 4-byte length and its bytes. A file
 * without `groups` (written before schema 5) is one section, the one document, read as core:
 * the bridge moves what it holds of the grouped collections. Importing merges (Yjs updates
 * commute), so the same file restores a backup into a new or an existing workspace.
 */

export { MAX_FILE_BYTES, FILE_ORIGIN, SyncFileError, type FileHeader, type Sections } from './file-format';

/** Split and check a file; throws SyncFileError. */
export function readSyncFile(bytes: Uint8Array): { header: FileHeader; sections: Sections } {
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
  const sections = unpack(header, bytes.subarray(nl + 1));
  try {
    for (const b of sections.values()) {
      if (header.kind === 'state') Y.decodeStateVector(b);
      else Y.parseUpdateMeta(b); // decodes every struct: a truncated or corrupt file fails here, before anything is applied
    }
  } catch {
    throw new SyncFileError('malformed');
  }
  return { header, sections };
}

/** Each group's whole state, or what a device with these state vectors lacks (a group it does not name: all of it). */
function updates(ws: Workspace, vectors?: Sections): Sections {
  return new Map([...ws.docs].map(([g, doc]) => [g, Y.encodeStateAsUpdate(doc, vectors?.get(g))]));
}

/**
 * Apply a file's sections to a workspace's documents (one transaction each, under `origin`); what
 * an older file brought into core the bridge moves at once (and removes from core once stored).
 * Returns how many keys changed.
 */
export function applySections(ws: Workspace, sections: Sections, origin: unknown): number {
  if (ws.readOnly) throw new ReadOnlyError();
  let changed = 0;
  const count = (tr: Y.Transaction) => { for (const keys of tr.changed.values()) changed += keys.size; };
  for (const [g, update] of sections) {
    const doc = ws.docs.get(g);
    if (!doc) continue; // a group this build does not know (the schema check refuses newer files first)
    avoidClientId(doc, update);
    doc.on('afterTransaction', count);
    try {
      Y.applyUpdate(doc, update, origin);
    } finally {
      doc.off('afterTransaction', count);
    }
  }
  if (ws.bridge.pending()) ws.bridge.absorb();
  return changed;
}

function headerFor(ws: Workspace, entry: WorkspaceEntry, kind: FileHeader['kind'], by: string, forWhom?: string): FileHeader {
  return { kind, workspace: entry.name, room: entry.room, exportedAt: Date.now(), by, schema: schemaVersion(ws.doc), ...(forWhom ? { for: forWhom } : {}) };
}

/** The whole workspace as a file (a backup); records the backup time on this device. */
export async function exportFull(ws: Workspace, entry: WorkspaceEntry, by: string): Promise<Uint8Array> {
  const file = pack(headerFor(ws, entry, 'full', by), updates(ws));
  const at = Date.now();
  await localDb().workspaces.update(entry.id, { lastBackupAt: at });
  entry.lastBackupAt = at;
  return file;
}

/** Only what a peer with these state vectors (one per group) lacks. */
export function exportDiff(ws: Workspace, entry: WorkspaceEntry, vectors: Sections, by: string, forWhom: string): Uint8Array {
  return pack(headerFor(ws, entry, 'diff', by, forWhom), updates(ws, vectors));
}

/** What this device has, for another device to answer with a diff. */
export function exportState(ws: Workspace, entry: WorkspaceEntry, by: string): Uint8Array {
  return pack(headerFor(ws, entry, 'state', by), new Map([...ws.docs].map(([g, doc]) => [g, Y.encodeStateVector(doc)])));
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

export interface ImportResult { kind: FileHeader['kind']; header: FileHeader; changed: number; stateVectors?: Sections }

/**
 * Merge a file into an open workspace. A "state" file changes nothing and returns the state
 * vector (answer it with exportDiff). A file from another room is refused unless `anyRoom`.
 */
export function importFile(ws: Workspace, entry: WorkspaceEntry, bytes: Uint8Array, anyRoom = false): ImportResult {
  const { header, sections } = readSyncFile(bytes);
  if (!anyRoom && header.room !== entry.room) throw new SyncFileError('other-room');
  if (header.kind === 'state') return { kind: 'state', header, changed: 0, stateVectors: sections };
  const changed = applySections(ws, sections, FILE_ORIGIN);
  logEvent(ws, header.kind === 'full' ? 'file.importFull' : 'file.importDiff', { from: String(header.by ?? ''), exportedAt: Number(header.exportedAt) || 0, changed });
  return { kind: header.kind, header, changed };
}

/**
 * Restore a backup as a new workspace on this device. With the group's password it rejoins the
 * group's room; without, it becomes an independent copy in a room of its own. The new document
 * gets a client id the backup does not contain.
 */
export async function restoreAsNew(bytes: Uint8Array, name: string, password?: string): Promise<{ entry: WorkspaceEntry; users: { id: string; name: string }[] }> {
  const { header, sections } = readSyncFile(bytes);
  if (header.kind === 'state') throw new SyncFileError('malformed');
  const entry: WorkspaceEntry = {
    id: newId(), name: name || header.workspace || 'Keyuan',
    room: password ? header.room : `keyuan-${newId()}`, password: password || newId(),
    createdAt: Date.now(), lastOpenedAt: Date.now(), lastBackupAt: header.exportedAt,
  };
  const ws = await Workspace.open(entry.id);
  try {
    applySections(ws, sections, FILE_ORIGIN);
    // what the bridge moved out of an older file's one document is stored before closing
    await ws.bridge.sweep();
    logEvent(ws, 'file.restore', { from: String(header.by ?? ''), exportedAt: Number(header.exportedAt) || 0 });
    const users = ws.collection('users').live().map((u) => ({ id: u.id, name: String(u.name ?? u.id) }));
    await localDb().workspaces.put(entry);
    return { entry, users };
  } finally {
    await ws.close();
  }
}

/** A remembered peer's state vectors by group (none remembered for a group: the peer gets all of it). */
export function peerVectors(p: PeerMemory): Sections {
  const out: Sections = new Map();
  if (p.stateVector) out.set(CORE_GROUP, fromBase64(p.stateVector));
  for (const [g, v] of Object.entries(p.groupVectors ?? {})) out.set(g, fromBase64(v));
  return out;
}

