import type { EntityDef, FieldDef, Label } from '../core/entity';
import type { DictDef, DictOption } from '../core/dictionaries';

/**
 * Entity definitions of the sales module (销售管理) and of products/discounts (产品管理).
 * They are data: the generic list, form, filter, CSV import and export read them.
 *
 * Two things the core FieldDef cannot say are added here, the way the service module does:
 *  - `readOnly` + `writtenBy` on fields the user must not type into:
 *      'derived'  — computed on save (机会金额 = 预期金额 × 完成率, see opportunity.ts);
 *      'flow'     — written only by a workflow step (status, audit, completion, approval);
 *      'backfill' — on opportunities/projects, overwritten by the last completed record
 *                   (records.ts backfill); the user may still edit them, so they are NOT
 *                   readOnly — the tag only tells the form to show where the value comes from.
 *  - `nested` on an entity: array-valued fields the flat FieldType union has no type for
 *    (lists of ids: competitors, team). A generic list ignores them; the sales UI renders them.
 * Quote lines and approval steps are not arrays inside the quote but records of their own
 * (`quoteLines`, `quoteSteps`, children of the quote through `parent`): two people adding lines
 * to one quote while apart both keep theirs.
 */

export interface SalesFieldDef extends FieldDef {
  readOnly?: boolean;
  writtenBy?: 'derived' | 'flow' | 'backfill';
}

/** An array-valued field: rows with their own fields, or a list of ids of `ref`. */
export interface NestedDef {
  key: string;
  label: Label;
  /** For a list of ids: the entity referred to. */
  ref?: string;
}

export interface SalesEntityDef extends EntityDef {
  fields: SalesFieldDef[];
  nested?: NestedDef[];
}

export const SALES_MODULE = 'sales';
export const PRODUCTS_MODULE = 'products';

const derived = { readOnly: true, writtenBy: 'derived' } as const;
const flow = { readOnly: true, writtenBy: 'flow' } as const;
const backfill = { writtenBy: 'backfill' } as const;

const f = (key: string, zh: string, en: string, type: FieldDef['type'], extra: Partial<SalesFieldDef> = {}): SalesFieldDef =>
  ({ key, label: { zh, en }, type, ...extra });

// Field groups shared by several entities -------------------------------------------------------

/** Pipeline fields of opportunities and projects (back-filled by their records). */
function pipelineFields(): SalesFieldDef[] {
  return [
    f('modeId', '销售模式', 'Sales mode', 'ref', { ref: 'salesModes', width: 90 }),
    f('stageId', '销售阶段', 'Stage', 'ref', { ref: 'salesStages', near: { field: 'modeId', only: true }, width: 90, ...backfill }),
    f('rate', '完成率(%)', 'Completion %', 'percent', { min: 0, max: 100, width: 80, ...backfill }),
    f('cost', '成本费用', 'Cost', 'money', { min: 0, width: 100, ...backfill }),
    f('expectedAmount', '预期金额', 'Expected amount', 'money', { min: 0, width: 110, ...backfill }),
    f('amount', '机会金额', 'Opportunity amount', 'money', { width: 110, ...derived }),
    f('startDate', '开始日期', 'Start date', 'date', { width: 100, ...backfill }),
    f('plannedDate', '计划完成日期', 'Planned completion', 'date', { width: 100, ...backfill }),
    f('actualDate', '实际完成日期', 'Actual completion', 'date', { hidden: true, ...backfill }),
  ];
}

