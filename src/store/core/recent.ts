import { localDb } from './local-db';
import { pushRecent, readRecent, type RecentItem } from '../../domain/core/search';

/** What this device opened last from the global search, per workspace (device-local: Dexie `settings`, never synced). */
const key = (workspaceId: string) => `recent:${workspaceId}`;

/**
 * Writes one after another per workspace, and reads after the writes already asked for: a record
 * page remembered just before ⌘K is in the list it shows, and two quick visits both stay.
 */
const writing = new Map<string, Promise<unknown>>();

export async function loadRecent(workspaceId: string): Promise<RecentItem[]> {
  await writing.get(workspaceId)?.catch(() => undefined);
  return read(workspaceId);
}

async function read(workspaceId: string): Promise<RecentItem[]> {
  const row = await localDb().settings.get(key(workspaceId));
  return readRecent(row?.value);
}

/** Put `item` first in the workspace's recent list; returns the new list. */
export function rememberRecent(workspaceId: string, item: RecentItem): Promise<RecentItem[]> {
  const done = (writing.get(workspaceId) ?? Promise.resolve()).catch(() => undefined).then(async () => {
    const list = pushRecent(await read(workspaceId), item);
    await localDb().settings.put({ key: key(workspaceId), value: list });
    return list;
  });
  writing.set(workspaceId, done);
  return done;
}
