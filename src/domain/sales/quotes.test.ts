import { describe, expect, it } from 'vitest';
import {
  duplicateRecordQuotes, isQuoteLocked, priceQuote, quoteApprovalNeed,
  quoteEditBlocker, quoteLinkBlocker, quoteLinkValues, quoteProblems, quoteView, statusAfterEdit, submitQuote, submitterOf,
} from './quotes';
import { rec } from './testing';

const rules = [
  rec('cC1', { kind: 'customer', customerId: 'C1', rate: 0.9 }),
  rec('v10', { kind: 'volume', minQty: 10, rate: 0.95 }),
  rec('pos', { kind: 'position', roleId: 'r-sales', rate: 0.88 }),
];
const products = [rec('P1', { listPrice: 1000 }), rec('P2', { listPrice: 200 })];
const lines = [{ productId: 'P1', quantity: 10, unitPrice: 1000, rate: 0.855 }];

describe('pricing a quote', () => {
  it('prices lines with the engine and totals them', () => {
    const q = priceQuote([{ productId: 'P1', quantity: 10 }, { productId: 'P2', quantity: 2 }], products, { rules, customerId: 'C1' });
    // P1: 10 × 1000 = 10000 @ 0.9 × 0.95 = 0.855 → 8550; P2: 2 × 200 = 400 @ 0.9 → 360
    expect(q.lines.map((l) => l.rate)).toEqual([0.855, 0.9]);
    // totals 10400 → 8910; rate 8910 / 10400 = 0.856731 (6 decimals)
    expect(q.totals).toMatchObject({ amount: 10400, discountedAmount: 8910, rate: 0.856731 });
  });

  it('needs approval when below the role\'s limit', () => {
    const q = rec('q', { lines });
    expect(quoteApprovalNeed(q, rules, 'r-sales').needed).toBe(true); // 0.855 < 0.88
    expect(quoteApprovalNeed(q, rules, 'r-boss', 20).needed).toBe(false); // up to 20 % off: 0.855 ≥ 0.80
  });
});

describe('one quote per contact / maintenance record', () => {
  const existing = rec('q1', { contactRecordId: 'cr1' });

  it('refuses a second quote on the same record', () => {
    expect(quoteLinkBlocker(rec('q2', { contactRecordId: 'cr1' }), [existing])?.zh).toContain('一次联系记录对应一份报价单');
    expect(quoteLinkBlocker(rec('q2', { contactRecordId: 'cr2' }), [existing])).toBeNull();
    expect(quoteLinkBlocker(existing, [existing])).toBeNull(); // editing itself
    expect(quoteLinkBlocker(rec('q2', { contactRecordId: 'cr1' }), [{ ...existing, deleted: true }])).toBeNull();
    expect(quoteLinkBlocker(rec('q3', { contactRecordId: 'a', maintenanceRecordId: 'b' }), [])).not.toBeNull();
  });

  it('reports records that got two quotes from peers apart', () => {
    const v = duplicateRecordQuotes([existing, rec('q2', { contactRecordId: 'cr1' }), rec('q3', { maintenanceRecordId: 'm1' })]);
    expect(v).toEqual([expect.objectContaining({ code: 'duplicateRecordQuote', ids: ['q1', 'q2'] })]);
  });

  it('links a quote to a record and its parent', () => {
    expect(quoteLinkValues('contactRecord', rec('cr1', { ownerId: 'u1' }), rec('o1', { customerId: 'C1', ownerId: 'u2' })))
      .toEqual({ customerId: 'C1', ownerId: 'u1', contactRecordId: 'cr1', opportunityId: 'o1' });
    expect(quoteLinkValues('maintenanceRecord', rec('m1'), rec('p1', { customerId: 'C1', ownerId: 'u2' })))
      .toEqual({ customerId: 'C1', ownerId: 'u2', maintenanceRecordId: 'm1', projectId: 'p1' });
  });
});

describe('approval flow', () => {
  const draft = rec('q', { status: 'draft', lines, steps: [] });

  it('draft → pending (locked): the submission gives the status and ONE step to append as a row (decisions: the approval engine)', () => {
    const s = submitQuote(draft, 'u-rep', 100, '请批');
    expect(s).toEqual({ ok: true, value: { patch: { status: 'pending' }, step: { action: 'submit', by: 'u-rep', at: 100, comment: '请批' } } });
    if (!s.ok) throw new Error('submit');
    const pending = quoteView({ ...draft, ...s.value.patch }, lines, [{ ...s.value.step }]);
    expect(isQuoteLocked(pending)).toBe(true);
    expect(quoteEditBlocker(pending)?.zh).toContain('锁定');
  });

  it('a view orders rows as they were added (seq; same seq from two devices: by time, then id), rows in the bin left out', () => {
    const v = quoteView(rec('q'), [rec('l2', { seq: 1 }), rec('l1', { seq: 0 }), rec('lx', { seq: 2, deleted: true })],
      [rec('s2', { action: 'approve', seq: 1, at: 200 }), rec('s1', { action: 'submit', seq: 0, at: 900 }), rec('s3', { action: 'reject', seq: 1, at: 150 })]);
    expect(v.lines.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(v.steps.map((s) => s.id)).toEqual(['s1', 's3', 's2']);
    expect(submitterOf({ ...v, steps: [...v.steps, rec('s0', { action: 'submit', by: 'u-late', seq: 3, at: 300 })] })).toBe('u-late');
  });

  it('an approved quote cannot be resubmitted; a rejected one can', () => {
    expect(submitQuote({ ...draft, status: 'approved' }, 'u-rep', 1).ok).toBe(false);
    expect(submitQuote({ ...draft, status: 'rejected' }, 'u-rep', 1).ok).toBe(true);
  });

  it('editing an approved or rejected quote sends it back to draft', () => {
    expect(statusAfterEdit({ status: 'approved' })).toBe('draft');
    expect(statusAfterEdit({ status: 'rejected' })).toBe('draft');
    expect(statusAfterEdit({ status: 'pending' })).toBe('pending');
  });

  it('an incomplete quote cannot be submitted', () => {
    expect(quoteProblems(rec('e', { lines: [] }))).toHaveLength(1);
    expect(quoteProblems(rec('e', { lines: [{ quantity: 'x', unitPrice: 1 }] })).map((l) => l.en)).toEqual([
      '1 line(s) have an invalid quantity or unit price', 'Line 1 has no product',
    ]);
    expect(submitQuote(rec('e', { lines: [] }), 'u', 1).ok).toBe(false);
  });
});
