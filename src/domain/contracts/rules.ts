import type { EntityRules } from '../core/rules';
import type { Errors } from '../core/validate';
import { customerOwner } from '../core/rules';
import { asNumber } from '../core/numbers';
import { addDays, asDay, asText } from '../sales/read';
import { changes, contentFields, nextCodeFor } from '../orders/rules';
import { contractsDef } from './entities';
import { contractEditBlocker } from './status';

const CONTENT = contentFields(contractsDef);

/** Amount not negative, the end not before the start; a pending or terminated contract is locked. */
export function contractErrors(values: Readonly<Record<string, unknown>>): Errors {
  const out: Errors = {};
  const amount = asNumber(values.amount);
  if (amount !== null && amount < 0) out.amount = { zh: '合同金额不能为负数', en: 'The contract amount cannot be negative' };
  const start = asDay(values.startDate), end = asDay(values.endDate);
  if (start && end && end < start) out.endDate = { zh: '截止日期不能早于生效日期', en: 'The end date cannot be before the start date' };
  return out;
}

export const contractRules: EntityRules = {
  defaults: (ctx, given) => {
    const order = ctx.get('orders', given.orderId);
    const ownerId = asText(order?.ownerId) ?? customerOwner(ctx, given.customerId);
    const start = asDay(given.startDate) ?? ctx.today;
    // a year by default (the form shows it; people change it)
    return { code: nextCodeFor(ctx, 'contracts'), ownerId, signerId: ctx.userId, signDate: ctx.today, startDate: start, endDate: addDays(addDays(start, 365), -1), status: 'draft',
      ...(order ? { customerId: order.customerId, amount: order.amount, opportunityId: order.opportunityId } : {}) };
  },
  /** Editing an approved (in force) or rejected contract sends it back to draft: its approval covered the old content. */
  prepare: (values, old) => (old && (old.status === 'active' || old.status === 'rejected') && changes(values, old, CONTENT)
    ? { ...values, status: 'draft' } : values),
  validate: (values, old): Errors => {
    const why = old && changes(values, old, CONTENT) ? contractEditBlocker(old) : null;
    if (why) return { [CONTENT.find((k) => k in values && values[k] !== old![k]) ?? 'title']: why };
    return contractErrors({ ...old, ...values });
  },
  locked: (old) => (contractEditBlocker(old) ? CONTENT : []),
  deleteBlocker: (rec) => (rec.status === 'pending' ? contractEditBlocker(rec) : null),
};

export const CONTRACTS_RULES: Record<string, EntityRules> = { contracts: contractRules };
