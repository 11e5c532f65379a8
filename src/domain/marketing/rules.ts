import type { Label } from '../core/entity';
import type { BaseRecord, RecordValues } from '../core/record';
import type { EntityRules } from '../core/rules';
import type { Errors } from '../core/validate';
import { asNumber } from '../core/numbers';
import { asDay, asText } from '../sales/read';
import { budgetLock } from './approval';

/** Rules of market management (read by the one save path, store/core/records.ts). */

const NEGATIVE: Record<string, Label> = {
  budget: { zh: '预算不能为负数', en: 'The budget cannot be negative' },
  manualCost: { zh: '实际成本不能为负数', en: 'The actual cost cannot be negative' },
};
const END_BEFORE_START: Label = { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' };

/** A negative budget or cost, an end before the start: clear messages, nothing saved. */
export function activityErrors(values: RecordValues, old?: BaseRecord): Errors {
  const errors: Errors = {};
  for (const k of Object.keys(NEGATIVE)) {
    const n = asNumber(values[k] ?? old?.[k]);
    if (n !== null && n < 0) errors[k] = NEGATIVE[k];
  }
  const start = asDay(values.startDate ?? old?.startDate);
  const end = asDay(values.endDate ?? old?.endDate);
  if (start && end && end < start) errors.endDate = END_BEFORE_START;
  return errors;
}

/**
 * A budget awaiting approval is locked (budget, type); editing it after the decision sends the
 * budget back to draft (approval.ts — the approval covered the budget it saw).
 */
export const marketActivityRules: EntityRules = {
  defaults: (ctx) => ({ ownerId: ctx.userId, status: 'planned', startDate: ctx.today, approvalStatus: 'draft' }),
  prepare: budgetLock.prepare,
  validate: (values, old) => ({ ...activityErrors(values, old), ...budgetLock.lockErrors(values, old) }),
  locked: budgetLock.locked,
  deleteBlocker: budgetLock.deleteBlocker,
};

export const participantRules: EntityRules = {
  defaults: () => ({ status: 'invited' }),
  /** The activity's name and start date, so the customer's timeline names and places the participation. */
  prepare: (values, old, ctx) => {
    const a = ctx.get('marketActivities', values.activityId ?? old?.activityId);
    return a ? { ...values, activityName: asText(a.name) ?? undefined, date: asDay(a.startDate) ?? undefined } : values;
  },
  validate: (values, old): Errors => (asText(values.customerId ?? old?.customerId) || asText(values.contactId ?? old?.contactId)
    ? {} : { customerId: { zh: '请选择客户或联系人', en: 'Choose a customer or a contact' } }),
};

export const marketTaskRules: EntityRules = {
  defaults: (ctx) => ({ assigneeId: ctx.userId, status: 'open', priority: 'normal' }),
};

export const trackingRules: EntityRules = {
  defaults: (ctx) => ({ date: ctx.today, byId: ctx.userId }),
  validate: (values, old): Errors => (asText(values.taskId ?? old?.taskId) || asText(values.activityId ?? old?.activityId)
    ? {} : { content: { zh: '跟踪记录需属于一个市场任务或市场活动', en: 'A tracking note belongs to a market task or activity' } }),
};

export const MARKETING_RULES: Record<string, EntityRules> = {
  marketActivities: marketActivityRules,
  activityParticipants: participantRules,
  marketTasks: marketTaskRules,
  marketTracking: trackingRules,
};
