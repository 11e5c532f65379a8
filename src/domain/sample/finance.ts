import { roundMoney } from '../core/numbers';
import { instalmentDues, type OrderMoney } from '../finance/accounts';
import { lineCost } from '../orders/execution';
import { daysBetween } from '../sales/read';
import { type Rec } from './org';
import { instantAt, pad, weighted } from './random';
import { clean, type ProjectActuals } from './sales';
import { numberDocuments, returnedBy, type OrderInfo, type OrdersData } from './orders';
import { DUNNING_NOTES, EXPENSE_NOTES } from './words';
import type { CustomerTable, GenContext, OpportunityTable } from './generate';

/**
 * The money side of the sample company's orders (issue 12 item 8): each approved order's
 * collection plan (1–3 instalments summing exactly to its amount), the receipts that paid it — by
 * customers who pay on time, late, in part, or stop paying — refunds for returned goods, expenses
 * on the opportunities and orders, and dunning logs on overdue instalments.
 *
 * Receipts are entered in date order and never above the order's balance on their day (returned
 * goods lower it); a return on a paid order is refunded within days, so no order ends overpaid.
 * Every ageing bucket (1–30, 31–60, 61–90, over 90 days late on the reference day) holds at least
 * one unpaid instalment: if chance left one empty, the payment of an instalment due in that window
 * is taken out.
 */

/** 财务 黄丽华 enters the receipts and refunds (their numbers are hers). */
export const FINANCE_CLERK = 'us013';

type Payer = 'prompt' | 'late' | 'partial' | 'bad';
const PAYER_W = weighted<Payer>([['prompt', 55], ['late', 22], ['partial', 12], ['bad', 11]]);
const METHOD_W = weighted([['transfer', 70], ['draft', 15], ['cheque', 8], ['online', 5], ['cash', 2]] as const);
const KIND_W = weighted([['travel', 35], ['entertain', 20], ['gift', 10], ['transport', 25], ['market', 5], ['other', 5]] as const);
const EXPENSE_RANGE: Record<string, [number, number]> = {
  travel: [800, 6000], entertain: [500, 4000], gift: [200, 2000], transport: [50, 600], market: [2000, 15000], other: [100, 1000],
};
const WAY_W = weighted([['phone', 55], ['visit', 15], ['email', 15], ['sms', 15]] as const);
const SHARES: Record<number, number[][]> = {
  1: [[1]],
  2: [[0.5, 0.5], [0.7, 0.3], [0.3, 0.7]],
  3: [[0.3, 0.6, 0.1], [0.4, 0.4, 0.2], [0.3, 0.5, 0.2]],
};
const NOTES: Record<number, string[]> = { 1: ['全款'], 2: ['首付款', '尾款'], 3: ['预付款', '到货款', '验收款'] };

/** Overdue windows of the ageing report: [first, last] day late. */
export const AGEING_WINDOWS: readonly [number, number][] = [[1, 30], [31, 60], [61, 90], [91, Infinity]];

export interface FinanceData {
  instalments: Rec[]; receipts: Rec[]; payments: Rec[]; expenses: Rec[]; dunningLogs: Rec[];
}

interface Plan { rec: Rec; dueOff: number; intents: { off: number; amount: number }[]; order: OrderInfo }

