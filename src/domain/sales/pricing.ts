import type { Label } from '../core/entity';
import type { DictOption } from '../core/dictionaries';
import { asNumber, roundMoney, safeDiv } from '../core/numbers';
import { asText, idOf, isLive, pushTo, roundRate, type Values, type Violation } from './read';

/**
 * The price engine (SPEC D). A discount is a RATE: the multiplier applied to the price
 * (0.9 = 九折 = 10 % off; 1 = no discount).
 *
 * THE combination rule, the only one:
 *
 *     rate = min(customerRate, agentRate) × volumeRate
 *
 *  - customerRate: the customer's own discount (kind 'customer'); when it has none, the discount
 *    of its customer category, looking up the category tree from the nearest category to the root
 *    (kind 'customerCategory'). Missing → 1.
 *  - agentRate: only when the customer is an agent (客户类型 = 代理商): the agent's own discount
 *    (kind 'agent' with that customer), else the general agent discount (kind 'agent' without a
 *    customer). Missing → 1.
 *  - The customer gets the BETTER (lower) of those two — they do not stack with each other.
 *  - volumeRate: the tier of the line quantity (kind 'volume': the tier with the largest
 *    "from quantity" ≤ quantity). Product-specific tiers replace the general tiers for that product.
 *    Missing → 1. The volume tier DOES stack (it rewards the size of this order, not who buys).
 *  - A rate the rep types on a line (manualRate) replaces the engine's rate for that line.
 *  - Rounding: the rate to 6 decimals; amount = round(quantity × unit price) to cents, then
 *    discounted amount = round(amount × rate) to cents. The rate is frozen on the stored line so
 *    later changes to the rules never rewrite a quote already given.
 *
 * Ambiguity is resolved conservatively: when several live rules match at the same level (two
 * peers each created one while apart) the one giving the LEAST discount applies, and
 * `findRuleConflicts` lists them so a manager can clean up. Rules with a rate outside (0, 1] are
 * ignored (and listed too).
 *
 * Approval (职位折扣, SPEC D/E): the quote's overall rate = Σ discounted ÷ Σ undiscounted. When it
 * is below the quoting role's position limit (the lowest rate the role may grant), the quote needs
 * approval. Manual line rates are part of that overall rate, so they count too. With no limit
 * configured for the role, any discount at all needs approval (the safe default).
 */

export interface PricingContext {
  /** The `discounts` collection (deleted and malformed rules are skipped). */
  rules: readonly Values[];
  customerId?: string | null;
  /** 客户类型 of the customer: 'agent' turns on agent discounts. */
  customerKind?: string | null;
  /** 客户分类 of the customer. */
  customerCategory?: string | null;
  /** Options of the customerCategory dictionary, to walk up the tree. */
  categoryOptions?: readonly DictOption[];
}

/** Where a part of the rate came from, for the "why this price" hint. */
export interface RatePart { rate: number; ruleIds: string[] }

export interface RateBreakdown {
  customer: (RatePart & { via: 'customer' | 'customerCategory' }) | null;
  agent: RatePart | null;
  volume: RatePart | null;
  manual: number | null;
  /** The rate applied to the line. */
  rate: number;
}

// ---- reading rules -------------------------------------------------------------------------

interface Rule { id: string; kind: string; rate: number; rec: Values }

/** A usable rule of the kind, or null: live, and a rate in (0, 1]. */
function readRule(rec: Values, kind: string): Rule | null {
  if (!isLive(rec) || rec.kind !== kind) return null;
  const rate = asNumber(rec.rate);
  if (rate === null || rate <= 0 || rate > 1) return null;
  return { id: idOf(rec), kind, rate, rec };
}

function rulesOf(rules: readonly Values[], kind: string, match: (r: Values) => boolean): Rule[] {
  return rules.map((r) => readRule(r, kind)).filter((r): r is Rule => r !== null && match(r.rec));
}

/** The least generous of matching rules (conservative tie-break), or null when none match. */
function leastDiscount(matches: Rule[]): RatePart | null {
  if (!matches.length) return null;
  const rate = Math.max(...matches.map((m) => m.rate));
  return { rate, ruleIds: matches.map((m) => m.id) };
}

// ---- the three parts -------------------------------------------------------------------------

/** The category and its ancestors, nearest first (cycles in a malformed tree are cut). */
export function categoryChain(code: string | null | undefined, options: readonly DictOption[] = []): string[] {
  const chain: string[] = [];
  let cur = code ?? null;
  while (cur && !chain.includes(cur)) {
    chain.push(cur);
    cur = options.find((o) => o.code === cur)?.parent ?? null;
  }
  return chain;
}

/** 客户折扣: the customer's own, else the nearest category's. */
export function customerRate(ctx: PricingContext): RateBreakdown['customer'] {
  const cid = ctx.customerId;
  if (cid) {
    const own = leastDiscount(rulesOf(ctx.rules, 'customer', (r) => r.customerId === cid));
    if (own) return { ...own, via: 'customer' };
  }
  for (const cat of categoryChain(ctx.customerCategory, ctx.categoryOptions)) {
    const part = leastDiscount(rulesOf(ctx.rules, 'customerCategory', (r) => r.customerCategory === cat));
    if (part) return { ...part, via: 'customerCategory' };
  }
  return null;
}

