import { localDb, type SavedFilter } from './local-db';
import type { Filter } from '../../domain/core/filter';

/** Named filters of one list saved on this device (过滤 → 保存). */
export function savedFilters(workspaceId: string, entity: string): Promise<SavedFilter[]> {
  return localDb().savedFilters.where({ workspaceId, entity }).toArray();
}

export async function saveFilter(workspaceId: string, entity: string, name: string, filter: Filter): Promise<void> {
  await localDb().savedFilters.add({ workspaceId, entity, name, filter });
}

export async function deleteSavedFilter(id: number): Promise<void> {
  await localDb().savedFilters.delete(id);
}
