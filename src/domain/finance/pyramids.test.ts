import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { customerValues, pyramid, snapshotValues, tierMovement, tierRuleOf, type Measure, type ValueData } from './pyramids';

/*
 * Ten customers, period 2026. Each has one standard order approved in 2026: one line of 10 units,
 * amount A, cost C (costPrice C/10):
 *
 *         A      C    delivered (in 2026)        received − refunded (2026)   approved expense  activities
 *  c01 10000  6000   10, 2 returned → 8000       10000 − 2000 = 8000          1000              3
 *  c02  8000  5000   5 (5 more in 2027) → 4000    8000                        (3000 draft: 0)   0 (1 binned)
 *  c03  6000  2000   0                            3000                        500               5
 *  c04  5000  4000   10 → 5000                    0 (paid 2027-01-02)         0                 1
 *  c05  4000  1000   10 → 4000                    4000                        (2025: 0)         2 (+1 in 2025)
 *  c06  3000  2500   10 → 3000                    1000                        1000              0
 *  c07  2000   500   10 → 2000                    2000                        0                 0
 *  c08  1000   900   10 → 1000                    0                           0                 4
 *  c09  1000   200   0                            1000                        0                 0   (+ a draft order 5000: nothing)
 *  c10     —     —   special order 9000, delivered, paid 9000: counts for no revenue             6
 *  plus c01 has an order of 7000 approved 2025-12-15, unpaid.
 *
 * revenue (orders)   c01 10000 c02 8000 c03 6000 c04 5000 c05 4000 c06 3000 c07 2000 c08 1000 c09 1000 c10 0 = 40000
 *   shares 20/30/50 → ends at round(10×.2)=2, round(10×.5)=5, 10
 *   top 20 %  c01 c02          18000  45 %
 *   next 30 % c03 c04 c05      15000  37.5 %
 *   rest 50 % c06 … c10         7000  17.5 %   (c08 and c09 tie at 1000: c08 first, by id)
 *   thresholds ≥5000 / ≥2000 / rest: c01–c04 29000 (72.5 %), c05–c07 9000 (22.5 %), c08–c10 2000 (5 %)
 * revenue (deliveries) c01 8000 c04 5000 c02 4000 c05 4000 c06 3000 c07 2000 c08 1000 c03 0 c09 0 c10 0 = 27000
 *   top c01 c04 13000 · next c02 c05 c06 11000 · rest c07 c08 c03 c09 c10 3000
 * revenue (receipts)   c01 8000 c02 8000 c05 4000 c03 3000 c07 2000 c06 1000 c09 1000 c04 0 c08 0 c10 0 = 27000
 * profit (orders) = A − expense − C
 *   c01 3000 c02 3000 c03 3500 c04 1000 c05 3000 c06 −500 c07 1500 c08 100 c09 800 c10 0 = 15400
 *   ranked c03 3500, c01 3000, c02 3000, c05 3000, c07 1500, c04 1000, c09 800, c08 100, c10 0, c06 −500
 *   top c03 c01 6500 · next c02 c05 c07 7500 · rest c04 c09 c08 c10 c06 1400
 *   c01 on deliveries: 8000 − 1000 − (10 − 2) × 600 = 2200; on receipts: 8000 − 1000 − 6000 × 8000/10000 = 2200
 * expense c01 1000 c06 1000 c03 500, others 0 = 2500: top c01 c06 2000 (80 %) · next c03 c02 c04 500 (20 %) · rest 0 (0 %)
 * arrears at 2026-12-31 (every order type): c01 7000 (2025 order; the 2026 one: 8000 − 10000 + 2000 = 0)
 *   c03 3000, c04 5000, c06 2000, c08 1000, others 0 = 18000
 *   top c01 c04 12000 · next c03 c06 c08 6000 · rest 0
 * loyalty = activities + counted orders in 2026: c01 4 c02 1 c03 6 c04 2 c05 3 c06 1 c07 1 c08 5 c09 1 c10 6 = 30
 *   top c03 c10 12 (40 %) · next c08 c01 c05 12 (40 %) · rest c04 c02 c06 c07 c09 6 (20 %)
 */
