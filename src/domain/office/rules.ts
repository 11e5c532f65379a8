import type { BaseRecord, RecordValues } from '../core/record';
import type { EntityRules, RuleContext } from '../core/rules';
import type { Errors } from '../core/validate';
import { asDay, asText } from '../sales/read';
import { isTimeMode, periodEnd, periodText, TIME_MODES } from './periods';

/** Rules of the employee centre's entities (read by the one save path, store/core/records.ts). */

/** Once a plan is saved only these stay editable (精财: "其它均为灰色,属于不可修改项"). */
export const PLAN_EDITABLE = ['content', 'summary'] as const;

/** The user's latest plan (by start date, then when written), whose content a new plan carries. */
export function previousPlan(plans: readonly BaseRecord[], userId: string): BaseRecord | undefined {
  return plans.filter((p) => p.ownerId === userId && !p.deleted)
    .sort((a, b) => String(a.startDate ?? '').localeCompare(String(b.startDate ?? '')) || a.createdAt - b.createdAt)
    .at(-1);
}

/** The end date and the title follow from the start and the mode (custom: the end as given). */
function derive(values: RecordValues, old: BaseRecord | undefined): RecordValues {
  const mode = asText(values.mode ?? old?.mode);
  const start = asDay(values.startDate ?? old?.startDate);
  if (!start || !isTimeMode(mode)) return values;
  const end = mode === 'custom' ? asDay(values.endDate ?? old?.endDate) : periodEnd(start, mode);
  const label = TIME_MODES.find((m) => m.mode === mode)!.label.zh;
  return { ...values, endDate: end ?? undefined, title: `${periodText(start, end)} ${label}` };
}

export const workPlanRules: EntityRules = {
  defaults: (ctx, given) => {
    const owner = asText(given.ownerId) ?? ctx.userId;
    return { ownerId: owner, mode: 'week', startDate: ctx.today, content: asText(previousPlan(ctx.live('workPlans'), owner)?.content) ?? undefined };
  },
  prepare: (values, old) => derive(values, old),
  onEdit: (values, key, old) => (key === 'mode' || key === 'startDate' || key === 'endDate' ? derive(values, old) : values),
  validate: (values, old) => {
    const errors: Errors = {};
    const start = asDay(values.startDate ?? old?.startDate);
    const end = asDay(values.endDate ?? old?.endDate);
    if ((values.mode ?? old?.mode) === 'custom' && !end) errors.endDate = { zh: '自定义时间段需要结束日期', en: 'A custom period needs an end date' };
    if (start && end && end < start) errors.endDate = { zh: '结束日期不能早于开始日期', en: 'The end cannot be before the start' };
    return { ...errors, ...lockedChanges(values, old) };
  },
  locked: (old) => (old ? [...PLAN_LOCKED] : []),
};

const PLAN_LOCKED = ['ownerId', 'mode', 'startDate', 'endDate'] as const;

/** A saved plan's locked fields that `values` would change (every path refuses those, not only the form). */
function lockedChanges(values: RecordValues, old: BaseRecord | undefined): Errors {
  const errors: Errors = {};
  if (!old) return errors;
  for (const k of PLAN_LOCKED) {
    if (k in values && (values[k] ?? null) !== (old[k] ?? null)) errors[k] = { zh: '计划保存后只能修改计划内容和工作总结', en: 'Once saved, only the plan and the summary can be changed' };
  }
  return errors;
}

/**
 * Who may comment on a plan (批注): the manager (负责人) of the plan owner's department, a role
 * that approves in the employee centre, or an administrator — not the owner themselves.
 */
export function mayComment(ctx: RuleContext, plan: BaseRecord | undefined, role: { admin?: boolean; approve: boolean }): boolean {
  if (!plan || plan.deleted) return false;
  if (role.admin || role.approve) return true;
  const owner = ctx.get('users', plan.ownerId);
  const dept = owner ? ctx.get('departments', owner.departmentId) : undefined;
  return !!dept && dept.manager === ctx.userId && plan.ownerId !== ctx.userId;
}

export const planCommentRules: EntityRules = {
  defaults: (ctx: RuleContext) => ({ authorId: ctx.userId, at: ctx.now }),
};

export const announcementRules: EntityRules = {
  defaults: (ctx) => ({ publishDate: ctx.today, authorId: ctx.userId }),
  validate: (values, old): Errors => {
    const from = asDay(values.publishDate ?? old?.publishDate);
    const to = asDay(values.expiryDate ?? old?.expiryDate);
    return from && to && to < from ? { expiryDate: { zh: '截止日期不能早于发布日期', en: 'It cannot expire before it is published' } } : {};
  },
};

export const OFFICE_RULES: Record<string, EntityRules> = {
  workPlans: workPlanRules,
  planComments: planCommentRules,
  announcements: announcementRules,
};

/** Announcements shown on `day`: published by then and not yet expired; newest first. */
export function currentAnnouncements(all: readonly BaseRecord[], day: string): BaseRecord[] {
  return all.filter((a) => !a.deleted && String(a.publishDate ?? '') <= day && (!a.expiryDate || String(a.expiryDate) >= day))
    .sort((a, b) => String(b.publishDate).localeCompare(String(a.publishDate)) || b.createdAt - a.createdAt);
}
