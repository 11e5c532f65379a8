import { describe, expect, it } from 'vitest';
import { AGEING_BUCKETS, allDues, arrearsBy, checkReceipt, orderAccount, planDifference, type OrderMoney } from '../finance/accounts';
import { customerValues, pyramid, type ValueData } from '../finance/pyramids';
import { DEFAULT_COUNTING_TYPES } from '../orders/entities';
import { executionViolations, orderAmount, orderExecution } from '../orders/execution';
import { duplicateCodes } from '../orders/numbering';
import { isBinding, orderEditBlocker } from '../orders/status';
import { productQuoteDetails, projectAnalysis } from '../sales/analysis';
import { quoteTotals } from '../sales/pricing';
import { quoteView } from '../sales/quotes';
import { backfill, checkSequence } from '../sales/records';
import { checkPlans, monthlyTarget } from '../sales/quota';
import { sampleCompany, type SampleRecord } from './index';
import { SALES_OWNERS } from './sales';

/**
 * The sample company's money side and the sales records around it (issue 12 item 8), checked
 * with the domain's own rules: what the pages will compute from these records must be sound.
 */

const TODAY = '2026-11-24';
const data = sampleCompany({ history: true });
type R = SampleRecord;
const group = (rows: R[], key: string) => {
  const m = new Map<string, R[]>();
  for (const r of rows) m.set(String(r[key]), [...(m.get(String(r[key])) ?? []), r]);
  return m;
};
const linesOf = group(data.orderLines, 'orderId');
const quoteLinesOf = group(data.quoteLines, 'quoteId');
const quoteStepsOf = group(data.quoteSteps, 'quoteId');
const deliveryLinesOf = (orderId: string) => {
  const ids = new Set((linesOf.get(orderId) ?? []).map((l) => l.id));
  return data.deliveryLines.filter((r) => ids.has(String(r.orderLineId)));
};
const returnLinesOf = (orderId: string) => {
  const ids = new Set((linesOf.get(orderId) ?? []).map((l) => l.id));
  return data.returnLines.filter((r) => ids.has(String(r.orderLineId)));
};
const byId = <T extends R>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const returns = byId(data.returns);
const deliveries = byId(data.deliveries);

/** An order's money records, keeping only what happened up to `day` (and, that day, receipts before `beforeId`). */
function moneyOn(order: R, day = '9999-12-31', beforeId?: string): OrderMoney {
  const of = (rows: R[]) => rows.filter((r) => r.orderId === order.id);
  return {
    order, lines: linesOf.get(order.id) ?? [], instalments: of(data.instalments),
    returnLines: returnLinesOf(order.id).filter((r) => String(returns.get(String(r.returnId))!.date) <= day),
    receipts: of(data.receipts).filter((r) => String(r.date) < day || (r.date === day && beforeId !== undefined && r.id < beforeId)),
    payments: of(data.payments).filter((r) => String(r.date) <= day),
  };
}

