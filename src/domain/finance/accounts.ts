import type { Label } from '../core/entity';
import { asNumber, roundMoney } from '../core/numbers';
import { ok, refuse, type Result } from '../core/result';
import { asDay, asText, daysBetween, idOf, isLive, pushTo, type Values } from '../sales/read';
import { lineValue, orderAmount } from '../orders/execution';
import { bindingDay, isBinding } from '../orders/status';

/**
 * Order accounts (订单账目), arrears with ageing (欠款查询) and dunning (催款提醒), SPEC H.
 *
 * Per order (`orderAccount`):
 *   receivable = order amount − value of returned goods      (0 unless approved/executing/completed)
 *   received   = Σ receipts        refunded = Σ payments naming the order (refunds and others)
 *   balance    = receivable − received + refunded            (what the customer still owes)
 *   overpaid   = the part of a negative balance               (what we owe the customer)
 * A receipt above the balance is refused at entry (`checkReceipt`). Two receipts entered on two
 * devices while apart are each within the balance they saw; after the merge both are kept (money
 * was received twice, dropping one would lose a fact) and the account shows the overpayment.
 *
 * What is unpaid of each instalment (`instalmentDues`), the rule:
 *   1. the plan: the order's live instalments, by due date (then seq, id); an order without a plan
 *      is one instalment of the receivable due on its approval day; a plan short of the
 *      receivable gets the rest as one more instalment due with the last one;
 *   2. a receipt naming an instalment pays that instalment first; what exceeds it joins the pool;
 *   3. the pool — receipts naming no instalment, plus those excesses, minus refunds — pays the
 *      instalments oldest due first;
 *   4. what stays unpaid never exceeds the balance (returned goods lower it): any excess is taken
 *      off the latest instalments first.
 * Ageing counts whole days past the due date on the day asked: 未到期 (not yet due, or due that
 * day), 1–30, 31–60, 61–90, 90 天以上.
 */

/** An order's records, as the caller groups them (live and binned; the functions keep live ones). */
export interface OrderMoney {
  order: Values;
  lines: readonly Values[];
  returnLines: readonly Values[];
  instalments: readonly Values[];
  receipts: readonly Values[];
  payments: readonly Values[];
}

export interface OrderAccount {
  orderId: string;
  customerId: string | null;
  ownerId: string | null;
  receivable: number;
  received: number;
  refunded: number;
  balance: number;
  overpaid: number;
}

// plain loops in this file: every function here runs once per order, 20,000 times per analysis
function sumAmounts(rows: readonly Values[]): number {
  let sum = 0;
  for (const r of rows) if (isLive(r)) sum += asNumber(r.amount) ?? 0;
  return roundMoney(sum);
}

/** Value of the goods returned on an order (each line at its frozen price and rate). */
export function returnedValue(lines: readonly Values[], returnLines: readonly Values[]): number {
  if (!returnLines.length) return 0;
  const byId = new Map(lines.filter(isLive).map((l) => [idOf(l), l]));
  return roundMoney(returnLines.filter(isLive).reduce((s, r) => {
    const line = byId.get(asText(r.orderLineId) ?? '');
    return line ? s + lineValue(line, asNumber(r.quantity) ?? 0) : s;
  }, 0));
}

export function orderAccount(m: OrderMoney): OrderAccount {
  const receivable = isBinding(m.order) ? roundMoney(orderAmount(m.lines) - returnedValue(m.lines, m.returnLines)) : 0;
  const received = sumAmounts(m.receipts);
  const refunded = sumAmounts(m.payments);
  const balance = roundMoney(receivable - received + refunded);
  return {
    orderId: idOf(m.order), customerId: asText(m.order.customerId), ownerId: asText(m.order.ownerId),
    receivable, received, refunded, balance, overpaid: balance < 0 ? -balance : 0,
  };
}

/** A receipt being entered: positive, and not above what the order still owes. */
export function checkReceipt(account: OrderAccount, amount: unknown): Result<void> {
  const a = asNumber(amount);
  if (a === null || a <= 0) return refuse({ zh: '收款金额必须大于 0', en: 'The amount must be above 0' }, { fields: { amount: { zh: '必须大于 0', en: 'Must be above 0' } } });
  if (a > Math.max(0, account.balance)) {
    const msg: Label = { zh: `收款金额超过订单余额 ${Math.max(0, account.balance)}`, en: `More than the order's balance of ${Math.max(0, account.balance)}` };
    return refuse(msg, { fields: { amount: msg } });
  }
  return ok(undefined);
}

/** The collection plan against the order amount: planned total and what is left unplanned (negative: planned too much). */
export function planDifference(amount: number, instalments: readonly Values[]): { planned: number; difference: number } {
  const planned = sumAmounts(instalments);
  return { planned, difference: roundMoney(amount - planned) };
}

// ---- instalments: what is unpaid --------------------------------------------------------------

export interface InstalmentDue {
  /** null for the implicit instalment (no plan, or what the plan leaves out). */
  instalmentId: string | null;
  orderId: string;
  customerId: string | null;
  ownerId: string | null;
  dueDate: string;
  amount: number;
  paid: number;
  unpaid: number;
}

