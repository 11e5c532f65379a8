import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Workspace } from '../core/workspace';
import { seededWorkspace } from '../test-workspace';
import { both, peer } from '../core/test-peers';
import { seedWorkspace } from '../org/setup';
import type { Result } from '../../domain/core/result';
import {
  createOrder, duplicateOrders, executionByOrder, executionOf, orderFromOpportunity, orderFromQuoteId, orderLinesOf, orderStepsOf,
  saveOrderLines,
} from './orders';
import { actionBlocker, approveOrderAs, myOrderSubmissions, orderInbox, rejectOrderAs, runOrderAction } from './status';
import { createDelivery, createReturn, deliveryDeleteBlocker, documentViews, returnDeleteBlocker } from './execution';
import { moveToBin } from '../core/cascade';

/*
 * A small company: 张三 (业务员, position limit 5 % off → rate 0.95) sells to 恒远机械; 李经理
 * (销售经理, approve on Orders) decides. ERP at 1,000 (cost 600), 服务 at 200 (cost 50).
 */
function company(ws = seededWorkspace()): Workspace {
  ws.transact(() => {
    ws.collection('users').create({ name: '张三', code: 'S01', roleId: 'role-rep', active: true }, 'rep');
    ws.collection('users').create({ name: '李经理', code: 'M01', roleId: 'role-manager', active: true }, 'mgr');
    ws.collection('customers').create({ code: 'KH1', name: '恒远机械', kind: 'customer', ownerId: 'rep' }, 'c1');
    ws.collection('products').create({ code: 'P1', name: 'ERP', listPrice: 1000, costPrice: 600 }, 'p1');
    ws.collection('products').create({ code: 'P2', name: '服务', listPrice: 200, costPrice: 50 }, 'p2');
    ws.collection('quotes').create({ code: 'BJ1', customerId: 'c1', ownerId: 'rep', date: '2026-03-01', status: 'approved', opportunityId: 'o1' }, 'q1');
    ws.collection('quoteLines').create({ quoteId: 'q1', seq: 0, productId: 'p1', quantity: 10, unitPrice: 1000, rate: 0.9 }, 'q1.L0');
    ws.collection('quoteLines').create({ quoteId: 'q1', seq: 1, productId: 'p2', quantity: 5, unitPrice: 200, rate: 1 }, 'q1.L1');
    ws.collection('opportunities').create({ subject: 'ERP 升级', customerId: 'c1', ownerId: 'rep', status: 'won' }, 'o1');
  });
  return ws;
}

const value = <T,>(res: Result<T>): T => {
  if (!res.ok) throw new Error(res.refusal.message.zh);
  return res.value;
};
const refusal = <T,>(res: Result<T>) => {
  expect(res.ok).toBe(false);
  return res.ok ? { zh: '', en: '' } : { zh: res.refusal.message.zh + JSON.stringify(res.refusal.fields ?? {}), en: res.refusal.message.en + JSON.stringify(res.refusal.fields ?? {}) };
};
/** Everything stored in the orders group, to show a refusal wrote nothing. */
const snapshot = (ws: Workspace) => ['orders', 'orderLines', 'orderSteps', 'deliveries', 'deliveryLines', 'returns', 'returnLines']
  .map((c) => JSON.stringify(ws.collection(c).all()));

/** A draft order of ten ERP at list price (within 张三's limit). */
function plainOrder(ws: Workspace): string {
  const id = value(createOrder(ws, { customerId: 'c1' }, 'rep'));
  value(saveOrderLines(ws, id, [{ productId: 'p1', quantity: 10 }, { productId: 'p2', quantity: 4 }], 'rep'));
  return id;
}

