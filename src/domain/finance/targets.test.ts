import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { countingTypes, DEFAULT_COUNTING_TYPES } from '../orders/entities';
import { salesActual, targetSettingsOf } from './targets';

/*
 * March 2026, rep u1 (department d1):
 *   o1 standard, approved 2026-03-05, 10 × 100            1000  counts
 *   o2 special,  approved 2026-03-10, 5 × 100               —   special orders do not count
 *   o3 standard, approved 2026-02-28                        —   another month
 *   o4 standard, submitted (not approved)                   —
 *   o5 standard, approved 2026-03-20, u2                    —   another rep (counts for the department)
 *   op1 won 2026-03-15, expected 700, no order              700 (setting on)
 *   op2 won 2026-03-16, expected 900, order o1 names it     —   the order counts instead
 *   op3 won 2026-03-17, expected 300, only a cancelled order names it: 300
 * u1 actual = 1000 + 700 + 300 = 2000; with the setting off 1000.
 * department d1 (u1, u2; o5 = 4 × 100): 1000 + 400 + 700 + 300 = 2400.
 */
const input = {
  countingTypes: DEFAULT_COUNTING_TYPES,
  orders: [
    rec('o1', { type: 'standard', status: 'completed', approvedAt: '2026-03-05', ownerId: 'u1', opportunityId: 'op2' }),
    rec('o2', { type: 'special', status: 'approved', approvedAt: '2026-03-10', ownerId: 'u1' }),
    rec('o3', { type: 'standard', status: 'approved', approvedAt: '2026-02-28', ownerId: 'u1' }),
    rec('o4', { type: 'standard', status: 'submitted', date: '2026-03-01', ownerId: 'u1' }),
    rec('o5', { type: 'standard', status: 'executing', approvedAt: '2026-03-20', ownerId: 'u2' }),
    rec('o6', { type: 'standard', status: 'cancelled', ownerId: 'u1', opportunityId: 'op3' }),
  ],
  orderLines: [
    rec('l1', { orderId: 'o1', quantity: 10, unitPrice: 100 }), rec('l2', { orderId: 'o2', quantity: 5, unitPrice: 100 }),
    rec('l3', { orderId: 'o3', quantity: 1, unitPrice: 100 }), rec('l4', { orderId: 'o4', quantity: 1, unitPrice: 100 }),
    rec('l5', { orderId: 'o5', quantity: 4, unitPrice: 100 }),
  ],
  opportunities: [
    rec('op1', { status: 'won', actualDate: '2026-03-15', expectedAmount: 700, ownerId: 'u1' }),
    rec('op2', { status: 'won', actualDate: '2026-03-16', expectedAmount: 900, ownerId: 'u1' }),
    rec('op3', { status: 'won', actualDate: '2026-03-17', expectedAmount: 300, ownerId: 'u1' }),
  ],
};

describe('sales target actual on orders', () => {
  it('counts standard orders approved in the month, and opportunities without an order', () => {
    expect(salesActual(input, { scope: 'person', userId: 'u1' }, '2026-03')).toEqual({
      actual: 2000, ids: ['o1', 'op1', 'op3'], orderIds: ['o1'], opportunityIds: ['op1', 'op3'],
    });
    const off = salesActual({ ...input, settings: { countOpportunitiesWithoutOrder: false } }, { scope: 'person', userId: 'u1' }, '2026-03');
    expect(off.actual).toBe(1000);
    const dept = salesActual(input, { scope: 'department', departmentId: 'd1' }, '2026-03', { userDepartments: { u1: 'd1', u2: 'd1' } });
    expect(dept.actual).toBe(2400);
  });

  it('reads which order types count from the dictionary options', () => {
    const opts = [{ code: 'standard' }, { code: 'special' }, { code: 'frame', counts: false }, { code: 'new' }, { code: 'x', counts: true, deleted: true }];
    expect([...countingTypes(opts)]).toEqual(['standard', 'new']);
    expect([...DEFAULT_COUNTING_TYPES]).toEqual(['standard']);
    expect(targetSettingsOf(undefined).countOpportunitiesWithoutOrder).toBe(true);
    expect(targetSettingsOf({ targetCountsOpportunities: false }).countOpportunitiesWithoutOrder).toBe(false);
  });
});
