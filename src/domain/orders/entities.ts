import type { EntityDef, FieldDef, Label } from '../core/entity';
import type { DictDef, DictOption } from '../core/dictionaries';

/**
 * Entity definitions of the orders module (订单管理, SPEC H): orders and their lines, deliveries
 * (发货单) and returns (退货单) with their lines. Finance (domain/finance) holds the money side.
 *
 * As in sales and service, fields the user must not type into are `readOnly` and say who writes
 * them (`writtenBy`): 'derived' — computed on save (an order's amount = Σ line amounts, rules.ts);
 * 'flow' — written by a status action (status.ts) or frozen when a line is made (costPrice).
 * Lines are records of their own (children through `parent`, `embedded`), so lines added on two
 * devices while apart are both kept — the quote lines' pattern.
 */

export interface OrdersFieldDef extends FieldDef {
  readOnly?: boolean;
  writtenBy?: 'derived' | 'flow';
}

/** An array-valued field the flat FieldType union has no type for (a snapshot's tiers). */
export interface NestedDef { key: string; label: Label }

export interface OrdersEntityDef extends EntityDef {
  fields: OrdersFieldDef[];
  nested?: NestedDef[];
}

export const ORDERS_MODULE = 'orders';
/** Orders and finance records share one document group (a year of a company: ~140,000 records). */
export const ORDERS_GROUP = 'orders';

export const derived = { readOnly: true, writtenBy: 'derived' } as const;
export const flow = { readOnly: true, writtenBy: 'flow' } as const;

/** A field definition in one line: key, zh and en label, type, anything else. */
export const field = (key: string, zh: string, en: string, type: FieldDef['type'], extra: Partial<OrdersFieldDef> = {}): OrdersFieldDef =>
  ({ key, label: { zh, en }, type, ...extra });

export const note = () => field('note', '备注', 'Notes', 'longtext', { hidden: true });
/** A document's number (numbering.ts gives it). */
export const codeField = (zh: string, en: string) => field('code', zh, en, 'text', { unique: true, width: 130 });
/** The order a document or row belongs to. */
export const orderRef = (extra: Partial<OrdersFieldDef> = { required: true, width: 130 }) => field('orderId', '订单', 'Order', 'ref', { ref: 'orders', ...extra });

export const ordersDef: OrdersEntityDef = {
  key: 'orders', module: ORDERS_MODULE, label: { zh: '订单', en: 'Orders' }, noun: { zh: '订单', en: 'Order' }, titleField: 'code',
  // SPEC B: a customer referenced by documents cannot be deleted
  parent: { entity: 'customers', field: 'customerId', onDelete: 'block' },
  fields: [
    codeField('订单号', 'Order no.'),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', required: true, width: 180 }),
    field('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', hidden: true, near: { field: 'customerId' } }),
    field('opportunityId', '商机', 'Opportunity', 'ref', { ref: 'opportunities', hidden: true }),
    field('quoteId', '报价单', 'Quote', 'ref', { ref: 'quotes', hidden: true }),
    field('ownerId', '业务员', 'Sales rep', 'ref', { ref: 'users', required: true, width: 90 }),
    field('departmentId', '部门', 'Department', 'ref', { ref: 'departments', hidden: true }),
    field('type', '订单类型', 'Order type', 'dict', { dict: 'orderType', required: true, width: 90 }),
    field('status', '状态', 'Status', 'dict', { dict: 'orderStatus', width: 80, ...flow }),
    field('date', '订单日期', 'Date', 'date', { required: true, width: 100 }),
    field('approvedAt', '审批日期', 'Approved on', 'date', { hidden: true, ...flow }),
    field('amount', '订单金额', 'Amount', 'money', { width: 110, ...derived }),
    note(),
  ],
};

/** 订单明细: amounts are computed like quote lines (sales/pricing.ts lineAmounts, the rate frozen). */
export const orderLinesDef: OrdersEntityDef = {
  key: 'orderLines', module: ORDERS_MODULE, label: { zh: '订单明细', en: 'Order lines' }, titleField: 'productId',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'cascade' }, embedded: true,
  fields: [
    orderRef({ required: true }),
    field('seq', '行号', 'Line no.', 'number', { min: 0 }),
    field('productId', '产品', 'Product', 'ref', { ref: 'products', required: true }),
    field('quantity', '数量', 'Quantity', 'number', { required: true, min: 0 }),
    field('unitPrice', '单价', 'Unit price', 'money', { required: true, min: 0 }),
    field('rate', '折扣率', 'Discount rate', 'number', { min: 0, max: 1 }),
    field('costPrice', '成本价', 'Cost price', 'money', { min: 0, ...flow }),
    field('note', '备注', 'Notes', 'text'),
  ],
};

/**
 * 订单操作记录: one record per status action on an order (submit, approve, reject, withdraw,
 * reopen, execute, complete, cancel) — who, when, comment. Rows of their own, as quoteSteps, so two
 * people acting on one order while apart both keep their step; the order's `status` takes the later write.
 */
export const orderStepsDef: OrdersEntityDef = {
  key: 'orderSteps', module: ORDERS_MODULE, label: { zh: '订单操作记录', en: 'Order steps' }, titleField: 'action',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'cascade' }, embedded: true,
  fields: [
    orderRef({ required: true, ...flow }),
    field('seq', '序号', 'No.', 'number', { min: 0, ...flow }),
    field('action', '操作', 'Action', 'dict', { dict: 'orderAction', ...flow }),
    field('by', '操作人', 'By', 'ref', { ref: 'users', ...flow }),
    field('at', '时间', 'At', 'datetime', flow),
    field('comment', '意见', 'Comment', 'longtext', flow),
  ],
};