/** Code-unit order for days, ids and codes (ASCII text: no collation needed). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const byDate = (a: Values, b: Values, key: string) =>
  cmp(asDay(a[key]) ?? '', asDay(b[key]) ?? '') || (asNumber(a.seq) ?? 0) - (asNumber(b.seq) ?? 0) || cmp(idOf(a), idOf(b));

/** Step 1: the plan, completed to the receivable. */
function schedule(m: OrderMoney, account: OrderAccount): InstalmentDue[] {
  const start = bindingDay(m.order) ?? '';
  const plan: InstalmentDue[] = [];
  let planned = 0;
  for (const i of inOrder(m.instalments, 'dueDate')) {
    const amount = asNumber(i.amount) ?? 0;
    plan.push(newDue(account, idOf(i), asDay(i.dueDate) ?? start, amount));
    planned += amount;
  }
  const rest = roundMoney(account.receivable - planned);
  if (rest > 0) plan.push(newDue(account, null, plan.length ? plan[plan.length - 1].dueDate : start, rest));
  return plan;
}

// a literal of one shape, not a spread of a base: tens of thousands per analysis
function newDue(account: OrderAccount, instalmentId: string | null, dueDate: string, amount: number): InstalmentDue {
  return { instalmentId, orderId: account.orderId, customerId: account.customerId, ownerId: account.ownerId, dueDate, amount, paid: 0, unpaid: amount };
}

function pay(due: InstalmentDue, money: number): number {
  const used = Math.min(due.unpaid, money);
  due.paid = roundMoney(due.paid + used);
  due.unpaid = roundMoney(due.unpaid - used);
  return roundMoney(money - used);
}

/** What is paid and unpaid of each instalment of one order (the rule above). */
export function instalmentDues(m: OrderMoney, account = orderAccount(m)): InstalmentDue[] {
  const dues = schedule(m, account);
  let pool = -account.refunded;
  for (const r of inOrder(m.receipts, 'date')) {
    const amount = asNumber(r.amount) ?? 0;
    const named = asText(r.instalmentId);
    const target = named === null ? undefined : dueOf(dues, named);
    pool += target ? pay(target, amount) : amount;
  }
  let unpaid = 0;
  for (const d of dues) { pool = pay(d, Math.max(0, pool)); unpaid += d.unpaid; }
  let excess = roundMoney(unpaid - Math.max(0, account.balance));
  for (let i = dues.length - 1; i >= 0 && excess > 0; i--) {
    const d = dues[i];
    const cut = Math.min(d.unpaid, excess);
    d.unpaid = roundMoney(d.unpaid - cut);
    excess = roundMoney(excess - cut);
  }
  return dues;
}

function dueOf(dues: readonly InstalmentDue[], instalmentId: string): InstalmentDue | undefined {
  for (const d of dues) if (d.instalmentId === instalmentId) return d;
  return undefined;
}

/** The live rows by `key` day (then seq, id); most orders have one or two, so no sort for those. */
function inOrder(rows: readonly Values[], key: string): readonly Values[] {
  if (rows.length === 0) return rows;
  if (rows.length === 1) return isLive(rows[0]) ? rows : [];
  return rows.filter(isLive).sort((a, b) => byDate(a, b, key));
}

// ---- ageing and arrears -----------------------------------------------------------------------

export type AgeingKey = 'notDue' | 'd1to30' | 'd31to60' | 'd61to90' | 'over90';

export const AGEING_BUCKETS: readonly { key: AgeingKey; label: Label }[] = [
  { key: 'notDue', label: { zh: '未到期', en: 'Not yet due' } },
  { key: 'd1to30', label: { zh: '1–30 天', en: '1–30 days' } },
  { key: 'd31to60', label: { zh: '31–60 天', en: '31–60 days' } },
  { key: 'd61to90', label: { zh: '61–90 天', en: '61–90 days' } },
  { key: 'over90', label: { zh: '90 天以上', en: 'Over 90 days' } },
];

/** The bucket of an instalment due on `dueDate`, seen on `asOf`. */
export function ageingBucket(dueDate: string, asOf: string): AgeingKey {
  const late = daysBetween(dueDate, asOf);
  if (late <= 0) return 'notDue';
  if (late <= 30) return 'd1to30';
  if (late <= 60) return 'd31to60';
  return late <= 90 ? 'd61to90' : 'over90';
}

export interface ArrearsRow {
  /** The customer's or the rep's id ('' when the order names none). */
  key: string;
  buckets: Record<AgeingKey, number>;
  total: number;
  /** Σ of the overdue buckets. */
  overdue: number;
  orderIds: string[];
}

const emptyBuckets = (): Record<AgeingKey, number> => ({ notDue: 0, d1to30: 0, d31to60: 0, d61to90: 0, over90: 0 });

