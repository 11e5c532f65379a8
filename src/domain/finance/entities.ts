import { codeField, derived, field, flow, note, opt, orderRef, type OrdersDictDef, type OrdersEntityDef } from '../orders/entities';

/**
 * Entity definitions of the finance module (财务处理, SPEC H): collection plans (回款计划),
 * receipts (收款单), payments (付款单, refunds included), expenses (费用), dunning logs (催款记录)
 * and monthly customer-value snapshots (客户价值快照, SPEC K). They live in the orders document
 * group with the orders they refer to (manifest.ts).
 */

export const FINANCE_MODULE = 'finance';

/** 回款计划: one row per instalment of an order (shown on the order's page). */
export const instalmentsDef: OrdersEntityDef = {
  key: 'instalments', module: FINANCE_MODULE, label: { zh: '回款计划', en: 'Instalments' }, titleField: 'dueDate',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'cascade' }, embedded: true,
  fields: [
    orderRef({ required: true }),
    field('seq', '期次', 'No.', 'number', { min: 0 }),
    field('dueDate', '应收日期', 'Due date', 'date', { required: true, width: 100 }),
    field('amount', '应收金额', 'Amount due', 'money', { required: true, min: 0, width: 110 }),
    field('note', '备注', 'Notes', 'text'),
  ],
};

/** 收款单: an order with receipts cannot be deleted (its balance would vanish). */
export const receiptsDef: OrdersEntityDef = {
  key: 'receipts', module: FINANCE_MODULE, label: { zh: '收款单', en: 'Receipts' }, titleField: 'code',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'block' },
  fields: [
    codeField('收款单号', 'Receipt no.'),
    orderRef(),
    field('instalmentId', '回款计划', 'Instalment', 'ref', { ref: 'instalments', hidden: true }),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    field('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, width: 90 }),
    field('date', '收款日期', 'Date', 'date', { required: true, width: 100 }),
    field('amount', '收款金额', 'Amount', 'money', { required: true, min: 0, width: 110 }),
    field('method', '收款方式', 'Method', 'dict', { dict: 'receiptMethod', width: 90 }),
    note(),
  ],
};

/** 付款单: money paid back to a customer — a refund for a return, or anything else. */
export const paymentsDef: OrdersEntityDef = {
  key: 'payments', module: FINANCE_MODULE, label: { zh: '付款单', en: 'Payments' }, titleField: 'code',
  parent: [
    { entity: 'returns', field: 'returnId', onDelete: 'block' },
    { entity: 'orders', field: 'orderId', onDelete: 'block' },
  ],
  fields: [
    codeField('付款单号', 'Payment no.'),
    orderRef({ width: 130 }),
    field('returnId', '退货单', 'Return', 'ref', { ref: 'returns', hidden: true }),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    field('date', '付款日期', 'Date', 'date', { required: true, width: 100 }),
    field('amount', '付款金额', 'Amount', 'money', { required: true, min: 0, width: 110 }),
    field('kind', '付款类型', 'Kind', 'dict', { dict: 'paymentKind', required: true, width: 80 }),
    note(),
  ],
};

/** 费用: spent on a customer (and optionally an opportunity, activity, market activity or order); approved ones count. */
export const expensesDef: OrdersEntityDef = {
  key: 'expenses', module: FINANCE_MODULE, label: { zh: '费用', en: 'Expenses' }, titleField: 'code',
  fields: [
    codeField('费用单号', 'Expense no.'),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    field('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities', hidden: true }),
    field('activityId', '活动', 'Activity', 'ref', { ref: 'activities', hidden: true }),
    // the market activity it was spent on: its actual cost sums these (domain/marketing/results.ts)
    field('marketActivityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', hidden: true }),
    orderRef({ hidden: true }),
    field('ownerId', '经办人', 'Spent by', 'ref', { ref: 'users', required: true, width: 90 }),
    field('date', '费用日期', 'Date', 'date', { required: true, width: 100 }),
    field('amount', '金额', 'Amount', 'money', { required: true, min: 0, width: 110 }),
    field('kind', '费用类型', 'Kind', 'dict', { dict: 'expenseKind', width: 90 }),
    field('status', '状态', 'Status', 'dict', { dict: 'expenseStatus', width: 80, ...flow }),
    note(),
  ],
};

