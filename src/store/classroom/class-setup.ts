/**
 * 创建班级 (class setup): N group workspaces made on the teacher's device from one template —
 * empty, or each seeded with the same sample company — each in its own room with its own
 * password, followed in the class view. The answer is the class list (group, join code,
 * password) the teacher hands out, in the very format the class view reads back.
 */
import { createWorkspace } from '../org/setup';
import { localDb } from '../core/local-db';
import { loadSampleCompany } from '../sample/load';
import { encodeInvite } from '../sync/codes';
import { saveSyncSettings, type SyncSettings } from '../sync/settings';
import { followWorkspace } from './class-view';
import type { ClassListRow } from '../../domain/classroom/class-view';

export interface ClassSetup {
  count: number;
  /** The name of group n (1-based): 营销1班第1组… */
  nameOf: (n: number) => string;
  template: 'empty' | 'sample';
  teacherName: string;
  /** The sync settings every group gets (the teacher's current ones: signaling, servers). */
  settings: SyncSettings;
}

export const MAX_GROUPS = 40;

export async function setupClass(opts: ClassSetup, onGroup?: (done: number) => void): Promise<(ClassListRow & { workspaceId: string })[]> {
  const out: (ClassListRow & { workspaceId: string })[] = [];
  const n = Math.max(1, Math.min(MAX_GROUPS, Math.floor(opts.count)));
  for (let i = 1; i <= n; i++) {
    const name = opts.nameOf(i);
    const { entry, ws } = await createWorkspace(name, opts.teacherName);
    try {
      if (opts.template === 'sample') loadSampleCompany(ws);
      await ws.flushed();
    } finally {
      await ws.close();
    }
    await saveSyncSettings(entry.id, { ...opts.settings, enabled: true });
    // the teacher's copy only watches from now on: the members write, the class view reads
    await localDb().workspaces.update(entry.id, { readOnly: true });
    await followWorkspace(entry);
    const code = encodeInvite({ name, room: entry.room, signaling: opts.settings.signaling, websocket: opts.settings.websocket || undefined, iceServers: opts.settings.iceServers });
    out.push({ name, code, password: entry.password, workspaceId: entry.id });
    onGroup?.(i);
  }
  return out;
}