export function genFinance(ctx: GenContext, cust: CustomerTable, opps: OpportunityTable, orders: OrdersData): FinanceData {
  const { rng, days } = ctx;
  const out: FinanceData = { instalments: [], receipts: [], payments: [], expenses: [], dunningLogs: [] };
  const payer = new Map<number, Payer>();
  const plans: Plan[] = [];

  // 1. the collection plan of every approved order, and how its customer pays it
  for (const x of orders.info) {
    if (x.approvedOff === null) continue;
    const amount = x.order.amount as number;
    const n = amount < 60_000 ? 1 : amount < 300_000 ? (rng.chance(0.6) ? 2 : 1) : (rng.chance(0.6) ? 3 : 2);
    const shares = rng.pick(SHARES[n]);
    const c = x.customer;
    if (!payer.has(c)) payer.set(c, rng.draw(PAYER_W));
    const how = payer.get(c)!;
    let due = x.approvedOff + rng.range(0, 10);
    let planned = 0;
    for (let k = 0; k < n; k++) {
      if (k > 0) due += rng.range(30, 90);
      const part = k === n - 1 ? roundMoney(amount - planned) : roundMoney(amount * shares[k]);
      planned = roundMoney(planned + part);
      const rec: Rec = { id: `${x.order.id}.I${k}`, orderId: x.order.id, seq: k, dueDate: days.at(due), amount: part, note: NOTES[n][k] };
      const at = (lo: number, hi: number) => Math.max(x.approvedOff!, due + rng.range(lo, hi));
      const half = roundMoney(part / 2);
      // goods came back on this order: it was paid in full before, so the return is refunded
      const firstReturn = x.returns.length ? Math.min(...x.returns.map((r) => r.off)) : null;
      const intents = firstReturn !== null ? [{ off: Math.max(x.approvedOff, Math.min(firstReturn - 1, due + rng.range(-3, 7))), amount: part }]
        : how === 'prompt' ? [{ off: at(-3, 7), amount: part }]
        : how === 'late' ? [{ off: at(15, 75), amount: part }]
          : how === 'partial' ? [{ off: at(0, 20), amount: half }, { off: at(45, 120), amount: roundMoney(part - half) }]
            : k === 0 ? [{ off: at(0, 30), amount: part }] : [];
      plans.push({ rec, dueOff: due, intents: intents.filter((i) => i.off <= 0), order: x });
      out.instalments.push(rec);
    }
  }

  // 2. every ageing window holds an unpaid instalment (of an order without returns: nothing caps it)
  const unpaidIn = ([lo, hi]: readonly [number, number]) => plans.some((p) => !p.order.returns.length
    && -p.dueOff >= lo && -p.dueOff <= hi && p.intents.reduce((s, i) => s + i.amount, 0) < (p.rec.amount as number));
  for (const w of AGEING_WINDOWS) {
    if (unpaidIn(w)) continue;
    const candidates = plans.filter((p) => !p.order.returns.length && -p.dueOff >= w[0] && -p.dueOff <= w[1]);
    if (candidates.length) rng.pick(candidates).intents = [];
  }

  // 3. receipts in date order within the balance of their day; returns refunded
  const byOrder = new Map<string, Plan[]>();
  for (const p of plans) byOrder.set(p.order.order.id, [...(byOrder.get(p.order.order.id) ?? []), p]);
  for (const [, list] of byOrder) {
    const x = list[0].order;
    const amount = x.order.amount as number;
    type Event = { off: number; kind: 0 | 1; plan?: Plan; amount: number; ret?: OrderInfo['returns'][number] };
    const events: Event[] = [
      ...x.returns.map((r) => ({ off: r.off, kind: 0 as const, amount: r.value, ret: r })),
      ...list.flatMap((plan) => plan.intents.map((i) => ({ off: i.off, kind: 1 as const, plan, amount: i.amount }))),
    ].sort((a, b) => a.off - b.off || a.kind - b.kind);
    let received = 0;
    let refunded = 0;
    for (const e of events) {
      if (e.kind === 1) {
        const balance = roundMoney(amount - returnedBy(x, e.off) - received + refunded);
        const a = Math.min(e.amount, balance);
        if (a <= 0) continue;
        out.receipts.push(clean({
          id: 'rc' + pad(out.receipts.length + 1, 4), code: '', orderId: x.order.id, instalmentId: e.plan!.rec.id,
          customerId: x.order.customerId, ownerId: x.order.ownerId, date: days.at(e.off), amount: a, method: rng.draw(METHOD_W),
        }));
        received = roundMoney(received + a);
      } else {
        const over = roundMoney(received - refunded - (amount - returnedBy(x, e.off)));
        if (over <= 0) continue;
        out.payments.push({
          id: 'pm' + pad(out.payments.length + 1, 4), code: '', orderId: x.order.id, returnId: e.ret!.rec.id,
          customerId: x.order.customerId, date: days.at(Math.min(0, e.off + rng.range(1, 5))), amount: over, kind: 'refund',
          note: '退货退款',
        });
        refunded = roundMoney(refunded + over);
      }
    }
  }
  numberDocuments(out.receipts, 'receipts', () => FINANCE_CLERK);
  numberDocuments(out.payments, 'payments', () => FINANCE_CLERK);

  // 4. expenses on opportunities (and on the order once there is one)
  const orderOf = new Map(orders.info.filter((x) => x.opp !== null).map((x) => [x.opp, x]));
  for (let i = 0; i < opps.ids.length; i++) {
    const opp = opps.records[i];
    const won = opp.status === 'won';
    const count = won ? rng.range(1, 3) : rng.chance(opp.status === 'active' ? 0.5 : 0.4) ? 1 : 0;
    const end = Math.min(0, opps.to[i]);
    for (let k = 0; k < count; k++) {
      const x = orderOf.get(i);
      const afterOrder = x && k === count - 1 && count > 1 && x.dateOff < 0;
      const off = afterOrder ? rng.range(x.dateOff, 0) : rng.range(opps.from[i], Math.max(opps.from[i], end));
      const kind = rng.draw(KIND_W);
      const [lo, hi] = EXPENSE_RANGE[kind];
      const status = off < -14 ? (rng.chance(0.9) ? 'approved' : 'rejected')
        : rng.draw(weighted([['draft', 30], ['submitted', 40], ['approved', 30]] as const));
      out.expenses.push(clean({
        id: 'ex' + pad(out.expenses.length + 1, 4), code: '', customerId: opp.customerId, opportunityId: opps.ids[i],
        orderId: afterOrder ? x.order.id : undefined, ownerId: opps.owner[i], date: days.at(off), amount: rng.range(lo, hi),
        kind, status, note: rng.pick(EXPENSE_NOTES[kind]),
      }));
    }
  }
  numberDocuments(out.expenses, 'expenses', (r) => r.ownerId as string);

  // 5. dunning on instalments overdue ten days or more and still unpaid (instalmentDues, as the pages read them)
  const today = days.at(0);
  for (const m of moneyOf(orders, out)) {
    for (const d of instalmentDues(m)) {
      const late = daysBetween(d.dueDate, today);
      if (d.unpaid <= 0 || late < 10 || !d.instalmentId) continue;
      const dueOff = -late;
      const n = late > 60 ? rng.range(2, 3) : 1;
      let off = dueOff + 7;
      for (let j = 0; j < n && off <= 0; j++) {
        const last = j === n - 1 || off + 10 > 0;
        out.dunningLogs.push(clean({
          id: 'dn' + pad(out.dunningLogs.length + 1, 4), orderId: d.orderId, instalmentId: d.instalmentId, customerId: d.customerId ?? undefined,
          by: j % 2 ? FINANCE_CLERK : d.ownerId ?? FINANCE_CLERK, at: instantAt(days, off, 9 * 60 + rng.range(0, 480)), way: rng.draw(WAY_W),
          promisedDate: last && rng.chance(0.7) ? days.at(off + rng.range(5, 25)) : undefined, note: rng.pick(DUNNING_NOTES),
        }));
        off += rng.range(10, 25);
      }
    }
  }
  void cust;
  return out;
}

