import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Workspace } from '../../store/core/workspace';
import { HISTORY } from '../../store/core/collection';
import { HistoryLog } from '../../store/sync/history';

const logs = new WeakMap<Workspace, HistoryLog>();

/** The workspace's change log and a signal that changes with it (for components). */
export function useHistory(ws: Workspace): { log: HistoryLog; version: Accessor<number> } {
  let log = logs.get(ws);
  if (!log) logs.set(ws, (log = new HistoryLog(ws.doc)));
  const [version, setVersion] = createSignal(0);
  const arr = ws.doc.getArray(HISTORY);
  const bump = () => setVersion((n) => n + 1);
  arr.observe(bump);
  onCleanup(() => arr.unobserve(bump));
  return { log, version };
}
