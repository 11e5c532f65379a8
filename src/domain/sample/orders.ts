import { asNumber, roundMoney } from '../core/numbers';
import { permFields, type Permission, type RoleLike } from '../org/modules';
import { orderFromQuote, type OrderDraft } from '../orders/convert';
import { orderAmount, orderExecution, lineValue, type OrderExecution } from '../orders/execution';
import { CODE_PREFIX, nextCode, userCodeOf } from '../orders/numbering';
import { orderAction, orderApprovalNeed } from '../orders/status';
import { priceLine } from '../sales/pricing';
import { quoteApprovalNeed, quoteView, submitQuote, type QuoteAction } from '../sales/quotes';
import type { Result } from '../core/result';
import { productRecords, roleRecords, userRecords, OWNER_DEPT, type Rec } from './org';
import { instantAt, pad, weighted } from './random';
import { clean, managerOf, stageIndex, type RecordTable } from './sales';
import { RETURN_REASONS } from './words';
import type { ContactTable, CustomerTable, GenContext, OpportunityTable } from './generate';

/**
 * Quotes and orders of the sample company (issue 12 item 8). Every won opportunity has an
 * approved quote (linked to its 方案报价 contact record) and an order made from it with
 * `orderFromQuote` — mostly 标准订单, some 特殊订单 — submitted and approved by the order rules
 * (`orderAction`, a discount below the rep's limit goes to their manager), then delivered: most in
 * full (once or twice), some in part, the newest not yet; a few have goods returned. Open
 * opportunities in the proposal and negotiation stages have quotes too (awaiting approval, draft,
 * rejected), so the approval inbox and the quote details are not empty.
 *
 * Quote lines are priced with `priceLine` (a rep's discount is a manual rate on the line), so a
 * quote's total is within one implementation day of the opportunity's expected amount.
 */

const PRODUCTS = productRecords();
const PRICE = new Map(PRODUCTS.map((p) => [p.id, p.listPrice as number]));
const COST = new Map(PRODUCTS.map((p) => [p.id, p.costPrice as number]));
const USERS = new Map(userRecords().map((u) => [u.id, u]));
const ROLES = new Map(roleRecords().map((r) => {
  const { perms, ...rest } = r as Rec & { perms?: Record<string, Permission> };
  return [r.id, { ...rest, ...permFields(perms ?? {}) } as RoleLike & Rec];
}));
const roleOf = (userId: string) => ROLES.get(USERS.get(userId)?.roleId as string);

/**
 * The rep's manager deciding a sample quote, as the rows an older version kept record it
 * (`quoteSteps`; the approval engine reads them, store/approvals/legacy.ts): the quote's status
 * and one step — the manager has approve on Sales and did not submit it, so nothing is checked.
 */
function decided(status: 'approved' | 'rejected', by: string, at: number, comment?: string): Result<QuoteAction> {
  const action = status === 'approved' ? 'approve' : 'reject';
  return { ok: true, value: { patch: { status }, step: comment ? { action, by, at, comment } : { action, by, at } } };
}

/** Goods delivered first; services (implementation days, maintenance) later. */
const SERVICE_PRODUCTS = new Set(['pd006', 'pd007']);
/** Lines a customer may send back: licences and servers. */
const RETURNABLE = new Set(['pd003', 'pd005', 'pd008']);

const RATE_W = weighted([[1, 30], [0.98, 15], [0.95, 25], [0.9, 15], [0.88, 8], [0.85, 7]] as const);

