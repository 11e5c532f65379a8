import type { EntityDef } from '../core/entity';

export const CUSTOMER_KINDS = ['customer', 'agent', 'supplier', 'potential'] as const;

export const customers: EntityDef = {
  key: 'customers', module: 'customers', label: { zh: '客户档案', en: 'Customers' }, noun: { zh: '客户', en: 'Customer' }, titleField: 'name',
  cardFields: ['name', 'code', 'phone', 'ownerId'],
  treeField: 'category',
  fields: [
    { key: 'code', label: { zh: '客户编码', en: 'Code' }, type: 'text', required: true, unique: true, width: 110 },
    { key: 'name', label: { zh: '客户名称', en: 'Name' }, type: 'text', required: true, width: 220 },
    { key: 'category', label: { zh: '客户分类', en: 'Category' }, type: 'dict', dict: 'customerCategory' },
    { key: 'kind', label: { zh: '客户类型', en: 'Kind' }, type: 'dict', dict: 'customerKind', required: true, width: 90 },
    { key: 'industry', label: { zh: '行业', en: 'Industry' }, type: 'dict', dict: 'industry' },
    { key: 'scale', label: { zh: '规模', en: 'Scale' }, type: 'dict', dict: 'scale', width: 90 },
    { key: 'region', label: { zh: '地区', en: 'Region' }, type: 'dict', dict: 'region', width: 90 },
    { key: 'address', label: { zh: '地址', en: 'Address' }, type: 'text', hidden: true, width: 220 },
    { key: 'phone', label: { zh: '电话', en: 'Phone' }, type: 'phone', width: 130 },
    { key: 'website', label: { zh: '网址', en: 'Website' }, type: 'url', hidden: true },
    { key: 'source', label: { zh: '客户来源', en: 'Source' }, type: 'dict', dict: 'leadSource', hidden: true },
    { key: 'ownerId', label: { zh: '专管业务员', en: 'Owner' }, type: 'ref', ref: 'users', width: 90 },
    { key: 'creditLimit', label: { zh: '信用额度', en: 'Credit limit' }, type: 'money', min: 0, hidden: true },
    { key: 'contactCycle', label: { zh: '联系周期(天)', en: 'Contact cycle (days)' }, type: 'number', min: 0, hidden: true, formHidden: true },
    { key: 'nextContact', label: { zh: '下次联系时间', en: 'Next contact' }, type: 'date', hidden: true, formHidden: true },
    { key: 'firstContact', label: { zh: '首次联系日期', en: 'First contact' }, type: 'date', hidden: true },
    { key: 'lifecycle', label: { zh: '生命周期', en: 'Lifecycle' }, type: 'dict', dict: 'lifecycle', width: 80 },
    { key: 'satisfaction', label: { zh: '满意度', en: 'Satisfaction' }, type: 'dict', dict: 'satisfaction', hidden: true },
    { key: 'notes', label: { zh: '备注', en: 'Notes' }, type: 'longtext', hidden: true },
  ],
};

export const contacts: EntityDef = {
  key: 'contacts', module: 'customers', label: { zh: '联系人', en: 'Contacts' }, titleField: 'name',
  scopeVia: { field: 'customerId', entity: 'customers' },
  // a customer's contacts follow it to the recycle bin and come back with it
  parent: { entity: 'customers', field: 'customerId', onDelete: 'cascade' },
  fields: [
    { key: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text', required: true, width: 100 },
    { key: 'customerId', label: { zh: '所属客户', en: 'Customer' }, type: 'ref', ref: 'customers', required: true, width: 200 },
    { key: 'primary', label: { zh: '主联系人', en: 'Primary' }, type: 'bool', width: 70 },
    { key: 'gender', label: { zh: '性别', en: 'Gender' }, type: 'dict', dict: 'gender', width: 60 },
    { key: 'title', label: { zh: '职务', en: 'Title' }, type: 'text', width: 110 },
    { key: 'mobile', label: { zh: '手机', en: 'Mobile' }, type: 'phone', width: 120 },
    { key: 'phone', label: { zh: '办公电话', en: 'Office phone' }, type: 'phone', hidden: true },
    { key: 'email', label: { zh: '邮箱', en: 'Email' }, type: 'email', width: 170 },
    { key: 'birthday', label: { zh: '生日', en: 'Birthday' }, type: 'date', hidden: true },
    { key: 'hobbies', label: { zh: '爱好', en: 'Hobbies' }, type: 'text', hidden: true },
    { key: 'decisionRole', label: { zh: '采购角色', en: 'Role in purchase' }, type: 'dict', dict: 'decisionRole' },
    { key: 'notes', label: { zh: '备注', en: 'Notes' }, type: 'longtext', hidden: true },
  ],
};

export const competitors: EntityDef = {
  key: 'competitors', module: 'competitors', label: { zh: '竞争对手', en: 'Competitors' }, titleField: 'name',
  fields: [
    { key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text', required: true, unique: true, width: 180 },
    { key: 'website', label: { zh: '网址', en: 'Website' }, type: 'url' },
    { key: 'products', label: { zh: '主要产品', en: 'Main products' }, type: 'text', width: 160 },
    { key: 'strengths', label: { zh: '优势', en: 'Strengths' }, type: 'longtext', width: 200 },
    { key: 'weaknesses', label: { zh: '劣势', en: 'Weaknesses' }, type: 'longtext', width: 200 },
    { key: 'threat', label: { zh: '威胁程度', en: 'Threat' }, type: 'dict', dict: 'threat', width: 80 },
    { key: 'strategy', label: { zh: '应对策略', en: 'Strategy' }, type: 'longtext', width: 200 },
  ],
};

/**
 * 跟进记录: what the customer page's 记一笔 box writes — a call, a visit, a meeting… (the contact
 * way) or a plain note — with its time (the record's creation) and who wrote it. Rows of their
 * customer (shown on its page, following it to the bin), one record each, so notes two people
 * write while apart are both kept.
 */
export const customerNotes: EntityDef = {
  key: 'customerNotes', module: 'customers', label: { zh: '跟进记录', en: 'Notes' }, titleField: 'text',
  scopeVia: { field: 'customerId', entity: 'customers' },
  parent: { entity: 'customers', field: 'customerId', onDelete: 'cascade' }, embedded: true,
  fields: [
    { key: 'customerId', label: { zh: '所属客户', en: 'Customer' }, type: 'ref', ref: 'customers', required: true },
    { key: 'way', label: { zh: '联系方式', en: 'Way' }, type: 'dict', dict: 'contactWay' },
    { key: 'contactId', label: { zh: '联系人', en: 'Contact' }, type: 'ref', ref: 'contacts' },
    { key: 'text', label: { zh: '内容', en: 'Text' }, type: 'longtext', required: true },
  ],
};
