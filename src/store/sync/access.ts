import type * as Y from 'yjs';
import { decodeRecord } from '../core/codec';
import { userMayWrite, type RoleLike } from '../../domain/org/modules';
import { readPublicKey, type PublicKeyXY } from './token';

/**
 * Reading who may write from a workspace's core document — shared by the Hocuspocus server
 * (server/main.ts) and by peers in server mode (webrtc.ts's access gate). Users and roles are
 * records in the core document's `users` and `roles` maps; the workspace's public key is meta
 * `accessKey`.
 */
export const ACCESS_KEY = 'accessKey';

export function workspaceKeyIn(core: Y.Doc): PublicKeyXY | undefined {
  return readPublicKey(core.getMap('meta').get(ACCESS_KEY));
}

/** May this user write, by the role the core document gives them now? */
export function mayWriteIn(core: Y.Doc, userId: string): boolean {
  const users = core.getMap<unknown>('users');
  const roles = core.getMap<unknown>('roles');
  const user = decodeRecord(users.get(userId));
  return userMayWrite(user && user.id === userId ? user : undefined, (id) => {
    const r = decodeRecord(roles.get(id));
    return r && r.id === id ? (r as RoleLike & { deleted?: boolean }) : undefined;
  });
}

/** The core document of a workspace document's name (`<room>` or `<room>.<group>`). */
export function roomOf(documentName: string, room: string): boolean {
  return documentName === room || (documentName.startsWith(room + '.') && !documentName.slice(room.length + 1).includes('.'));
}