/** Products and quantities for a deal worth about `expected` after the discount `rate`. */
function dealLines(ctx: GenContext, expected: number, rate: number): { productId: string; quantity: number }[] {
  const { rng } = ctx;
  let rem = expected / rate;
  const lines: { productId: string; quantity: number }[] = [];
  const add = (productId: string, quantity: number) => {
    if (quantity < 1) return;
    lines.push({ productId, quantity });
    rem -= quantity * PRICE.get(productId)!;
  };
  let erp = false;
  if (rem >= 130_000 && rng.chance(0.6)) { add('pd002', 1); erp = true; }
  else if (rem >= 45_000) { if (rng.chance(0.55)) { add('pd001', 1); erp = true; } else add('pd004', 1); }
  if (rem >= 80_000 && rng.chance(0.4)) add(erp ? 'pd004' : 'pd001', 1);
  if (rem >= 60_000 && rng.chance(0.4)) add('pd008', rem > 300_000 ? rng.range(2, 4) : 1);
  if (rem >= 30_000 && rng.chance(0.6)) add('pd007', 1);
  if (rem >= 10_000) {
    const licence = erp ? 'pd003' : 'pd005';
    add(licence, Math.floor((rem * (0.3 + 0.2 * rng.next())) / PRICE.get(licence)!));
  }
  add('pd006', Math.max(1, Math.floor(rem / PRICE.get('pd006')!)));
  return lines;
}

export interface OrderInfo {
  order: Rec;
  lines: Rec[];
  /** Index of the opportunity in the table (null: a direct order, e.g. a maintenance renewal). */
  opp: number | null;
  /** Index of the customer in the table. */
  customer: number;
  /** Day offsets: order date and approval day (null when not approved). */
  dateOff: number;
  approvedOff: number | null;
  deliveryLines: Rec[];
  returns: { rec: Rec; off: number; value: number }[];
  returnLines: Rec[];
  /** Day offset of the last delivery (null: nothing delivered). */
  deliveredOff: number | null;
}

export interface OrdersData {
  quotes: Rec[]; quoteLines: Rec[]; quoteSteps: Rec[];
  orders: Rec[]; orderLines: Rec[]; deliveries: Rec[]; deliveryLines: Rec[]; returns: Rec[]; returnLines: Rec[];
  info: OrderInfo[];
}

/** Numbers `<prefix>-<user code>-NNNN` given in date order per user (numbering.ts nextCode). */
export function numberDocuments(docs: readonly Rec[], collection: keyof typeof CODE_PREFIX, userOf: (r: Rec) => string): void {
  const sorted = [...docs].sort((a, b) => String(a.date).localeCompare(String(b.date)) || a.id.localeCompare(b.id));
  const mine = new Map<string, Rec[]>();
  for (const d of sorted) {
    const user = userOf(d);
    const list = mine.get(user) ?? [];
    d.code = nextCode(CODE_PREFIX[collection], userCodeOf(USERS.get(user), user), list);
    list.push(d);
    mine.set(user, list);
  }
}

/** Direct orders (no opportunity, no quote) of the demo company: renewals and add-on licences. */
export const DIRECT_ORDERS = 30;

