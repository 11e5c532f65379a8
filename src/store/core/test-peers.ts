import * as Y from 'yjs';
import { Workspace } from './workspace';

/* Two in-memory peers of one workspace, for tests of merging and history (no IndexedDB, no network). */

export function peer(actor: string): Workspace {
  const ws = new Workspace('t');
  ws.actorId = actor;
  return ws;
}

/** Send everything `from` has that `to` lacks (one direction of a reconnect). */
export function sync(from: Workspace, to: Workspace): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
}

/** A reconnect: both directions, twice, so the merge observers' own writes travel too. */
export function both(a: Workspace, b: Workspace): void {
  sync(a, b); sync(b, a); sync(a, b); sync(b, a);
}
