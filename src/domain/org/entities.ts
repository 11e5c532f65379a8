import type { EntityDef } from '../core/entity';

export const departments: EntityDef = {
  key: 'departments', module: 'org', label: { zh: '部门', en: 'Departments' }, titleField: 'name',
  fields: [
    { key: 'name', label: { zh: '部门名称', en: 'Name' }, type: 'text', required: true },
    { key: 'code', label: { zh: '部门编码', en: 'Code' }, type: 'text', unique: true },
    { key: 'parentId', label: { zh: '上级部门', en: 'Parent' }, type: 'ref', ref: 'departments' },
    { key: 'manager', label: { zh: '负责人', en: 'Manager' }, type: 'ref', ref: 'users' },
  ],
};

export const roles: EntityDef = {
  key: 'roles', module: 'org', label: { zh: '角色', en: 'Roles' }, titleField: 'name', titleFieldEn: 'nameEn',
  fields: [
    { key: 'name', label: { zh: '角色名称', en: 'Name' }, type: 'text', required: true, unique: true },
    { key: 'nameEn', label: { zh: '英文名称', en: 'English name' }, type: 'text', hidden: true },
    { key: 'scope', label: { zh: '数据范围', en: 'Data scope' }, type: 'dict', dict: 'dataScope' },
    { key: 'admin', label: { zh: '管理员', en: 'Administrator' }, type: 'bool' },
    { key: 'discountLimit', label: { zh: '职位折扣下限', en: 'Position discount limit' }, type: 'percent', min: 0, max: 100 },
  ],
};

export const users: EntityDef = {
  key: 'users', module: 'org', label: { zh: '用户', en: 'Users' }, titleField: 'name',
  fields: [
    { key: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true },
    { key: 'code', label: { zh: '工号', en: 'Staff no.' }, type: 'text', unique: true },
    { key: 'departmentId', label: { zh: '部门', en: 'Department' }, type: 'ref', ref: 'departments' },
    { key: 'roleId', label: { zh: '角色', en: 'Role' }, type: 'ref', ref: 'roles', required: true },
    { key: 'phone', label: { zh: '手机', en: 'Mobile' }, type: 'phone' },
    { key: 'email', label: { zh: '邮箱', en: 'Email' }, type: 'email' },
    { key: 'active', label: { zh: '在职', en: 'Active' }, type: 'bool' },
  ],
};

/** Company info (本单位信息) is a single record with id `company`. */
export const company: EntityDef = {
  key: 'company', module: 'org', label: { zh: '本单位信息', en: 'Company info' }, titleField: 'name',
  fields: [
    { key: 'name', label: { zh: '单位名称', en: 'Name' }, type: 'text', required: true },
    { key: 'address', label: { zh: '地址', en: 'Address' }, type: 'text' },
    { key: 'phone', label: { zh: '电话', en: 'Phone' }, type: 'phone' },
    { key: 'logo', label: { zh: '标志(图片地址)', en: 'Logo (image URL)' }, type: 'url' },
    { key: 'fiscalYearStart', label: { zh: '会计年度起始月', en: 'Fiscal year starts (month)' }, type: 'number', min: 1, max: 12 },
  ],
};