describe('orders in the store', () => {
  it('numbers orders per user: DD-<staff code>-0001, -0002; another rep has their own sequence', () => {
    const ws = company();
    const a = value(createOrder(ws, { customerId: 'c1' }, 'rep'));
    const b = value(createOrder(ws, { customerId: 'c1' }, 'rep'));
    const c = value(createOrder(ws, { customerId: 'c1', ownerId: 'mgr' }, 'mgr'));
    expect([a, b, c].map((id) => ws.collection('orders').get(id)?.code)).toEqual(['DD-S01-0001', 'DD-S01-0002', 'DD-M01-0001']);
    expect(ws.collection('orders').get(a)).toMatchObject({ status: 'draft', type: 'standard', ownerId: 'rep', amount: 0 });
  });

  it('an order without a customer is refused with the field named, nothing written', () => {
    const ws = company();
    const before = snapshot(ws);
    const r = refusal(createOrder(ws, {}, 'rep'));
    expect(r.zh).toContain('customerId');
    expect(snapshot(ws)).toEqual(before);
  });

  it('from an approved quote: lines at the quoted rate, cost frozen, amount derived; a draft quote is refused', () => {
    const ws = company();
    const id = value(orderFromQuoteId(ws, 'q1', 'rep'));
    expect(ws.collection('orders').get(id)).toMatchObject({ customerId: 'c1', quoteId: 'q1', opportunityId: 'o1', ownerId: 'rep', amount: 10000 });
    expect(orderLinesOf(ws, id).map((l) => [l.productId, l.quantity, l.unitPrice, l.rate, l.costPrice])).toEqual([['p1', 10, 1000, 0.9, 600], ['p2', 5, 200, 1, 50]]);
    ws.transact(() => ws.collection('quotes').update('q1', { status: 'draft' }));
    const before = snapshot(ws);
    const r = refusal(orderFromQuoteId(ws, 'q1', 'rep'));
    expect(r.zh).toBe('报价单审批通过后才能生成订单{}');
    expect(r.en).toContain('approved quote');
    expect(snapshot(ws)).toEqual(before);
  });

  it('from a won opportunity: its latest approved quote\'s lines, else none; an active one is refused', () => {
    const ws = company();
    const id = value(orderFromOpportunity(ws, 'o1', 'rep'));
    expect(ws.collection('orders').get(id)).toMatchObject({ opportunityId: 'o1', quoteId: 'q1', customerId: 'c1' });
    expect(orderLinesOf(ws, id)).toHaveLength(2);
    ws.transact(() => ws.collection('quotes').update('q1', { status: 'draft' }));
    const empty = value(orderFromOpportunity(ws, 'o1', 'rep'));
    expect(ws.collection('orders').get(empty)).toMatchObject({ opportunityId: 'o1', customerId: 'c1', ownerId: 'rep' });
    expect(orderLinesOf(ws, empty)).toHaveLength(0);
    ws.transact(() => ws.collection('opportunities').update('o1', { status: 'active' }));
    expect(refusal(orderFromOpportunity(ws, 'o1', 'rep')).zh).toContain('商机成功后');
  });

  it('lines on a draft: add, change, remove; the amount follows; a line another device added stays', () => {
    const ws = company();
    const id = plainOrder(ws);
    expect(ws.collection('orders').get(id)?.amount).toBe(10800);
    const [l1, l2] = orderLinesOf(ws, id);
    expect(l1).toMatchObject({ unitPrice: 1000, rate: 1, costPrice: 600, seq: 0 });
    value(saveOrderLines(ws, id, [{ id: l1.id, productId: 'p1', quantity: 8, unitPrice: 900, rate: 0.95 }], 'rep', [l1.id, l2.id]));
    expect(orderLinesOf(ws, id).map((l) => [l.quantity, l.unitPrice, l.rate])).toEqual([[8, 900, 0.95]]);
    expect(ws.collection('orders').get(id)?.amount).toBe(6840);
    ws.transact(() => ws.collection('orderLines').create({ orderId: id, seq: 5, productId: 'p2', quantity: 1, unitPrice: 200, rate: 1 }, 'peer-line'));
    value(saveOrderLines(ws, id, [{ id: l1.id, productId: 'p1', quantity: 8, unitPrice: 900, rate: 0.95 }], 'rep', [l1.id]));
    expect(orderLinesOf(ws, id).map((l) => l.id)).toEqual([l1.id, 'peer-line']);
  });

  it('bad lines are refused with zh/en reasons, nothing written', () => {
    const ws = company();
    const id = plainOrder(ws);
    const before = snapshot(ws);
    expect(refusal(saveOrderLines(ws, id, [{ productId: '', quantity: 1 }], 'rep')).zh).toContain('选择产品');
    expect(refusal(saveOrderLines(ws, id, [{ productId: 'p1', quantity: 0 }], 'rep')).en).toContain('above 0');
    expect(refusal(saveOrderLines(ws, id, [{ productId: 'p1', quantity: 1, rate: 1.5 }], 'rep')).zh).toContain('折扣率');
    expect(snapshot(ws)).toEqual(before);
  });

  it('submit within the limit approves at once; the approved order is locked (lines refused, nothing written)', () => {
    const ws = company();
    const id = plainOrder(ws);
    value(runOrderAction(ws, id, 'submit', 'rep', '', Date.parse('2026-03-02T10:00:00')));
    expect(ws.collection('orders').get(id)).toMatchObject({ status: 'approved', approvedAt: '2026-03-02' });
    const before = snapshot(ws);
    const r = refusal(saveOrderLines(ws, id, [{ productId: 'p1', quantity: 1 }], 'rep'));
    expect(r.zh).toContain('已锁定');
    expect(r.en).toContain('locked');
    expect(snapshot(ws)).toEqual(before);
    expect(orderStepsOf(ws, id).map((s) => [s.action, s.by])).toEqual([['submit', 'rep']]);
  });

  it('over the rep\'s limit: submitted, in the manager\'s inbox (not the rep\'s), rejected with a comment, then approved', () => {
    const ws = company();
    const id = value(orderFromQuoteId(ws, 'q1', 'rep')); // ERP at 0.9: below 张三's 0.95
    value(runOrderAction(ws, id, 'submit', 'rep', '客户年底采购'));
    expect(ws.collection('orders').get(id)?.status).toBe('submitted');
    expect(orderInbox(ws, 'mgr').map((o) => o.id)).toEqual([id]);
    expect(orderInbox(ws, 'rep')).toEqual([]);
    expect(myOrderSubmissions(ws, 'rep').map((o) => o.id)).toEqual([id]);
    expect(actionBlocker(ws, id, 'approve', 'rep')?.zh).toContain('审批权限');
    expect(refusal(rejectOrderAs(ws, id, 'mgr', ' ')).zh).toContain('意见');
    value(rejectOrderAs(ws, id, 'mgr', '折扣太低'));
    expect(ws.collection('orders').get(id)?.status).toBe('draft');
    value(runOrderAction(ws, id, 'submit', 'rep'));
    value(approveOrderAs(ws, id, 'mgr', '同意'));
    expect(ws.collection('orders').get(id)?.status).toBe('approved');
    expect(orderInbox(ws, 'mgr')).toEqual([]);
    expect(orderStepsOf(ws, id).map((s) => s.action)).toEqual(['submit', 'reject', 'submit', 'approve']);
  });

  it('an order without lines cannot be submitted', () => {
    const ws = company();
    const id = value(createOrder(ws, { customerId: 'c1' }, 'rep'));
    expect(refusal(runOrderAction(ws, id, 'submit', 'rep')).zh).toContain('至少需要一行');
  });

  it('deliveries: partial starts the order; over-delivery refused (nothing written); the rest completes it', () => {
    const ws = company();
    const id = plainOrder(ws);
    const [l1, l2] = orderLinesOf(ws, id);
    expect(refusal(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 1 }] }, 'rep')).zh).toContain('未审批');
    value(runOrderAction(ws, id, 'submit', 'rep'));
    const d1 = value(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 4 }, { orderLineId: l2.id, quantity: '' }] }, 'rep'));
    expect(ws.collection('deliveries').get(d1)).toMatchObject({ code: 'FH-S01-0001', orderId: id });
    expect(ws.collection('orders').get(id)?.status).toBe('executing');
    expect(executionOf(ws, id).status).toBe('partial');
    const before = snapshot(ws);
    const over = refusal(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 7 }] }, 'rep'));
    expect(over.zh).toContain('第 1 行发货数量超过未发货数量 6');
    expect(over.en).toContain('more than the 6 still to deliver');
    expect(refusal(createDelivery(ws, id, { lines: [] }, 'rep')).zh).toContain('至少需要一行');
    // the message names the order's line number, also when only a later line is filled in
    expect(refusal(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: '' }, { orderLineId: l2.id, quantity: 5 }] }, 'rep')).zh)
      .toContain('第 2 行发货数量超过未发货数量 4');
    expect(snapshot(ws)).toEqual(before);
    expect(actionBlocker(ws, id, 'complete', 'rep')?.zh).toContain('尚未全部发货');
    value(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 6 }, { orderLineId: l2.id, quantity: 4 }] }, 'rep'));
    expect(executionOf(ws, id).status).toBe('delivered');
    value(runOrderAction(ws, id, 'complete', 'rep'));
    expect(ws.collection('orders').get(id)?.status).toBe('completed');
    expect(orderStepsOf(ws, id).map((s) => s.action)).toEqual(['submit', 'execute', 'complete']);
  });

  it('returns: up to what was delivered (above is refused, nothing written); status 部分退货 then 全部退货', () => {
    const ws = company();
    const id = plainOrder(ws);
    const [l1] = orderLinesOf(ws, id);
    value(runOrderAction(ws, id, 'submit', 'rep'));
    const d = value(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 5 }] }, 'rep'));
    const before = snapshot(ws);
    const r = refusal(createReturn(ws, id, { lines: [{ orderLineId: l1.id, quantity: 6 }], reason: '质量问题' }, 'rep'));
    expect(r.zh).toContain('退货数量超过可退数量 5');
    expect(r.en).toContain('delivered and not returned');
    expect(snapshot(ws)).toEqual(before);
    const ret = value(createReturn(ws, id, { lines: [{ orderLineId: l1.id, quantity: 2 }], reason: '质量问题' }, 'rep'));
    expect(ws.collection('returns').get(ret)).toMatchObject({ code: 'TH-S01-0001', reason: '质量问题' });
    expect(executionOf(ws, id).status).toBe('partReturned');
    expect(executionByOrder(ws).get(id)?.status).toBe('partReturned');
    expect(deliveryDeleteBlocker(ws, ws.collection('deliveries').get(d)!)?.zh).toContain('先删除退货单');
    value(createReturn(ws, id, { lines: [{ orderLineId: l1.id, quantity: 3 }] }, 'rep'));
    expect(executionOf(ws, id).status).toBe('returned');
    expect(documentViews(ws, 'returns', id).map((v) => v.lines.length)).toEqual([1, 1]);
  });

  it('a return whose refund was paid cannot go to the bin (the payment names it); without one it can', () => {
    const ws = company();
    const id = plainOrder(ws);
    const [l1] = orderLinesOf(ws, id);
    value(runOrderAction(ws, id, 'submit', 'rep'));
    value(createDelivery(ws, id, { lines: [{ orderLineId: l1.id, quantity: 5 }] }, 'rep'));
    const paid = value(createReturn(ws, id, { lines: [{ orderLineId: l1.id, quantity: 2 }] }, 'rep'));
    const open = value(createReturn(ws, id, { lines: [{ orderLineId: l1.id, quantity: 1 }] }, 'rep'));
    ws.collection('payments').create({ orderId: id, returnId: paid, customerId: 'c1', kind: 'refund', amount: 100, date: '2026-03-10' }, 'pay1');
    expect(returnDeleteBlocker(ws, ws.collection('returns').get(paid)!)?.zh).toContain('付款单');
    expect(returnDeleteBlocker(ws, ws.collection('returns').get(open)!)).toBeNull();
    expect(moveToBin(ws, 'returns', [paid]).ok).toBe(false);
    expect(moveToBin(ws, 'returns', [open]).ok).toBe(true);
    // the refund in the bin no longer holds the return
    ws.collection('payments').update('pay1', { deleted: true });
    expect(returnDeleteBlocker(ws, ws.collection('returns').get(paid)!)).toBeNull();
  });

  it('one rep on two devices apart makes DD-S01-0001 twice: the merge keeps both and flags the number', () => {
    const a = peer('a');
    seedWorkspace(a, '测试公司', '王老师');
    company(a);
    const b = peer('b');
    both(a, b);
    value(createOrder(a, { customerId: 'c1' }, 'rep'));
    value(createOrder(b, { customerId: 'c1' }, 'rep'));
    expect(duplicateOrders(a)).toEqual([]);
    both(a, b);
    for (const ws of [a, b]) {
      const dup = duplicateOrders(ws);
      expect(dup).toHaveLength(1);
      expect(dup[0].message.zh).toContain('DD-S01-0001');
      expect(dup[0].ids).toHaveLength(2);
    }
  });
});
