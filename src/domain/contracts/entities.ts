import { codeField, field, flow, note, opt, ORDERS_GROUP, type OrdersDictDef, type OrdersEntityDef } from '../orders/entities';

/**
 * 合同管理 (SPEC E/H): a contract made from an order, from an opportunity, or directly; approved on
 * the approval engine (draft → pending → in force, or rejected); terminated by hand; expired is
 * derived from its end date (status.ts), never stored. The attachment is a reference only (a file
 * name and a note): the app stores no files. Permission module: orders; document group: orders.
 */
export const contractsDef: OrdersEntityDef = {
  key: 'contracts', module: 'orders', group: ORDERS_GROUP, label: { zh: '合同', en: 'Contracts' }, noun: { zh: '合同', en: 'Contract' }, titleField: 'code',
  parent: { entity: 'customers', field: 'customerId', onDelete: 'block' },
  cardFields: ['code', 'title', 'customerId', 'amount', 'status', 'endDate'],
  fields: [
    codeField('合同编号', 'Contract no.'),
    field('title', '合同名称', 'Title', 'text', { required: true, width: 180 }),
    field('customerId', '客户(甲方)', 'Customer (party)', 'ref', { ref: 'customers', required: true, width: 170 }),
    field('customerSigner', '客户签约人', 'Customer signatory', 'text', { width: 100 }),
    field('signerId', '我方签约人', 'Our signatory', 'ref', { ref: 'users', required: true, width: 90 }),
    field('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, hidden: true }),
    field('orderId', '订单', 'Order', 'ref', { ref: 'orders', hidden: true }),
    field('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities', hidden: true }),
    field('amount', '合同金额', 'Amount', 'money', { required: true, min: 0, width: 110 }),
    field('signDate', '签订日期', 'Signed on', 'date', { required: true, width: 100 }),
    field('startDate', '生效日期', 'Starts', 'date', { required: true, width: 100 }),
    field('endDate', '截止日期', 'Ends', 'date', { required: true, width: 100 }),
    field('status', '状态', 'Status', 'dict', { dict: 'contractStatus', width: 80, ...flow }),
    field('terminatedAt', '终止日期', 'Terminated on', 'date', { hidden: true, ...flow }),
    field('attachmentName', '附件文件名', 'Attachment file', 'text', { hidden: true }),
    field('attachmentNote', '附件说明', 'Attachment note', 'text', { hidden: true }),
    note(),
  ],
};

export const CONTRACTS_ENTITIES: OrdersEntityDef[] = [contractsDef];

export const CONTRACT_DICTIONARIES: OrdersDictDef[] = [
  { dict: 'contractStatus', label: { zh: '合同状态', en: 'Contract status' }, fixed: true, options: [
    opt('draft', '草稿', 'Draft'), opt('pending', '审批中', 'Pending approval'), opt('active', '生效中', 'In force'),
    opt('rejected', '已驳回', 'Rejected'), opt('expired', '已到期', 'Expired'), opt('terminated', '已终止', 'Terminated'),
  ] },
];
