import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../core/record';
import type { RuleContext } from '../core/rules';
import { rec } from '../sales/testing';
import { RULES } from '../registry';

/** A rule context over fixed collections (the store builds the real one). */
function ctx(data: Record<string, BaseRecord[]>, userId = 'u1'): RuleContext {
  const live = (c: string) => (data[c] ?? []).filter((r) => !r.deleted);
  return { userId, now: 1_800_000_000_000, today: '2026-03-05', live, get: (c, id) => (data[c] ?? []).find((r) => r.id === id) };
}

const base = {
  users: [rec('u1', { code: 'A7' }), rec('u2', { code: 'B9', departmentId: 'd2' })],
  customers: [rec('c1', { ownerId: 'u2' })],
  products: [rec('p1', { listPrice: 100, costPrice: 60 })],
  orders: [
    rec('o1', { code: 'DD-A7-0004', customerId: 'c1', ownerId: 'u2', status: 'draft' }),
    rec('o2', { code: 'DD-A7-0005', customerId: 'c1', ownerId: 'u2', status: 'approved', approvedAt: '2026-03-01' }),
  ],
  orderLines: [rec('L1', { orderId: 'o1', quantity: 2, unitPrice: 100, rate: 0.9 }), rec('L2', { orderId: 'o2', quantity: 10, unitPrice: 100 })],
  deliveryLines: [rec('dl', { deliveryId: 'd', orderLineId: 'L2', quantity: 7 })],
  receipts: [rec('k1', { orderId: 'o2', amount: 600 })],
};

describe('orders and finance rules on the one save path', () => {
  it('a new order: next number of the acting user, the customer owner, standard draft today', () => {
    expect(RULES.orders.defaults!(ctx(base), { customerId: 'c1' })).toEqual({
      code: 'DD-A7-0006', ownerId: 'u2', date: '2026-03-05', status: 'draft', type: 'standard',
    });
  });

  it('derives the amount from the live lines and the department from the owner', () => {
    const v = RULES.orders.prepare!({ customerId: 'c1', ownerId: 'u2' }, base.orders[0], ctx(base));
    expect(v).toMatchObject({ amount: 180, departmentId: 'd2' });
  });

  it('locks an approved order and its lines, not a draft', () => {
    const c = ctx(base);
    expect(RULES.orders.validate!({ note: 'x' }, base.orders[1], c).note?.zh).toContain('已锁定');
    expect(RULES.orders.validate!({ note: 'x' }, base.orders[0], c)).toEqual({});
    expect(RULES.orders.validate!({ status: 'executing' }, base.orders[1], c)).toEqual({});
    const manual = rec('o3', { ...base.orders[1], id: 'o3', departmentId: 'd9' });
    const statusOnly = RULES.orders.prepare!({ ...manual, status: 'executing' }, manual, c);
    expect(RULES.orders.validate!(statusOnly, manual, c)).toEqual({});
    expect(RULES.orders.locked!(base.orders[1], c)).toContain('customerId');
    expect(RULES.orders.deleteBlocker!(base.orders[1], c)).not.toBeNull();
    expect(RULES.orderLines.validate!({ orderId: 'o2', quantity: 1 }, undefined, c).orderId).toBeDefined();
    expect(RULES.orderLines.validate!({ orderId: 'o1', quantity: 0 }, undefined, c).quantity?.en).toBe('Must be above 0');
    expect(RULES.orderLines.defaults!(c, { productId: 'p1' })).toEqual({ unitPrice: 100, rate: 1, costPrice: 60 });
  });

  it('delivers no more than is undelivered, and only an approved order', () => {
    const c = ctx(base);
    expect(RULES.deliveryLines.validate!({ orderLineId: 'L2', quantity: 3 }, undefined, c)).toEqual({});
    expect(RULES.deliveryLines.validate!({ orderLineId: 'L2', quantity: 4 }, undefined, c).quantity?.zh).toBe('发货数量超过未发货数量 3');
    expect(RULES.returnLines.validate!({ orderLineId: 'L2', quantity: 8 }, undefined, c).quantity?.en).toBe('More than the 7 delivered and not returned');
    expect(RULES.deliveries.validate!({ orderId: 'o1' }, undefined, c).orderId).toBeDefined();
    expect(RULES.deliveries.defaults!(c, { orderId: 'o2' })).toEqual({ code: 'FH-A7-0001', date: '2026-03-05' });
  });

  it('refuses a receipt above the balance; an existing receipt keeps its amount editable around it', () => {
    // o2: receivable 1000, received 600 → balance 400
    const c = ctx(base);
    expect(RULES.receipts.validate!({ orderId: 'o2', amount: 400 }, undefined, c)).toEqual({});
    expect(RULES.receipts.validate!({ orderId: 'o2', amount: 401 }, undefined, c).amount?.zh).toBe('收款金额超过订单余额 400');
    // overpaid after an offline merge: k1 600 + k2 600 = 1200 > 1000; editing k2's note is still fine
    const merged = ctx({ ...base, receipts: [...base.receipts, rec('k2', { orderId: 'o2', amount: 600 })] });
    expect(RULES.receipts.validate!({ orderId: 'o2', amount: 600, note: 'x' }, merged.get('receipts', 'k2'), merged)).toEqual({});
    expect(RULES.receipts.defaults!(c, { orderId: 'o2' })).toMatchObject({ code: 'SK-A7-0001', customerId: 'c1', ownerId: 'u2' });
    expect(RULES.payments.validate!({ orderId: 'o2', amount: 601 }, undefined, c).amount).toBeDefined();
    expect(RULES.instalments.defaults!(c, { orderId: 'o2' })).toEqual({ dueDate: '2026-03-05', amount: 1000 });
  });

  it('locks a submitted or approved expense', () => {
    const c = ctx(base);
    const e = rec('e', { status: 'approved', amount: 5 });
    expect(RULES.expenses.validate!({ amount: 6 }, e, c).amount).toBeDefined();
    expect(RULES.expenses.deleteBlocker!(e, c)).not.toBeNull();
    expect(RULES.expenses.defaults!(c, {})).toMatchObject({ ownerId: 'u1', status: 'draft', code: 'FY-A7-0001' });
  });
});