const P = { from: '2026-01-01', to: '2026-12-31' };
const table: [string, number, number, number, number, number, number][] = [
  // id, A, C, delivered, returned, received, activities
  ['c01', 10000, 6000, 10, 2, 10000, 3], ['c02', 8000, 5000, 5, 0, 8000, 0], ['c03', 6000, 2000, 0, 0, 3000, 5],
  ['c04', 5000, 4000, 10, 0, 0, 1], ['c05', 4000, 1000, 10, 0, 4000, 2], ['c06', 3000, 2500, 10, 0, 1000, 0],
  ['c07', 2000, 500, 10, 0, 2000, 0], ['c08', 1000, 900, 10, 0, 0, 4], ['c09', 1000, 200, 0, 0, 1000, 0],
];

function data(): ValueData {
  const d: ValueData = {
    customers: [...table.map(([id]) => rec(id)), rec('c10'), rec('gone', { deleted: true })],
    orders: [], orderLines: [], returnLines: [], instalments: [], receipts: [], payments: [],
    deliveries: [], deliveryLines: [], returns: [], expenses: [], activities: [], countingTypes: new Set(['standard']),
  };
  const order = (id: string, customerId: string, type: string, status: string, approvedAt: string, A: number, C: number) => {
    d.orders = [...d.orders, rec(id, { customerId, type, status, approvedAt })];
    d.orderLines = [...d.orderLines, rec(`${id}.L`, { orderId: id, quantity: 10, unitPrice: A / 10, costPrice: C / 10 })];
  };
  const deliver = (id: string, line: string, date: string, quantity: number) => {
    d.deliveries = [...d.deliveries, rec(id, { date })];
    d.deliveryLines = [...d.deliveryLines, rec(`${id}.1`, { deliveryId: id, orderLineId: line, quantity })];
  };
  for (const [id, A, C, delivered, returned, received, acts] of table) {
    order(`o-${id}`, id, 'standard', 'executing', '2026-01-10', A, C);
    if (delivered) deliver(`d-${id}`, `o-${id}.L`, '2026-02-01', delivered);
    if (received) d.receipts = [...d.receipts, rec(`k-${id}`, { orderId: `o-${id}`, date: '2026-02-10', amount: received })];
    for (let i = 0; i < acts; i++) d.activities = [...d.activities, rec(`a-${id}-${i}`, { customerId: id, doneDate: '2026-05-01' })];
    if (returned) {
      d.returns = [...d.returns, rec(`r-${id}`, { date: '2026-03-01' })];
      d.returnLines = [...d.returnLines, rec(`r-${id}.1`, { returnId: `r-${id}`, orderLineId: `o-${id}.L`, quantity: returned })];
    }
  }
  d.payments = [rec('p1', { orderId: 'o-c01', date: '2026-03-05', amount: 2000, kind: 'refund' })];
  deliver('d-c02b', 'o-c02.L', '2027-01-05', 5);
  d.receipts = [...d.receipts, rec('k-c04', { orderId: 'o-c04', date: '2027-01-02', amount: 5000 })];
  order('o-c10', 'c10', 'special', 'completed', '2026-04-01', 9000, 3000);
  deliver('d-c10', 'o-c10.L', '2026-04-02', 10);
  d.receipts = [...d.receipts, rec('k-c10', { orderId: 'o-c10', date: '2026-04-03', amount: 9000 })];
  for (let i = 0; i < 6; i++) d.activities = [...d.activities, rec(`a-c10-${i}`, { customerId: 'c10', dueDate: '2026-06-01' })];
  d.activities = [...d.activities, rec('a-bin', { customerId: 'c02', doneDate: '2026-05-01', deleted: true }), rec('a-old', { customerId: 'c05', doneDate: '2025-05-01' })];
  order('o-c09-draft', 'c09', 'standard', 'draft', '', 5000, 0);
  order('o-c01-2025', 'c01', 'standard', 'approved', '2025-12-15', 7000, 0);
  d.expenses = [
    rec('e1', { customerId: 'c01', date: '2026-03-01', amount: 1000, status: 'approved' }),
    rec('e2', { customerId: 'c03', date: '2026-03-01', amount: 500, status: 'approved' }),
    rec('e3', { customerId: 'c06', date: '2026-03-01', amount: 1000, status: 'approved' }),
    rec('e4', { customerId: 'c02', date: '2026-03-01', amount: 3000, status: 'draft' }),
    rec('e5', { customerId: 'c05', date: '2025-12-01', amount: 800, status: 'approved' }),
  ];
  return d;
}

