import { localDb, type ColumnLayout } from './local-db';

/** A list's columns or a form's fields as arranged on this device (order, hidden, locked columns). */
export type Layout = Pick<ColumnLayout, 'order' | 'hidden' | 'locked'>;

/** The layout kept on this device under `key` (an entity, or `<entity>@form`), if any. */
export async function loadLayout(workspaceId: string, key: string): Promise<Layout | undefined> {
  const saved = await localDb().layouts.get([workspaceId, key]);
  return saved ? { order: saved.order, hidden: saved.hidden, locked: saved.locked } : undefined;
}

export async function saveLayout(workspaceId: string, key: string, layout: Layout): Promise<void> {
  await localDb().layouts.put({ workspaceId, entity: key, ...layout });
}
