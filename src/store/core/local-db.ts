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
  /**
   * This device only watches the workspace (a teacher's copy of a group, added to the class view
   * by its join code): it opens read-only (`Workspace.readOnly`) and syncs only to receive.
   */
  readOnly?: boolean;
  /** The demo a `?demo` link opened (store/classroom/demo.ts): the app says so and offers a workspace of one's own. */
  demo?: boolean;
}
export interface Identity { workspaceId: string; userId: string }
export interface SavedFilter { id?: number; workspaceId: string; entity: string; name: string; filter: Filter }
export interface ColumnLayout { workspaceId: string; entity: string; order: string[]; hidden: string[]; locked: number }
export interface Setting { key: string; value: unknown }

/**
 * A restore point (数据恢复, `store/recovery`): records as they were, kept on this device only.
 * `event`: the previous versions of the records a peer's change removed, emptied or binned;
 * `daily`: every record of the workspace, once a day. The records are in `restoreParts`.
 */
export interface RestorePointRow {
  id: string;
  workspaceId: string;
  kind: 'event' | 'daily';
  at: number;
  /** Local date (YYYY-MM-DD) of a daily point. */
  day?: string;
  /** Per collection: records held, and for an event point what the change did to them. */
  collections: Record<string, { records: number; purged?: number; purgedLive?: number; binned?: number; emptied?: number }>;
  /** Who made the change (user ids from purge tombstones or the records' updatedBy). */
  by: string[];
  /** A peer purged records outside the recycle bin, or binned/emptied many: warn (until dismissed). */
  warn?: boolean;
  dismissed?: boolean;
  parts: number;
  bytes: number;
}
/** Records of one collection in a restore point: one JSON record per line (gzip when `gz`), under 16 MiB before compression. */
export interface RestorePartRow { pointId: string; part: number; collection: string; gz: boolean; data: Uint8Array }

export class LocalDb extends Dexie {
  workspaces!: Table<WorkspaceEntry, string>;
  identities!: Table<Identity, string>;
  savedFilters!: Table<SavedFilter, number>;
  layouts!: Table<ColumnLayout, [string, string]>;
  settings!: Table<Setting, string>;
  restorePoints!: Table<RestorePointRow, string>;
  restoreParts!: Table<RestorePartRow, [string, number]>;

  constructor(name = 'keyuan-local') {
    super(name);
    this.version(1).stores({
      workspaces: 'id, lastOpenedAt',
      identities: 'workspaceId',
      savedFilters: '++id, [workspaceId+entity]',
      layouts: '[workspaceId+entity]',
      settings: 'key',
    });
    this.version(2).stores({
      restorePoints: 'id, workspaceId',
      restoreParts: '[pointId+part], pointId',
    });
  }
}

let shared: LocalDb | undefined;
export function localDb(): LocalDb {
  return (shared ??= new LocalDb());
}
