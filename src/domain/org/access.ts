import { MODULES, can, type RoleLike } from './modules';

/**
 * Whether a role may change the shared document at all — what a Yjs server (and, in server mode,
 * a peer) can enforce, since it sees updates, not modules. A role writes when it is an
 * administrator or has write on at least one module; note that a role that says nothing of the
 * employee centre (office) writes there by default, so a read-only role sets every module,
 * office included, to read or none. Finer module permissions stay on the devices.
 */
export function roleMayWrite(role: RoleLike | undefined): boolean {
  if (!role) return false;
  if (role.admin === true) return true;
  return MODULES.some((m) => can(role, m.key, 'write'));
}

interface UserLike { id: string; roleId?: unknown; active?: unknown; deleted?: unknown }

/**
 * May this user write? A user not in the document, in the bin, marked not active, or whose role
 * is missing or in the bin, may not.
 */
export function userMayWrite(user: UserLike | undefined, roleOf: (id: string) => (RoleLike & { deleted?: unknown }) | undefined): boolean {
  if (!user || user.deleted === true || user.active === false || typeof user.roleId !== 'string') return false;
  const role = roleOf(user.roleId);
  return !!role && role.deleted !== true && roleMayWrite(role);
}
