import { asText, type Values } from '../core/read';
import { asNumber } from '../core/numbers';

/**
 * The results of market activities (市场活动 · 效果), computed from the records that point at them
 * — never stored, so a lead promoted or an expense recorded by a peer shows at once:
 *  - leads: `leads.activityId` = the activity;
 *  - opportunities: those the leads were promoted to (升迁: `lead.opportunityId`, or the
 *    opportunity's `leadId`);
 *  - won amount: the 预期金额 of those opportunities whose status is 成功 (won);
 *  - actual cost: the sum of the activity's expenses (`expenses.marketActivityId`, rejected ones
 *    left out); when none is recorded, the manual actual cost typed on the activity;
 *  - cost per lead = actual cost ÷ leads; ROI % = (won amount − actual cost) ÷ actual cost × 100;
 *    both are null ("—") when they divide by zero;
 *  - conversion: opportunities ÷ leads, won ÷ opportunities, won ÷ leads (percent, null when ÷ 0).
 */

export type CostSource = 'expenses' | 'manual' | 'none';

export interface ActivityResult {
  activityId: string;
  leadIds: string[];
  opportunityIds: string[];
  wonIds: string[];
  expenseIds: string[];
  wonAmount: number;
  /** Sum of the counted expenses (0 when none). */
  expenseTotal: number;
  actualCost: number;
  costSource: CostSource;
  budget: number | null;
  costPerLead: number | null;
  roi: number | null;
  leadToOpp: number | null;
  oppToWon: number | null;
  leadToWon: number | null;
}

/** The records results are computed from (live ones: the bin's are left out here). */
export interface ResultData {
  leads: readonly Values[];
  opportunities: readonly Values[];
  expenses: readonly Values[];
}

const live = (r: Values) => r.deleted !== true;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** a ÷ b as a percent, null when b is 0. */
export function percent(a: number, b: number): number | null {
  return b > 0 ? round2((a / b) * 100) : null;
}

/** ROI % = (won − cost) ÷ cost × 100; null ("—") when nothing was spent. */
export function roiOf(wonAmount: number, actualCost: number): number | null {
  return actualCost > 0 ? round2(((wonAmount - actualCost) / actualCost) * 100) : null;
}

/** Cost per lead = cost ÷ leads; null when there is no lead (or no cost to spread). */
export function costPerLead(actualCost: number, leads: number): number | null {
  return leads > 0 && actualCost > 0 ? round2(actualCost / leads) : null;
}

/** An expense counts toward an activity's cost unless it was rejected. */
export const countsAsCost = (e: Values) => live(e) && e.status !== 'rejected';

/** The actual cost and where it comes from: recorded expenses first, else the manual figure. */
export function actualCostOf(activity: Values, expenseTotal: number, expenseCount: number): { cost: number; source: CostSource } {
  if (expenseCount > 0) return { cost: round2(expenseTotal), source: 'expenses' };
  const manual = asNumber(activity.manualCost);
  return manual !== null && manual >= 0 ? { cost: manual, source: 'manual' } : { cost: 0, source: 'none' };
}

/** Indexes of the data by activity, built once for many activities (the analysis page). */
export function indexResults(data: ResultData) {
  const leadsBy = new Map<string, Values[]>();
  for (const l of data.leads) {
    const a = asText(l.activityId);
    if (a && live(l)) leadsBy.set(a, [...(leadsBy.get(a) ?? []), l]);
  }
  const oppById = new Map<string, Values>();
  const oppByLead = new Map<string, Values[]>();
  for (const o of data.opportunities) {
    if (!live(o)) continue;
    oppById.set(String(o.id), o);
    const lead = asText(o.leadId);
    if (lead) oppByLead.set(lead, [...(oppByLead.get(lead) ?? []), o]);
  }
  const expensesBy = new Map<string, Values[]>();
  for (const e of data.expenses) {
    const a = asText(e.marketActivityId);
    if (a && countsAsCost(e)) expensesBy.set(a, [...(expensesBy.get(a) ?? []), e]);
  }
  return { leadsBy, oppById, oppByLead, expensesBy };
}

export type ResultIndex = ReturnType<typeof indexResults>;

