import { describe, expect, it } from 'vitest';
import { BASE_DICTIONARIES } from '../core/dictionaries';
import {
  agentRate, approvalNeed, categoryChain, customerRate, discountedAmount, engineRate, findRuleConflicts, lineAmounts,
  positionLimit, priceLine, quoteTotals, volumeRate, type PricingContext,
} from './pricing';
import { rec } from './testing';

const categories = BASE_DICTIONARIES.find((d) => d.dict === 'customerCategory')!.options;

const rules = [
  rec('v10', { kind: 'volume', minQty: 10, rate: 0.95 }),
  rec('v50', { kind: 'volume', minQty: 50, rate: 0.9 }),
  rec('vP2', { kind: 'volume', productId: 'P2', minQty: 5, rate: 0.8 }),
  rec('cC1', { kind: 'customer', customerId: 'C1', rate: 0.9 }),
  rec('catEnt', { kind: 'customerCategory', customerCategory: 'ent', rate: 0.95 }),
  rec('agAll', { kind: 'agent', rate: 0.85 }),
  rec('agA1', { kind: 'agent', customerId: 'A1', rate: 0.8 }),
  rec('posSales', { kind: 'position', roleId: 'r-sales', rate: 0.85 }),
  rec('posMgr', { kind: 'position', roleId: 'r-mgr', rate: 0.7 }),
  rec('gone', { kind: 'customer', customerId: 'C2', rate: 0.5, deleted: true }),
  rec('bad', { kind: 'customer', customerId: 'C2', rate: 1.5 }),
];

const ctx = (c: Partial<PricingContext>): PricingContext => ({ rules, categoryOptions: categories, ...c });

describe('price engine: rate = min(customer, agent) × volume', () => {
  it('customer discount then volume tier (C1, 20 × 1000)', () => {
    // customer 0.9 (own rule); not an agent; volume: 20 ≥ 10 → 0.95. 0.9 × 0.95 = 0.855
    const p = priceLine({ productId: 'P1', quantity: 20 }, 1000, ctx({ customerId: 'C1', customerKind: 'customer' }));
    expect(p.why.customer).toEqual({ rate: 0.9, ruleIds: ['cC1'], via: 'customer' });
    expect(p.why.volume?.rate).toBe(0.95);
    expect(p.line).toEqual({ productId: 'P1', quantity: 20, unitPrice: 1000, rate: 0.855 });
    // amount = 20 × 1000 = 20000; discounted = 20000 × 0.855 = 17100; net unit = 1000 × 0.855 = 855
    expect(p.amounts).toMatchObject({ amount: 20000, discountedAmount: 17100, netUnitPrice: 855, valid: true });
  });

  it('falls back to the nearest customer category up the tree', () => {
    // C2 is in ent-big (no rule) → parent ent: 0.95; qty 5 < 10 → no volume tier
    expect(categoryChain('ent-big', categories)).toEqual(['ent-big', 'ent']);
    const c = ctx({ customerId: 'C2', customerKind: 'customer', customerCategory: 'ent-big' });
    expect(customerRate(c)).toEqual({ rate: 0.95, ruleIds: ['catEnt'], via: 'customerCategory' });
    expect(engineRate(c, 'P1', 5).rate).toBe(0.95);
  });

  it('an agent takes the better of customer and agent discount, then volume', () => {
    // A1: category ent → customer 0.95; own agent rule 0.8; best = 0.8; qty 60 → 0.9; 0.8 × 0.9 = 0.72
    const c = ctx({ customerId: 'A1', customerKind: 'agent', customerCategory: 'ent' });
    expect(agentRate(c)?.rate).toBe(0.8);
    expect(engineRate(c, 'P1', 60).rate).toBe(0.72);
  });

  it('an agent without its own rule gets the general agent discount', () => {
    // A2: no customer rule, general agent 0.85; qty 10 → 0.95; 0.85 × 0.95 = 0.8075
    expect(engineRate(ctx({ customerId: 'A2', customerKind: 'agent' }), 'P1', 10).rate).toBe(0.8075);
  });

  it('agent rules do not apply to non-agents', () => {
    expect(agentRate(ctx({ customerId: 'A1', customerKind: 'customer' }))).toBeNull();
  });

  it('product-specific volume tiers replace the general ones', () => {
    expect(volumeRate(rules, 'P2', 60)?.rate).toBe(0.8); // not 0.9 of the general 50+ tier
    expect(volumeRate(rules, 'P2', 4)).toBeNull();
    expect(volumeRate(rules, 'P1', 50)?.rate).toBe(0.9); // the largest tier reached
  });

  it('no rules at all → rate 1', () => {
    const p = priceLine({ productId: 'P1', quantity: 3 }, 200, { rules: [] });
    expect(p.line.rate).toBe(1);
    expect(p.amounts).toMatchObject({ amount: 600, discountedAmount: 600 });
  });

  it('a manual rate replaces the engine rate', () => {
    const p = priceLine({ productId: 'P1', quantity: 20, manualRate: 0.7 }, 1000, ctx({ customerId: 'C1' }));
    expect(p.line).toMatchObject({ rate: 0.7, manualRate: 0.7 });
    expect(p.amounts.discountedAmount).toBe(14000);
  });

  it('a typed unit price wins over the list price', () => {
    expect(priceLine({ productId: 'P1', quantity: 2, unitPrice: 800 }, 1000, { rules: [] }).amounts.amount).toBe(1600);
  });

  it('ignores deleted rules and rules with a rate outside (0, 1]', () => {
    // C2's rules: one deleted (0.5), one invalid (1.5) → no customer discount
    expect(customerRate(ctx({ customerId: 'C2' }))).toBeNull();
  });

  it('duplicate rules: the least discount applies, and they are reported', () => {
    const dup = [...rules, rec('cC1b', { kind: 'customer', customerId: 'C1', rate: 0.8 })];
    expect(customerRate({ rules: dup, customerId: 'C1' })?.rate).toBe(0.9);
    const v = findRuleConflicts(dup);
    expect(v.map((x) => x.code).sort()).toEqual(['ruleDuplicate', 'ruleInvalid']);
    expect(v.find((x) => x.code === 'ruleDuplicate')?.ids).toEqual(['cC1', 'cC1b']);
    expect(v.find((x) => x.code === 'ruleInvalid')?.ids).toEqual(['bad']);
  });

  it('an incomplete rule can never apply and is reported', () => {
    const incomplete = [rec('v?', { kind: 'volume', rate: 0.5 }), rec('p?', { kind: 'position', rate: 0.5 }), rec('k?', { kind: 'gift', rate: 0.5 })];
    expect(volumeRate(incomplete, 'P1', 1000)).toBeNull();
    expect(findRuleConflicts(incomplete).map((x) => x.ids[0])).toEqual(['v?', 'p?', 'k?']);
  });
});

