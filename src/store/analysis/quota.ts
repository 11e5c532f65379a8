import type { Workspace } from '../core/workspace';
import { asNumber } from '../../domain/core/numbers';
import {
  addDays, asDay, isLive, monthlyTarget, quotaHelper, stagesOfMode, statusOf,
  type MonthTarget, type PlanSubject, type QuotaResult, type StageInfo, type Values,
} from '../../domain/sales';

/**
 * Where the funnel's stage quotas come from: the sales plan (销售计划) of the subject for the month
 * (domain quota.ts monthlyTarget), the average deal size seen in the pipeline, and each stage's
 * average days and conversion — fed to the U8 quota helper (quotaHelper). Pure reads, no writes.
 */

export interface DealSize {
  value: number | null;
  /** 'won': average expected amount of opportunities won in the 12 months before the month ends;
   *  'all': no wins in that time, so the average over every live opportunity of the mode. */
  from: 'won' | 'all' | null;
  ids: string[];
}

/** Average deal size (每单成交金额) of a mode, from history. */
export function averageDealSize(opps: readonly Values[], modeId: string, month: string): DealSize {
  const end = addDays(`${nextMonth(month)}-01`, -1);
  const start = addDays(end, -365);
  const ofMode = opps.filter((o) => isLive(o) && o.modeId === modeId);
  const won = ofMode.filter((o) => {
    const d = asDay(o.actualDate);
    return statusOf(o) === 'won' && d !== null && d > start && d <= end && asNumber(o.expectedAmount) !== null;
  });
  const avg = (list: Values[]) => {
    const nums = list.map((o) => asNumber(o.expectedAmount)).filter((n): n is number => n !== null);
    return nums.length ? { value: Math.round(nums.reduce((s, n) => s + n, 0) / nums.length), ids: list.map((o) => String(o.id)) } : null;
  };
  const w = avg(won);
  if (w) return { ...w, from: 'won' };
  const a = avg(ofMode.filter((o) => asNumber(o.expectedAmount) !== null));
  return a ? { ...a, from: 'all' } : { value: null, from: null, ids: [] };
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export interface QuotaSource {
  subject: PlanSubject;
  month: string;
  target: MonthTarget | null;
  dealSize: DealSize;
  stages: StageInfo[];
  /** Null when there is no plan for the subject and month (then the funnel has no quotas). */
  result: QuotaResult | null;
}

export interface QuotaQuery {
  modeId: string;
  month: string;
  ownerId?: string;
  departmentId?: string;
  /** Overrides (the quota helper page's what-if inputs). */
  target?: number | null;
  dealSize?: number | null;
  stages?: StageInfo[];
}

/** The subject a filter stands for: a person, a department, or the company. */
export function subjectOf(q: { ownerId?: string; departmentId?: string }): PlanSubject {
  if (q.ownerId) return { scope: 'person', userId: q.ownerId };
  if (q.departmentId) return { scope: 'department', departmentId: q.departmentId };
  return { scope: 'company' };
}

export function quotaSource(ws: Workspace, q: QuotaQuery): QuotaSource {
  const subject = subjectOf(q);
  const target = monthlyTarget(ws.collection('salesPlans').live(), subject, q.month);
  const history = averageDealSize(ws.collection('opportunities').live(), q.modeId, q.month);
  const dealSize = asNumber(q.dealSize) !== null ? { value: asNumber(q.dealSize), from: null, ids: [] } : history;
  const stages = q.stages ?? stagesOfMode(ws.collection('salesStages').live(), q.modeId);
  const T = asNumber(q.target) ?? target?.target ?? null;
  const result = T === null ? null : quotaHelper({ target: T, avgDealSize: dealSize.value ?? 0, stages });
  return { subject, month: q.month, target, dealSize, stages, result };
}
