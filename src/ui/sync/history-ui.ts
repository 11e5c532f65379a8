import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Workspace } from '../../store/core/workspace';
import { HistoryLog } from '../../store/sync/history';

const logs = new WeakMap<Workspace, HistoryLog>();

/** The workspace's change log and a signal that changes with it (for components). */
export function useHistory(ws: Workspace): { log: HistoryLog; version: Accessor<number> } {
  let log = logs.get(ws);
  if (!log) logs.set(ws, (log = new HistoryLog(ws)));
  const [version, setVersion] = createSignal(0);
  onCleanup(log.observe(() => setVersion((n) => n + 1)));
  return { log, version };
}
