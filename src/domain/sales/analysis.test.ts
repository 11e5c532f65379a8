import { describe, expect, it } from 'vitest';
import { opportunityAnalysis, productQuoteDetails, projectAnalysis } from './analysis';
import { rec } from './testing';

// amount = expected × rate %
const opps = [
  rec('a1', { customerId: 'C1', ownerId: 'U1', stageId: 's2', cost: 2000, expectedAmount: 10000, rate: 50, status: 'won' }), // 5000
  rec('a2', { customerId: 'C1', ownerId: 'U2', stageId: 's1', cost: 1000, expectedAmount: 20000, rate: 30 }), // 6000
  rec('a3', { customerId: 'C3', ownerId: 'U1', stageId: 's1', cost: 500, expectedAmount: 0, rate: 20 }), // 0
  rec('a4', { customerId: 'C2', ownerId: 'U1', stageId: 's2', cost: 'abc', expectedAmount: 8000, rate: 25 }), // cost malformed → 0; 2000
  rec('a5', { customerId: 'C1', ownerId: 'U1', cost: 9, expectedAmount: 9, rate: 9, deleted: true }), // ignored
];

describe('客户机会分析', () => {
  it('by customer, hand-computed', () => {
    const r = opportunityAnalysis(opps, 'customer');
    expect(r.rows.map((x) => [x.key, x.count, x.costTotal, x.expectedTotal, x.amountTotal, x.expectedProfit, x.opportunityProfit, x.ids])).toEqual([
      // key  n  cost  expected amount  exp.profit       opp.profit
      ['C1', 2, 3000, 30000, 11000, 27000, 8000, ['a1', 'a2']], // 30000−3000; 11000−3000
      ['C2', 1, 0, 8000, 2000, 8000, 2000, ['a4']], //           malformed cost counts as 0
      ['C3', 1, 500, 0, 0, -500, -500, ['a3']],
    ]);
    expect(r.rows[0].expectedProfitRate).toBe(90); // 27000 / 30000 × 100
    expect(r.rows[0].opportunityProfitRate).toBeCloseTo(72.7273, 4); // 8000 / 11000 × 100
    expect(r.rows[1].expectedProfitRate).toBe(100); // 8000 / 8000
    expect(r.rows[1].opportunityProfitRate).toBe(100); // 2000 / 2000
    expect(r.rows[2].expectedProfitRate).toBeNull(); // −500 / 0 → "—"
    expect(r.rows[2].opportunityProfitRate).toBeNull(); // −500 / 0 → "—"
    // total: cost 3500, expected 38000, amount 13000; profits 34500 and 9500
    expect(r.total).toMatchObject({ count: 4, costTotal: 3500, expectedTotal: 38000, amountTotal: 13000, expectedProfit: 34500, opportunityProfit: 9500 });
    expect(r.total.expectedProfitRate).toBeCloseTo(90.7895, 4); // 34500 / 38000 × 100
    expect(r.total.opportunityProfitRate).toBeCloseTo(73.0769, 4); // 9500 / 13000 × 100
    expect(r.total.ids).toEqual(['a1', 'a2', 'a4', 'a3']);
  });

  it('by employee, hand-computed', () => {
    const r = opportunityAnalysis(opps, 'owner');
    expect(r.rows.map((x) => [x.key, x.costTotal, x.expectedTotal, x.amountTotal, x.expectedProfit, x.opportunityProfit])).toEqual([
      ['U1', 2500, 18000, 7000, 15500, 4500], // a1 + a3 + a4
      ['U2', 1000, 20000, 6000, 19000, 5000], // a2
    ]);
    expect(r.rows[0].expectedProfitRate).toBeCloseTo(86.1111, 4); // 15500 / 18000
    expect(r.rows[0].opportunityProfitRate).toBeCloseTo(64.2857, 4); // 4500 / 7000
    expect(r.rows[1].expectedProfitRate).toBe(95); // 19000 / 20000
    expect(r.rows[1].opportunityProfitRate).toBeCloseTo(83.3333, 4); // 5000 / 6000
  });

  it('filters by stage and status', () => {
    expect(opportunityAnalysis(opps, 'customer', { stageIds: ['s2'] }).total.ids).toEqual(['a1', 'a4']);
    expect(opportunityAnalysis(opps, 'customer', { statuses: ['won'] }).total.ids).toEqual(['a1']);
  });

  it('no records → zero totals and "—" rates', () => {
    const r = opportunityAnalysis([], 'customer');
    expect(r.rows).toEqual([]);
    expect(r.total).toMatchObject({ count: 0, expectedProfitRate: null, opportunityProfitRate: null, ids: [] });
  });
});

