import { describe, expect, it } from 'vitest';
import { peer } from '../core/test-peers';
import { approvalOf, decideDoc } from './engine';
import { approvalStepsOf, inboxOf } from '../sales/quotes';
import { orderInbox } from '../orders/status';
import type { Workspace } from '../core/workspace';

/* A workspace the previous version wrote: quotes' steps in quoteSteps, orders' in orderSteps (no approvalSteps). */
function previousVersion(): Workspace {
  const ws = peer('mgr');
  ws.transact(() => {
    ws.collection('roles').create({ name: '业务员', perm_sales: 'write', perm_orders: 'write' }, 'r-rep');
    ws.collection('roles').create({ name: '经理', perm_sales: 'approve', perm_orders: 'approve' }, 'r-mgr');
    ws.collection('users').create({ name: '张三', roleId: 'r-rep' }, 'rep');
    ws.collection('users').create({ name: '李经理', roleId: 'r-mgr' }, 'mgr');
    // a quote rejected once, resubmitted and waiting
    ws.collection('quotes').create({ code: 'BJ1', status: 'pending', ownerId: 'rep', customerId: 'c', date: '2026-01-01' }, 'q');
    [['submit', 'rep', 1], ['reject', 'mgr', 2], ['submit', 'rep', 3]].forEach(([action, by, at], seq) =>
      ws.collection('quoteSteps').create({ quoteId: 'q', seq, action, by, at, ...(action === 'reject' ? { comment: '太低' } : {}) }));
    // an order approved at once (within the limit: a submit and no decision), and one waiting
    ws.collection('orders').create({ code: 'DD1', status: 'executing', ownerId: 'rep', customerId: 'c' }, 'o1');
    ws.collection('orderSteps').create({ orderId: 'o1', seq: 0, action: 'submit', by: 'rep', at: 1 });
    ws.collection('orderSteps').create({ orderId: 'o1', seq: 1, action: 'execute', by: 'rep', at: 2 });
    ws.collection('orders').create({ code: 'DD2', status: 'submitted', ownerId: 'rep', customerId: 'c' }, 'o2');
    ws.collection('orderSteps').create({ orderId: 'o2', seq: 0, action: 'submit', by: 'rep', at: 5 });
  });
  return ws;
}

describe('steps the previous version kept are read as engine steps (no migration)', () => {
  it('a waiting quote keeps its history and round, and is decided on the engine', () => {
    const ws = previousVersion();
    const q = ws.collection('quotes').get('q')!;
    expect(approvalOf(ws, 'quotes', q)).toMatchObject({ phase: 'pending', state: { round: 2, current: 1 } });
    expect(inboxOf(ws, 'mgr').map((x) => x.id)).toEqual(['q']);
    expect(decideDoc(ws, 'quotes', 'q', 'mgr', true, '同意', 10).ok).toBe(true);
    expect(ws.collection('quotes').get('q')!.status).toBe('approved');
    expect(approvalStepsOf(ws, 'q').map((s) => `${String(s.action)}:${String(s.by)}`)).toEqual(['submit:rep', 'reject:mgr', 'submit:rep', 'approve:mgr']);
    expect(ws.collection('approvalSteps').live()).toMatchObject([{ docType: 'quotes', docId: 'q', round: 2, step: 1, action: 'approve' }]);
  });
  it('an order approved at once stays approved; a submitted one waits in the inbox', () => {
    const ws = previousVersion();
    expect(approvalOf(ws, 'orders', ws.collection('orders').get('o1')!)!.phase).toBe('approved');
    expect(approvalOf(ws, 'orders', ws.collection('orders').get('o2')!)!.phase).toBe('pending');
    expect(orderInbox(ws, 'mgr').map((o) => o.id)).toEqual(['o2']);
    expect(orderInbox(ws, 'rep')).toEqual([]);
  });
  it('a document waiting with no step at all (imported) is pending, submitted by its owner', () => {
    const ws = previousVersion();
    ws.collection('orders').create({ code: 'DD3', status: 'submitted', ownerId: 'rep', customerId: 'c' }, 'o3');
    const a = approvalOf(ws, 'orders', ws.collection('orders').get('o3')!)!;
    expect(a).toMatchObject({ phase: 'pending', state: { submission: { by: 'rep' } } });
    expect(orderInbox(ws, 'mgr').map((o) => o.id).sort()).toEqual(['o2', 'o3']);
    expect(decideDoc(ws, 'orders', 'o3', 'mgr', true).ok).toBe(true);
    expect(ws.collection('orders').get('o3')!.status).toBe('approved');
  });
});
