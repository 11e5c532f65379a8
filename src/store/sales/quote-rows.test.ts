import { describe, expect, it } from 'vitest';
import type { Workspace } from '../core/workspace';
import { both, peer } from '../core/test-peers';
import { quoteTotals } from '../../domain/sales';
import { approvalStepsOf, approveQuoteAs, linesOf, rejectQuoteAs, saveQuoteLines, submitQuoteForApproval } from './quotes';

/** A quote, two products and a rep and a manager, on peer `a` (then synced to the others). */
function seed(a: Workspace): void {
  a.transact(() => {
    a.collection('roles').create({ name: '业务员', discountLimit: 5, perm_sales: 'write' }, 'role-rep');
    a.collection('roles').create({ name: '经理', discountLimit: 20, perm_sales: 'approve' }, 'role-mgr');
    a.collection('users').create({ name: '张三', roleId: 'role-rep' }, 'rep');
    a.collection('users').create({ name: '李经理', roleId: 'role-mgr' }, 'mgr');
    a.collection('users').create({ name: '王经理', roleId: 'role-mgr' }, 'mgr2');
    a.collection('customers').create({ code: 'KH1', name: '甲' }, 'c1');
    a.collection('products').create({ code: 'P1', name: 'ERP', listPrice: 1000 }, 'p1');
    a.collection('products').create({ code: 'P2', name: 'CRM', listPrice: 300 }, 'p2');
    a.collection('quotes').create({ code: 'BJ1', customerId: 'c1', ownerId: 'rep', date: '2026-11-01', status: 'draft' }, 'q');
  });
}

const shownIds = (ws: Workspace) => linesOf(ws, 'q').map((l) => l.id);
const asInputs = (ws: Workspace) => linesOf(ws, 'q').map((l) => ({ id: l.id, productId: String(l.productId), quantity: Number(l.quantity) }));

describe('quote lines as child rows: concurrent adds both survive', () => {
  it('BEFORE (lines as an array inside the quote, schema 2): two people adding a line while apart keep only one side\'s', () => {
    const a = peer('alice');
    const b = peer('bob');
    seed(a);
    a.transact(() => a.collection('quotes').update('q', { lines: [{ productId: 'p1', quantity: 1, unitPrice: 1000, rate: 1 }] }));
    both(a, b);
    // apart: each appends a line to the array, as the previous version's saveQuoteLines wrote it
    const append = (ws: Workspace, line: Record<string, unknown>) =>
      ws.transact(() => ws.collection('quotes').update('q', { lines: [...(ws.collection('quotes').get('q')!.lines as unknown[]), line] }));
    append(a, { productId: 'p2', quantity: 2, unitPrice: 300, rate: 1 });
    append(b, { productId: 'p1', quantity: 5, unitPrice: 1000, rate: 1 });
    both(a, b);
    const lines = a.collection('quotes').get('q')!.lines as { productId: string; quantity: number }[];
    expect(lines).toEqual(b.collection('quotes').get('q')!.lines);
    // the per-field merge replaced the field whole: one of the two new lines is gone
    expect(lines).toHaveLength(2);
  });

  it('AFTER: each line is its own record, so both added lines are there on both peers, in the same order, with both in the totals', () => {
    const a = peer('alice');
    const b = peer('bob');
    seed(a);
    expect(saveQuoteLines(a, 'q', [{ productId: 'p1', quantity: 1 }]).ok).toBe(true);
    both(a, b);
    // apart: Alice adds a CRM line, Bob adds five more ERP — each saving from the rows they saw
    expect(saveQuoteLines(a, 'q', [...asInputs(a), { productId: 'p2', quantity: 2 }], shownIds(a)).ok).toBe(true);
    expect(saveQuoteLines(b, 'q', [...asInputs(b), { productId: 'p1', quantity: 5 }], shownIds(b)).ok).toBe(true);
    both(a, b);
    const show = (ws: Workspace) => linesOf(ws, 'q').map((l) => `${String(l.productId)}×${String(l.quantity)}`);
    expect(show(a)).toHaveLength(3);
    expect(show(a).slice(0, 1)).toEqual(['p1×1']);
    expect([...show(a)].sort()).toEqual(['p1×1', 'p1×5', 'p2×2']);
    expect(show(b)).toEqual(show(a)); // deterministic order on every peer (seq, then id)
    expect(quoteTotals(linesOf(a, 'q')).amount).toBe(1000 + 600 + 5000);
    expect(quoteTotals(linesOf(b, 'q')).amount).toBe(6600);
  });

  it('a save never takes out a line another device added meanwhile (only lines the editor showed)', () => {
    const a = peer('alice');
    const b = peer('bob');
    seed(a);
    saveQuoteLines(a, 'q', [{ productId: 'p1', quantity: 1 }, { productId: 'p2', quantity: 1 }]);
    both(a, b);
    const shownBefore = shownIds(a);
    const [first] = asInputs(a);
    // Bob adds a line; it reaches Alice while she is editing (she removes her second line)
    saveQuoteLines(b, 'q', [...asInputs(b), { productId: 'p2', quantity: 9 }], shownIds(b));
    both(a, b);
    expect(saveQuoteLines(a, 'q', [first], shownBefore).ok).toBe(true);
    both(a, b);
    expect(linesOf(b, 'q').map((l) => `${String(l.productId)}×${String(l.quantity)}`)).toEqual(['p1×1', 'p2×9']);
  });

  it('two managers deciding while apart: both steps are kept in the approval history, the status is the same on both', () => {
    const a = peer('mgr');
    const b = peer('mgr2');
    seed(a);
    saveQuoteLines(a, 'q', [{ productId: 'p1', quantity: 1, manualRate: 0.7 }]);
    expect(submitQuoteForApproval(a, 'q', 'rep', '请批', 1000).ok).toBe(true);
    both(a, b);
    expect(approveQuoteAs(a, 'q', 'mgr', '同意', 2000).ok).toBe(true);
    expect(rejectQuoteAs(b, 'q', 'mgr2', '太低', 2500).ok).toBe(true);
    both(a, b);
    const history = (ws: Workspace) => approvalStepsOf(ws, 'q').map((s) => `${String(s.action)}:${String(s.by)}`);
    expect(history(a)).toEqual(['submit:rep', 'approve:mgr', 'reject:mgr2']);
    expect(history(b)).toEqual(history(a));
    expect(a.collection('quotes').get('q')?.status).toBe(b.collection('quotes').get('q')?.status);
  });
});
