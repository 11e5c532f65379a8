import type { Label } from '../core/entity';
import { asNumber, roundMoney } from '../core/numbers';
import { asText, idOf, isLive, pushTo, type Values, type Violation } from './read';
import type { StageInfo } from './stages';
import type { PlanScope } from './types';

/**
 * Sales plans (销售计划) and the U8 quota helper (销售配额, U8 实验二 §2.1.1.3 and §2.1.1.7).
 *
 * Plans: one target per company / department / person and period — a month 'YYYY-MM' or a
 * quarter 'YYYY-Qn'. A month without its own plan takes a third of its quarter's target
 * (U8: "将公司、部门、人员的销售额转化为月销售任务").
 *
 * Quota helper. The seed: each funnel stage loses a share of its opportunities on the way to the
 * next, so "to reach the sales plan every stage must hold a fixed number of opportunities — that
 * number is the stage quota"; inputs are the target, the average deal size (每单成交金额) and the
 * average time each stage takes; outputs the ideal stage quota and the ideal number of customers.
 * With, per month:
 *     T   target revenue,  D  average deal size,
 *     d_i average days in stage i,  c_i share of stage i that reaches stage i+1 (the last: is won),
 * the derivation is:
 *     W   = T ÷ D                          deals to win per month
 *     F_i = W ÷ (c_i × c_{i+1} × … × c_n)  opportunities that must ENTER stage i per month
 *     N_i = F_i × d_i ÷ 30                 opportunities stage i must HOLD at any time
 *                                          (Little's law: holding = inflow × time spent;
 *                                           30 days a month, `daysPerMonth` to change)
 *     quota amount_i = N_i × D
 *     ideal customers = F_1                new customers to bring into the funnel each month
 *                                          (one opportunity per customer)
 * Counts are also given rounded up (you cannot hold 2.3 opportunities). Any unknown or zero input
 * on the path makes the affected figures null ("—") rather than Infinity.
 */

// ---- plans -----------------------------------------------------------------------------------

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;

/** 'YYYY-Qn' of a month 'YYYY-MM', or null. */
export function quarterOf(month: string): string | null {
  const m = MONTH_RE.exec(month);
  return m ? `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}` : null;
}

export interface PlanSubject { scope: PlanScope; departmentId?: string; userId?: string }

function matches(p: Values, who: PlanSubject): boolean {
  if (!isLive(p) || p.scope !== who.scope) return false;
  if (who.scope === 'department') return p.departmentId === who.departmentId;
  if (who.scope === 'person') return p.userId === who.userId;
  return true;
}

/** Of duplicates (two peers planned the same thing while apart): the latest edit, then the highest id. */
function latest(list: Values[]): Values | undefined {
  return [...list].sort((a, b) => (asNumber(b.updatedAt) ?? 0) - (asNumber(a.updatedAt) ?? 0) || (idOf(a) < idOf(b) ? 1 : -1))[0];
}

export interface MonthTarget { target: number; from: 'month' | 'quarter'; planIds: string[] }

/** The target of a subject for a month, or null when neither the month nor its quarter is planned. */
export function monthlyTarget(plans: readonly Values[], who: PlanSubject, month: string): MonthTarget | null {
  const mine = plans.filter((p) => matches(p, who) && asNumber(p.target) !== null);
  const monthPlan = latest(mine.filter((p) => p.period === month));
  if (monthPlan) return { target: asNumber(monthPlan.target)!, from: 'month', planIds: [idOf(monthPlan)] };
  const q = quarterOf(month);
  const qPlan = q ? latest(mine.filter((p) => p.period === q)) : undefined;
  return qPlan ? { target: roundMoney(asNumber(qPlan.target)! / 3), from: 'quarter', planIds: [idOf(qPlan)] } : null;
}

