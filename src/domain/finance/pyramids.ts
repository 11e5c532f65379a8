import type { Label } from '../core/entity';
import { asNumber, percent, roundMoney, safeDiv } from '../core/numbers';
import { asDay, asText, idOf, inPeriod, isLive, type Values } from '../sales/read';
import { lineCost, lineValue, orderAmount } from '../orders/execution';
import { bindingDay, isBinding } from '../orders/status';
import { moneyByOrder, orderAccount, type FinanceData, type OrderMoney } from './accounts';

/**
 * Customer value pyramids (客户价值金字塔, SPEC K; U8 seed 002 §1.2.4): each customer's value on
 * one measure over a period, customers ranked into tiers, and a monthly snapshot so tier changes
 * can be followed. As in U8, a pyramid ignores data scope: it is computed over every customer.
 *
 * Measures, per customer, over the period (inclusive days):
 *  - revenue — of orders whose type counts (standard, not special) and that are approved, executing
 *    or completed; the basis is a setting:
 *      orders:     the amounts of those orders approved in the period;
 *      deliveries: the value of goods delivered in the period, less goods returned in the period;
 *      receipts:   receipts in the period, less payments (refunds) in the period.
 *  - profit = revenue − expense − cost. Cost is the frozen cost price × quantity of what the revenue
 *    covers: the ordered quantity (orders), the quantity delivered less returned (deliveries), the
 *    order's cost in proportion to the share of its amount received (receipts).
 *  - expense — approved expenses dated in the period.
 *  - arrears = receivable − received (+ refunded) per order, summed over the customer's orders of
 *    every type, as at the period's last day (orders approved, and money moved, by then); an order
 *    overpaid counts 0, not less.
 *  - loyalty — activity frequency and transaction frequency: score = activities dated in the period
 *    (done date, else due date) + counted orders approved in the period; one contact and one
 *    purchase weigh the same.
 *
 * Tier rules: `shares` — by customer count, top first (20/30/50: the top 20 % of customers, the
 * next 30 %, the rest; tier i ends at round(n × cumulative share)); or `thresholds` — tier i holds
 * values ≥ mins[i] (mins descending), the last tier the rest. Customers are ranked by value,
 * highest first, equal values by customer id — so a tie on a boundary is split the same way on
 * every device. Per tier: count, total and share of the grand total (null when that is 0).
 */

export type Measure = 'revenue' | 'profit' | 'expense' | 'arrears' | 'loyalty';
export type RevenueBasis = 'orders' | 'deliveries' | 'receipts';

export interface Period { from: string; to: string }

/** Records the measures read (FinanceData plus the execution documents, expenses and activities). */
export interface ValueData extends FinanceData {
  customers: readonly Values[];
  deliveries: readonly Values[];
  deliveryLines: readonly Values[];
  returns: readonly Values[];
  expenses: readonly Values[];
  activities: readonly Values[];
  /** Order types that count (entities.ts countingTypes). */
  countingTypes: ReadonlySet<string>;
}

type Sums = Map<string, number>;
const add = (m: Sums, key: string | null, v: number) => { if (key) m.set(key, roundMoney((m.get(key) ?? 0) + v)); };

function counted(m: OrderMoney, data: ValueData): boolean {
  return isBinding(m.order) && data.countingTypes.has(asText(m.order.type) ?? '');
}

const boundIn = (m: OrderMoney, p: Period) => inPeriod(bindingDay(m.order), p.from, p.to);
const datedIn = (r: Values, p: Period, key = 'date') => isLive(r) && inPeriod(asDay(r[key]), p.from, p.to);
const amountOf = (rows: readonly Values[]) => rows.reduce((s, r) => s + (asNumber(r.amount) ?? 0), 0);

/** Per order line: quantity delivered, and returned, in the period (documents dated in it). */
function movedInPeriod(data: ValueData, p: Period): { delivered: Sums; returned: Sums } {
  const docsIn = (docs: readonly Values[]) => new Set(docs.filter((d) => datedIn(d, p)).map(idOf));
  const sum = (rows: readonly Values[], parent: string, docs: Set<string>) => {
    const out: Sums = new Map();
    for (const r of rows) if (isLive(r) && docs.has(asText(r[parent]) ?? '')) add(out, asText(r.orderLineId), asNumber(r.quantity) ?? 0);
    return out;
  };
  return {
    delivered: sum(data.deliveryLines, 'deliveryId', docsIn(data.deliveries)),
    returned: sum(data.returnLines, 'returnId', docsIn(data.returns)),
  };
}

interface RevenueCost { revenue: Sums; cost: Sums }

