import { deleteDocStore } from '../core/persistence';
import { docDbName } from '../core/workspace';
import { GROUPS } from '../../domain/registry';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { newId } from '../core/collection';
import { defaultSettings, removeSyncSettings, saveSyncSettings } from './settings';
import { removePoints } from '../recovery/points';
import type { Invite } from './codes';

/**
 * Join a group's workspace from an invite: a local entry with the group's room and password and
 * the invite's servers. The document starts empty and fills from the first peer met.
 */
export async function joinWorkspace(invite: Invite, password: string): Promise<WorkspaceEntry> {
  const entry: WorkspaceEntry = {
    id: newId(), name: invite.name || invite.room, room: invite.room, password,
    createdAt: Date.now(), lastOpenedAt: Date.now(),
  };
  await localDb().workspaces.put(entry);
  await saveSyncSettings(entry.id, {
    ...defaultSettings(), enabled: true,
    signaling: invite.signaling.length ? invite.signaling : defaultSettings().signaling,
    iceServers: invite.iceServers ?? [], websocket: invite.websocket ?? '', server: invite.server ?? '', token: invite.token ?? '',
  });
  return entry;
}

/** The workspace this device already holds for a room, if any (joining it again opens that one). */
export async function workspaceInRoom(room: string): Promise<WorkspaceEntry | undefined> {
  return (await localDb().workspaces.toArray()).find((w) => w.room === room);
}

/** Change the password this device uses for the room (a mistyped one when joining). */
export async function setRoomPassword(entry: WorkspaceEntry, password: string): Promise<void> {
  await localDb().workspaces.update(entry.id, { password });
  entry.password = password;
}

/**
 * Leave the group: this device keeps its copy as a private workspace in a room of its own and
 * no longer exchanges changes with the others.
 */
export async function leaveWorkspace(entry: WorkspaceEntry): Promise<void> {
  const room = `keyuan-${newId()}`;
  const password = newId();
  await localDb().workspaces.update(entry.id, { room, password });
  entry.room = room;
  entry.password = password;
}

/** Remove everything this device holds of a workspace (its document, settings, views). Close it first. */
export async function removeLocalCopy(workspaceId: string): Promise<void> {
  const db = localDb();
  for (const g of GROUPS) await deleteDocStore(docDbName(workspaceId, g));
  await db.transaction('rw', [db.workspaces, db.identities, db.savedFilters, db.layouts], async () => {
    await db.workspaces.delete(workspaceId);
    await db.identities.delete(workspaceId);
    await db.savedFilters.where('[workspaceId+entity]').between([workspaceId, ''], [workspaceId, '\uffff']).delete();
    await db.layouts.where('[workspaceId+entity]').between([workspaceId, ''], [workspaceId, '\uffff']).delete();
  });
  await removeSyncSettings(workspaceId);
  await removePoints(workspaceId);
}
