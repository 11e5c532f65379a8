import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import {
  allDues, arrearsBy, checkReceipt, dunningState, instalmentDues, orderAccount, overdueInstalments, planDifference, type FinanceData, type OrderMoney,
} from './accounts';

const line = (id: string, orderId: string, quantity: number, unitPrice: number, rate?: number) => rec(id, { orderId, quantity, unitPrice, rate });

describe('order account', () => {
  /*
   * o1, approved: L1 10 × 100 at 0.9 = 900, L2 5 × 200 = 1000          amount      1900
   * 2 of L2 returned (2 × 200)                                         returned     400
   *                                                                    receivable  1500
   * receipt 1000                                                       received    1000
   * refund 100 (a payment)                                             refunded     100
   * balance = 1500 − 1000 + 100 = 600, overpaid 0
   * Offline: device A records 500, device B records 400, each ≤ 600 when entered.
   * merged: received 1900, balance = 1500 − 1900 + 100 = −300 → overpaid 300
   */
  const m: OrderMoney = {
    order: rec('o1', { status: 'approved', customerId: 'c', ownerId: 'u' }),
    lines: [line('L1', 'o1', 10, 100, 0.9), line('L2', 'o1', 5, 200)],
    returnLines: [rec('r1', { orderLineId: 'L2', quantity: 2 })],
    instalments: [],
    receipts: [rec('k1', { amount: 1000 }), rec('kx', { amount: 999, deleted: true })],
    payments: [rec('p1', { amount: 100, kind: 'refund' })],
  };

  it('computes receivable, received, refunded, balance', () => {
    expect(orderAccount(m)).toEqual({ orderId: 'o1', customerId: 'c', ownerId: 'u', receivable: 1500, received: 1000, refunded: 100, balance: 600, overpaid: 0 });
  });

  it('refuses a receipt above the balance at entry', () => {
    const acc = orderAccount(m);
    expect(checkReceipt(acc, 600).ok).toBe(true);
    const r = checkReceipt(acc, 600.01);
    expect(r.ok ? '' : r.refusal.message.zh).toBe('收款金额超过订单余额 600');
    expect(checkReceipt(acc, 0).ok).toBe(false);
    expect(checkReceipt(acc, 'x').ok).toBe(false);
  });

  it('keeps two offline receipts that together overpay, and shows the overpayment', () => {
    const acc = orderAccount(m);
    expect(checkReceipt(acc, 500).ok && checkReceipt(acc, 400).ok).toBe(true);
    const merged = orderAccount({ ...m, receipts: [...m.receipts, rec('kA', { amount: 500 }), rec('kB', { amount: 400 })] });
    expect(merged).toMatchObject({ received: 1900, balance: -300, overpaid: 300 });
    expect(checkReceipt(merged, 1).ok).toBe(false);
  });

  it('a draft or cancelled order is not receivable', () => {
    expect(orderAccount({ ...m, order: rec('o1', { status: 'draft' }) }).receivable).toBe(0);
    expect(orderAccount({ ...m, order: rec('o1', { status: 'cancelled' }) }).receivable).toBe(0);
  });

  it('compares the plan with the amount', () => {
    expect(planDifference(1900, [rec('i1', { amount: 1000 }), rec('i2', { amount: 500 })])).toEqual({ planned: 1500, difference: 400 });
    expect(planDifference(1000, [rec('i1', { amount: 1200 })])).toEqual({ planned: 1200, difference: -200 });
  });
});