export function genOrders(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, opps: OpportunityTable, records: RecordTable): OrdersData {
  const { rng, days } = ctx;
  const out: OrdersData = {
    quotes: [], quoteLines: [], quoteSteps: [], orders: [], orderLines: [], deliveries: [], deliveryLines: [], returns: [], returnLines: [], info: [],
  };
  const quoteCodes = new Map<string, number>();
  const idW = 4;

  /** An approved, pending, rejected or draft quote for opportunity i, dated `off`. */
  const makeQuote = (i: number, off: number, status: 'approved' | 'pending' | 'rejected' | 'draft', decideOff: number) => {
    const opp = opps.records[i];
    const owner = opps.owner[i];
    const rate = owner === 'us003' || owner === 'us007' ? rng.pick([1, 0.95, 0.9, 0.85]) : rng.draw(RATE_W);
    const id = 'qt' + pad(out.quotes.length + 1, idW);
    const date = days.at(off);
    const seq = (quoteCodes.get(date) ?? 0) + 1;
    quoteCodes.set(date, seq);
    const lines = dealLines(ctx, opp.expectedAmount as number, rate).map((l, k) => {
      const priced = priceLine({ ...l, manualRate: rate < 1 ? rate : null }, PRICE.get(l.productId), { rules: [] });
      return { id: `${id}.L${k}`, quoteId: id, seq: k, ...priced.line } as Rec;
    });
    const quote: Rec = clean({
      id, code: `BJ${date.replace(/-/g, '')}-${pad(seq, 3)}`, customerId: opp.customerId, ownerId: owner, date,
      opportunityId: opps.ids[i], contactRecordId: records.byStage[i]?.[2]?.id, status: 'draft',
    });
    const steps: Rec[] = [];
    const role = roleOf(owner);
    const need = quoteApprovalNeed({ lines }, [], (role?.id as string) ?? null, role?.discountLimit);
    const apply = (r: ReturnType<typeof submitQuote>) => {
      if (!r.ok) throw new Error(`sample quote ${id}: ${r.refusal.message.en}`);
      Object.assign(quote, r.value.patch);
      steps.push(clean({ id: `${id}.S${steps.length}`, quoteId: id, seq: steps.length, ...r.value.step }));
    };
    if (status !== 'draft') {
      const view = () => quoteView(quote, lines, steps);
      apply(submitQuote(view(), owner, instantAt(days, off, 10 * 60 + rng.range(0, 300))));
      const manager = { id: managerOf(owner) };
      const at = instantAt(days, decideOff, 16 * 60 + rng.range(0, 120));
      if (status === 'approved') apply(decided('approved', manager.id, at, need.needed ? '同意该折扣' : undefined));
      if (status === 'rejected') apply(decided('rejected', manager.id, at, '折扣过大，请重新报价'));
    }
    out.quotes.push(quote);
    out.quoteLines.push(...lines);
    out.quoteSteps.push(...steps);
    return { quote, lines };
  };

  for (let i = 0; i < opps.ids.length; i++) {
    const opp = opps.records[i];
    const s = stageIndex(opp.stageId);
    const stages = records.byStage[i] ?? [];
    if (opp.status === 'active' && s >= 2) {
      // an open opportunity past its proposal: a quote awaiting approval, drafted or rejected
      if (!rng.chance(0.6)) continue;
      const off = stages[2]?.off ?? Math.min(0, opps.to[i]);
      const status = rng.draw(weighted([['pending', 40], ['approved', 35], ['draft', 15], ['rejected', 10]] as const));
      makeQuote(i, off, status, Math.min(0, off + rng.range(0, 3)));
      continue;
    }
    if (opp.status !== 'won') continue;
    const wonOff = opps.to[i];
    const quoteOff = stages[2]?.off ?? opps.from[i];
    const { quote, lines } = makeQuote(i, quoteOff, 'approved', Math.min(wonOff, quoteOff + rng.range(0, 3)));
    const draft = orderFromQuote(quote, lines, PRODUCTS);
    if (!draft.ok) throw new Error(`sample order for ${quote.id}: ${draft.refusal.message.en}`);
    orderFor(draft.value, i, opps.customer[i], opps.owner[i], wonOff, rng.chance(0.15) ? 'special' : 'standard');
  }

  // repeat business without an opportunity: maintenance renewals and add-on licences of formal customers
  const regulars = cust.ids.map((_, c) => c).filter((c) => cust.owner[c] && (cust.kind[c] === 'customer' || cust.kind[c] === 'agent'));
  const direct: { c: number; off: number }[] = [];
  for (let k = 0; k < DIRECT_ORDERS && regulars.length; k++) direct.push({ c: rng.pick(regulars), off: -rng.range(5, 360) });
  for (const { c, off } of direct.sort((a, b) => a.off - b.off)) {
    const renewal = rng.chance(0.6);
    const wanted = renewal ? [{ productId: 'pd007', quantity: rng.range(1, 2) }]
      : [{ productId: rng.pick(['pd003', 'pd005']), quantity: rng.range(5, 30) }, ...(rng.chance(0.5) ? [{ productId: 'pd006', quantity: rng.range(1, 3) }] : [])];
    const rate = renewal ? rng.pick([1, 1, 0.95, 0.9]) : rng.pick([1, 0.98, 0.95]);
    const lines = wanted.map((l, seq) => {
      const priced = priceLine({ ...l, manualRate: rate < 1 ? rate : null }, PRICE.get(l.productId), { rules: [] }).line;
      return { seq, productId: priced.productId, quantity: priced.quantity, unitPrice: priced.unitPrice, rate: priced.rate, costPrice: COST.get(l.productId) };
    });
    const owner = cust.owner[c]!;
    orderFor({ order: { customerId: cust.ids[c], ownerId: owner, type: 'standard', status: 'draft', note: renewal ? '年度维护续约' : '增购用户许可' }, lines },
      null, c, owner, off, renewal && rate < 0.95 ? 'special' : 'standard');
  }

  function orderFor(draft: OrderDraft, i: number | null, c: number, owner: string, wonOff: number, type: string): void {
    const id = 'od' + pad(out.orders.length + 1, idW);
    const lines = draft.lines.map((l) => clean({ id: `${id}.L${l.seq as number}`, orderId: id, ...l }) as Rec);
    const order: Rec = clean({
      id, code: '', ...draft.order, contactId: contacts.count[c] ? contacts.ids[contacts.start[c]] : undefined,
      departmentId: OWNER_DEPT[owner], type, date: days.at(wonOff), amount: orderAmount(lines),
    }) as Rec;
    // submit: straight to approved unless the discount is beyond the rep's limit, then the manager approves
    const role = roleOf(owner);
    const approval = orderApprovalNeed(lines, [], (role?.id as string) ?? null, role?.discountLimit);
    const decideOff = Math.min(0, wonOff + (approval.needed ? rng.range(0, 2) : 0));
    const recent = wonOff >= -3;
    let approvedOff: number | null = null;
    if (!(recent && !approval.needed && rng.chance(0.5))) {
      const submit = orderAction(order, 'submit', { userId: owner, role, today: days.at(wonOff), approval, hasLines: true });
      if (!submit.ok) throw new Error(`sample order ${id}: ${submit.refusal.message.en}`);
      Object.assign(order, submit.value);
      if (order.status === 'submitted' && !recent) {
        const manager = managerOf(owner);
        const approve = orderAction(order, 'approve', { userId: manager, role: roleOf(manager), today: days.at(decideOff) });
        if (!approve.ok) throw new Error(`sample order ${id}: ${approve.refusal.message.en}`);
        Object.assign(order, approve.value);
      }
      if (order.status === 'approved') approvedOff = order.approvedAt === days.at(wonOff) ? wonOff : decideOff;
    }
    clean(order);
    const info: OrderInfo = { order, lines, opp: i, customer: c, dateOff: wonOff, approvedOff, deliveryLines: [], returns: [], returnLines: [], deliveredOff: null };
    if (approvedOff !== null) deliver(info);
    out.orders.push(order);
    out.orderLines.push(...lines);
    out.info.push(info);
  }

  /** Deliveries of an approved order by its age: the newest wait, most go in full, some in part. */
  function deliver(info: OrderInfo): void {
    const ap = info.approvedOff!;
    const age = -ap;
    if (age < 5) return;
    const scenario = rng.draw(weighted([['one', 55], ['two', 20], ['partial', 15], ['none', age < 40 ? 10 : 0]] as const));
    if (scenario === 'none') return;
    const goods = info.lines.filter((l) => !SERVICE_PRODUCTS.has(l.productId as string));
    const services = info.lines.filter((l) => SERVICE_PRODUCTS.has(l.productId as string));
    const d1 = ap + rng.range(2, Math.min(20, age));
    const d2 = Math.min(0, d1 + rng.range(5, 40));
    const ship = (off: number, rows: { line: Rec; quantity: number }[]) => {
      rows = rows.filter((r) => r.quantity > 0);
      if (!rows.length) return;
      const id = 'dl' + pad(out.deliveries.length + 1, idW);
      out.deliveries.push({ id, code: '', orderId: info.order.id, date: days.at(off) });
      rows.forEach((r, k) => {
        const row = { id: `${id}.L${k}`, deliveryId: id, orderLineId: r.line.id, quantity: r.quantity };
        out.deliveryLines.push(row);
        info.deliveryLines.push(row);
      });
      info.deliveredOff = off;
    };
    const all = (ls: Rec[]) => ls.map((line) => ({ line, quantity: line.quantity as number }));
    if (scenario === 'one' || (scenario === 'two' && (!goods.length || !services.length))) ship(d1, all(info.lines));
    else if (scenario === 'two') { ship(d1, all(goods)); ship(d2, all(services)); }
    else {
      // partial: the goods, and part of the implementation days (or of the last line)
      const last = info.lines[info.lines.length - 1];
      const q = last.quantity as number;
      if (info.lines.length === 1 && q < 2) { ship(d1, all(info.lines)); return; }
      const part = q >= 2 ? Math.max(1, Math.floor(q * (0.4 + 0.3 * rng.next()))) : 0;
      ship(d1, [...all(info.lines.slice(0, -1)), { line: last, quantity: part }]);
    }
  }

  // returns: a few fully delivered orders (delivered a while ago) send back licences or a server
  const eligible = out.info.filter((x) => x.deliveredOff !== null && x.deliveredOff <= -12
    && execOf(x).status === 'delivered' && x.lines.some((l) => RETURNABLE.has(l.productId as string)));
  const picked = eligible.filter(() => rng.chance(0.2));
  for (const x of eligible) if (picked.length < Math.min(3, eligible.length) && !picked.includes(x)) picked.push(x);
  for (const x of picked) {
    const line = x.lines.find((l) => RETURNABLE.has(l.productId as string))!;
    const q = line.quantity as number;
    const quantity = q >= 2 ? rng.range(1, Math.floor(q / 2)) : 1;
    const off = Math.min(-6, x.deliveredOff! + rng.range(3, 30));
    const id = 'rt' + pad(out.returns.length + 1, idW);
    const delivery = out.deliveryLines.find((r) => r.orderLineId === line.id)!;
    const rec: Rec = { id, code: '', orderId: x.order.id, deliveryId: delivery.deliveryId, date: days.at(off), reason: rng.pick(RETURN_REASONS) };
    const row = { id: `${id}.L0`, returnId: id, orderLineId: line.id, quantity };
    out.returns.push(rec);
    out.returnLines.push(row);
    x.returnLines.push(row);
    x.returns.push({ rec, off, value: lineValue(line, quantity) });
  }

  // the status follows the execution: executing while goods are out or came back, completed once all delivered
  for (const x of out.info) {
    if (x.approvedOff === null) continue;
    const exec = execOf(x).status;
    if (exec === 'none') continue;
    const done = exec === 'delivered' && x.deliveredOff! <= -7 && rng.chance(0.85);
    for (const action of done ? ['execute', 'complete'] as const : ['execute'] as const) {
      const r = orderAction(x.order, action, { userId: x.order.ownerId as string, role: roleOf(x.order.ownerId as string), today: days.at(0), execution: exec });
      if (!r.ok) throw new Error(`sample order ${x.order.id}: ${r.refusal.message.en}`);
      Object.assign(x.order, r.value);
    }
  }

  numberDocuments(out.orders, 'orders', (r) => r.ownerId as string);
  const ownerOfOrder = new Map(out.orders.map((o) => [o.id, o.ownerId as string]));
  numberDocuments(out.deliveries, 'deliveries', (r) => ownerOfOrder.get(r.orderId as string)!);
  numberDocuments(out.returns, 'returns', (r) => ownerOfOrder.get(r.orderId as string)!);
  return out;
}

export function execOf(x: Pick<OrderInfo, 'lines' | 'deliveryLines' | 'returnLines'>): OrderExecution {
  return orderExecution(x.lines, x.deliveryLines, x.returnLines);
}

/** Value of what was returned on an order by the day `off` (inclusive). */
export function returnedBy(x: OrderInfo, off: number): number {
  return roundMoney(x.returns.filter((r) => r.off <= off).reduce((s, r) => s + r.value, 0));
}

export const num = (v: unknown) => asNumber(v) ?? 0;
