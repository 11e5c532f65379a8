import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { orderAmount } from './execution';
import { orderFromQuote } from './convert';

describe('an order from a quote', () => {
  const products = [rec('p1', { costPrice: 60 }), rec('p2', { costPrice: 'junk' })];
  const lines = [
    rec('q.L1', { quoteId: 'q', seq: 1, productId: 'p2', quantity: 2, unitPrice: 50 }),
    rec('q.L0', { quoteId: 'q', seq: 0, productId: 'p1', quantity: 10, unitPrice: 100, rate: 0.9, manualRate: 0.8 }),
    rec('q.L2', { quoteId: 'q', seq: 2, productId: 'p1', quantity: 1, unitPrice: 1, deleted: true }),
  ];

  it('takes the lines at the rate they were priced, with the cost price frozen', () => {
    const r = orderFromQuote(rec('q', { status: 'approved', customerId: 'c', ownerId: 'u', opportunityId: 'op' }), lines, products);
    if (!r.ok) throw new Error('refused');
    expect(r.value.order).toEqual({ customerId: 'c', opportunityId: 'op', quoteId: 'q', ownerId: 'u', type: 'standard', status: 'draft' });
    expect(r.value.lines).toEqual([
      { seq: 0, productId: 'p1', quantity: 10, unitPrice: 100, rate: 0.8, costPrice: 60, note: undefined },
      { seq: 1, productId: 'p2', quantity: 2, unitPrice: 50, rate: 1, costPrice: 0, note: undefined },
    ]);
    // 10 × 100 × 0.8 + 2 × 50 = 900, the quote's discounted total
    expect(orderAmount(r.value.lines)).toBe(900);
  });

  it('refuses a pending or rejected quote, and one without lines', () => {
    expect(orderFromQuote(rec('q', { status: 'pending' }), lines, products).ok).toBe(false);
    expect(orderFromQuote(rec('q', { status: 'rejected' }), lines, products).ok).toBe(false);
    expect(orderFromQuote(rec('q', { status: 'draft' }), [], products).ok).toBe(false);
  });
});