/** 欠款查询: unpaid instalments by customer or by rep, aged on `asOf`; largest total first. */
export function arrearsBy(dues: readonly InstalmentDue[], by: 'customerId' | 'ownerId', asOf: string): ArrearsRow[] {
  // buckets hold whole cents (exact sums) until the end; an order's dues come one after another,
  // so a row's order ids are searched only when the order changes (a rep's row lists thousands)
  const rows = new Map<string, ArrearsRow>();
  const listed = new Set<string>();
  for (const d of dues) {
    if (d.unpaid <= 0) continue;
    const key = d[by] ?? '';
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, buckets: emptyBuckets(), total: 0, overdue: 0, orderIds: [] }));
    row.buckets[ageingBucket(d.dueDate, asOf)] += Math.round(d.unpaid * 100);
    if (row.orderIds[row.orderIds.length - 1] !== d.orderId) {
      const pair = `${key}\n${d.orderId}`;
      if (!listed.has(pair)) { listed.add(pair); row.orderIds.push(d.orderId); }
    }
  }
  const out = [...rows.values()];
  for (const row of out) {
    const c = row.buckets;
    const overdue = c.d1to30 + c.d31to60 + c.d61to90 + c.over90;
    row.total = (overdue + c.notDue) / 100;
    row.overdue = overdue / 100;
    for (const { key } of AGEING_BUCKETS) c[key] /= 100;
  }
  return out.sort((a, b) => b.total - a.total || cmp(a.key, b.key));
}

export interface OverdueInstalment extends InstalmentDue { daysOverdue: number }

/** 催款提醒: instalments past due and not fully paid on `day`, oldest due first. */
export function overdueInstalments(dues: readonly InstalmentDue[], day: string): OverdueInstalment[] {
  const out: OverdueInstalment[] = [];
  for (const d of dues) {
    const daysOverdue = d.unpaid > 0 ? daysBetween(d.dueDate, day) : 0;
    if (daysOverdue > 0) {
      out.push({
        instalmentId: d.instalmentId, orderId: d.orderId, customerId: d.customerId, ownerId: d.ownerId,
        dueDate: d.dueDate, amount: d.amount, paid: d.paid, unpaid: d.unpaid, daysOverdue,
      });
    }
  }
  return out.sort((a, b) => cmp(a.dueDate, b.dueDate) || cmp(a.orderId, b.orderId));
}

// ---- grouping records by order ----------------------------------------------------------------

/** The workspace's order and money records, as collections. */
export interface FinanceData {
  orders: readonly Values[];
  orderLines: readonly Values[];
  returnLines: readonly Values[];
  instalments: readonly Values[];
  receipts: readonly Values[];
  payments: readonly Values[];
}

/**
 * Each live order with its records (return lines reach their order through their order line).
 * Kept per data object: the five measures of a pyramid page, arrears and dunning all start from
 * it, and grouping 20,000 orders' lines and receipts is the larger part of each.
 */
export function moneyByOrder(data: FinanceData): OrderMoney[] {
  let grouped = GROUPED.get(data);
  if (!grouped) GROUPED.set(data, (grouped = groupByOrder(data)));
  return grouped;
}
const GROUPED = new WeakMap<FinanceData, OrderMoney[]>();

function groupByOrder(data: FinanceData): OrderMoney[] {
  const lines = new Map<string, Values[]>();
  const lineOrder = new Map<string, string>();
  for (const l of data.orderLines) {
    pushTo(lines, asText(l.orderId) ?? '', l);
    lineOrder.set(idOf(l), asText(l.orderId) ?? '');
  }
  const group = (rows: readonly Values[], orderOf: (r: Values) => string) => {
    const m = new Map<string, Values[]>();
    for (const r of rows) pushTo(m, orderOf(r), r);
    return m;
  };
  const byOrderId = (r: Values) => asText(r.orderId) ?? '';
  const returns = group(data.returnLines, (r) => lineOrder.get(asText(r.orderLineId) ?? '') ?? '');
  const [instalments, receipts, payments] = [data.instalments, data.receipts, data.payments].map((rows) => group(rows, byOrderId));
  return data.orders.filter(isLive).map((order) => {
    const id = idOf(order);
    return {
      order, lines: lines.get(id) ?? [], returnLines: returns.get(id) ?? [],
      instalments: instalments.get(id) ?? [], receipts: receipts.get(id) ?? [], payments: payments.get(id) ?? [],
    };
  });
}

/** Every order's unpaid instalments, for arrears and dunning. */
export function allDues(data: FinanceData): InstalmentDue[] {
  const out: InstalmentDue[] = [];
  for (const m of moneyByOrder(data)) for (const d of instalmentDues(m)) out.push(d);
  return out;
}

export interface DunningState { count: number; lastAt: number | null; promisedDate: string | null }

/** What was done about an order's (or instalment's) debt: how often dunned, when last, the latest promise. */
export function dunningState(logs: readonly Values[], orderId: string, instalmentId: string | null = null): DunningState {
  const mine = logs.filter((l) => isLive(l) && l.orderId === orderId && (instalmentId === null || asText(l.instalmentId) === instalmentId))
    .sort((a, b) => (asNumber(a.at) ?? 0) - (asNumber(b.at) ?? 0));
  const last = mine.at(-1);
  return { count: mine.length, lastAt: last ? asNumber(last.at) : null, promisedDate: last ? asDay(last.promisedDate) : null };
}
