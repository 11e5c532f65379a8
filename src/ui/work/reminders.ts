import type { WorkspaceCtx } from '../shared/context';
import { activityReminders } from '../../domain/sales/reminders';
import { daysFrom, type Reminder } from '../../domain/core/reminders';
import { alertRuleOf, targetProgress } from '../../store/analysis/targets';
import { monthlyTarget } from '../../domain/sales/quota';
import { t } from '../i18n';
import { ACTUAL_COLLECTIONS, salesActualOf } from '../../store/finance/targets';

/** 活动/任务: the person's overdue and due-soon activities. */
export function activities(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  return ctx.can('sales', 'read') ? activityReminders(ctx.where('activities', 'ownerId', userId), today) : [];
}

/** 销售目标: the person's target of the month reached or behind — the notice 我的商机 shows (targetProgress), not a second rule. */
export function targets(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  if (!ctx.can('sales', 'read')) return [];
  const month = today.slice(0, 7);
  const who = { scope: 'person', userId } as const;
  const plans = ctx.live('salesPlans');
  // no target this month, no notice: the orders and opportunities are not read (at company scale
  // reading them took the bell's count ~300 ms, in the middle of whatever the user was doing)
  const target = monthlyTarget(plans, who, month);
  if (!target || !(target.target > 0)) return [];
  for (const c of ACTUAL_COLLECTIONS) ctx.version(c)(); // the orders-based actual reads them
  const p = targetProgress(plans, ctx.where('opportunities', 'ownerId', userId), who, month, today,
    { rule: alertRuleOf(ctx.get('company', 'company')), actual: salesActualOf(ctx.ws, who, month) });
  if (!p.alert) return [];
  return [{
    key: `target:${month}:${p.alert}${userId === ctx.userId() ? '' : `:${userId}`}`, kind: 'target', day: today, days: daysFrom(today, today),
    tone: p.alert === 'reached' ? 'info' : 'overdue', subject: `${t(p.alert === 'reached' ? 'reminders.targetReached' : 'reminders.targetBehind')} · ${month}`, href: 'plans',
    detail: p.share === null ? undefined : `${Math.round(p.share)}%`,
  }];
}
