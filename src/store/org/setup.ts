import { Workspace } from '../core/workspace';
import { migrate } from '../core/migrations';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { preloadLayouts } from '../core/layouts';
import { newId } from '../core/collection';
import { addDictionary } from '../core/dictionaries';
import { ALL_DICTIONARIES } from '../../domain/registry';
import { STORE_MODULES } from '../modules';
import { permFields, type Permission } from '../../domain/org/modules';
import { DEFAULT_ROLES, MEMBER_ROLE } from '../../domain/org/roles';

export { DEFAULT_ROLES, MEMBER_ROLE } from '../../domain/org/roles';

/** A person who joined on this device becomes a user with the 组员 role (made here if an older workspace lacks it). */
export function addMember(ws: Workspace, name: string, id: string): void {
  const roles = ws.collection('roles');
  ws.actorId = id;
  ws.transact(() => {
    if (!roles.get(MEMBER_ROLE.id)) {
      const { id: roleId, perms, ...role } = MEMBER_ROLE;
      roles.create({ ...role, ...permFields(perms as Record<string, Permission>) }, roleId);
    }
    ws.collection('users').create({ name, code: `S${Date.now().toString(36).slice(-5).toUpperCase()}`, roleId: MEMBER_ROLE.id, active: true }, id);
  });
}

/** Fill a brand-new document with company info, dictionaries, roles and the first user. */
export function seedWorkspace(ws: Workspace, companyName: string, adminName: string): string {
  const adminId = newId();
  ws.transact(() => {
    ws.meta.set('createdAt', Date.now());
    ws.collection('company').create({ name: companyName, fiscalYearStart: 1 }, 'company');
    for (const d of ALL_DICTIONARIES) addDictionary(ws, d);
    for (const m of STORE_MODULES) m.seed?.(ws); // each module's starting records (store/modules.ts)
    for (const { id, perms, ...role } of DEFAULT_ROLES) ws.collection('roles').create({ ...role, ...permFields(perms as Record<string, Permission>) }, id);
    const deptId = ws.collection('departments').create({ name: '总经理办公室', code: 'D01' }).id;
    ws.actorId = adminId;
    ws.collection('users').create({ name: adminName, code: 'E001', roleId: 'role-admin', departmentId: deptId, active: true }, adminId);
  });
  return adminId;
}

/** Create a workspace on this device: its registry entry, its document and its first user. */
export async function createWorkspace(name: string, adminName: string): Promise<{ entry: WorkspaceEntry; ws: Workspace }> {
  const entry: WorkspaceEntry = {
    id: newId(), name, room: `keyuan-${newId()}`, password: newId(), createdAt: Date.now(), lastOpenedAt: Date.now(),
  };
  const ws = await Workspace.open(entry.id);
  const adminId = seedWorkspace(ws, name, adminName);
  migrate(ws);
  await localDb().transaction('rw', localDb().workspaces, localDb().identities, async () => {
    await localDb().workspaces.put(entry);
    await localDb().identities.put({ workspaceId: entry.id, userId: adminId });
  });
  return { entry, ws };
}

export async function listWorkspaces(): Promise<WorkspaceEntry[]> {
  return localDb().workspaces.orderBy('lastOpenedAt').reverse().toArray();
}

export async function openWorkspace(id: string): Promise<OpenedWorkspace> {
  const early = preopened.get(id);
  preopened.delete(id);
  return early ?? load(id);
}

/** A workspace held on this device (its registry entry); the UI names it without reaching into Dexie. */
export type { WorkspaceEntry };

/** Days since the last backup (or since creation when there never was one). */
export function backupAgeDays(entry: WorkspaceEntry, now = Date.now()): number {
  return (now - (entry.lastBackupAt ?? entry.createdAt)) / 86_400_000;
}

export interface OpenedWorkspace { entry: WorkspaceEntry; ws: Workspace; userId?: string }

const preopened = new Map<string, Promise<OpenedWorkspace>>();

/**
 * Start opening a workspace before the UI code has even been evaluated (called from the app's
 * entry with the id in the URL): IndexedDB reads run while the browser evaluates the pages'
 * modules. The next `openWorkspace(id)` receives this very promise.
 */
export function preopenWorkspace(id: string): void {
  const p = load(id);
  p.catch(() => undefined); // reported to whoever consumes it
  preopened.set(id, p);
}

/** A workspace this page is making and will hold open (the demo): the next `openWorkspace(id)` waits for it and takes it as it is. */
export function handOver(id: string, opened: Promise<OpenedWorkspace>): void {
  opened.catch(() => undefined); // reported to whoever consumes it
  preopened.set(id, opened);
}

async function load(id: string): Promise<OpenedWorkspace> {
  // the registry entry, the document and the identity are read together: a cold open waits
  // for the slowest of them, not for their sum
  const reading = localDb().workspaces.get(id);
  const [entry, ws, ident] = await Promise.all([
    reading, Workspace.open(id, { readOnly: reading.then((e) => e?.readOnly === true, () => false) }), localDb().identities.get(id),
    preloadLayouts(id).catch(() => undefined), // the lists' column layouts, read with the rest (layouts.ts)
  ]);
  if (!entry) {
    // a stray link must not leave an empty document behind; a document with data stays
    await ([...ws.docs.values()].every((d) => d.store.clients.size === 0) ? ws.clearLocal() : ws.close());
    throw new Error(`unknown workspace ${id}`);
  }
  ws.actorId = ident?.userId ?? '';
  if (ws.readOnly) {
    // a copy this device only watches: no step may write (the version check of `open` stands)
    return { entry, ws, userId: ident?.userId };
  }
  // the schema steps write records, stamped by the acting user: run once the identity is known
  // (Workspace.open only checks the version)
  ws.compatible = migrate(ws) && ws.compatible;
  // the steps that repeat at every open look again once the other groups are loaded (they
  // convert only what they find, and the groups load after the first page is shown)
  void ws.loaded.then(() => { if (ws.compatible) migrate(ws); });
  void localDb().workspaces.update(id, { lastOpenedAt: Date.now() });
  return { entry, ws, userId: ident?.userId };
}

/** Act as another user of the workspace on this device (更改用户). */
export async function setIdentity(ws: Workspace, userId: string): Promise<void> {
  ws.actorId = userId;
  await saveIdentity(ws.id, userId);
}

/** Who this device acts as in a workspace that is not open (a backup just restored as a new one). */
export async function saveIdentity(workspaceId: string, userId: string): Promise<void> {
  await localDb().identities.put({ workspaceId, userId });
}