/** 发货单: an order with deliveries cannot be deleted (cancel it instead). */
export const deliveriesDef: OrdersEntityDef = {
  key: 'deliveries', module: ORDERS_MODULE, label: { zh: '发货单', en: 'Deliveries' }, titleField: 'code',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'block' },
  fields: [
    codeField('发货单号', 'Delivery no.'),
    orderRef(),
    field('date', '发货日期', 'Date', 'date', { required: true, width: 100 }),
    note(),
  ],
};

/** Lines of a delivery or return: a quantity of one order line (limits in execution.ts). */
function movementLines(key: string, zh: string, en: string, parent: { entity: string; field: string; zh: string; en: string }): OrdersEntityDef {
  return {
    key, module: ORDERS_MODULE, label: { zh, en }, titleField: 'orderLineId',
    parent: { entity: parent.entity, field: parent.field, onDelete: 'cascade' }, embedded: true,
    fields: [
      field(parent.field, parent.zh, parent.en, 'ref', { ref: parent.entity, required: true }),
      field('orderLineId', '订单明细', 'Order line', 'ref', { ref: 'orderLines', required: true }),
      field('quantity', '数量', 'Quantity', 'number', { required: true, min: 0 }),
    ],
  };
}

export const deliveryLinesDef = movementLines('deliveryLines', '发货明细', 'Delivery lines', { entity: 'deliveries', field: 'deliveryId', zh: '发货单', en: 'Delivery' });

/** 退货单: returns what was delivered; a refund is a payment (finance) naming the return. */
export const returnsDef: OrdersEntityDef = {
  key: 'returns', module: ORDERS_MODULE, label: { zh: '退货单', en: 'Returns' }, titleField: 'code',
  parent: { entity: 'orders', field: 'orderId', onDelete: 'block' },
  fields: [
    codeField('退货单号', 'Return no.'),
    orderRef(),
    field('deliveryId', '发货单', 'Delivery', 'ref', { ref: 'deliveries', hidden: true }),
    field('date', '退货日期', 'Date', 'date', { required: true, width: 100 }),
    field('reason', '退货原因', 'Reason', 'longtext', { width: 200 }),
  ],
};

export const returnLinesDef = movementLines('returnLines', '退货明细', 'Return lines', { entity: 'returns', field: 'returnId', zh: '退货单', en: 'Return' });

export const ORDERS_ENTITIES: OrdersEntityDef[] = [
  ordersDef, orderLinesDef, orderStepsDef, deliveriesDef, deliveryLinesDef, returnsDef, returnLinesDef,
];

// Dictionaries ------------------------------------------------------------------------------------

/** A dictionary whose codes the program relies on: users may relabel options, not add or remove. */
export interface OrdersDictDef extends DictDef { fixed?: boolean }

/** An option of orderType: whether orders of the type count toward sales performance (seed 004). */
export interface OrderTypeOption extends DictOption { counts: boolean }

export const opt = (code: string, zh: string, en: string): DictOption => ({ code, label: { zh, en } });

/** The order types a workspace starts with. A type the user adds says whether it counts (`counts`). */
export const ORDER_TYPES: OrderTypeOption[] = [
  { ...opt('standard', '标准订单', 'Standard order'), counts: true },
  { ...opt('special', '特殊订单', 'Special order'), counts: false },
];

export const ORDER_DICTIONARIES: OrdersDictDef[] = [
  { dict: 'orderType', label: { zh: '订单类型', en: 'Order type' }, options: ORDER_TYPES },
  { dict: 'orderStatus', label: { zh: '订单状态', en: 'Order status' }, fixed: true, options: [
    opt('draft', '草稿', 'Draft'), opt('submitted', '已提交', 'Submitted'), opt('approved', '已审批', 'Approved'),
    opt('executing', '执行中', 'Executing'), opt('completed', '已完成', 'Completed'), opt('cancelled', '已取消', 'Cancelled'),
  ] },
  { dict: 'orderAction', label: { zh: '订单操作', en: 'Order action' }, fixed: true, options: [
    opt('submit', '提交', 'Submitted'), opt('approve', '批准', 'Approved'), opt('reject', '驳回', 'Rejected'), opt('withdraw', '撤回', 'Withdrawn'),
    opt('reopen', '退回草稿', 'Reopened'), opt('execute', '开始执行', 'Started'), opt('complete', '完成', 'Completed'), opt('cancel', '取消', 'Cancelled'),
  ] },
];

/**
 * The order types that count toward sales performance, from the orderType options as stored
 * (records of dictOptions, `counts` on each). An option without a readable flag takes its
 * starting value (standard counts, special does not); a type a user added without saying counts.
 */
export function countingTypes(options: readonly Readonly<Record<string, unknown>>[]): Set<string> {
  const out = new Set<string>();
  for (const o of options) {
    if (o.deleted === true || typeof o.code !== 'string') continue;
    const flag = typeof o.counts === 'boolean' ? o.counts : ORDER_TYPES.find((t) => t.code === o.code)?.counts ?? true;
    if (flag) out.add(o.code);
  }
  return out;
}

/** The starting types' codes that count, for a workspace whose orderType options are not read. */
export const DEFAULT_COUNTING_TYPES: ReadonlySet<string> = countingTypes(ORDER_TYPES as unknown as Record<string, unknown>[]);