const D = data();
const tiersOf = (measure: Measure, basis?: 'orders' | 'deliveries' | 'receipts') =>
  pyramid(customerValues(D, measure, P, basis)).tiers.map((t) => [t.customerIds.join(' '), t.total]);

describe('customer value pyramids', () => {
  it('revenue on orders, shares 20/30/50 and thresholds', () => {
    const p = pyramid(customerValues(D, 'revenue', P));
    expect(p.total).toBe(40000);
    expect(p.count).toBe(10);
    expect(p.tiers.map((t) => [t.label.zh, t.customerIds.join(' '), t.count, t.total, t.share])).toEqual([
      ['前 20%', 'c01 c02', 2, 18000, 45], ['其后 30%', 'c03 c04 c05', 3, 15000, 37.5], ['其余 50%', 'c06 c07 c08 c09 c10', 5, 7000, 17.5],
    ]);
    const t = pyramid(customerValues(D, 'revenue', P), { kind: 'thresholds', mins: [5000, 2000] });
    expect(t.tiers.map((x) => [x.label.en, x.customerIds.join(' '), x.total, x.share])).toEqual([
      ['≥ 5000', 'c01 c02 c03 c04', 29000, 72.5], ['2000 – 5000', 'c05 c06 c07', 9000, 22.5], ['< 2000', 'c08 c09 c10', 2000, 5],
    ]);
  });

  it('revenue on deliveries and on receipts', () => {
    expect(tiersOf('revenue', 'deliveries')).toEqual([['c01 c04', 13000], ['c02 c05 c06', 11000], ['c07 c08 c03 c09 c10', 3000]]);
    expect(tiersOf('revenue', 'receipts')).toEqual([['c01 c02', 16000], ['c05 c03 c07', 9000], ['c06 c09 c04 c08 c10', 2000]]);
  });

  it('profit = revenue − expense − cost', () => {
    const v = customerValues(D, 'profit', P);
    expect([...v.values()].reduce((s, x) => s + x, 0)).toBe(15400);
    expect(tiersOf('profit')).toEqual([['c03 c01', 6500], ['c02 c05 c07', 7500], ['c04 c09 c08 c10 c06', 1400]]);
    expect(customerValues(D, 'profit', P, 'deliveries').get('c01')).toBe(2200);
    expect(customerValues(D, 'profit', P, 'receipts').get('c01')).toBe(2200);
  });

  it('expense, arrears and loyalty', () => {
    const e = pyramid(customerValues(D, 'expense', P));
    expect(e.tiers.map((t) => [t.customerIds.join(' '), t.total, t.share])).toEqual([['c01 c06', 2000, 80], ['c03 c02 c04', 500, 20], ['c05 c07 c08 c09 c10', 0, 0]]);
    expect(tiersOf('arrears')).toEqual([['c01 c04', 12000], ['c03 c06 c08', 6000], ['c02 c05 c07 c09 c10', 0]]);
    expect(tiersOf('loyalty')).toEqual([['c03 c10', 12], ['c08 c01 c05', 12], ['c04 c02 c06 c07 c09', 6]]);
  });

  it('a handful of customers: the best one is always in the top tier', () => {
    // 20/30/50 of 1 customer: 0.2 rounds to none at the top, 0.5 to one in the middle — the one goes to the top
    expect(pyramid(new Map([['a', 900]])).tiers.map((t) => t.customerIds)).toEqual([['a'], [], []]);
    // 3 customers: 0.6 → 1 at the top, 1.5 → 2 cumulative, the rest below
    expect(pyramid(new Map([['a', 1], ['b', 3], ['c', 2]])).tiers.map((t) => t.customerIds)).toEqual([['b'], ['c'], ['a']]);
  });

  it('a zero total gives null shares, never NaN', () => {
    const p = pyramid(new Map([['a', 0], ['b', 0]]));
    expect(p.tiers.map((t) => t.share)).toEqual([null, null, null]);
    expect(pyramid(new Map()).tiers.map((t) => t.count)).toEqual([0, 0, 0]);
  });
});