/** Each order's records as the account functions read them. */
export function moneyOf(orders: OrdersData, fin: Pick<FinanceData, 'instalments' | 'receipts' | 'payments'>): OrderMoney[] {
  const of = (rows: Rec[], id: string) => rows.filter((r) => r.orderId === id);
  return orders.info.map((x) => ({
    order: x.order, lines: x.lines, returnLines: x.returnLines,
    instalments: of(fin.instalments, x.order.id), receipts: of(fin.receipts, x.order.id), payments: of(fin.payments, x.order.id),
  }));
}

/** A project's actual figures: what its order is worth after returns, and the cost of its goods plus approved expenses. */
export function projectActuals(orders: OrdersData, expenses: Rec[]): Map<string, ProjectActuals> {
  const out = new Map<string, ProjectActuals>();
  for (const x of orders.info) {
    const oppId = x.order.opportunityId as string | undefined;
    if (!oppId) continue;
    const goods = x.lines.reduce((s, l) => s + lineCost(l, l.quantity as number), 0);
    const spent = expenses.filter((e) => e.opportunityId === oppId && e.status === 'approved').reduce((s, e) => s + (e.amount as number), 0);
    out.set(oppId, { amount: roundMoney((x.order.amount as number) - returnedBy(x, 0)), cost: roundMoney(goods + spent) });
  }
  return out;
}