/** Fields of contact records and maintenance records (same sequential rules). */
function sequentialFields(): SalesFieldDef[] {
  return [
    f('date', '联系日期', 'Date', 'date', { required: true, width: 100 }),
    f('way', '联系方式', 'Way', 'dict', { dict: 'contactWay', width: 80 }),
    f('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', near: { field: 'customerId' } }),
    f('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', width: 90 }),
    f('summary', '联系概要', 'Summary', 'longtext', { width: 240 }),
    f('stageId', '销售阶段', 'Stage', 'ref', { ref: 'salesStages', near: { field: 'modeId', only: true }, width: 90 }),
    f('rate', '完成率(%)', 'Completion %', 'percent', { min: 0, max: 100, width: 80 }),
    f('cost', '成本费用', 'Cost', 'money', { min: 0 }),
    f('expectedAmount', '预期金额', 'Expected amount', 'money', { min: 0 }),
    f('amount', '机会金额', 'Opportunity amount', 'money', derived),
    f('startDate', '开始日期', 'Start date', 'date', { hidden: true }),
    f('plannedDate', '计划完成日期', 'Planned completion', 'date', { hidden: true }),
    f('actualDate', '实际完成日期', 'Actual completion', 'date', { hidden: true }),
    f('completed', '是否完成', 'Completed', 'bool', { width: 70, ...flow }),
    f('completedAt', '完成时间', 'Completed at', 'datetime', { hidden: true, ...flow }),
    f('completedBy', '完成人', 'Completed by', 'ref', { ref: 'users', hidden: true, ...flow }),
    f('reply', '批复', "Manager's comment", 'longtext', { width: 200 }),
    f('replyBy', '批复人', 'Commented by', 'ref', { ref: 'users', hidden: true, ...flow }),
  ];
}

// Products and discounts ------------------------------------------------------------------------

