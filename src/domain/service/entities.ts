import type { EntityDef, FieldDef } from '../core/entity';

/**
 * Entity definitions of the customer-service module (客户服务). They are data: the generic list,
 * form, filter, CSV import and export read them.
 *
 * The core FieldDef has no notion of a field the user must not type into, so this module marks
 * such fields with `readOnly` and says who writes them in `writtenBy`:
 *  - 'derived': computed from other fields on save (minutesSpent, see time.ts withMinutesSpent);
 *  - 'flow':    written only by a step of the complaint flow (complaints.ts applyStep) or by the
 *               service-to-article conversion (knowledge.ts).
 * A form shows these fields disabled (use `isReadOnlyField`); CSV import should skip them.
 */
export interface ServiceFieldDef extends FieldDef {
  readOnly?: boolean;
  writtenBy?: 'derived' | 'flow';
}

export interface ServiceEntityDef extends EntityDef {
  fields: ServiceFieldDef[];
}

export const SERVICE_MODULE = 'service';

const derived = { readOnly: true, writtenBy: 'derived' } as const;
const flow = { readOnly: true, writtenBy: 'flow' } as const;

/** 服务记录 (精财 §3.4). */
export const serviceRecordsDef: ServiceEntityDef = {
  key: 'serviceRecords',
  module: SERVICE_MODULE,
  label: { zh: '服务记录', en: 'Service records' },
  titleField: 'content',
  treeField: 'serviceType',
  fields: [
    { key: 'customerId', label: { zh: '客户', en: 'Customer' }, type: 'ref', ref: 'customers', required: true, width: 160 },
    { key: 'contactId', label: { zh: '联系人', en: 'Contact' }, type: 'ref', ref: 'contacts', near: { field: 'customerId' }, width: 72 },
    { key: 'serviceType', label: { zh: '服务类型', en: 'Service type' }, type: 'dict', dict: 'serviceType', width: 84 },
    { key: 'contactType', label: { zh: '联系类型', en: 'Contact type' }, type: 'dict', dict: 'contactType', width: 80 },
    { key: 'importance', label: { zh: '重要程度', en: 'Importance' }, type: 'dict', dict: 'importance', width: 72 },
    { key: 'satisfaction', label: { zh: '客户满意度', en: 'Satisfaction' }, type: 'dict', dict: 'satisfaction', width: 88 },
    // Required: the service analysis filters its period on the start time.
    { key: 'start', label: { zh: '开始时间', en: 'Start' }, type: 'datetime', required: true, width: 128 },
    { key: 'end', label: { zh: '结束时间', en: 'End' }, type: 'datetime', width: 128 },
    { key: 'minutesSpent', label: { zh: '花费时间(分钟)', en: 'Time spent (min)' }, type: 'number', min: 0, width: 100, ...derived },
    { key: 'content', label: { zh: '服务内容', en: 'Content' }, type: 'longtext', required: true, width: 280 },
    { key: 'handlerId', label: { zh: '业务员', en: 'Handled by' }, type: 'ref', ref: 'users', required: true, width: 72 },
    { key: 'progressed', label: { zh: '是否取得进展', en: 'Made progress' }, type: 'bool', width: 100 },
    { key: 'completed', label: { zh: '是否完成', en: 'Completed' }, type: 'bool', width: 72 },
  ],
};

/**
 * 投诉 (U8 1.2.5). What the complaint is about is a kind plus one of three references, because a
 * ref field points at one entity only; `complaintTarget` in complaints.ts reads the pair.
 * The flow-owned fields mirror the latest steps so lists and filters can use them; the full
 * history is the complaint's rows in `complaintSteps` (one record per step, so two supervisors
 * acting while apart both keep theirs — see complaints.ts timeline).
 */
