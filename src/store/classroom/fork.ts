/**
 * Forking a workspace (复制为个人沙盒): a personal sandbox with the same data — a new workspace
 * id, a new room and password (so nothing syncs back to the group, and the group's devices never
 * reach it), and new Yjs client ids in every document (a copy must never write under a client id
 * the group's history already uses: the two would corrupt each other's updates if they ever met).
 */
import * as Y from 'yjs';
import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { newId } from '../core/collection';
import { applySections, type Sections } from '../sync/file';
import { loadSyncSettings, saveSyncSettings } from '../sync/settings';

export const FORK_ORIGIN = 'keyuan:fork';

/** The fork's client id for each group's document: never one the source's documents contain. */
function freshClientId(doc: Y.Doc, source: Y.Doc): void {
  const used = Y.decodeStateVector(Y.encodeStateVector(source));
  while (used.has(doc.clientID) || doc.clientID === source.clientID) doc.clientID = Math.floor(Math.random() * 0xffffffff) >>> 0;
}

export async function forkWorkspace(ws: Workspace, entry: WorkspaceEntry, name: string, userId: string): Promise<WorkspaceEntry> {
  const sections: Sections = new Map([...ws.docs].map(([g, doc]) => [g, Y.encodeStateAsUpdate(doc)]));
  const fork: WorkspaceEntry = {
    id: newId(), name: name.trim() || `${entry.name} (sandbox)`, room: `keyuan-${newId()}`, password: newId(),
    createdAt: Date.now(), lastOpenedAt: Date.now(),
  };
  const copy = await Workspace.open(fork.id);
  try {
    for (const [g, doc] of copy.docs) freshClientId(doc, ws.docs.get(g)!);
    applySections(copy, sections, FORK_ORIGIN);
    await copy.loaded;
    await copy.flushed();
  } finally {
    await copy.close();
  }
  const settings = await loadSyncSettings(entry.id);
  await localDb().transaction('rw', localDb().workspaces, localDb().identities, localDb().settings, async () => {
    await localDb().workspaces.put(fork);
    if (userId) await localDb().identities.put({ workspaceId: fork.id, userId });
  });
  await saveSyncSettings(fork.id, settings);
  return fork;
}
