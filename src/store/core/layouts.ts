import Dexie from 'dexie';
import { localDb, type ColumnLayout } from './local-db';

/** A list's columns or a form's fields as arranged on this device (order, hidden, locked columns). */
export type Layout = Pick<ColumnLayout, 'order' | 'hidden' | 'locked'>;

/*
 * Every layout of a workspace is read in one query when the workspace opens, beside its
 * documents (store/org/setup.ts), and kept for the page: a list's first paint then never waits
 * for a read of its own (measured: up to a quarter of a second of a cold `?demo` while IndexedDB
 * was busy storing the sample).
 */
const reads = new Map<string, Promise<Map<string, Layout>>>();
const held = new Map<string, Map<string, Layout>>();

const layoutOf = (row: ColumnLayout): Layout => ({ order: row.order, hidden: row.hidden, locked: row.locked });

/** Start reading a workspace's layouts (once per page); what `loadLayout` and `heldLayout` answer from. */
export function preloadLayouts(workspaceId: string): Promise<Map<string, Layout>> {
  let read = reads.get(workspaceId);
  if (!read) {
    read = localDb().layouts.where('[workspaceId+entity]').between([workspaceId, Dexie.minKey], [workspaceId, Dexie.maxKey]).toArray()
      .then((rows) => {
        const layouts = new Map(rows.map((r) => [r.entity, layoutOf(r)]));
        held.set(workspaceId, layouts);
        return layouts;
      });
    reads.set(workspaceId, read);
    read.catch(() => reads.delete(workspaceId)); // tried again by the next caller
  }
  return read;
}

/** The layout under `key` if this page has read the workspace's layouts: `{ layout }` (maybe none kept), else null. */
export function heldLayout(workspaceId: string, key: string): { layout: Layout | undefined } | null {
  const layouts = held.get(workspaceId);
  return layouts ? { layout: layouts.get(key) } : null;
}

/** The layout kept on this device under `key` (an entity, or `<entity>@form`), if any. */
export async function loadLayout(workspaceId: string, key: string): Promise<Layout | undefined> {
  return (await preloadLayouts(workspaceId)).get(key);
}

export async function saveLayout(workspaceId: string, key: string, layout: Layout): Promise<void> {
  (await preloadLayouts(workspaceId)).set(key, layout);
  await localDb().layouts.put({ workspaceId, entity: key, ...layout });
}