describe('sample company: orders from the won opportunities', () => {
  it('is deterministic', () => {
    const again = sampleCompany({ history: true });
    for (const k of ['maintenanceRecords', 'quotes', 'quoteLines', 'orders', 'orderLines', 'deliveries', 'returns', 'instalments', 'receipts', 'payments', 'expenses', 'dunningLogs', 'contactRecords', 'leads', 'projects', 'salesPlans']) {
      expect(again[k], k).toEqual(data[k]);
      expect(data[k].length, k).toBeGreaterThan(0);
    }
    expect(sampleCompany({ history: true, seed: 2 }).orders).not.toEqual(data.orders);
  });

  it('every won opportunity has one order made from its approved quote; the amount is the lines\' total', () => {
    const won = data.opportunities.filter((o) => o.status === 'won');
    const ordersOf = group(data.orders, 'opportunityId');
    const quotes = byId(data.quotes);
    for (const opp of won) {
      const orders = ordersOf.get(opp.id) ?? [];
      expect(orders, opp.id).toHaveLength(1);
      const [order] = orders;
      const quote = quotes.get(String(order.quoteId))!;
      expect(quote).toMatchObject({ status: 'approved', opportunityId: opp.id, customerId: order.customerId, ownerId: order.ownerId });
      expect(quoteStepsOf.get(quote.id)!.map((s) => s.action)).toEqual(['submit', 'approve']);
      const lines = linesOf.get(order.id)!;
      expect(order.amount).toBe(orderAmount(lines));
      expect(order.amount).toBe(quoteTotals(quoteLinesOf.get(quote.id)).discountedAmount);
      // about the opportunity's expected amount (implementation days fill the rest)
      expect(Math.abs((order.amount as number) - (opp.expectedAmount as number))).toBeLessThan(2000);
    }
    expect(data.orders.filter((o) => o.opportunityId)).toHaveLength(won.length);
    // repeat business besides: renewals and add-on licences ordered directly (no opportunity, no quote)
    const direct = data.orders.filter((o) => !o.opportunityId);
    expect(direct.length).toBeGreaterThan(10);
    for (const o of direct) {
      expect(o.quoteId, o.id).toBeUndefined();
      expect(o.amount, o.id).toBe(orderAmount(linesOf.get(o.id)!));
    }
    const types = group(data.orders, 'type');
    expect(types.get('standard')!.length).toBeGreaterThan(types.get('special')?.length ?? 0);
    expect(types.get('special')?.length ?? 0).toBeGreaterThan(0);
  });

  it('nothing over-delivered or over-returned; the status follows the execution; approved orders carry their day and are locked', () => {
    const seen = new Set<string>();
    for (const order of data.orders) {
      const exec = orderExecution(linesOf.get(order.id)!, deliveryLinesOf(order.id), returnLinesOf(order.id));
      expect(executionViolations(exec), order.id).toEqual([]);
      seen.add(exec.status);
      const allowed: Record<string, string[]> = {
        draft: ['none'], submitted: ['none'], approved: ['none'], executing: ['partial', 'delivered', 'partReturned'], completed: ['delivered'],
      };
      expect(allowed[order.status as string], `${order.id} ${String(order.status)}`).toContain(exec.status);
      expect(order.approvedAt !== undefined, order.id).toBe(isBinding(order));
      // anything past draft is locked
      expect(orderEditBlocker(order) === null, order.id).toBe(order.status === 'draft');
    }
    expect([...seen].sort()).toEqual(['delivered', 'none', 'partReturned', 'partial']);
    expect(data.returns.length).toBeGreaterThanOrEqual(3);
    // deliveries after the approval, returns after their delivery, nothing after today
    const orders = byId(data.orders);
    for (const d of data.deliveries) {
      expect(String(d.date) >= String(orders.get(String(d.orderId))!.approvedAt)).toBe(true);
      expect(String(d.date) <= TODAY).toBe(true);
    }
    for (const r of data.returns) {
      expect(String(r.date) >= String(deliveries.get(String(r.deliveryId))!.date)).toBe(true);
      expect(String(r.date) <= TODAY).toBe(true);
    }
  });

  it('numbers are DD/FH/TH/SK/FK/FY-<staff code>-NNNN and unique', () => {
    const prefix: Record<string, string> = { orders: 'DD', deliveries: 'FH', returns: 'TH', receipts: 'SK', payments: 'FK', expenses: 'FY' };
    for (const [k, p] of Object.entries(prefix)) {
      for (const r of data[k]) expect(r.code, k).toMatch(new RegExp(`^${p}-E\\d{3}-\\d{4}$`));
      expect(duplicateCodes(data[k], { zh: k, en: k }), k).toEqual([]);
    }
  });
});

