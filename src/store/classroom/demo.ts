import { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { preloadLayouts } from '../core/layouts';
import { newId } from '../core/collection';
import { handOver, listWorkspaces, type OpenedWorkspace } from '../org/setup';
import { localToday } from '../sales/ops';
import { saveGuidePrefs } from './lab-prefs';
import { applyDemo, type DemoRequest, type DemoState } from './demo-build';

/**
 * The demo a `?demo` link opens from a static site (issue 15 item 6): no sign-up — a workspace
 * with the sample company and the lab guide open at 客户管理, made on this device the first time
 * and opened again on later visits (`WorkspaceEntry.demo`).
 *
 * Made for speed from a cold start: the sample's records are generated in a worker
 * (demo.worker.ts) while the page loads its code and opens the workspace's databases; the page
 * applies the finished documents in one step and the shell receives the open workspace
 * (`handOver`) instead of reading back from IndexedDB what was just written.
 */
export const DEMO_NAME = '云帆软件（演示）';
const DEMO_USER = '演示用户';

/** The demo workspace's id: the one this device holds, else a new one (being made: the shell waits for it). */
export async function openDemo(worker: Worker | null = null): Promise<string> {
  const held = (await listWorkspaces()).find((w) => w.demo);
  if (held) { worker?.terminate(); return held.id; }
  const entry: WorkspaceEntry = {
    id: newId(), name: DEMO_NAME, room: `keyuan-${newId()}`, password: newId(), createdAt: Date.now(), lastOpenedAt: Date.now(), demo: true,
  };
  void preloadLayouts(entry.id).catch(() => undefined); // none yet: known before the list renders
  handOver(entry.id, makeDemo(entry, worker));
  return entry.id;
}

async function makeDemo(entry: WorkspaceEntry, worker: Worker | null): Promise<OpenedWorkspace> {
  const req: DemoRequest = { id: entry.id, company: DEMO_NAME, user: DEMO_USER, today: localToday() };
  const [state, ws] = await Promise.all([inWorker(req, worker).catch(async () => (await import('./demo-build')).buildDemo(req)), Workspace.open(entry.id)]);
  performance.mark('keyuan:demo-built');
  applyDemo(ws, state);
  performance.mark('keyuan:demo-applied');
  await Promise.all([
    localDb().transaction('rw', localDb().workspaces, localDb().identities, async () => {
      await localDb().workspaces.put(entry);
      await localDb().identities.put({ workspaceId: entry.id, userId: state.adminId });
    }),
    saveGuidePrefs(entry.id, { open: true, guide: 'customers' }),
  ]);
  performance.mark('keyuan:demo-stored');
  return { entry, ws, userId: state.adminId };
}

/** The demo's documents built in the worker boot.ts started; rejects without one (then the page builds them). */
function inWorker(req: DemoRequest, worker: Worker | null): Promise<DemoState> {
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new Error('no worker'));
    worker.onmessage = (e: MessageEvent<{ ok: boolean; state?: DemoState; error?: string }>) => {
      worker.terminate();
      if (e.data.ok && e.data.state) resolve(e.data.state); else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(e.message)); };
    worker.postMessage(req);
  });
}