/** One activity's results (see the file's comment for each figure). */
export function activityResult(activity: Values, index: ResultIndex): ActivityResult {
  const id = String(activity.id);
  const leads = index.leadsBy.get(id) ?? [];
  const opps = new Map<string, Values>();
  for (const l of leads) {
    const promoted = asText(l.opportunityId);
    const o = promoted ? index.oppById.get(promoted) : undefined;
    if (o) opps.set(String(o.id), o);
    for (const o2 of index.oppByLead.get(String(l.id)) ?? []) opps.set(String(o2.id), o2);
  }
  const won = [...opps.values()].filter((o) => o.status === 'won');
  const wonAmount = round2(won.reduce((s, o) => s + (asNumber(o.expectedAmount) ?? 0), 0));
  const expenses = index.expensesBy.get(id) ?? [];
  const expenseTotal = round2(expenses.reduce((s, e) => s + (asNumber(e.amount) ?? 0), 0));
  const { cost, source } = actualCostOf(activity, expenseTotal, expenses.length);
  return {
    activityId: id,
    leadIds: leads.map((l) => String(l.id)),
    opportunityIds: [...opps.keys()],
    wonIds: won.map((o) => String(o.id)),
    expenseIds: expenses.map((e) => String(e.id)),
    wonAmount, expenseTotal, actualCost: cost, costSource: source,
    budget: asNumber(activity.budget),
    costPerLead: costPerLead(cost, leads.length),
    roi: roiOf(wonAmount, cost),
    leadToOpp: percent(opps.size, leads.length),
    oppToWon: percent(won.length, opps.size),
    leadToWon: percent(won.length, leads.length),
  };
}

/** A group of activities (a type, or all of them) summed up: the same figures over the sums. */
export interface ResultGroup {
  key: string;
  ids: string[];
  leadIds: string[];
  opportunityIds: string[];
  wonIds: string[];
  expenseIds: string[];
  budget: number;
  actualCost: number;
  wonAmount: number;
  costPerLead: number | null;
  roi: number | null;
  leadToOpp: number | null;
  oppToWon: number | null;
}

export function sumResults(key: string, rows: readonly ActivityResult[]): ResultGroup {
  const cost = round2(rows.reduce((s, r) => s + r.actualCost, 0));
  const won = round2(rows.reduce((s, r) => s + r.wonAmount, 0));
  const leads = rows.flatMap((r) => r.leadIds);
  const opps = rows.flatMap((r) => r.opportunityIds);
  const wonIds = rows.flatMap((r) => r.wonIds);
  return {
    key, ids: rows.map((r) => r.activityId), leadIds: leads, opportunityIds: opps, wonIds, expenseIds: rows.flatMap((r) => r.expenseIds),
    budget: round2(rows.reduce((s, r) => s + (r.budget ?? 0), 0)), actualCost: cost, wonAmount: won,
    costPerLead: costPerLead(cost, leads.length), roi: roiOf(won, cost),
    leadToOpp: percent(opps.length, leads.length), oppToWon: percent(wonIds.length, opps.length),
  };
}

/** Activities whose start date falls in [from, to] (either bound may be empty). */
export function inPeriod(activity: Values, from?: string, to?: string): boolean {
  const d = asText(activity.startDate)?.slice(0, 10) ?? '';
  if (from && (!d || d < from)) return false;
  if (to && (!d || d > to)) return false;
  return true;
}

/** The marketing analysis: every activity of the period, and the same figures by activity type. */
export function marketingAnalysis(activities: readonly Values[], data: ResultData, period: { from?: string; to?: string } = {}) {
  const index = indexResults(data);
  // oldest first: the table reads as the year went
  const chosen = activities.filter((a) => live(a) && inPeriod(a, period.from, period.to))
    .sort((a, b) => String(a.startDate ?? '').localeCompare(String(b.startDate ?? '')) || String(a.id).localeCompare(String(b.id)));
  const rows = chosen.map((a) => activityResult(a, index));
  const typeOf = new Map(chosen.map((a) => [String(a.id), asText(a.type) ?? '']));
  const types = [...new Set(chosen.map((a) => asText(a.type) ?? ''))];
  const byType = types.map((t) => sumResults(t, rows.filter((r) => typeOf.get(r.activityId) === t)))
    .sort((a, b) => b.wonAmount - a.wonAmount || a.key.localeCompare(b.key));
  return { rows, byType, total: sumResults('', rows) };
}