describe('sample company: collection plans, receipts, refunds and ageing', () => {
  it('each approved order has 1–3 instalments summing to its amount; others have none', () => {
    const plans = group(data.instalments, 'orderId');
    for (const order of data.orders) {
      const list = plans.get(order.id) ?? [];
      if (!isBinding(order)) { expect(list, order.id).toEqual([]); continue; }
      expect(list.length, order.id).toBeGreaterThanOrEqual(1);
      expect(list.length, order.id).toBeLessThanOrEqual(3);
      expect(planDifference(order.amount as number, list).difference, order.id).toBe(0);
    }
  });

  it('every receipt was within the balance on its day; refunds within what was received; no order overpaid', () => {
    for (const r of [...data.receipts].sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id))) {
      const order = data.orders.find((o) => o.id === r.orderId)!;
      const res = checkReceipt(orderAccount(moneyOn(order, String(r.date), r.id)), r.amount);
      expect(res.ok, `${r.id} ${String(r.amount)}`).toBe(true);
      expect(String(r.date) <= TODAY).toBe(true);
      expect(data.instalments.find((i) => i.id === r.instalmentId)!.orderId).toBe(r.orderId);
    }
    // orders with returns were paid in full before: every return is refunded
    expect(data.payments.map((p) => p.returnId).sort()).toEqual(data.returns.map((r) => r.id).sort());
    for (const p of data.payments) {
      const ret = returns.get(String(p.returnId))!;
      expect(p).toMatchObject({ kind: 'refund', orderId: ret.orderId });
      const order = data.orders.find((o) => o.id === p.orderId)!;
      const before = orderAccount({ ...moneyOn(order, String(p.date)), payments: data.payments.filter((x) => x.orderId === p.orderId && x.id < p.id) });
      expect(p.amount as number).toBeLessThanOrEqual(before.received - before.refunded);
    }
    for (const order of data.orders) {
      const acc = orderAccount(moneyOn(order));
      expect(acc.balance, order.id).toBeGreaterThanOrEqual(0);
      expect(acc.overpaid, order.id).toBe(0);
    }
  });

  it('some paid in full, some in part, unpaid instalments in every ageing bucket; dunning logs on overdue ones', () => {
    const dues = allDues(data as unknown as Parameters<typeof allDues>[0]);
    const rows = arrearsBy(dues, 'customerId', TODAY);
    const sums = Object.fromEntries(AGEING_BUCKETS.map((b) => [b.key, rows.reduce((s, r) => s + r.buckets[b.key], 0)]));
    for (const b of AGEING_BUCKETS) expect(sums[b.key], b.key).toBeGreaterThan(0);
    expect(arrearsBy(dues, 'ownerId', TODAY).length).toBeGreaterThan(1);
    expect(dues.filter((d) => d.unpaid === 0).length).toBeGreaterThan(dues.length / 3);
    expect(dues.some((d) => d.paid > 0 && d.unpaid > 0)).toBe(true);
    expect(data.dunningLogs.length).toBeGreaterThan(0);
    for (const l of data.dunningLogs) {
      const due = dues.find((d) => d.instalmentId === l.instalmentId)!;
      expect(due.unpaid, String(l.id)).toBeGreaterThan(0);
      expect(due.dueDate < TODAY).toBe(true);
      expect(l.at as number).toBeLessThanOrEqual(Date.parse(`${TODAY}T16:00:00Z`));
    }
  });

  it('expenses name the opportunity\'s customer (and its order); the value pyramids have figures', () => {
    const opps = byId(data.opportunities);
    const orders = byId(data.orders);
    // market activities' expenses (sample/marketing.ts) name their activity instead of an opportunity
    const acts = byId(data.marketActivities);
    for (const e of data.expenses.filter((x) => x.marketActivityId)) expect(acts.has(String(e.marketActivityId)) && !e.opportunityId).toBe(true);
    for (const e of data.expenses.filter((x) => !x.marketActivityId)) {
      expect(opps.get(String(e.opportunityId))!.customerId).toBe(e.customerId);
      if (e.orderId) expect(orders.get(String(e.orderId))!.opportunityId).toBe(e.opportunityId);
    }
    for (const e of data.expenses) expect(String(e.date) <= TODAY).toBe(true);
    const vd = { ...data, countingTypes: DEFAULT_COUNTING_TYPES } as unknown as ValueData;
    const year = { from: '2025-11-25', to: TODAY };
    for (const m of ['revenue', 'profit', 'expense', 'arrears', 'loyalty'] as const) {
      const values = customerValues(vd, m, year);
      expect([...values.values()].some((v) => v > 0), m).toBe(true);
      expect(pyramid(values).tiers.some((t) => t.count > 0), m).toBe(true);
    }
    for (const basis of ['deliveries', 'receipts'] as const) {
      expect([...customerValues(vd, 'revenue', year, basis).values()].some((v) => v > 0), basis).toBe(true);
    }
  });
});

