import { MODULES, type Permission } from './modules';

const allAt = (p: Permission) => Object.fromEntries(MODULES.map((m) => [m.key, p]));

/**
 * 组员: the role of someone who joins a class group by code. A group works on one shared set of
 * customers, so a member sees all of it (a 业务员 sees only their own records) and writes
 * everywhere except the organisation settings.
 */
export const MEMBER_ROLE = {
  id: 'role-member', name: '组员', nameEn: 'Team member', scope: 'all', discountLimit: 5,
  perms: { ...allAt('write'), org: 'read', analysis: 'read', system: 'none' },
};

/** Roles every new workspace starts with (editable afterwards). */
export const DEFAULT_ROLES = [
  { id: 'role-admin', name: '系统管理员', nameEn: 'Administrator', admin: true, scope: 'all', perms: allAt('approve'), discountLimit: 100 },
  { id: 'role-manager', name: '销售经理', nameEn: 'Sales manager', scope: 'department', discountLimit: 20,
    perms: { ...allAt('read'), customers: 'approve', competitors: 'write', sales: 'approve', orders: 'approve', finance: 'approve', marketing: 'approve', office: 'approve', org: 'none', system: 'none' } },
  { id: 'role-rep', name: '业务员', nameEn: 'Sales rep', scope: 'own', discountLimit: 5,
    perms: { ...allAt('none'), customers: 'write', competitors: 'read', products: 'read', sales: 'write', orders: 'write', finance: 'write', service: 'read', office: 'write' } },
  { id: 'role-service', name: '售后服务员', nameEn: 'Service agent', scope: 'all', discountLimit: 0,
    perms: { ...allAt('none'), customers: 'read', competitors: 'read', products: 'read', sales: 'read', service: 'write', office: 'write' } },
  { id: 'role-viewer', name: '只读访客', nameEn: 'Read-only guest', scope: 'all', discountLimit: 0, perms: { ...allAt('read'), system: 'none' } },
  MEMBER_ROLE,
];
