import { localDb } from '../core/local-db';
import type { Workspace } from '../core/workspace';
import type { LabEvent } from '../../domain/classroom/predicates';

/**
 * Things the lab guide checks that no record proves — a page viewed, an analysis read for 近12个月
 * — kept on this device (Dexie `settings`, `lab-events:<workspace>`; never synced). Pages call
 * `recordLabEvent`; the guide reads them with `loadLabEvents` and hears of new ones.
 */
const key = (workspaceId: string) => `lab-events:${workspaceId}`;
/** The latest events kept per workspace (older ones matter only to experiments started long ago). */
const KEEP = 500;

const listeners = new Set<(workspaceId: string) => void>();
let writing: Promise<unknown> = Promise.resolve();

export async function loadLabEvents(workspaceId: string): Promise<LabEvent[]> {
  await writing.catch(() => undefined);
  return read(workspaceId);
}

async function read(workspaceId: string): Promise<LabEvent[]> {
  const row = await localDb().settings.get(key(workspaceId));
  return Array.isArray(row?.value) ? (row.value as LabEvent[]).filter((e) => e && typeof e.event === 'string' && typeof e.at === 'number') : [];
}

/**
 * Remember that `by` did `event` (with `params`) now; the same event with the same settings keeps
 * only its latest time. Given the workspace, "now" is its clock's — the clock an experiment's start
 * is read from (store/classroom/lab-runs.ts): after a burst of writes (the sample company) it runs
 * seconds ahead of Date.now(), and a page opened just after 开始实验 must count.
 */
export function recordLabEvent(ws: Workspace | string, by: string, event: string, params: Record<string, string> = {},
  at = typeof ws === 'string' ? Date.now() : ws.clock.now()[0]): Promise<void> {
  const workspaceId = typeof ws === 'string' ? ws : ws.id;
  const same = (e: LabEvent) => e.event === event && e.by === by && JSON.stringify(e.params ?? {}) === JSON.stringify(params);
  const done = writing.catch(() => undefined).then(async () => {
    const list = (await read(workspaceId)).filter((e) => !same(e));
    list.push({ event, params, at, by });
    await localDb().settings.put({ key: key(workspaceId), value: list.slice(-KEEP) });
  });
  writing = done;
  return done.then(() => listeners.forEach((fn) => fn(workspaceId)));
}

/** Hear of events recorded on this device; returns the unsubscribe. */
export function onLabEvent(fn: (workspaceId: string) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
