import type { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { decodeRecord } from '../core/codec';
import { ACCESS_KEY, mayWriteIn, workspaceKeyIn } from './access';
import { generateWorkspaceKey, issueToken, sameKey, type PublicKeyXY } from './token';

/**
 * The workspace key on the administrator's device: its private half in this device's Dexie
 * settings (`accessKey:<workspace id>`, never in the document, like PINs), its public half in
 * the core document (meta `accessKey`), where the server and every peer read it.
 */
const keyOf = (workspaceId: string) => `accessKey:${workspaceId}`;

export async function workspacePrivateKey(entry: WorkspaceEntry): Promise<JsonWebKey | undefined> {
  const row = await localDb().settings.get(keyOf(entry.id));
  const jwk = row?.value as JsonWebKey | undefined;
  return jwk && typeof jwk.d === 'string' && typeof jwk.x === 'string' ? jwk : undefined;
}

/** Whether this device holds the key the document names (it can issue tokens). */
export async function canIssue(ws: Workspace, entry: WorkspaceEntry): Promise<boolean> {
  const jwk = await workspacePrivateKey(entry);
  const pub = workspaceKeyIn(ws.doc);
  return !!jwk && !!pub && sameKey(pub, { x: jwk.x!, y: jwk.y! });
}

/** Make the workspace key (an administrator's device, once): the private half stays here, the public half goes into the document. */
export async function createWorkspaceKey(ws: Workspace, entry: WorkspaceEntry): Promise<PublicKeyXY> {
  const { privateJwk, publicKey } = await generateWorkspaceKey();
  await localDb().settings.put({ key: keyOf(entry.id), value: privateJwk });
  ws.doc.transact(() => ws.meta.set(ACCESS_KEY, publicKey));
  return publicKey;
}

export interface TokenHolder { id: string; name: string; writes: boolean }

/** The people tokens can be issued to: every live user, with whether their role writes. */
export function tokenHolders(ws: Workspace): TokenHolder[] {
  const out: TokenHolder[] = [];
  for (const [id, raw] of ws.doc.getMap<unknown>('users').entries()) {
    const u = decodeRecord(raw);
    if (!u || u.id !== id || u.deleted) continue;
    out.push({ id, name: typeof u.name === 'string' ? u.name : id, writes: mayWriteIn(ws.doc, id) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

/** A token for a user (an administrator token — which also fixes the key on a new server — when `admin`). */
export async function issueTokenFor(ws: Workspace, entry: WorkspaceEntry, user: { id: string; name: string }, admin = false): Promise<string> {
  if (!(await canIssue(ws, entry))) throw new Error('no workspace key on this device');
  const jwk = (await workspacePrivateKey(entry))!;
  return issueToken(jwk, { room: entry.room, userId: user.id, name: user.name, admin });
}
