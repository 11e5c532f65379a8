import type { Workspace } from '../../store/core/workspace';

/*
 * The recovery watch (store/recovery, ~10 KB) loads with the workspace but not with the first
 * page: the shell starts it here, and sync waits for it, so no received change goes unseen.
 */
const started = new WeakMap<Workspace, Promise<void>>();

/** Load and start the recovery watch of an open workspace; returns its stop. */
export function startRecoveryLazily(ws: Workspace): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  const ready = import('./state')
    .then((m) => { if (!stopped) stop = m.startRecovery(ws); })
    .catch((e) => console.error('[keyuan recovery] could not start', e));
  started.set(ws, ready);
  return () => { stopped = true; stop?.(); };
}

/** Resolves once the workspace's recovery watch runs (at once when none was started). */
export function recoveryStarted(ws: Workspace): Promise<void> {
  return started.get(ws) ?? Promise.resolve();
}
