import * as Y from 'yjs';
import { Workspace } from '../core/workspace';
import { migrate } from '../core/migrations';
import { seedWorkspace } from '../org/setup';
import { loadSampleCompany } from '../sample/load';
import { applyAndStore } from '../core/unencoded';

/** What the demo's documents are made from: their ids and names, and the day the sample's dates count from. */
export interface DemoRequest { id: string; company: string; user: string; today: string }
/** The demo's documents as updates by document group, and the user it was made for. */
export interface DemoState {
  adminId: string;
  sections: [string, Uint8Array][];
  /** The builder's clock after the last record: the page's clock must follow it (applying documents does not move it). */
  clock: number;
}

/** The demo's documents applied to the workspace that will hold them; its clock moves past every record's stamp. */
export function applyDemo(ws: Workspace, state: DemoState): void {
  ws.actorId = state.adminId;
  for (const [g, update] of state.sections) {
    const doc = ws.docs.get(g);
    if (!doc) continue;
    // stored as built: Yjs need not encode the applied documents again for IndexedDB (unencoded.ts)
    if (ws.persists(g)) applyAndStore(doc, () => Y.applyUpdate(doc, update, DEMO_ORIGIN), (tx) => tx.origin === DEMO_ORIGIN, update, (u) => ws.storeReceived(g, u));
    else Y.applyUpdate(doc, update, DEMO_ORIGIN);
  }
  // the builder's burst of writes ran its clock seconds ahead of Date.now(): an experiment started
  // at once must still come after the sample's records (lab-runs.ts reads the start from this clock)
  ws.clock.observe([state.clock, 0]);
}

const DEMO_ORIGIN = 'keyuan:demo';

/**
 * A new workspace with the sample company, in memory: what `createWorkspace` seeds, the schema
 * steps, then the sample. Run in a worker (demo.worker.ts) so the ~6,000 records are generated
 * and encoded beside the page's own start-up, not on its thread.
 */
export function buildDemo(req: DemoRequest): DemoState {
  const ws = new Workspace(req.id);
  const adminId = seedWorkspace(ws, req.company, req.user);
  migrate(ws);
  loadSampleCompany(ws, req.today);
  return { adminId, sections: [...ws.docs].map(([g, doc]) => [g, Y.encodeStateAsUpdate(doc)]), clock: ws.clock.now()[0] };
}
