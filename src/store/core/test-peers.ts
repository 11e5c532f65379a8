import * as Y from 'yjs';
import { Workspace } from './workspace';
import { migrate, schemaVersion } from './migrations';
import { CORE_GROUP, GROUPS } from '../../domain/registry';

/* In-memory peers of one workspace, for tests of merging and history (no IndexedDB, no network). */

export function peer(actor: string): Workspace {
  const ws = new Workspace('t');
  ws.actorId = actor;
  return ws;
}

/**
 * A workspace as builds up to schema 4 kept it: every collection in the one document (a peer on
 * an older build, or a document such a build wrote). Its bridge is off: there is nothing to move to.
 */
export function oneDocumentPeer(actor: string, doc = new Y.Doc()): Workspace {
  const ws = new Workspace('t', new Map(GROUPS.map((g) => [g, doc])));
  ws.bridge.active = false;
  ws.actorId = actor;
  return ws;
}

/** A group a peer keeps in a document of its own (an older build's peer keeps only core). */
const ownDoc = (ws: Workspace, g: string) => g === CORE_GROUP || ws.docs.get(g) !== ws.doc;

/** Send everything `from` has that `to` lacks (one direction of a reconnect), group by group. */
export function sync(from: Workspace, to: Workspace): void {
  for (const g of GROUPS) {
    if (!ownDoc(from, g) || !ownDoc(to, g)) continue;
    const a = from.docs.get(g)!;
    const b = to.docs.get(g)!;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'remote');
  }
}

/** A reconnect: both directions, twice, so the merge observers' own writes travel too. */
export function both(a: Workspace, b: Workspace): void {
  sync(a, b); sync(b, a); sync(a, b); sync(b, a);
}

/**
 * Open a copy of a document written by an older build on a device running this one (as
 * Workspace.open — only the version check, nothing written — then the identity, then migrate).
 */
export function openOlderDocument(doc: Y.Doc, actor: string): Workspace {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const ws = new Workspace('t', copy);
  ws.actorId = actor;
  const before = schemaVersion(ws.doc);
  if (!migrate(ws.doc) || schemaVersion(ws.doc) !== before) throw new Error('the version check wrote to the document');
  if (!migrate(ws)) throw new Error('the document is newer than this build');
  return ws;
}