describe('客户项目分析', () => {
  const projects = [
    rec('p1', { customerId: 'C1', ownerId: 'U1', cost: 2000, expectedAmount: 10000, rate: 100, actualCost: 3000, actualAmount: 12000 }),
    rec('p2', { customerId: 'C1', ownerId: 'U2', cost: 1000, expectedAmount: 5000, rate: 80, actualCost: {}, actualAmount: 6000 }),
    rec('p3', { customerId: 'C2', ownerId: 'U1', actualCost: 1000, actualAmount: 0 }),
  ];

  it('by customer, hand-computed', () => {
    const r = projectAnalysis(projects, 'customer');
    const [c1, c2] = r.rows;
    // C1: cost 3000, expected 15000, amount 10000 + 4000 = 14000; actual cost 3000 + 0 (malformed), actual sales 18000
    expect(c1).toMatchObject({
      key: 'C1', costTotal: 3000, expectedTotal: 15000, amountTotal: 14000, expectedProfit: 12000, expectedProfitRate: 80,
      opportunityProfit: 11000, actualCostTotal: 3000, actualAmountTotal: 18000, actualProfit: 15000, ids: ['p1', 'p2'],
    });
    expect(c1.opportunityProfitRate).toBeCloseTo(78.5714, 4); // 11000 / 14000
    expect(c1.actualProfitRate).toBeCloseTo(83.3333, 4); // 15000 / 18000
    // C2: nothing expected, actual sales 0 → every rate "—"
    expect(c2).toMatchObject({
      key: 'C2', costTotal: 0, expectedTotal: 0, amountTotal: 0, expectedProfitRate: null, opportunityProfitRate: null,
      actualCostTotal: 1000, actualAmountTotal: 0, actualProfit: -1000, actualProfitRate: null,
    });
    // total: actual 4000 cost, 18000 sales → 14000 profit, 77.78 %
    expect(r.total).toMatchObject({ actualCostTotal: 4000, actualAmountTotal: 18000, actualProfit: 14000, ids: ['p1', 'p2', 'p3'] });
    expect(r.total.actualProfitRate).toBeCloseTo(77.7778, 4);
  });
});

describe('商品报价明细', () => {
  const quotes = [
    rec('q1', { customerId: 'C1', ownerId: 'U1', date: '2024-03-01', lines: [
      { productId: 'P1', quantity: 10, unitPrice: 1000, rate: 0.9 }, // 10000 → 9000
      { productId: 'P2', quantity: 2, unitPrice: 500, rate: 1 }, // 1000 → 1000
    ] }),
    rec('q2', { customerId: 'C2', ownerId: 'U2', date: '2024-04-01', lines: [
      { productId: 'P1', quantity: 5, unitPrice: 1200, rate: 0.8 }, // 6000 → 4800
      { productId: 'P2', quantity: 'abc', unitPrice: 500 }, // malformed → 0
    ] }),
    rec('q3', { customerId: 'C1', ownerId: 'U1', date: '2024-03-15', lines: [{ productId: 'P3', quantity: 0, unitPrice: 100 }] }),
    rec('q4', { customerId: 'C1', ownerId: 'U1', lines: [{ productId: 'P1', quantity: 99, unitPrice: 99 }], deleted: true }),
    rec('q5', { customerId: 'C1', ownerId: 'U1', lines: 'garbage' }),
  ];

  it('per product, hand-computed', () => {
    const r = productQuoteDetails(quotes);
    expect(r.rows.map((x) => [x.productId, x.quantity, x.amount, x.unitPrice, x.discountedAmount, x.ids])).toEqual([
      ['P1', 15, 16000, 1066.67, 13800, ['q1', 'q2']], // 10 + 5; 10000 + 6000; 16000 / 15; 9000 + 4800
      ['P2', 2, 1000, 500, 1000, ['q1', 'q2']], // the malformed line of q2 adds nothing
      ['P3', 0, 0, null, 0, ['q3']], // 0 / 0 → "—"
    ]);
    expect(r.rows[1]).toMatchObject({ lineCount: 2, invalidLines: 1 });
    // total: 17 units, 17000, unit 1000, discounted 14800
    expect(r.total).toMatchObject({ quantity: 17, amount: 17000, unitPrice: 1000, discountedAmount: 14800, ids: ['q1', 'q2', 'q3'] });
  });

  it('filters by customer, employee and period', () => {
    const byCustomer = productQuoteDetails(quotes, { customerId: 'C1' });
    expect(byCustomer.rows.map((x) => [x.productId, x.quantity, x.amount, x.unitPrice, x.discountedAmount])).toEqual([
      ['P1', 10, 10000, 1000, 9000], ['P2', 2, 1000, 500, 1000], ['P3', 0, 0, null, 0],
    ]);
    const byEmployee = productQuoteDetails(quotes, { ownerId: 'U2' });
    expect(byEmployee.rows.map((x) => [x.productId, x.quantity, x.amount, x.unitPrice, x.discountedAmount])).toEqual([
      ['P1', 5, 6000, 1200, 4800], ['P2', 0, 0, null, 0],
    ]);
    expect(productQuoteDetails(quotes, { from: '2024-03-10', to: '2024-03-31' }).total.ids).toEqual(['q3']);
  });
});