/** Plans with an unreadable period or target, and duplicated plans (the latest edit is used). */
export function checkPlans(plans: readonly Values[]): Violation[] {
  const out: Violation[] = [];
  const slots = new Map<string, string[]>();
  for (const p of plans.filter(isLive)) {
    const period = asText(p.period);
    if (!period || !(MONTH_RE.test(period) || QUARTER_RE.test(period)) || asNumber(p.target) === null) {
      out.push({ code: 'planInvalid', ids: [idOf(p)], message: {
        zh: '销售计划的期间或目标无效(期间格式 2024-03 或 2024-Q1)', en: 'A sales plan has an invalid period or target (period as 2024-03 or 2024-Q1)' } });
      continue;
    }
    const key = `${String(p.scope)}|${asText(p.departmentId) ?? ''}|${asText(p.userId) ?? ''}|${period}`;
    pushTo(slots, key, idOf(p));
  }
  for (const ids of slots.values()) {
    if (ids.length > 1) out.push({ code: 'planDuplicate', ids, message: {
      zh: `同一对象同一期间有 ${ids.length} 份销售计划,按最后修改的一份计算`, en: `${ids.length} plans cover the same subject and period; the last edited one is used` } });
  }
  return out;
}

// ---- quota helper ------------------------------------------------------------------------------

export interface QuotaInput {
  /** Target revenue for the month (T). */
  target: number;
  /** Average deal size (D). */
  avgDealSize: number;
  /** Stages in pipeline order with avgDays (d_i) and conversion % (c_i × 100). */
  stages: readonly Pick<StageInfo, 'id' | 'name' | 'avgDays' | 'conversion'>[];
  daysPerMonth?: number;
}

export interface StageQuota {
  stageId: string;
  name: string;
  /** F_i: opportunities entering the stage per month. */
  inflow: number | null;
  /** N_i: opportunities the stage should hold (exact, and rounded up). */
  quota: number | null;
  quotaCount: number | null;
  /** N_i × D. */
  quotaAmount: number | null;
}

export interface QuotaResult {
  /** W: deals to win per month. */
  dealsNeeded: number | null;
  /** F_1 (exact, and rounded up). */
  idealCustomers: number | null;
  idealCustomersCount: number | null;
  stages: StageQuota[];
  /** Why some figures are null. */
  problems: Label[];
}

/** Round up, ignoring float dust (3.0000000001 → 3). */
function ceil(n: number | null): number | null {
  return n === null ? null : Math.ceil(n - 1e-9);
}

export function quotaHelper(input: QuotaInput): QuotaResult {
  const problems: Label[] = [];
  const T = asNumber(input.target);
  const D = asNumber(input.avgDealSize);
  const perMonth = asNumber(input.daysPerMonth) ?? 30;
  if (T === null || T < 0) problems.push({ zh: '目标销售额无效', en: 'The target revenue is invalid' });
  if (D === null || D <= 0) problems.push({ zh: '每单成交金额必须大于 0', en: 'The average deal size must be above 0' });
  const W = T !== null && T >= 0 && D !== null && D > 0 ? T / D : null;

  // Walk backwards: the inflow of stage i is the inflow of stage i+1 divided by c_i.
  const out: StageQuota[] = [];
  let next = W;
  for (let i = input.stages.length - 1; i >= 0; i--) {
    const st = input.stages[i];
    const c = asNumber(st.conversion);
    const days = asNumber(st.avgDays);
    if (c === null || c <= 0 || c > 100) problems.push({ zh: `阶段“${st.name}”的转化比例无效(应大于 0 且不超过 100)`, en: `Stage "${st.name}" has an invalid conversion (must be above 0 and at most 100)` });
    if (days === null || days < 0) problems.push({ zh: `阶段“${st.name}”的平均停留天数无效`, en: `Stage "${st.name}" has an invalid average days` });
    const inflow = next !== null && c !== null && c > 0 && c <= 100 ? next / (c / 100) : null;
    const quota = inflow !== null && days !== null && days >= 0 ? (inflow * days) / perMonth : null;
    out.unshift({
      stageId: st.id, name: st.name, inflow, quota, quotaCount: ceil(quota),
      quotaAmount: quota !== null && D !== null ? roundMoney(quota * D) : null,
    });
    next = inflow;
  }
  const first = out[0]?.inflow ?? null;
  return { dealsNeeded: W, idealCustomers: first, idealCustomersCount: ceil(first), stages: out, problems };
}

/** Stage quotas as a map stageId → count (rounded up) or amount, for the funnel. */
export function quotaMap(result: QuotaResult, basis: 'count' | 'amount' = 'count'): Record<string, number> {
  const map: Record<string, number> = {};
  for (const s of result.stages) {
    const q = basis === 'count' ? s.quotaCount : s.quotaAmount;
    if (q !== null) map[s.stageId] = q;
  }
  return map;
}
