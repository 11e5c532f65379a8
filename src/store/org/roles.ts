import type { Workspace } from '../core/workspace';
import { editRecord, entityDef, saveRecord, type SaveResult } from '../core/records';
import type { RecordValues } from '../../domain/core/record';

/*
 * Roles (角色) are edited in a matrix, one module's permission per field (`perm_<module>`), so two
 * administrators changing different modules of one role while apart both keep their change.
 */

/** A new role, seeing only its own records until someone widens its scope. */
export function addRole(ws: Workspace, name: string, userId?: string): SaveResult {
  return saveRecord(ws, entityDef(ws, 'roles'), { name, scope: 'own' }, undefined, { userId });
}

/** Some fields of a role (its scope, one module's permission). */
export function editRole(ws: Workspace, id: string, patch: RecordValues, userId?: string): SaveResult {
  return editRecord(ws, 'roles', id, patch, userId);
}