function revenueAndCost(data: ValueData, p: Period, basis: RevenueBasis): RevenueCost {
  const out: RevenueCost = { revenue: new Map(), cost: new Map() };
  const moved = basis === 'deliveries' ? movedInPeriod(data, p) : null;
  for (const m of moneyByOrder(data).filter((x) => counted(x, data))) {
    const customer = asText(m.order.customerId);
    const lines = m.lines.filter(isLive);
    const fullCost = lines.reduce((s, l) => s + lineCost(l, asNumber(l.quantity) ?? 0), 0);
    if (basis === 'orders' && boundIn(m, p)) {
      add(out.revenue, customer, orderAmount(lines));
      add(out.cost, customer, fullCost);
    } else if (moved) {
      for (const l of lines) {
        const net = (moved.delivered.get(idOf(l)) ?? 0) - (moved.returned.get(idOf(l)) ?? 0);
        add(out.revenue, customer, lineValue(l, net));
        add(out.cost, customer, lineCost(l, net));
      }
    } else if (basis === 'receipts') {
      const net = amountOf(m.receipts.filter((r) => datedIn(r, p))) - amountOf(m.payments.filter((r) => datedIn(r, p)));
      add(out.revenue, customer, net);
      add(out.cost, customer, fullCost * (safeDiv(net, orderAmount(lines)) ?? 0));
    }
  }
  return out;
}

function expenses(data: ValueData, p: Period): Sums {
  const out: Sums = new Map();
  for (const e of data.expenses) if (datedIn(e, p) && e.status === 'approved') add(out, asText(e.customerId), asNumber(e.amount) ?? 0);
  return out;
}

function arrears(data: ValueData, p: Period): Sums {
  const upTo: Period = { from: '', to: p.to };
  const out: Sums = new Map();
  for (const m of moneyByOrder(data)) {
    if (!boundIn(m, upTo)) continue;
    const acc = orderAccount({
      order: m.order, lines: m.lines, returnLines: m.returnLines, instalments: m.instalments,
      receipts: m.receipts.filter((r) => datedIn(r, upTo)), payments: m.payments.filter((r) => datedIn(r, upTo)),
    });
    add(out, acc.customerId, Math.max(0, acc.balance));
  }
  return out;
}

function loyalty(data: ValueData, p: Period): Sums {
  const out: Sums = new Map();
  for (const a of data.activities) {
    if (isLive(a) && inPeriod(asDay(a.doneDate) ?? asDay(a.dueDate), p.from, p.to)) add(out, asText(a.customerId), 1);
  }
  for (const m of moneyByOrder(data)) if (counted(m, data) && boundIn(m, p)) add(out, asText(m.order.customerId), 1);
  return out;
}

/** Each live customer's value on the measure (0 when nothing counts), by customer id. */
export function customerValues(data: ValueData, measure: Measure, p: Period, basis: RevenueBasis = 'orders'): Map<string, number> {
  let sums: Sums;
  if (measure === 'expense') sums = expenses(data, p);
  else if (measure === 'arrears') sums = arrears(data, p);
  else if (measure === 'loyalty') sums = loyalty(data, p);
  else {
    const rc = revenueAndCost(data, p, basis);
    sums = rc.revenue;
    if (measure === 'profit') {
      const spent = expenses(data, p);
      sums = new Map(data.customers.map((c) => [idOf(c), roundMoney((rc.revenue.get(idOf(c)) ?? 0) - (spent.get(idOf(c)) ?? 0) - (rc.cost.get(idOf(c)) ?? 0))]));
    }
  }
  return new Map(data.customers.filter(isLive).map((c) => [idOf(c), sums.get(idOf(c)) ?? 0]));
}

// ---- tiers ------------------------------------------------------------------------------------

export type TierRule = { kind: 'shares'; shares: readonly number[] } | { kind: 'thresholds'; mins: readonly number[] };

/** The rule U8's 2/8 example suggests: top 20 %, next 30 %, the rest. */
export const DEFAULT_TIER_RULE: TierRule = { kind: 'shares', shares: [20, 30, 50] };

export interface Tier {
  /** 0 = the top. */
  index: number;
  label: Label;
  customerIds: string[];
  count: number;
  total: number;
  /** Total ÷ grand total × 100; null when the grand total is 0. */
  share: number | null;
}

export interface Pyramid { tiers: Tier[]; count: number; total: number }