/** 代理折扣: only for agents; the agent's own, else the general agent rule. */
export function agentRate(ctx: PricingContext): RatePart | null {
  if (ctx.customerKind !== 'agent') return null;
  const cid = ctx.customerId;
  const own = cid ? leastDiscount(rulesOf(ctx.rules, 'agent', (r) => r.customerId === cid)) : null;
  return own ?? leastDiscount(rulesOf(ctx.rules, 'agent', (r) => !asText(r.customerId)));
}

/** 销量折扣: the tier with the largest "from quantity" not above the quantity. */
export function volumeRate(rules: readonly Values[], productId: string | null | undefined, quantity: number): RatePart | null {
  const own = productId ? rulesOf(rules, 'volume', (r) => r.productId === productId) : [];
  const tiers = own.length ? own : rulesOf(rules, 'volume', (r) => !asText(r.productId));
  const reached = tiers.filter((t) => (asNumber(t.rec.minQty) ?? Infinity) <= quantity);
  if (!reached.length) return null;
  const top = Math.max(...reached.map((t) => asNumber(t.rec.minQty) ?? 0));
  return leastDiscount(reached.filter((t) => asNumber(t.rec.minQty) === top));
}

/** The engine's rate for a line (see the rule at the top of this file). */
export function engineRate(ctx: PricingContext, productId: string | null | undefined, quantity: number, manualRate?: unknown): RateBreakdown {
  const customer = customerRate(ctx);
  const agent = agentRate(ctx);
  const volume = volumeRate(ctx.rules, productId, quantity);
  const manual = validRate(manualRate);
  const best = Math.min(customer?.rate ?? 1, agent?.rate ?? 1);
  const rate = manual ?? roundRate(best * (volume?.rate ?? 1));
  return { customer, agent, volume, manual, rate };
}

function validRate(v: unknown): number | null {
  const r = asNumber(v);
  return r !== null && r > 0 && r <= 1 ? r : null;
}

// ---- lines and totals ------------------------------------------------------------------------

/** Amounts of one line. `valid` is false when quantity or unit price is unreadable (then all 0). */
export interface LineAmounts {
  productId: string | null;
  quantity: number;
  /** Price per unit before discount. */
  unitPrice: number;
  rate: number;
  /** 金额 = quantity × unitPrice. */
  amount: number;
  /** 折后金额 = amount × rate. */
  discountedAmount: number;
  /** Price per unit after discount. */
  netUnitPrice: number;
  valid: boolean;
}

/**
 * Amounts of a stored line, using the rate frozen on it (a later change of the discount rules
 * must not rewrite quotes already given). A missing or malformed rate counts as 1 (no discount).
 */
/**
 * A line's amount after discount, as lineAmounts computes it, without building its breakdown
 * (order sums read 60,000 lines per analysis).
 */
export function discountedAmount(line: Values): number {
  const quantity = asNumber(line.quantity);
  const unitPrice = asNumber(line.unitPrice);
  if (quantity === null || unitPrice === null) return 0;
  const rate = validRate(line.manualRate) ?? validRate(line.rate) ?? 1;
  return roundMoney(roundMoney(quantity * unitPrice) * rate);
}

export function lineAmounts(line: Values): LineAmounts {
  const quantity = asNumber(line.quantity);
  const unitPrice = asNumber(line.unitPrice);
  const rate = validRate(line.manualRate) ?? validRate(line.rate) ?? 1;
  const productId = asText(line.productId);
  if (quantity === null || unitPrice === null) {
    return { productId, quantity: 0, unitPrice: 0, rate, amount: 0, discountedAmount: 0, netUnitPrice: 0, valid: false };
  }
  const amount = roundMoney(quantity * unitPrice);
  return {
    productId, quantity, unitPrice, rate, amount,
    discountedAmount: roundMoney(amount * rate),
    netUnitPrice: roundMoney(unitPrice * rate),
    valid: true,
  };
}

/** A line as entered in the quote form. `unitPrice` defaults to the product's list price. */
export interface LineInput { productId: string; quantity: number; unitPrice?: number; manualRate?: number | null }

export interface PricedLine { line: { productId: string; quantity: number; unitPrice: number; rate: number; manualRate?: number }; amounts: LineAmounts; why: RateBreakdown }

/** Price a line with the engine: the values to store on the quote, its amounts, and why. */
export function priceLine(input: LineInput, listPrice: unknown, ctx: PricingContext): PricedLine {
  const unitPrice = asNumber(input.unitPrice) ?? asNumber(listPrice) ?? 0;
  const why = engineRate(ctx, input.productId, input.quantity, input.manualRate);
  const line = {
    productId: input.productId, quantity: input.quantity, unitPrice, rate: why.rate,
    ...(why.manual !== null ? { manualRate: why.manual } : {}),
  };
  return { line, amounts: lineAmounts(line), why };
}