export const productsDef: SalesEntityDef = {
  key: 'products', module: PRODUCTS_MODULE, label: { zh: '产品', en: 'Products' }, titleField: 'name',
  treeField: 'category',
  fields: [
    f('code', '产品编码', 'Code', 'text', { required: true, unique: true, width: 110 }),
    f('name', '产品名称', 'Name', 'text', { required: true, width: 200 }),
    f('category', '产品分类', 'Category', 'dict', { dict: 'productCategory', width: 110 }),
    f('spec', '规格型号', 'Model / spec', 'text', { width: 120 }),
    f('unit', '单位', 'Unit', 'dict', { dict: 'productUnit', width: 60 }),
    f('costPrice', '成本价', 'Cost price', 'money', { min: 0, width: 100 }),
    f('listPrice', '标准售价', 'List price', 'money', { min: 0, required: true, width: 100 }),
    f('status', '状态', 'Status', 'dict', { dict: 'productStatus', width: 70 }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

export const discountsDef: SalesEntityDef = {
  key: 'discounts', module: PRODUCTS_MODULE, label: { zh: '折扣', en: 'Discounts' }, titleField: 'name',
  treeField: 'kind',
  fields: [
    f('kind', '折扣类型', 'Kind', 'dict', { dict: 'discountKind', required: true, width: 90 }),
    f('name', '名称', 'Name', 'text', { width: 160 }),
    f('rate', '折扣率(0.9=九折)', 'Rate (0.9 = 10% off)', 'number', { required: true, min: 0.01, max: 1, width: 110 }),
    f('minQty', '起订数量(销量折扣)', 'From quantity (volume)', 'number', { min: 0, width: 100 }),
    f('productId', '产品(销量折扣,空=全部)', 'Product (volume; empty = all)', 'ref', { ref: 'products' }),
    f('roleId', '角色(职位折扣)', 'Role (position)', 'ref', { ref: 'roles' }),
    f('customerId', '客户/代理商', 'Customer / agent', 'ref', { ref: 'customers' }),
    f('customerCategory', '客户分类', 'Customer category', 'dict', { dict: 'customerCategory' }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

// Sales modes and stages --------------------------------------------------------------------------

export const salesModesDef: SalesEntityDef = {
  key: 'salesModes', module: SALES_MODULE, label: { zh: '销售模式', en: 'Sales modes' }, titleField: 'name', titleFieldEn: 'nameEn',
  fields: [
    f('name', '模式名称', 'Name', 'text', { required: true, unique: true }),
    f('nameEn', '英文名称', 'English name', 'text', { hidden: true }),
    f('order', '顺序', 'Order', 'number', { width: 60 }),
  ],
};

export const salesStagesDef: SalesEntityDef = {
  key: 'salesStages', module: SALES_MODULE, label: { zh: '销售阶段', en: 'Sales stages' }, titleField: 'name', titleFieldEn: 'nameEn',
  fields: [
    f('modeId', '销售模式', 'Sales mode', 'ref', { ref: 'salesModes', required: true }),
    f('order', '顺序', 'Order', 'number', { required: true, width: 60 }),
    f('name', '阶段名称', 'Name', 'text', { required: true }),
    f('nameEn', '英文名称', 'English name', 'text', { hidden: true }),
    f('rate', '成功率(%)', 'Default completion %', 'percent', { required: true, min: 0, max: 100 }),
    f('avgDays', '平均停留天数', 'Average days in stage', 'number', { min: 0 }),
    f('conversion', '转入下一阶段比例(%)', 'Conversion to next stage %', 'percent', { min: 0, max: 100 }),
  ],
};

// Leads, opportunities, records -------------------------------------------------------------------

export const leadsDef: SalesEntityDef = {
  key: 'leads', module: SALES_MODULE, label: { zh: '意向', en: 'Leads' }, titleField: 'subject',
  fields: [
    f('subject', '意向主题', 'Subject', 'text', { required: true, width: 200 }),
    f('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    f('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', near: { field: 'customerId' } }),
    f('source', '来源', 'Source', 'dict', { dict: 'leadSource', width: 90 }),
    f('ownerId', '业务员', 'Owner', 'ref', { ref: 'users', width: 90 }),
    f('productId', '意向产品', 'Product of interest', 'ref', { ref: 'products' }),
    f('expectedAmount', '预期金额', 'Expected amount', 'money', { min: 0 }),
    f('date', '日期', 'Date', 'date', { width: 100 }),
    f('activityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', hidden: true }),
    f('status', '状态', 'Status', 'dict', { dict: 'leadStatus', width: 70, ...flow }),
    f('opportunityId', '升迁的商机', 'Promoted to', 'ref', { ref: 'opportunities', hidden: true, ...flow }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

export const opportunitiesDef: SalesEntityDef = {
  key: 'opportunities', module: SALES_MODULE, label: { zh: '商机', en: 'Opportunities' }, noun: { zh: '商机', en: 'Opportunity' }, titleField: 'subject',
  cardFields: ['subject', 'customerId', 'stageId', 'amount'],
  fields: [
    f('subject', '主题', 'Subject', 'text', { required: true, width: 200 }),
    f('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    f('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, width: 90 }),
    f('departmentId', '部门', 'Department', 'ref', { ref: 'departments', hidden: true }),
    ...pipelineFields(),
    f('status', '状态', 'Status', 'dict', { dict: 'opportunityStatus', width: 70, ...flow }),
    f('summary', '成败总结', 'Win/loss summary', 'longtext', { hidden: true, ...flow }),
    f('audited', '已审核', 'Audited', 'bool', { width: 60, ...flow }),
    f('auditedBy', '审核人', 'Audited by', 'ref', { ref: 'users', hidden: true, ...flow }),
    f('auditedAt', '审核时间', 'Audited at', 'datetime', { hidden: true, ...flow }),
    f('leadId', '来源意向', 'From lead', 'ref', { ref: 'leads', hidden: true, ...flow }),
    f('sourceProjectId', '来源项目', 'Copied from project', 'ref', { ref: 'projects', hidden: true, ...flow }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
  nested: [
    { key: 'competitorIds', label: { zh: '竞争对手', en: 'Competitors' }, ref: 'competitors' },
    { key: 'teamIds', label: { zh: '销售团队', en: 'Sales team' }, ref: 'users' },
  ],
};

export const contactRecordsDef: SalesEntityDef = {
  key: 'contactRecords', module: SALES_MODULE, label: { zh: '联系记录', en: 'Contact records' }, titleField: 'summary',
  parent: { entity: 'opportunities', field: 'opportunityId', onDelete: 'cascade' },
  fields: [
    f('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities', required: true, width: 180 }),
    ...sequentialFields(),
  ],
};

export const maintenanceRecordsDef: SalesEntityDef = {
  key: 'maintenanceRecords', module: SALES_MODULE, label: { zh: '维护记录', en: 'Maintenance records' }, titleField: 'summary',
  parent: { entity: 'projects', field: 'projectId', onDelete: 'cascade' },
  fields: [
    f('projectId', '项目', 'Project', 'ref', { ref: 'projects', required: true, width: 180 }),
    ...sequentialFields(),
  ],
};

// Quotes ------------------------------------------------------------------------------------------

export const quotesDef: SalesEntityDef = {
  key: 'quotes', module: SALES_MODULE, label: { zh: '报价单', en: 'Quotes' }, noun: { zh: '报价单', en: 'Quote' }, titleField: 'code',
  // SPEC G: deleting a contact or maintenance record deletes its quote; deleting an opportunity
  // deletes its quotes but not a project's (a quote of a project that also names the original
  // opportunity belongs to the project: the first field set decides)
  parent: [
    { entity: 'contactRecords', field: 'contactRecordId', onDelete: 'cascade' },
    { entity: 'maintenanceRecords', field: 'maintenanceRecordId', onDelete: 'cascade' },
    { entity: 'projects', field: 'projectId', onDelete: 'cascade' },
    { entity: 'opportunities', field: 'opportunityId', onDelete: 'cascade' },
  ],
  fields: [
    f('code', '报价单号', 'Quote no.', 'text', { unique: true, width: 120 }),
    f('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    f('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, width: 90 }),
    f('date', '报价日期', 'Date', 'date', { required: true, width: 100 }),
    f('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities' }),
    f('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', hidden: true, near: { field: 'customerId' } }),
    f('contactRecordId', '联系记录', 'Contact record', 'ref', { ref: 'contactRecords', hidden: true }),
    f('projectId', '项目', 'Project', 'ref', { ref: 'projects', hidden: true }),
    f('maintenanceRecordId', '维护记录', 'Maintenance record', 'ref', { ref: 'maintenanceRecords', hidden: true }),
    f('status', '审批状态', 'Approval', 'dict', { dict: 'quoteStatus', width: 80, ...flow }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

/** 报价明细: one record per line of a quote (amounts are never stored: see pricing.ts lineAmounts). */
export const quoteLinesDef: SalesEntityDef = {
  key: 'quoteLines', module: SALES_MODULE, label: { zh: '报价明细', en: 'Quote lines' }, titleField: 'productId',
  parent: { entity: 'quotes', field: 'quoteId', onDelete: 'cascade' }, embedded: true,
  fields: [
    f('quoteId', '报价单', 'Quote', 'ref', { ref: 'quotes', required: true }),
    f('seq', '行号', 'Line no.', 'number', { min: 0 }),
    f('productId', '产品', 'Product', 'ref', { ref: 'products', required: true }),
    f('quantity', '数量', 'Quantity', 'number', { required: true, min: 0 }),
    f('unitPrice', '单价', 'Unit price', 'money', { required: true, min: 0 }),
    f('rate', '折扣率', 'Discount rate', 'number', { min: 0, max: 1 }),
    f('manualRate', '手工折扣率', 'Manual rate', 'number', { min: 0.01, max: 1 }),
    f('note', '备注', 'Notes', 'text'),
  ],
};

/** 审批记录: one record per step of a quote's approval (submit, approve, reject, withdraw). */
export const quoteStepsDef: SalesEntityDef = {
  key: 'quoteSteps', module: SALES_MODULE, label: { zh: '审批记录', en: 'Approval steps' }, titleField: 'action',
  parent: { entity: 'quotes', field: 'quoteId', onDelete: 'cascade' }, embedded: true,
  fields: [
    f('quoteId', '报价单', 'Quote', 'ref', { ref: 'quotes', required: true, ...flow }),
    f('seq', '序号', 'No.', 'number', { min: 0, ...flow }),
    f('action', '操作', 'Action', 'dict', { dict: 'approvalAction', ...flow }),
    f('by', '操作人', 'By', 'ref', { ref: 'users', ...flow }),
    f('at', '时间', 'At', 'datetime', flow),
    f('comment', '意见', 'Comment', 'longtext', flow),
  ],
};

// Projects, activities, plans -------------------------------------------------------------------

export const projectsDef: SalesEntityDef = {
  key: 'projects', module: SALES_MODULE, label: { zh: '项目', en: 'Projects' }, noun: { zh: '项目', en: 'Project' }, titleField: 'subject',
  fields: [
    f('subject', '项目名称', 'Subject', 'text', { required: true, width: 200 }),
    f('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    f('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, width: 90 }),
    f('departmentId', '部门', 'Department', 'ref', { ref: 'departments', hidden: true }),
    f('opportunityId', '来源商机', 'From opportunity', 'ref', { ref: 'opportunities', hidden: true, ...flow }),
    ...pipelineFields(),
    f('actualCost', '实际成本', 'Actual cost', 'money', { min: 0, width: 100 }),
    f('actualAmount', '实际金额', 'Actual amount', 'money', { min: 0, width: 100 }),
    f('status', '状态', 'Status', 'dict', { dict: 'projectStatus', width: 70, ...flow }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

export const activitiesDef: SalesEntityDef = {
  key: 'activities', module: SALES_MODULE, label: { zh: '活动/销售任务', en: 'Activities and tasks' }, titleField: 'subject',
  // the largest collection (a company logs ~100,000 a year): a document of its own
  group: 'activities',
  fields: [
    f('subject', '主题', 'Subject', 'text', { required: true, width: 200 }),
    f('kind', '活动类型', 'Kind', 'dict', { dict: 'activityKind', width: 80 }),
    f('customerId', '客户', 'Customer', 'ref', { ref: 'customers', width: 160 }),
    f('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', hidden: true, near: { field: 'customerId' } }),
    f('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities', hidden: true }),
    f('projectId', '项目', 'Project', 'ref', { ref: 'projects', hidden: true }),
    f('ownerId', '执行人', 'Assignee', 'ref', { ref: 'users', required: true, width: 90 }),
    f('status', '状态', 'Status', 'dict', { dict: 'activityStatus', width: 70 }),
    f('dueDate', '到期日期', 'Due date', 'date', { width: 100 }),
    f('doneDate', '完成日期', 'Done on', 'date', { hidden: true }),
    f('result', '结果', 'Result', 'longtext', { hidden: true }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

export const salesPlansDef: SalesEntityDef = {
  key: 'salesPlans', module: SALES_MODULE, label: { zh: '销售计划', en: 'Sales plans' }, titleField: 'period',
  fields: [
    f('scope', '计划对象', 'Plan for', 'dict', { dict: 'planScope', required: true, width: 80 }),
    f('departmentId', '部门', 'Department', 'ref', { ref: 'departments', width: 120 }),
    f('userId', '人员', 'Person', 'ref', { ref: 'users', width: 90 }),
    f('period', '期间(2024-03 或 2024-Q1)', 'Period (2024-03 or 2024-Q1)', 'text', { required: true, width: 110 }),
    f('target', '目标销售额', 'Target revenue', 'money', { required: true, min: 0, width: 120 }),
    f('modeId', '销售模式', 'Sales mode', 'ref', { ref: 'salesModes', hidden: true }),
    f('note', '备注', 'Notes', 'longtext', { hidden: true }),
  ],
};

export const SALES_ENTITIES: SalesEntityDef[] = [
  productsDef, discountsDef, salesModesDef, salesStagesDef, leadsDef, opportunitiesDef,
  contactRecordsDef, quotesDef, quoteLinesDef, quoteStepsDef, projectsDef, maintenanceRecordsDef, activitiesDef, salesPlansDef,
];

// Dictionaries ------------------------------------------------------------------------------------

/** A dictionary whose codes the program relies on: users may relabel options, not add or remove. */
export interface SalesDictDef extends DictDef { fixed?: boolean }

const o = (code: string, zh: string, en: string, parent?: string): DictOption => ({ code, label: { zh, en }, parent });

/**
 * Default options of the sales dictionaries; they seed a new workspace. Lead sources and
 * customer categories are core dictionaries (core/dictionaries.ts: leadSource, customerCategory).
 */
export const SALES_DICTIONARIES: SalesDictDef[] = [
  { dict: 'productCategory', label: { zh: '产品分类', en: 'Product category' }, tree: true, options: [
    o('software', '软件', 'Software'), o('erp', 'ERP 软件', 'ERP software', 'software'), o('crm', 'CRM 软件', 'CRM software', 'software'),
    o('service', '服务', 'Services'), o('impl', '实施服务', 'Implementation', 'service'), o('maint', '维护服务', 'Maintenance', 'service'),
    o('hardware', '硬件', 'Hardware'),
  ] },
  { dict: 'productUnit', label: { zh: '计量单位', en: 'Unit' }, options: [
    o('set', '套', 'Set'), o('user', '用户', 'User licence'), o('piece', '个', 'Piece'), o('day', '人天', 'Person-day'), o('year', '年', 'Year'),
  ] },
  { dict: 'productStatus', label: { zh: '产品状态', en: 'Product status' }, options: [
    o('onSale', '在售', 'On sale'), o('stopped', '停售', 'Discontinued'),
  ] },
  { dict: 'contactWay', label: { zh: '联系方式', en: 'Contact way' }, options: [
    o('visit', '上门拜访', 'Visit'), o('phone', '电话', 'Phone'), o('meeting', '会面', 'Meeting'), o('email', '邮件', 'Email'),
    o('wechat', '微信', 'WeChat'), o('other', '其他', 'Other'),
  ] },
  { dict: 'activityKind', label: { zh: '活动类型', en: 'Activity kind' }, options: [
    o('visit', '客户拜访', 'Customer visit'), o('call', '电话', 'Call'), o('meeting', '会议', 'Meeting'),
    o('demo', '产品演示', 'Demo'), o('task', '销售任务', 'Sales task'),
  ] },
  { dict: 'discountKind', label: { zh: '折扣类型', en: 'Discount kind' }, fixed: true, options: [
    o('volume', '销量折扣', 'Volume'), o('position', '职位折扣', 'Position'), o('customer', '客户折扣', 'Customer'),
    o('customerCategory', '客户分类折扣', 'Customer category'), o('agent', '代理折扣', 'Agent'),
  ] },
  { dict: 'opportunityStatus', label: { zh: '商机状态', en: 'Opportunity status' }, fixed: true, options: [
    o('active', '进行中', 'Active'), o('terminated', '已终止', 'Terminated'), o('won', '成功', 'Won'), o('lost', '失败', 'Lost'),
  ] },
  { dict: 'projectStatus', label: { zh: '项目状态', en: 'Project status' }, fixed: true, options: [
    o('active', '进行中', 'Active'), o('terminated', '已终止', 'Terminated'),
  ] },
  { dict: 'quoteStatus', label: { zh: '审批状态', en: 'Approval status' }, fixed: true, options: [
    o('draft', '草稿', 'Draft'), o('pending', '待审批', 'Pending'), o('approved', '已批准', 'Approved'), o('rejected', '已驳回', 'Rejected'),
  ] },
  { dict: 'approvalAction', label: { zh: '审批操作', en: 'Approval action' }, fixed: true, options: [
    o('submit', '提交', 'Submitted'), o('approve', '批准', 'Approved'), o('reject', '驳回', 'Rejected'), o('withdraw', '撤回', 'Withdrawn'),
  ] },
  { dict: 'leadStatus', label: { zh: '意向状态', en: 'Lead status' }, fixed: true, options: [
    o('open', '跟进中', 'Open'), o('promoted', '已升迁', 'Promoted'), o('closed', '已关闭', 'Closed'),
  ] },
  { dict: 'activityStatus', label: { zh: '活动状态', en: 'Activity status' }, fixed: true, options: [
    o('planned', '计划', 'Planned'), o('done', '已完成', 'Done'),
  ] },
  { dict: 'planScope', label: { zh: '计划对象', en: 'Plan for' }, fixed: true, options: [
    o('company', '公司', 'Company'), o('department', '部门', 'Department'), o('person', '人员', 'Person'),
  ] },
];

/** Whether a field of a sales entity must be shown disabled in a form. */
export function isReadOnlyField(def: SalesEntityDef, key: string): boolean {
  return def.fields.some((x) => x.key === key && x.readOnly === true);
}