/** Customers by value, highest first; equal values by id. */
export function ranked(values: ReadonlyMap<string, number>): [string, number][] {
  return [...values].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Where each tier ends in the ranking (exclusive), top first; the last ends at n. */
function tierEnds(rankedValues: readonly [string, number][], rule: TierRule): number[] {
  const n = rankedValues.length;
  if (rule.kind === 'shares') {
    let cum = 0;
    return rule.shares.map((s, i) => {
      cum += s;
      if (i === rule.shares.length - 1) return n;
      const end = Math.min(n, Math.round((n * cum) / 100));
      // a few customers: rounding would leave the top tier empty (one customer under 20/30/50
      // landed in the middle tier); the best customer is always at the top
      return i === 0 && n > 0 ? Math.max(1, end) : end;
    });
  }
  const ends = rule.mins.map((min) => rankedValues.filter(([, v]) => v >= min).length);
  return [...ends, n];
}

export function tierLabels(rule: TierRule): Label[] {
  if (rule.kind === 'shares') {
    return rule.shares.map((s, i) => i === 0 ? { zh: `前 ${s}%`, en: `Top ${s}%` }
      : i === rule.shares.length - 1 ? { zh: `其余 ${s}%`, en: `Rest ${s}%` } : { zh: `其后 ${s}%`, en: `Next ${s}%` });
  }
  const m = rule.mins;
  return [...m.map((min, i) => i === 0 ? { zh: `≥ ${min}`, en: `≥ ${min}` } : { zh: `${min} – ${m[i - 1]}`, en: `${min} – ${m[i - 1]}` }),
    { zh: `< ${m.at(-1) ?? 0}`, en: `< ${m.at(-1) ?? 0}` }];
}

/** The pyramid of these values under the rule. */
export function pyramid(values: ReadonlyMap<string, number>, rule: TierRule = DEFAULT_TIER_RULE): Pyramid {
  const list = ranked(values);
  const total = roundMoney(list.reduce((s, [, v]) => s + v, 0));
  const labels = tierLabels(rule);
  let start = 0;
  const tiers = tierEnds(list, rule).map((end, index) => {
    const slice = list.slice(start, Math.max(start, end));
    start = Math.max(start, end);
    const t = roundMoney(slice.reduce((s, [, v]) => s + v, 0));
    return { index, label: labels[index], customerIds: slice.map(([id]) => id), count: slice.length, total: t, share: percent(t, total) };
  });
  return { tiers, count: list.length, total };
}

// ---- snapshots and movement -------------------------------------------------------------------

export interface SnapshotTier { customerIds: string[]; total: number }

/** The values of a valueSnapshots record for a month's pyramid (the rule kept as JSON). */
export function snapshotValues(month: string, measure: Measure, rule: TierRule, p: Pyramid): Record<string, unknown> {
  return { month, measure, rule: JSON.stringify(rule), tiers: p.tiers.map((t) => ({ customerIds: t.customerIds, total: t.total })) };
}

/** A stored snapshot's tiers, read defensively (a peer's malformed entry is an empty tier). */
export function snapshotTiers(snapshot: Values): SnapshotTier[] {
  const raw = Array.isArray(snapshot.tiers) ? (snapshot.tiers as unknown[]) : [];
  return raw.map((t) => {
    const v = (typeof t === 'object' && t !== null ? t : {}) as Values;
    const ids = Array.isArray(v.customerIds) ? v.customerIds.filter((x): x is string => typeof x === 'string') : [];
    return { customerIds: ids, total: asNumber(v.total) ?? 0 };
  });
}

export interface Movement {
  /** counts[i][j]: customers in tier i before and tier j after (0 = top). */
  counts: number[][];
  ids: string[][][];
  up: string[];
  down: string[];
  same: string[];
  /** In the later snapshot only, and in the earlier only. */
  entered: string[];
  left: string[];
}

/** Who moved between two snapshots' tiers (up = towards the top). */
export function tierMovement(before: Values, after: Values): Movement {
  const tierOf = (tiers: SnapshotTier[]) => new Map(tiers.flatMap((t, i) => t.customerIds.map((id) => [id, i] as const)));
  const [b, a] = [snapshotTiers(before), snapshotTiers(after)];
  const [was, now] = [tierOf(b), tierOf(a)];
  const ids = b.map(() => a.map(() => [] as string[]));
  const out: Movement = { counts: [], ids, up: [], down: [], same: [], entered: [], left: [] };
  for (const [id, i] of was) {
    const j = now.get(id);
    if (j === undefined) { out.left.push(id); continue; }
    ids[i][j].push(id);
    (j < i ? out.up : j > i ? out.down : out.same).push(id);
  }
  for (const id of now.keys()) if (!was.has(id)) out.entered.push(id);
  out.counts = ids.map((row) => row.map((cell) => cell.length));
  for (const list of [out.up, out.down, out.same, out.entered, out.left]) list.sort();
  return out;
}

/** The tier rule kept on a snapshot (JSON text), or null when it is not a readable rule. */
export function tierRuleOf(text: unknown): TierRule | null {
  try {
    const r = typeof text === 'string' ? (JSON.parse(text) as Values) : null;
    const nums = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' && Number.isFinite(x)) ? (v as number[]) : null;
    if (r?.kind === 'shares' && nums(r.shares)) return { kind: 'shares', shares: nums(r.shares)! };
    if (r?.kind === 'thresholds' && nums(r.mins)) return { kind: 'thresholds', mins: nums(r.mins)! };
  } catch { /* not JSON: no rule */ }
  return null;
}
