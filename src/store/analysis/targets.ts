import { asNumber, percent, roundMoney } from '../../domain/core/numbers';
import {
  asDay, asText, isLive, monthOf, monthlyTarget, statusOf, type MonthTarget, type PlanSubject, type Values,
} from '../../domain/sales';
import { idOf } from '../../domain/sales/read';
import type { RecordValues } from '../../domain/core/record';
import { belongsTo, type SalesActual, type SubjectScope } from '../../domain/finance/targets';
import type { Errors } from '../../domain/core/validate';

/**
 * Sales targets against actuals (SPEC K 销售目标; seed 004 on sales alerts): for a person,
 * department or the company and a month, the target of the sales plan (domain monthlyTarget) and
 * the actual — the expected amount of the opportunities WON with an actual completion date in that
 * month, or, given `opts.actual`, the orders-based actual of domain/finance/targets.ts `salesActual`
 * (standard orders approved in the month, opportunities only where no order exists). Two alerts, as the seed describes:
 *   reached — the actual is at least the target (a notice to the rep and the manager);
 *   behind  — by the alert day of the month (default the 20th) the actual is under the alert share
 *             of the target (default 50 %): a warning while there is still time to act.
 * Pure: the caller passes the records and today.
 */

export interface AlertRule { day: number; share: number }
export const DEFAULT_ALERT_RULE: AlertRule = { day: 20, share: 50 };

/** The rule stored on the company record (targetAlertDay / targetAlertShare), else the default. */
export function alertRuleOf(company: Values | undefined): AlertRule {
  const day = asNumber(company?.targetAlertDay);
  const share = asNumber(company?.targetAlertShare);
  return {
    day: day !== null && day >= 1 && day <= 31 ? Math.round(day) : DEFAULT_ALERT_RULE.day,
    share: share !== null && share > 0 && share <= 100 ? share : DEFAULT_ALERT_RULE.share,
  };
}

export type TargetAlert = 'reached' | 'behind' | null;

export interface TargetProgress {
  subject: PlanSubject;
  month: string;
  target: MonthTarget | null;
  actual: number;
  /** Won opportunities counted in the actual. */
  ids: string[];
  /** Actual ÷ target × 100; null without a target or with a zero target. */
  share: number | null;
  alert: TargetAlert;
}

export function targetProgress(
  plans: readonly Values[], opps: readonly Values[], who: PlanSubject, month: string, today: string,
  opts: SubjectScope & { rule?: AlertRule; actual?: Pick<SalesActual, 'actual' | 'ids'> } = {},
): TargetProgress {
  const rule = opts.rule ?? DEFAULT_ALERT_RULE;
  const target = monthlyTarget(plans, who, month);
  const won = opts.actual ? [] : opps.filter((o) => {
    if (!isLive(o) || statusOf(o) !== 'won') return false;
    const d = asDay(o.actualDate);
    return d !== null && monthOf(d) === month && belongsTo(o, who, opts);
  });
  const actual = opts.actual?.actual ?? roundMoney(won.reduce((s, o) => s + (asNumber(o.expectedAmount) ?? 0), 0));
  const share = target ? percent(actual, target.target) : null;
  let alert: TargetAlert = null;
  if (target && target.target > 0 && actual >= target.target) alert = 'reached';
  else if (target && share !== null && monthOf(today) === month && Number(today.slice(8, 10)) >= rule.day && share < rule.share) alert = 'behind';
  return { subject: who, month, target, actual, ids: opts.actual?.ids ?? won.map(idOf), share, alert };
}

/** Every subject with a plan covering the month (month or quarter), company first, then departments and people. */
export function plannedSubjects(plans: readonly Values[], month: string): PlanSubject[] {
  const q = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  const seen = new Set<string>();
  const out: PlanSubject[] = [];
  const order = { company: 0, department: 1, person: 2 } as const;
  for (const p of plans) {
    if (!isLive(p) || (p.period !== month && p.period !== q)) continue;
    const scope = p.scope === 'department' || p.scope === 'person' || p.scope === 'company' ? p.scope : null;
    if (!scope) continue;
    const who: PlanSubject = scope === 'person' ? { scope, userId: asText(p.userId) ?? '' }
      : scope === 'department' ? { scope, departmentId: asText(p.departmentId) ?? '' } : { scope };
    const key = `${scope}|${who.userId ?? ''}|${who.departmentId ?? ''}`;
    if (!seen.has(key)) { seen.add(key); out.push(who); }
  }
  return out.sort((a, b) => order[a.scope] - order[b.scope]);
}

/** A plan names its department or person, and a month '2026-03' or a quarter '2026-Q1'. */
export function planErrors(v: RecordValues): Errors {
  const out: Errors = {};
  const period = typeof v.period === 'string' ? v.period.trim() : '';
  if (period && !/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/.test(period)) out.period = { zh: '期间格式应为 2026-03 或 2026-Q1', en: 'Use a period like 2026-03 or 2026-Q1' };
  if (v.scope === 'department' && !v.departmentId) out.departmentId = { zh: '请选择部门', en: 'Choose the department' };
  if (v.scope === 'person' && !v.userId) out.userId = { zh: '请选择人员', en: 'Choose the person' };
  return out;
}
