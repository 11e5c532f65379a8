import type { EntityDef } from '../core/entity';
import type { BaseRecord } from '../core/record';
import { inScope, type RoleLike } from './modules';

/*
 * Data scope (SPEC A): a role sees its own records, its department's, or all. A record's owner
 * is its `ownerId` (a reference to a user); a record without one follows its parent when the
 * entity says so (contacts follow their customer), otherwise it is everyone's.
 */

export type FindRecord = (entity: string, id: string) => BaseRecord | undefined;

/** The user id that owns a record for the data scope, or undefined when nobody does. */
export function ownerOf(def: EntityDef, r: BaseRecord, find: FindRecord, defOf: (entity: string) => EntityDef | undefined): string | undefined {
  const own = def.fields.find((f) => f.key === 'ownerId' && f.type === 'ref' && f.ref === 'users');
  if (own) return typeof r.ownerId === 'string' && r.ownerId ? r.ownerId : undefined;
  const via = def.scopeVia;
  if (!via || typeof r[via.field] !== 'string') return undefined;
  const parent = find(via.entity, r[via.field] as string);
  const parentDef = defOf(via.entity);
  return parent && parentDef && parentDef !== def ? ownerOf(parentDef, parent, find, defOf) : undefined;
}

/** Whether entities of this definition are limited by the data scope at all. */
export function scoped(def: EntityDef): boolean {
  return !!def.scopeVia || def.fields.some((f) => f.key === 'ownerId' && f.type === 'ref' && f.ref === 'users');
}

/** A test "may this user see records owned by X" for one role and user, departments looked up once. */
export function scopeTest(
  role: RoleLike | undefined, me: { id: string; departmentId?: string }, departmentOf: (userId: string) => string | undefined,
): (ownerId: string | undefined) => boolean {
  if (role?.admin || (role?.scope ?? 'all') === 'all') return () => !!role;
  return (ownerId) => inScope(role, me, { id: ownerId, departmentId: ownerId ? departmentOf(ownerId) : undefined });
}
