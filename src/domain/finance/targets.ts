import { asNumber, roundMoney } from '../core/numbers';
import type { PlanSubject } from '../sales/quota';
import { statusOf } from '../sales/opportunity';
import { asDay, asText, idOf, isLive, monthOf, pushTo, type Values } from '../sales/read';
import { orderAmount } from '../orders/execution';
import { bindingDay, isBinding, orderStatusOf } from '../orders/status';

/**
 * The actual of a sales target (销售目标, SPEC K; seed 004) once orders exist: for a person,
 * department or the company and a month,
 *   actual = Σ amounts of orders approved in that month whose type counts (standard; special
 *            orders are left out, seed 004: "将特殊订单设置为不计入考核业绩"),
 *          + (setting, on by default) the expected amount of opportunities won in that month for
 *            which no order exists (a live, not cancelled order naming the opportunity) — so a
 *            workspace that records only opportunities keeps its actuals, and a won opportunity
 *            turned into an order is never counted twice.
 * The target itself and the alerts stay where they are (sales/quota.ts monthlyTarget,
 * store/analysis/targets.ts targetProgress, which takes this actual).
 */

export interface TargetSettings { countOpportunitiesWithoutOrder: boolean }

/** Stored on the company record (`targetCountsOpportunities`); on unless set to false. */
export function targetSettingsOf(company: Values | undefined): TargetSettings {
  return { countOpportunitiesWithoutOrder: company?.targetCountsOpportunities !== false };
}

export interface SubjectScope {
  /** user id → department id, for records that name no department. */
  userDepartments?: Readonly<Record<string, string>>;
  /** A department and its sub-departments, when the subject is a department tree. */
  departmentSet?: ReadonlySet<string>;
}

/** Whether a record (order, opportunity) belongs to the subject: its owner, the owner's department, or anyone. */
export function belongsTo(rec: Values, who: PlanSubject, scope: SubjectScope = {}): boolean {
  if (who.scope === 'person') return rec.ownerId === who.userId;
  if (who.scope === 'department') {
    const d = asText(rec.departmentId) ?? scope.userDepartments?.[asText(rec.ownerId) ?? ''] ?? null;
    return d !== null && (scope.departmentSet ? scope.departmentSet.has(d) : d === who.departmentId);
  }
  return true;
}

export interface SalesActual {
  actual: number;
  /** Records counted: orders, then opportunities. */
  ids: string[];
  orderIds: string[];
  opportunityIds: string[];
}

export interface ActualInput {
  orders: readonly Values[];
  orderLines: readonly Values[];
  opportunities: readonly Values[];
  countingTypes: ReadonlySet<string>;
  settings?: TargetSettings;
}

export function salesActual(input: ActualInput, who: PlanSubject, month: string, scope: SubjectScope = {}): SalesActual {
  const lines = new Map<string, Values[]>();
  for (const l of input.orderLines) pushTo(lines, asText(l.orderId) ?? '', l);
  const orders = input.orders.filter((o) => isBinding(o) && input.countingTypes.has(asText(o.type) ?? '')
    && monthOf(bindingDay(o) ?? '') === month && belongsTo(o, who, scope));
  const ordered = new Set(input.orders.filter((o) => isLive(o) && orderStatusOf(o) !== 'cancelled').map((o) => asText(o.opportunityId)));
  const opps = (input.settings ?? { countOpportunitiesWithoutOrder: true }).countOpportunitiesWithoutOrder
    ? input.opportunities.filter((o) => isLive(o) && statusOf(o) === 'won' && !ordered.has(idOf(o))
      && monthOf(asDay(o.actualDate) ?? '') === month && belongsTo(o, who, scope))
    : [];
  const actual = roundMoney(orders.reduce((s, o) => s + orderAmount(lines.get(idOf(o)) ?? []), 0)
    + opps.reduce((s, o) => s + (asNumber(o.expectedAmount) ?? 0), 0));
  const [orderIds, opportunityIds] = [orders.map(idOf), opps.map(idOf)];
  return { actual, ids: [...orderIds, ...opportunityIds], orderIds, opportunityIds };
}
