import type { Label } from '../core/entity';
import type { BaseRecord, RecordValues } from '../core/record';
import type { Errors } from '../core/validate';
import { asNumber, roundMoney } from '../core/numbers';
import { customerOwner, type EntityRules, type RuleContext } from '../core/rules';
import { asText } from '../sales/read';
import { orderAmount } from '../orders/execution';
import { nextCodeFor, positive } from '../orders/rules';
import { checkReceipt, orderAccount, planDifference, type OrderMoney } from './accounts';

/** Rules of the finance module's entities (read by the one save path, store/core/records.ts). */

/** One order's records as the account functions read them, from the workspace; `without` leaves a record out (the one being edited). */
export function orderMoneyIn(ctx: RuleContext, orderId: unknown, without?: string): OrderMoney | null {
  const order = ctx.get('orders', orderId);
  if (!order) return null;
  const of = (c: string) => ctx.live(c).filter((r) => r.orderId === order.id && r.id !== without);
  const lines = of('orderLines');
  const lineIds = new Set(lines.map((l) => l.id));
  return {
    order, lines, instalments: of('instalments'), receipts: of('receipts'), payments: of('payments'),
    returnLines: ctx.live('returnLines').filter((r) => lineIds.has(String(r.orderLineId))),
  };
}

/** Values every money document of an order starts with: the order's customer. */
function fromOrder(ctx: RuleContext, given: RecordValues): RecordValues {
  return { customerId: asText(ctx.get('orders', given.orderId)?.customerId) ?? undefined };
}

export const instalmentRules: EntityRules = {
  /** A new instalment proposes what the plan leaves out of the order amount. */
  defaults: (ctx, given) => {
    const m = orderMoneyIn(ctx, given.orderId);
    const left = m ? planDifference(orderAmount(m.lines), m.instalments).difference : 0;
    return { dueDate: ctx.today, amount: left > 0 ? left : undefined };
  },
  validate: (values) => positive(values, ['amount']),
};

export const receiptRules: EntityRules = {
  defaults: (ctx, given) => {
    const order = ctx.get('orders', given.orderId);
    return {
      code: nextCodeFor(ctx, 'receipts'), ...fromOrder(ctx, given), date: ctx.today, method: 'transfer',
      ownerId: asText(order?.ownerId) ?? customerOwner(ctx, given.customerId ?? order?.customerId),
    };
  },
  /** Not above the order's balance (without this receipt when it is edited), and its instalment is the order's. */
  validate: (values, old, ctx) => {
    const m = orderMoneyIn(ctx, values.orderId ?? old?.orderId, old?.id);
    if (!m) return positive(values, ['amount']);
    // only a new amount is checked: after two offline receipts overpaid, editing one's note stays possible;
    // a blank or non-numeric one is left to the field's own message (必填, 必须是数字), which this would replace
    const changed = !old || values.amount !== old.amount;
    const checked = changed && asNumber(values.amount) !== null ? checkReceipt(orderAccount(m), values.amount) : null;
    const errors: Errors = checked && !checked.ok ? { ...checked.refusal.fields } : {};
    if (values.instalmentId && !m.instalments.some((i) => i.id === values.instalmentId)) {
      errors.instalmentId = { zh: '回款计划不属于该订单', en: 'The instalment is not one of this order' };
    }
    return errors;
  },
};

export const paymentRules: EntityRules = {
  defaults: (ctx, given) => ({
    code: nextCodeFor(ctx, 'payments'), ...fromOrder(ctx, given), date: ctx.today, kind: given.returnId ? 'refund' : 'other',
  }),
  /** Money paid back on an order: not more than was received and not yet paid back. */
  validate: (values, old, ctx) => {
    const errors = positive(values, ['amount']);
    const m = orderMoneyIn(ctx, values.orderId ?? old?.orderId, old?.id);
    const amount = asNumber(values.amount);
    if (m && amount !== null && !errors.amount) {
      const acc = orderAccount(m);
      const room = roundMoney(acc.received - acc.refunded);
      if (amount > room) errors.amount = { zh: `付款金额超过已收未退金额 ${room}`, en: `More than the ${room} received and not paid back` };
    }
    return errors;
  },
};

const EXPENSE_LOCKED: Label = { zh: '费用已提交或已批准,已锁定', en: 'The expense is submitted or approved and is locked' };
const expenseBlocker = (rec: BaseRecord | undefined): Label | null =>
  rec && (rec.status === 'submitted' || rec.status === 'approved') ? EXPENSE_LOCKED : null;

export const expenseRules: EntityRules = {
  /** Spent by the person entering it (not the customer's owner): an expense is a claim of one's own. */
  defaults: (ctx) => ({ code: nextCodeFor(ctx, 'expenses'), ownerId: ctx.userId, date: ctx.today, status: 'draft' }),
  validate: (values, old): Errors => {
    const why = expenseBlocker(old);
    return why && Object.keys(values).some((k) => k !== 'status' && values[k] !== old![k]) ? { amount: why } : positive(values, ['amount']);
  },
  locked: (old) => (expenseBlocker(old) ? ['code', 'customerId', 'opportunityId', 'activityId', 'marketActivityId', 'orderId', 'ownerId', 'date', 'amount', 'kind'] : []),
  deleteBlocker: (rec) => expenseBlocker(rec),
};

export const dunningRules: EntityRules = {
  defaults: (ctx, given) => ({ ...fromOrder(ctx, given), by: ctx.userId, at: ctx.now, way: 'phone' }),
};

export const FINANCE_RULES: Record<string, EntityRules> = {
  instalments: instalmentRules,
  receipts: receiptRules,
  payments: paymentRules,
  expenses: expenseRules,
  dunningLogs: dunningRules,
};
