/**
 * Resetting a workspace (重置工作区) to empty or to the sample company, and why it moves to a
 * new room.
 *
 * A reset cannot be a set of deletions that sync: the merge keeps every edit a purge never saw
 * (an edit made while apart outlives a purge, docs/ARCHITECTURE.md "Purges"), so any member's
 * device that was offline, or simply edits while the reset arrives, brings records back — and
 * each purged record would leave a tombstone forever. Instead the reset starts a new
 * generation: this device's documents are deleted and made again, in a NEW room (same password),
 * so no device still holding the old documents can reach them: members join again with the new
 * join code. Before anything is deleted the whole workspace is kept twice — a restore point on
 * this device (系统设置 → 数据恢复) and a .keyuan backup file the caller offers for download.
 */
import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { newId } from '../core/collection';
import { migrate } from '../core/migrations';
import { seedWorkspace, saveIdentity } from '../org/setup';
import { loadSampleCompany } from '../sample/load';
import { exportFull } from '../sync/file';
import { saveEventPoint, type RestorePoint } from '../recovery/points';
import { READ_ONLY } from '../core/records';
import { ALL_COLLECTIONS } from '../../domain/registry';
import type { BaseRecord } from '../../domain/core/record';
import { ok, refuse, type Result } from '../../domain/core/result';

export type ResetTo = 'empty' | 'sample';

export interface ResetDone {
  entry: WorkspaceEntry;
  /** The user this device acts as in the new workspace (its administrator). */
  userId: string;
  /** The restore point holding every record as it was. */
  point: RestorePoint;
  /** The whole workspace as it was, as a .keyuan file (for the caller to offer). */
  backup: Uint8Array;
}

/** Every record of the workspace as a restore point on this device (kept among the event points). */
export async function backupPoint(ws: Workspace, now = Date.now()): Promise<RestorePoint> {
  const records = new Map<string, BaseRecord[]>();
  for (const c of ALL_COLLECTIONS) {
    const all = ws.collection(c).all();
    if (all.length) records.set(c, all);
  }
  const collections = Object.fromEntries([...records].map(([c, r]) => [c, { records: r.length }]));
  return saveEventPoint({ id: `reset-${ws.id}-${now}`, workspaceId: ws.id, at: now, collections, by: [ws.actorId], warn: false }, records);
}

/**
 * Reset: `typedName` must be the workspace's name (asked for, so a reset is never one click).
 * Backs up first, then deletes this device's documents and makes new ones in a new room, seeded
 * as a new workspace (company name kept, `adminName` its administrator) and, for `sample`, with
 * the sample company. The caller stops sync first and reopens the workspace afterwards.
 */
export async function resetWorkspace(ws: Workspace, entry: WorkspaceEntry, typedName: string, to: ResetTo, adminName: string): Promise<Result<ResetDone>> {
  if (ws.readOnly) return refuse(READ_ONLY);
  if (typedName.trim() !== entry.name.trim()) {
    return refuse({ zh: `请输入工作区名称“${entry.name}”以确认`, en: `Type the workspace name “${entry.name}” to confirm` });
  }
  const backup = await exportFull(ws, entry, ws.actorId);
  const point = await backupPoint(ws);
  const company = String(ws.collection('company').get('company')?.name ?? entry.name);
  await ws.flushed().catch(() => undefined);
  await ws.clearLocal();
  const next: WorkspaceEntry = { ...entry, room: `keyuan-${newId()}`, lastOpenedAt: Date.now() };
  await localDb().workspaces.put(next);
  // the people of the old room are not the people of the new one
  await localDb().settings.delete(`syncPeers:${entry.id}`);
  const fresh = await Workspace.open(entry.id);
  try {
    const userId = seedWorkspace(fresh, company, adminName || '管理员');
    migrate(fresh);
    if (to === 'sample') loadSampleCompany(fresh);
    await fresh.flushed();
    await saveIdentity(entry.id, userId);
    return ok({ entry: next, userId, point, backup });
  } finally {
    await fresh.close();
  }
}
