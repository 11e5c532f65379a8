import type { EntityDef } from '../core/entity';
import { field, flow, opt, type OrdersDictDef, type OrdersEntityDef } from '../orders/entities';

/* approvalAction (提交/批准/驳回/撤回) is the quotes' dictionary (domain/sales/entities.ts), shared. */

/**
 * 业务审批 (SPEC E): approval rules as data (`approvalRules`, one record = one condition and the
 * approver it adds to one step; edited in settings) and the step records of every approval
 * (`approvalSteps`, one record per submit/approve/reject/withdraw; status.ts derives the state).
 * Permission module: org (rules are company settings); steps are written by the engine only.
 */

export const APPROVALS_MODULE = 'org';

export const approvalRulesDef: OrdersEntityDef = {
  key: 'approvalRules', module: APPROVALS_MODULE, label: { zh: '审批规则', en: 'Approval rules' }, titleField: 'name',
  cardFields: ['name', 'docType', 'condition', 'approverKind'],
  fields: [
    field('name', '规则名称', 'Name', 'text', { required: true, width: 160 }),
    field('docType', '单据类型', 'Document type', 'dict', { dict: 'approvalDocType', required: true, width: 100 }),
    field('condition', '条件', 'Condition', 'dict', { dict: 'approvalCondition', required: true, width: 150 }),
    field('threshold', '金额超过', 'Amount over', 'money', { min: 0, width: 100 }),
    field('typeCode', '类型代码', 'Type code', 'text', { width: 90 }),
    field('stepNo', '审批步骤', 'Step', 'number', { required: true, min: 1, max: 9, width: 70 }),
    field('approverKind', '审批人', 'Approver', 'dict', { dict: 'approverKind', required: true, width: 170 }),
    field('approverRoleId', '审批角色', 'Approver role', 'ref', { ref: 'roles', width: 110 }),
    field('active', '启用', 'Active', 'bool', { width: 60 }),
  ],
};

export const approvalStepsDef: OrdersEntityDef = {
  key: 'approvalSteps', module: APPROVALS_MODULE, label: { zh: '审批记录', en: 'Approval steps' }, titleField: 'action',
  embedded: true,
  fields: [
    field('docType', '单据类型', 'Document type', 'dict', { dict: 'approvalDocType', ...flow }),
    field('docId', '单据', 'Document', 'text', flow),
    field('round', '轮次', 'Round', 'number', flow),
    field('step', '步骤', 'Step', 'number', flow),
    field('action', '操作', 'Action', 'dict', { dict: 'approvalAction', ...flow }),
    field('by', '操作人', 'By', 'ref', { ref: 'users', ...flow }),
    field('at', '时间', 'At', 'datetime', flow),
    field('comment', '意见', 'Comment', 'longtext', flow),
    field('plan', '审批计划', 'Plan', 'longtext', { hidden: true, ...flow }),
  ],
};

export const APPROVALS_ENTITIES: EntityDef[] = [approvalRulesDef, approvalStepsDef];

export const APPROVAL_DICTIONARIES: OrdersDictDef[] = [
  { dict: 'approvalDocType', label: { zh: '审批单据类型', en: 'Approval document type' }, options: [
    opt('quotes', '报价单', 'Quote'), opt('orders', '订单', 'Order'), opt('expenses', '费用', 'Expense'), opt('contracts', '合同', 'Contract'),
    opt('marketActivities', '市场活动预算', 'Market activity budget'),
  ] },
  { dict: 'approvalCondition', label: { zh: '审批条件', en: 'Approval condition' }, fixed: true, options: [
    opt('always', '总是需要审批', 'Always'), opt('amountOver', '金额超过', 'Amount over'),
    opt('discountBelowLimit', '折扣低于职位折扣', 'Discount below position limit'), opt('typeIs', '类型为', 'Type is'),
  ] },
  { dict: 'approverKind', label: { zh: '审批人类型', en: 'Approver kind' }, fixed: true, options: [
    opt('module', '有审批权限的人', 'Anyone with approve right'), opt('role', '指定角色', 'A role'), opt('deptManager', '提交人的部门负责人', "Submitter's department manager"),
  ] },
];