export const complaintsDef: ServiceEntityDef = {
  key: 'complaints',
  module: SERVICE_MODULE,
  label: { zh: '投诉', en: 'Complaints' },
  noun: { zh: '投诉', en: 'Complaint' },
  titleField: 'details',
  treeField: 'reason',
  fields: [
    // status and handler come early so that lists show where each complaint stands, even on a tablet
    { key: 'customerId', label: { zh: '客户', en: 'Customer' }, type: 'ref', ref: 'customers', required: true, width: 160 },
    { key: 'status', label: { zh: '状态', en: 'Status' }, type: 'dict', dict: 'complaintStatus', width: 72, ...flow },
    { key: 'handlerId', label: { zh: '处理人', en: 'Handler' }, type: 'ref', ref: 'users', width: 72, ...flow },
    { key: 'contactId', label: { zh: '联系人', en: 'Contact' }, type: 'ref', ref: 'contacts', near: { field: 'customerId' }, width: 72 },
    { key: 'targetKind', label: { zh: '投诉对象', en: 'About' }, type: 'dict', dict: 'complaintTarget', required: true, width: 72 },
    { key: 'targetProduct', label: { zh: '投诉产品', en: 'Product' }, type: 'ref', ref: 'products', width: 130 },
    { key: 'targetDepartment', label: { zh: '投诉部门', en: 'Department' }, type: 'ref', ref: 'departments', width: 96 },
    { key: 'targetPerson', label: { zh: '投诉人员', en: 'Person' }, type: 'ref', ref: 'users', width: 72 },
    { key: 'reason', label: { zh: '投诉原因', en: 'Reason' }, type: 'dict', dict: 'complaintReason', required: true, width: 96 },
    { key: 'details', label: { zh: '投诉明细', en: 'Details' }, type: 'longtext', required: true, width: 260 },
    { key: 'result', label: { zh: '处理结果', en: 'Result' }, type: 'longtext', width: 220, ...flow },
    { key: 'revisitSatisfaction', label: { zh: '回访满意度', en: 'Revisit satisfaction' }, type: 'dict', dict: 'satisfaction', width: 96, ...flow },
  ],
};

/** 处理经过: one record per step of a complaint's flow (written by complaints.ts applyStep, never by a form). */
export const complaintStepsDef: ServiceEntityDef = {
  key: 'complaintSteps',
  module: SERVICE_MODULE,
  label: { zh: '投诉处理经过', en: 'Complaint steps' },
  titleField: 'kind',
  parent: { entity: 'complaints', field: 'complaintId', onDelete: 'cascade' },
  embedded: true,
  fields: [
    { key: 'complaintId', label: { zh: '投诉', en: 'Complaint' }, type: 'ref', ref: 'complaints', required: true, ...flow },
    { key: 'seq', label: { zh: '序号', en: 'No.' }, type: 'number', min: 0, ...flow },
    { key: 'kind', label: { zh: '步骤', en: 'Step' }, type: 'text', required: true, ...flow },
    { key: 'by', label: { zh: '操作人', en: 'By' }, type: 'ref', ref: 'users', required: true, ...flow },
    { key: 'at', label: { zh: '时间', en: 'At' }, type: 'datetime', required: true, ...flow },
    { key: 'handlerId', label: { zh: '处理人', en: 'Handler' }, type: 'ref', ref: 'users', ...flow },
    { key: 'result', label: { zh: '处理结果', en: 'Result' }, type: 'longtext', ...flow },
    { key: 'satisfaction', label: { zh: '回访满意度', en: 'Revisit satisfaction' }, type: 'dict', dict: 'satisfaction', ...flow },
    { key: 'comment', label: { zh: '意见', en: 'Comment' }, type: 'longtext', ...flow },
  ],
};

/** 知识库. `tags` is one text field; tags are separated by commas, 、 or spaces (knowledge.ts parseTags). */
export const knowledgeArticlesDef: ServiceEntityDef = {
  key: 'knowledgeArticles',
  module: SERVICE_MODULE,
  label: { zh: '知识库', en: 'Knowledge base' },
  titleField: 'title',
  treeField: 'category',
  fields: [
    { key: 'title', label: { zh: '标题', en: 'Title' }, type: 'text', required: true },
    { key: 'category', label: { zh: '分类', en: 'Category' }, type: 'dict', dict: 'kbCategory' },
    { key: 'body', label: { zh: '正文', en: 'Body' }, type: 'longtext', required: true },
    { key: 'tags', label: { zh: '标签', en: 'Tags' }, type: 'text' },
    { key: 'sourceServiceId', label: { zh: '来源服务记录', en: 'From service record' }, type: 'ref', ref: 'serviceRecords', ...flow },
  ],
};

export const SERVICE_ENTITIES: ServiceEntityDef[] = [serviceRecordsDef, complaintsDef, complaintStepsDef, knowledgeArticlesDef];

/** Whether a form must show the field disabled (derived or written by a flow step). */
export function isReadOnlyField(def: EntityDef, key: string): boolean {
  const f = def.fields.find((x) => x.key === key) as ServiceFieldDef | undefined;
  return f?.readOnly === true;
}