describe('sample company: the sales records around the opportunities', () => {
  it('contact records follow the sequence rules and back-fill exactly their opportunity', () => {
    const recs = group(data.contactRecords, 'opportunityId');
    for (const opp of data.opportunities) {
      const list = recs.get(opp.id) ?? [];
      expect(list.length, opp.id).toBeGreaterThan(0);
      expect(checkSequence(list), opp.id).toEqual([]);
      const patch = backfill(opp, list)!;
      for (const [k, v] of Object.entries(patch)) expect(v, `${opp.id}.${k}`).toEqual(opp[k]);
    }
    expect(data.contactRecords.some((r) => r.completed === false && String(r.date) > TODAY)).toBe(true);
  });

  it('quotes: approved, pending, draft and rejected; the product quote details have rows', () => {
    const statuses = new Set(data.quotes.map((q) => q.status));
    expect([...statuses].sort()).toEqual(['approved', 'draft', 'pending', 'rejected']);
    const views = data.quotes.map((q) => quoteView(q, quoteLinesOf.get(q.id) ?? [], quoteStepsOf.get(q.id) ?? []));
    for (const v of views) expect(v.lines.length, v.id).toBeGreaterThan(0);
    const report = productQuoteDetails(views);
    expect(report.rows.length).toBeGreaterThanOrEqual(5);
    expect(report.total.discountedAmount).toBeGreaterThan(0);
    const recordQuotes = data.quotes.filter((q) => q.contactRecordId);
    expect(new Set(recordQuotes.map((q) => q.contactRecordId)).size).toBe(recordQuotes.length);
  });

  it('projects come from audited won opportunities and carry actual figures', () => {
    const opps = byId(data.opportunities);
    for (const p of data.projects) {
      const opp = opps.get(String(p.opportunityId))!;
      expect(opp).toMatchObject({ status: 'won', audited: true, customerId: p.customerId });
      expect(p.actualAmount as number).toBeGreaterThan(p.actualCost as number);
    }
    const recs = group(data.maintenanceRecords, 'projectId');
    for (const p of data.projects) {
      const list = recs.get(p.id) ?? [];
      expect(list.length, p.id).toBeGreaterThan(0);
      expect(checkSequence(list), p.id).toEqual([]);
      for (const [k, v] of Object.entries(backfill(p, list)!)) expect(v, `${p.id}.${k}`).toEqual(p[k]);
    }
    const report = projectAnalysis(data.projects, 'owner');
    expect(report.rows.length).toBeGreaterThan(1);
    expect(report.total.actualProfitRate).not.toBeNull();
  });

  it('leads: promoted ones name their opportunity and back; open and closed ones too', () => {
    const opps = byId(data.opportunities);
    const statuses = group(data.leads, 'status');
    for (const l of statuses.get('promoted')!) expect(opps.get(String(l.opportunityId))!.leadId).toBe(l.id);
    for (const o of data.opportunities) if (o.leadId) expect(data.leads.find((l) => l.id === o.leadId)!.opportunityId).toBe(o.id);
    expect(statuses.get('open')!.length).toBeGreaterThan(0);
    expect(statuses.get('closed')!.length).toBeGreaterThan(0);
  });

  it('plans: every sales person and group has a target this month and the next; no duplicates', () => {
    expect(checkPlans(data.salesPlans)).toEqual([]);
    for (const month of ['2026-11', '2026-12', '2025-12']) {
      for (const userId of SALES_OWNERS) expect(monthlyTarget(data.salesPlans, { scope: 'person', userId }, month), `${userId} ${month}`).not.toBeNull();
      for (const departmentId of ['dp002', 'dp003', 'dp004']) expect(monthlyTarget(data.salesPlans, { scope: 'department', departmentId }, month)).not.toBeNull();
    }
    expect(monthlyTarget(data.salesPlans, { scope: 'company' }, '2026-11')).toBeNull();
  });

  it('dates follow the reference day: open opportunities close in the coming months, every rep has tasks today', () => {
    for (const o of data.opportunities.filter((x) => x.status === 'active')) expect(String(o.plannedDate) > TODAY, o.id).toBe(true);
    for (const owner of SALES_OWNERS) {
      expect(data.activities.some((a) => a.ownerId === owner && a.dueDate === TODAY && a.status === 'planned'), owner).toBe(true);
    }
    const later = sampleCompany({ history: true, today: '2027-03-01' });
    expect(later.orders.map((o) => [o.id, o.code, o.amount])).toEqual(data.orders.map((o) => [o.id, o.code, o.amount]));
    expect(later.orders[0].date).not.toBe(data.orders[0].date);
  });
});