/** 催款记录: each dunning action on an order (and instalment). */
export const dunningLogsDef: OrdersEntityDef = {
  key: 'dunningLogs', module: FINANCE_MODULE, label: { zh: '催款记录', en: 'Dunning log' }, titleField: 'at',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'cascade' },
  fields: [
    orderRef(),
    field('instalmentId', '回款计划', 'Instalment', 'ref', { ref: 'instalments', hidden: true }),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    field('by', '催款人', 'By', 'ref', { ref: 'users', required: true, width: 90 }),
    field('at', '催款时间', 'At', 'datetime', { required: true, width: 130 }),
    field('way', '催款方式', 'Way', 'dict', { dict: 'dunningWay', width: 80 }),
    field('promisedDate', '承诺付款日', 'Promised date', 'date', { width: 100 }),
    note(),
  ],
};

/**
 * 客户价值快照: one pyramid of one month, kept so tier changes can be followed (pyramids.ts).
 * `tiers` is an array ({ key, customerIds, total } per tier, top first): no flat field type holds it.
 */
export const valueSnapshotsDef: OrdersEntityDef = {
  key: 'valueSnapshots', module: FINANCE_MODULE, label: { zh: '客户价值快照', en: 'Value snapshots' }, titleField: 'month',
  fields: [
    field('month', '月份', 'Month', 'text', { required: true, width: 90, ...flow }),
    field('measure', '价值指标', 'Measure', 'dict', { dict: 'valueMeasure', required: true, width: 90, ...flow }),
    field('rule', '分层规则', 'Tier rule', 'text', { width: 200, ...derived }),
  ],
  nested: [{ key: 'tiers', label: { zh: '层级', en: 'Tiers' } }],
};

export const FINANCE_ENTITIES: OrdersEntityDef[] = [
  instalmentsDef, receiptsDef, paymentsDef, expensesDef, dunningLogsDef, valueSnapshotsDef,
];

export const FINANCE_DICTIONARIES: OrdersDictDef[] = [
  { dict: 'receiptMethod', label: { zh: '收款方式', en: 'Receipt method' }, options: [
    opt('transfer', '银行转账', 'Bank transfer'), opt('cash', '现金', 'Cash'), opt('cheque', '支票', 'Cheque'),
    opt('draft', '承兑汇票', 'Bank acceptance'), opt('online', '在线支付', 'Online payment'),
  ] },
  { dict: 'paymentKind', label: { zh: '付款类型', en: 'Payment kind' }, fixed: true, options: [
    opt('refund', '退款', 'Refund'), opt('other', '其他', 'Other'),
  ] },
  { dict: 'expenseKind', label: { zh: '费用类型', en: 'Expense kind' }, options: [
    opt('travel', '差旅费', 'Travel'), opt('entertain', '招待费', 'Entertainment'), opt('gift', '礼品费', 'Gifts'),
    opt('transport', '交通费', 'Transport'), opt('market', '市场推广费', 'Marketing'), opt('other', '其他', 'Other'),
  ] },
  { dict: 'expenseStatus', label: { zh: '费用状态', en: 'Expense status' }, fixed: true, options: [
    opt('draft', '草稿', 'Draft'), opt('submitted', '已提交', 'Submitted'), opt('approved', '已批准', 'Approved'), opt('rejected', '已驳回', 'Rejected'),
  ] },
  { dict: 'dunningWay', label: { zh: '催款方式', en: 'Dunning way' }, options: [
    opt('phone', '电话', 'Phone'), opt('visit', '上门', 'Visit'), opt('email', '邮件', 'Email'), opt('sms', '短信', 'SMS'),
  ] },
  { dict: 'valueMeasure', label: { zh: '价值指标', en: 'Value measure' }, fixed: true, options: [
    opt('revenue', '收入', 'Revenue'), opt('profit', '利润', 'Profit'), opt('expense', '费用', 'Expense'),
    opt('arrears', '欠款', 'Arrears'), opt('loyalty', '忠诚度', 'Loyalty'),
  ] },
];
