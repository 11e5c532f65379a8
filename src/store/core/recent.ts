import { localDb } from './local-db';
import { pushRecent, readRecent, type RecentItem } from '../../domain/core/search';

/** What this device opened last from the global search, per workspace (device-local: Dexie `settings`, never synced). */
const key = (workspaceId: string) => `recent:${workspaceId}`;

export async function loadRecent(workspaceId: string): Promise<RecentItem[]> {
  const row = await localDb().settings.get(key(workspaceId));
  return readRecent(row?.value);
}

/** Put `item` first in the workspace's recent list; returns the new list. */
export async function rememberRecent(workspaceId: string, item: RecentItem): Promise<RecentItem[]> {
  const list = pushRecent(await loadRecent(workspaceId), item);
  await localDb().settings.put({ key: key(workspaceId), value: list });
  return list;
}
