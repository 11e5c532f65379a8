import type { Label } from '../core/entity';

/** Permission levels, ordered: each includes the ones before it. */
export type Permission = 'none' | 'read' | 'write' | 'approve';
export const PERMISSIONS: Permission[] = ['none', 'read', 'write', 'approve'];

/** Data scope of a role: own records, own department's, or all. */
export type DataScope = 'own' | 'department' | 'all';

/** The permission modules of the product (SPEC A). Contacts follow customers. */
export const MODULES: { key: string; label: Label }[] = [
  { key: 'org', label: { zh: '企业设置', en: 'Organisation' } },
  { key: 'customers', label: { zh: '客户管理', en: 'Customers' } },
  { key: 'competitors', label: { zh: '竞争对手', en: 'Competitors' } },
  { key: 'products', label: { zh: '产品管理', en: 'Products' } },
  { key: 'sales', label: { zh: '销售管理', en: 'Sales' } },
  { key: 'orders', label: { zh: '订单管理', en: 'Orders' } },
  { key: 'finance', label: { zh: '财务处理', en: 'Finance' } },
  { key: 'marketing', label: { zh: '市场管理', en: 'Marketing' } },
  { key: 'service', label: { zh: '客户服务', en: 'Service' } },
  { key: 'analysis', label: { zh: '分析决策', en: 'Analysis' } },
  { key: 'office', label: { zh: '员工中心', en: 'Employee centre' } },
  { key: 'system', label: { zh: '系统日志', en: 'System log' } },
  { key: 'classroom', label: { zh: '课堂（教师）', en: 'Classroom (teacher)' } },
];

/**
 * What a role that says nothing of a module may do there: everybody writes their own plans in the
 * employee centre (员工中心), also in roles made before it existed; a role can still be set lower.
 */
const UNSET_PERMISSION: Readonly<Record<string, Permission>> = { office: 'write' };

/**
 * A role's permissions are stored as one field per module (`perm_customers: 'write'`), not as
 * one nested object, so two managers changing different modules of one role while apart both
 * keep their change (records merge field by field).
 */
export interface RoleLike {
  scope?: DataScope;
  admin?: boolean;
  readonly [field: string]: unknown;
}

export function permField(module: string): string {
  return `perm_${module}`;
}

/** Flatten `{ customers: 'write' }` into `{ perm_customers: 'write' }`. */
export function permFields(perms: Record<string, Permission>): Record<string, Permission> {
  return Object.fromEntries(Object.entries(perms).map(([m, p]) => [permField(m), p]));
}

export function permissionOf(role: RoleLike | undefined, module: string): Permission {
  if (!role) return 'none';
  if (role.admin === true) return 'approve';
  const p = role[permField(module)];
  return PERMISSIONS.includes(p as Permission) ? (p as Permission) : (UNSET_PERMISSION[module] ?? 'none');
}

/** True when the role's permission on the module is at least `need`. */
export function can(role: RoleLike | undefined, module: string, need: Permission): boolean {
  return PERMISSIONS.indexOf(permissionOf(role, module)) >= PERMISSIONS.indexOf(need);
}

/** Whether a user may see a record owned by `ownerId` (in `ownerDept`) under the role's scope. */
export function inScope(
  role: RoleLike | undefined,
  me: { id: string; departmentId?: string },
  owner: { id?: string; departmentId?: string },
): boolean {
  if (!role) return false;
  if (role.admin) return true;
  const scope = role.scope ?? 'all';
  if (scope === 'all') return true;
  if (scope === 'own') return !owner.id || owner.id === me.id;
  return !owner.id || owner.id === me.id || (!!me.departmentId && owner.departmentId === me.departmentId);
}

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