describe('arrears and ageing on 2026-04-05', () => {
  /*
   * o2 c1/u1 approved 2026-01-01, 100 × 100 = 10000; plan I1 3000 due 01-31, I2 3000 due 02-28, I3 4000 due 04-30
   *    R1 2000 names I2 → I2 paid 2000; R2 1500 names none → pool → I1 (oldest) paid 1500
   *    unpaid: I1 1500 (64 days: d61to90), I2 1000 (36: d31to60), I3 4000 (not due); Σ 6500 = balance
   * o3 c1/u2 approved 2025-12-01, 8 × 100 = 800, no plan → one instalment due 2025-12-01, 125 days: over90 800
   * o4 c2/u1 approved 2026-03-20, 2000; plan I4a 1000 due 03-25, I4b 1000 due 04-04
   *    R4 1500 names I4a → 1000 to I4a, 500 excess to the pool → I4b; unpaid I4b 500 (1 day: d1to30)
   * o5 c2/u2 approved 2026-02-01, 2 × 500 = 1000; plan I5a 500 due 03-01, I5b 500 due 05-01; 1 unit returned
   *    receivable 500, balance 500, unpaid before the cap 1000 → 500 off the latest: I5b 0; I5a 500 (35 days: d31to60)
   * o6 draft: nothing.
   *
   *  by customer  未到期  1–30  31–60  61–90  90+   total  overdue
   *  c1            4000     0   1000   1500   800   7300    3300
   *  c2               0   500    500      0     0   1000    1000
   *  by rep
   *  u1            4000   500   1000   1500     0   7000    3000
   *  u2               0     0    500      0   800   1300    1300
   */
  const data: FinanceData = {
    orders: [
      rec('o2', { status: 'executing', customerId: 'c1', ownerId: 'u1', approvedAt: '2026-01-01' }),
      rec('o3', { status: 'approved', customerId: 'c1', ownerId: 'u2', approvedAt: '2025-12-01' }),
      rec('o4', { status: 'approved', customerId: 'c2', ownerId: 'u1', approvedAt: '2026-03-20' }),
      rec('o5', { status: 'completed', customerId: 'c2', ownerId: 'u2', approvedAt: '2026-02-01' }),
      rec('o6', { status: 'draft', customerId: 'c2', ownerId: 'u2', date: '2026-01-01' }),
    ],
    orderLines: [
      line('l2', 'o2', 100, 100), line('l3', 'o3', 8, 100), line('l4', 'o4', 20, 100), line('l5', 'o5', 2, 500), line('l6', 'o6', 1, 99),
    ],
    returnLines: [rec('rl5', { orderLineId: 'l5', quantity: 1 })],
    instalments: [
      rec('I3', { orderId: 'o2', seq: 2, dueDate: '2026-04-30', amount: 4000 }),
      rec('I1', { orderId: 'o2', seq: 0, dueDate: '2026-01-31', amount: 3000 }),
      rec('I2', { orderId: 'o2', seq: 1, dueDate: '2026-02-28', amount: 3000 }),
      rec('I4a', { orderId: 'o4', dueDate: '2026-03-25', amount: 1000 }),
      rec('I4b', { orderId: 'o4', dueDate: '2026-04-04', amount: 1000 }),
      rec('I5a', { orderId: 'o5', dueDate: '2026-03-01', amount: 500 }),
      rec('I5b', { orderId: 'o5', dueDate: '2026-05-01', amount: 500 }),
    ],
    receipts: [
      rec('R1', { orderId: 'o2', instalmentId: 'I2', date: '2026-02-20', amount: 2000 }),
      rec('R2', { orderId: 'o2', date: '2026-02-01', amount: 1500 }),
      rec('R4', { orderId: 'o4', instalmentId: 'I4a', date: '2026-03-26', amount: 1500 }),
    ],
    payments: [],
  };
  const dues = allDues(data);
  const unpaid = (id: string | null, orderId?: string) => dues.find((d) => d.instalmentId === id && (!orderId || d.orderId === orderId))?.unpaid;

  it('pays named instalments first, then the oldest due, and caps at the balance', () => {
    expect([unpaid('I1'), unpaid('I2'), unpaid('I3')]).toEqual([1500, 1000, 4000]);
    expect(unpaid(null, 'o3')).toBe(800);
    expect([unpaid('I4a'), unpaid('I4b')]).toEqual([0, 500]);
    expect([unpaid('I5a'), unpaid('I5b')]).toEqual([500, 0]);
    expect(dues.some((d) => d.orderId === 'o6')).toBe(false);
  });

  it('ages arrears by customer and by rep', () => {
    expect(arrearsBy(dues, 'customerId', '2026-04-05')).toEqual([
      { key: 'c1', buckets: { notDue: 4000, d1to30: 0, d31to60: 1000, d61to90: 1500, over90: 800 }, total: 7300, overdue: 3300, orderIds: ['o2', 'o3'] },
      { key: 'c2', buckets: { notDue: 0, d1to30: 500, d31to60: 500, d61to90: 0, over90: 0 }, total: 1000, overdue: 1000, orderIds: ['o4', 'o5'] },
    ]);
    expect(arrearsBy(dues, 'ownerId', '2026-04-05').map((r) => [r.key, r.buckets, r.total, r.overdue])).toEqual([
      ['u1', { notDue: 4000, d1to30: 500, d31to60: 1000, d61to90: 1500, over90: 0 }, 7000, 3000],
      ['u2', { notDue: 0, d1to30: 0, d31to60: 500, d61to90: 0, over90: 800 }, 1300, 1300],
    ]);
  });

  it('lists each order once per row whatever the order of the dues, and sums cents exactly', () => {
    const [a, b] = [dues.find((d) => d.orderId === 'o2')!, dues.find((d) => d.orderId === 'o3')!];
    const shuffled = [a, b, a, { ...b, unpaid: 0.1 }, { ...b, unpaid: 0.2 }];
    const [row] = arrearsBy(shuffled, 'customerId', '2026-04-05');
    expect(row.orderIds).toEqual(['o2', 'o3']);
    expect([a.unpaid, b.unpaid]).toEqual([1500, 800]);
    expect(row.total).toBe(3800.3); // 1500 + 800 + 1500 + 0.1 + 0.2, not 3800.2999999999997
  });

  it('lists overdue instalments for dunning, oldest first; due today is not overdue', () => {
    expect(overdueInstalments(dues, '2026-04-05').map((d) => [d.orderId, d.instalmentId, d.unpaid, d.daysOverdue])).toEqual([
      ['o3', null, 800, 125], ['o2', 'I1', 1500, 64], ['o2', 'I2', 1000, 36], ['o5', 'I5a', 500, 35], ['o4', 'I4b', 500, 1],
    ]);
    expect(overdueInstalments(dues, '2026-04-04').some((d) => d.instalmentId === 'I4b')).toBe(false);
  });

  it('a plan short of the amount gets the rest as one more instalment; refunds reopen what was paid', () => {
    const m: OrderMoney = {
      order: rec('o', { status: 'approved', approvedAt: '2026-01-01' }), lines: [line('l', 'o', 10, 100)], returnLines: [],
      instalments: [rec('i', { dueDate: '2026-02-01', amount: 600 })],
      receipts: [rec('k', { amount: 700 })], payments: [rec('p', { amount: 200 })],
    };
    // balance = 1000 − 700 + 200 = 500; pool = 700 − 200 = 500 → i paid 500 (unpaid 100), rest 400 due 02-01
    expect(instalmentDues(m).map((d) => [d.instalmentId, d.dueDate, d.amount, d.unpaid])).toEqual([['i', '2026-02-01', 600, 100], [null, '2026-02-01', 400, 400]]);
  });
});

describe('dunning state', () => {
  it('counts the actions on an order or instalment, and the latest promise', () => {
    const logs = [
      rec('g1', { orderId: 'o', instalmentId: 'i1', at: 100, promisedDate: '2026-04-10' }),
      rec('g2', { orderId: 'o', instalmentId: 'i1', at: 300, promisedDate: '2026-04-20' }),
      rec('g3', { orderId: 'o', instalmentId: 'i2', at: 200 }),
      rec('g4', { orderId: 'o', at: 400, deleted: true }),
    ];
    expect(dunningState(logs, 'o', 'i1')).toEqual({ count: 2, lastAt: 300, promisedDate: '2026-04-20' });
    expect(dunningState(logs, 'o')).toEqual({ count: 3, lastAt: 300, promisedDate: '2026-04-20' });
    expect(dunningState(logs, 'x')).toEqual({ count: 0, lastAt: null, promisedDate: null });
  });
});
