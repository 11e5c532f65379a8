import Dexie, { type Table } from 'dexie';
import type { Filter } from '../../domain/core/filter';

/** Device-local data: never synced (which workspaces this device holds, who it acts as, views). */
export interface WorkspaceEntry {
  id: string;
  name: string;
  /** Sync room id and password (the password is never part of an invite code). */
  room: string;
  password: string;
  createdAt: number;
  lastOpenedAt: number;
  lastBackupAt?: number;
}
export interface Identity { workspaceId: string; userId: string }
export interface SavedFilter { id?: number; workspaceId: string; entity: string; name: string; filter: Filter }
export interface ColumnLayout { workspaceId: string; entity: string; order: string[]; hidden: string[]; locked: number }
export interface Setting { key: string; value: unknown }

export class LocalDb extends Dexie {
  workspaces!: Table<WorkspaceEntry, string>;
  identities!: Table<Identity, string>;
  savedFilters!: Table<SavedFilter, number>;
  layouts!: Table<ColumnLayout, [string, string]>;
  settings!: Table<Setting, string>;

  constructor(name = 'keyuan-local') {
    super(name);
    this.version(1).stores({
      workspaces: 'id, lastOpenedAt',
      identities: 'workspaceId',
      savedFilters: '++id, [workspaceId+entity]',
      layouts: '[workspaceId+entity]',
      settings: 'key',
    });
  }
}

let shared: LocalDb | undefined;
export function localDb(): LocalDb {
  return (shared ??= new LocalDb());
}