describe('snapshots and tier movement', () => {
  /*
   * January (revenue on orders)      t0 c01 c02 | t1 c03 c04 c05 | t2 c06 c07 c08 c09 c10
   * February (revenue on deliveries) t0 c01 c04 | t1 c02 c05 c06 | t2 c07 c08 c03 c09 c10
   *
   *  before \ after   t0  t1  t2
   *  t0                1   1   0     c01 stays, c02 down
   *  t1                1   1   1     c04 up, c05 stays, c03 down
   *  t2                0   1   4     c06 up
   */
  const jan = snapshotValues('2026-01', 'revenue', { kind: 'shares', shares: [20, 30, 50] }, pyramid(customerValues(D, 'revenue', P)));
  const feb = snapshotValues('2026-02', 'revenue', { kind: 'shares', shares: [20, 30, 50] }, pyramid(customerValues(D, 'revenue', P, 'deliveries')));

  it('keeps month, measure, rule and tiers', () => {
    expect(jan.rule).toBe('{"kind":"shares","shares":[20,30,50]}');
    expect(jan.tiers).toEqual([
      { customerIds: ['c01', 'c02'], total: 18000 }, { customerIds: ['c03', 'c04', 'c05'], total: 15000 },
      { customerIds: ['c06', 'c07', 'c08', 'c09', 'c10'], total: 7000 },
    ]);
  });

  it('builds the movement matrix', () => {
    const m = tierMovement(jan, feb);
    expect(m.counts).toEqual([[1, 1, 0], [1, 1, 1], [0, 1, 4]]);
    expect(m.up).toEqual(['c04', 'c06']);
    expect(m.down).toEqual(['c02', 'c03']);
    expect(m.same).toEqual(['c01', 'c05', 'c07', 'c08', 'c09', 'c10']);
    expect(m.ids[1][2]).toEqual(['c03']);
  });

  it('names customers who entered or left, and reads malformed tiers as empty', () => {
    const m = tierMovement({ tiers: [{ customerIds: ['a'] }, { customerIds: ['b', 7] }] }, { tiers: [{ customerIds: ['b', 'c'] }, 'junk'] });
    expect(m).toMatchObject({ up: ['b'], left: ['a'], entered: ['c'], counts: [[0, 0], [1, 0]] });
  });
});

describe('a stored tier rule', () => {
  it('reads back what snapshotValues wrote, and nothing malformed', () => {
    expect(tierRuleOf('{"kind":"thresholds","mins":[5000,2000]}')).toEqual({ kind: 'thresholds', mins: [5000, 2000] });
    expect(tierRuleOf('{"kind":"shares","shares":["x"]}')).toBeNull();
    expect(tierRuleOf('nope')).toBeNull();
    expect(tierRuleOf(42)).toBeNull();
  });
});