describe('stored lines and totals', () => {
  it('uses the frozen rate of a stored line', () => {
    expect(lineAmounts({ productId: 'P1', quantity: 3, unitPrice: 100, rate: 0.9 })).toMatchObject({ amount: 300, discountedAmount: 270 });
  });

  it('discountedAmount (order sums) is lineAmounts().discountedAmount for every kind of line', () => {
    const lines = [
      { quantity: 3, unitPrice: 100, rate: 0.9 }, { quantity: 7, unitPrice: 33.33, rate: 0.85, manualRate: 0.8 },
      { quantity: 1, unitPrice: 10, rate: 2 }, { quantity: 'abc', unitPrice: 100 }, { quantity: '1,000', unitPrice: '2.5', rate: 0 },
    ];
    for (const l of lines) expect(discountedAmount(l)).toBe(lineAmounts(l).discountedAmount);
  });

  it('a malformed quantity makes the line invalid, never NaN', () => {
    const a = lineAmounts({ productId: 'P1', quantity: 'abc', unitPrice: 100, rate: 0.9 });
    expect(a).toMatchObject({ valid: false, amount: 0, discountedAmount: 0 });
  });

  it('a malformed rate counts as no discount', () => {
    expect(lineAmounts({ quantity: 1, unitPrice: 100, rate: { x: 1 } }).discountedAmount).toBe(100);
  });

  it('quote total rate = discounted ÷ undiscounted', () => {
    // 20000 @0.855 → 17100; 10 × 500 @1 → 5000; total 25000 → 22100; 22100 / 25000 = 0.884
    const t = quoteTotals([
      { productId: 'P1', quantity: 20, unitPrice: 1000, rate: 0.855 },
      { productId: 'P3', quantity: 10, unitPrice: 500, rate: 1 },
      'garbage',
    ]);
    expect(t).toEqual({ amount: 25000, discountedAmount: 22100, rate: 0.884, lineCount: 3, invalidLines: 1 });
  });

  it('an empty quote has no rate ("—")', () => {
    expect(quoteTotals([]).rate).toBeNull();
    expect(quoteTotals('not an array').rate).toBeNull();
  });
});

describe('position limit and approval', () => {
  it('reads the position rule of the role, else the role discountLimit (percent off)', () => {
    expect(positionLimit(rules, 'r-sales', 50)).toBe(0.85); // the rule wins
    expect(positionLimit(rules, 'r-other', 20)).toBe(0.8); // 销售经理: up to 20 % off
    expect(positionLimit(rules, 'r-other', 0)).toBe(1); // no discount without approval
    expect(positionLimit(rules, 'r-other', 100)).toBe(0); // 系统管理员: any discount
    expect(positionLimit(rules, 'r-other', 'x')).toBeNull();
    expect(positionLimit(rules, 'r-other', 120)).toBeNull();
  });

  it('the org seeds\' limits: a 15 % discount is fine for a manager, not for a rep', () => {
    expect(approvalNeed(0.85, positionLimit([], 'role-manager', 20)).needed).toBe(false);
    expect(approvalNeed(0.85, positionLimit([], 'role-rep', 5)).needed).toBe(true);
    expect(approvalNeed(0.01, positionLimit([], 'role-admin', 100)).needed).toBe(false);
  });

  it('needs approval when the overall rate is below the limit', () => {
    expect(approvalNeed(0.884, 0.85).needed).toBe(false);
    expect(approvalNeed(0.85, 0.85).needed).toBe(false); // at the limit is allowed
    const n = approvalNeed(0.7, 0.85);
    expect(n.needed).toBe(true);
    expect(n.reason?.zh).toContain('0.85');
  });

  it('a manual line discount counts in the overall rate', () => {
    // 20000 @0.7 (manual) → 14000; 5000 @1 → 5000; 19000 / 25000 = 0.76 < 0.85
    const t = quoteTotals([
      { productId: 'P1', quantity: 20, unitPrice: 1000, rate: 0.7, manualRate: 0.7 },
      { productId: 'P3', quantity: 10, unitPrice: 500, rate: 1 },
    ]);
    expect(t.rate).toBe(0.76);
    expect(approvalNeed(t.rate, positionLimit(rules, 'r-sales')).needed).toBe(true);
    expect(approvalNeed(t.rate, positionLimit(rules, 'r-mgr')).needed).toBe(false);
  });

  it('with no limit configured any discount needs approval; none does not', () => {
    expect(approvalNeed(0.99, null).needed).toBe(true);
    expect(approvalNeed(1, null).needed).toBe(false);
    expect(approvalNeed(null, 0.8).needed).toBe(false);
  });
});