export interface QuoteTotals {
  amount: number;
  discountedAmount: number;
  /** Overall rate = discounted ÷ undiscounted; null for an empty quote ("—"). */
  rate: number | null;
  lineCount: number;
  invalidLines: number;
}

/** Totals of a quote's lines (non-array or malformed lines count as invalid, never as NaN). */
export function quoteTotals(lines: unknown): QuoteTotals {
  const list = Array.isArray(lines) ? lines : [];
  let amount = 0;
  let discounted = 0;
  let invalid = 0;
  for (const raw of list) {
    const a = lineAmounts(isObject(raw) ? raw : {});
    if (!a.valid) invalid++;
    amount += a.amount;
    discounted += a.discountedAmount;
  }
  const rate = safeDiv(roundMoney(discounted), roundMoney(amount));
  return { amount: roundMoney(amount), discountedAmount: roundMoney(discounted), rate: rate === null ? null : roundRate(rate), lineCount: list.length, invalidLines: invalid };
}

function isObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---- position limit and approval -----------------------------------------------------------

/**
 * 职位折扣: the lowest rate the role may quote without approval, or null when none is set.
 * A position rule in `discounts` (a rate, 0.8 = down to 八折) wins; otherwise the role's own
 * `discountLimit` kept on the roles entity by the org module is used. That one is the largest
 * discount in PERCENT OFF (the org seeds: 系统管理员 100, 销售经理 20, 业务员 5, others 0), so
 * it becomes the rate 1 − pct ÷ 100 (20 → 0.8; 0 → 1: no discount without approval).
 */
export function positionLimit(rules: readonly Values[], roleId: string | null | undefined, roleDiscountLimit?: unknown): number | null {
  if (roleId) {
    const part = leastDiscount(rulesOf(rules, 'position', (r) => r.roleId === roleId));
    if (part) return part.rate;
  }
  const pct = asNumber(roleDiscountLimit);
  return pct !== null && pct >= 0 && pct <= 100 ? roundRate(1 - pct / 100) : null;
}

export interface ApprovalNeed { needed: boolean; reason: Label | null }

/** Whether a quote with this overall rate needs approval under the limit (see the rule above). */
export function approvalNeed(totalRate: number | null, limit: number | null): ApprovalNeed {
  if (totalRate === null) return { needed: false, reason: null };
  const r = roundRate(totalRate);
  if (limit === null) {
    return r < 1
      ? { needed: true, reason: { zh: `整单折扣率 ${fmt(r)},本角色未设置职位折扣,需要审批`, en: `Overall rate ${fmt(r)}; no position limit is set for this role, so approval is needed` } }
      : { needed: false, reason: null };
  }
  return r < roundRate(limit)
    ? { needed: true, reason: { zh: `整单折扣率 ${fmt(r)} 低于职位折扣下限 ${fmt(limit)},需要审批`, en: `Overall rate ${fmt(r)} is below the position limit ${fmt(limit)}; approval is needed` } }
    : { needed: false, reason: null };
}

function fmt(rate: number): string {
  return String(roundRate(rate));
}

// ---- rule hygiene ----------------------------------------------------------------------------

/**
 * The slot a rule occupies (two live rules in one slot are a conflict), or null when the rule
 * lacks what its kind needs (a volume tier without a readable "from quantity", a position rule
 * without a role…) and so can never apply.
 */
function slotOf(r: Values): string | null {
  const need = (v: string | number | null, slot: string) => (v === null ? null : slot);
  switch (r.kind) {
    case 'volume': return need(asNumber(r.minQty), `volume|${asText(r.productId) ?? ''}|${asNumber(r.minQty)}`);
    case 'position': return need(asText(r.roleId), `position|${asText(r.roleId)}`);
    case 'customer': return need(asText(r.customerId), `customer|${asText(r.customerId)}`);
    case 'customerCategory': return need(asText(r.customerCategory), `customerCategory|${asText(r.customerCategory)}`);
    case 'agent': return `agent|${asText(r.customerId) ?? ''}`;
    default: return null;
  }
}

/** Duplicate rules (the least discount applies) and unusable rules (ignored), for the settings page. */
export function findRuleConflicts(rules: readonly Values[]): Violation[] {
  const out: Violation[] = [];
  const slots = new Map<string, string[]>();
  for (const r of rules.filter(isLive)) {
    const slot = slotOf(r);
    const rate = asNumber(r.rate);
    if (slot === null || rate === null || rate <= 0 || rate > 1) {
      out.push({ code: 'ruleInvalid', ids: [idOf(r)], message: {
        zh: '折扣规则不完整或折扣率无效(折扣率应大于 0 且不超过 1),已忽略', en: 'A discount rule is incomplete or has an invalid rate (must be above 0 and at most 1); it is ignored' } });
      continue;
    }
    pushTo(slots, slot, idOf(r));
  }
  for (const ids of slots.values()) {
    if (ids.length > 1) {
      out.push({ code: 'ruleDuplicate', ids, message: {
        zh: `有 ${ids.length} 条相同对象的折扣规则,按折扣最少的一条计算`, en: `${ids.length} discount rules cover the same case; the one giving the least discount applies` } });
    }
  }
  return out;
}
