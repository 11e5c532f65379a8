import { describe, expect, it } from 'vitest';
import type { Workspace } from '../core/workspace';
import { seededWorkspace } from '../test-workspace';
import { peer, sync } from '../core/test-peers';
import { savePlan } from './plan';
import { addPayment, addReceipt, reassignOverpayment, refundOverpayment, returnRefund, returnsToRefund } from './money';
import { arrears, dunningList, duesOf, orderSheet } from './reads';
import { decideExpense, saveExpenseLimit, submitExpense } from './expenses';
import { dunningLogOf, logDunning } from './dunning';
import { ensureSnapshot, monthPeriod, previousMonth, saveSnapshot, snapshotId, snapshotsOf } from './snapshots';
import { salesActualOf } from './targets';
import { entityDef, saveRecord } from '../core/records';
import { tierMovement } from '../../domain/finance/pyramids';

/** A customer and an approved order of 10 × 100 = 1,000 (approved 2026-03-01), written directly: the orders store is elsewhere. */
function order(ws: Workspace, id = 'o1', customerId = 'c1', opts: { amount?: number; approvedAt?: string; status?: string } = {}) {
  if (!ws.collection('customers').get(customerId)) ws.collection('customers').create({ name: `客户${customerId}`, kind: 'customer', ownerId: ws.actorId }, customerId);
  ws.collection('orders').create({
    code: `DD-${id}`, customerId, ownerId: ws.actorId, type: 'standard', status: opts.status ?? 'approved',
    date: opts.approvedAt ?? '2026-03-01', approvedAt: opts.approvedAt ?? '2026-03-01', amount: opts.amount ?? 1000,
  }, id);
  ws.collection('orderLines').create({ orderId: id, seq: 1, productId: 'p1', quantity: 10, unitPrice: (opts.amount ?? 1000) / 10, rate: 1, costPrice: 40 }, `${id}-L1`);
}

const count = (ws: Workspace, c: string) => ws.collection(c).live().length;
const zh = (r: { ok: boolean; refusal?: { message: { zh: string } } }) => (r.ok ? '' : r.refusal!.message.zh);
const en = (r: { ok: boolean; refusal?: { message: { en: string } } }) => (r.ok ? '' : r.refusal!.message.en);

describe('collection plan (回款计划)', () => {
  it('refuses a plan not equal to the order amount, naming the difference, and writes nothing', () => {
    const ws = seededWorkspace();
    order(ws);
    const r = savePlan(ws, 'o1', [{ dueDate: '2026-03-31', amount: 600 }, { dueDate: '2026-04-30', amount: 300 }], []);
    expect(zh(r)).toBe('回款计划合计 900.00 与订单金额 1,000.00 不符,差额 100.00');
    expect(en(r)).toContain('a difference of 100.00');
    expect(count(ws, 'instalments')).toBe(0);
  });

  it('refuses negative, non-numeric and empty amounts per row, writing nothing', () => {
    const ws = seededWorkspace();
    order(ws);
    expect(zh(savePlan(ws, 'o1', [{ dueDate: '2026-03-31', amount: -100 }, { dueDate: '2026-04-30', amount: 1100 }], []))).toContain('第 1 期');
    expect(zh(savePlan(ws, 'o1', [{ dueDate: '2026-03-31', amount: '一千' }], []))).toContain('必须是数字');
    expect(en(savePlan(ws, 'o1', [{ dueDate: '2026-03-31', amount: '' }], []))).toBe('Instalment 1: enter the amount');
    expect(zh(savePlan(ws, 'o1', [{ amount: 1000 }], []))).toBe('第 1 期:请填写应收日期');
    expect(count(ws, 'instalments')).toBe(0);
  });

  it('saves a plan that adds up (text amounts read as numbers), then edits and removes rows', () => {
    const ws = seededWorkspace();
    order(ws);
    expect(savePlan(ws, 'o1', [{ dueDate: '2026-03-31', amount: '600' }, { dueDate: '2026-04-30', amount: 400 }], []).ok).toBe(true);
    const ids = ws.collection('instalments').live().map((i) => i.id);
    expect(orderSheet(ws, 'o1')!.dues.map((d) => [d.dueDate, d.amount])).toEqual([['2026-03-31', 600], ['2026-04-30', 400]]);
    const first = ws.collection('instalments').live().find((i) => i.amount === 600)!;
    expect(savePlan(ws, 'o1', [{ id: first.id, dueDate: '2026-03-31', amount: 1000 }], ids).ok).toBe(true);
    expect(ws.collection('instalments').live().map((i) => i.amount)).toEqual([1000]);
    expect(ws.collection('instalments').get(first.id)!.amount).toBe(1000);
  });
});

describe('receipts, payments and overpayment', () => {
  it('allows a partial receipt, refuses one above the balance and bad amounts, writing nothing', () => {
    const ws = seededWorkspace();
    order(ws);
    const partial = addReceipt(ws, { orderId: 'o1', amount: '300', date: '2026-03-05' });
    expect(partial.ok).toBe(true);
    expect(partial.ok && String(partial.value.code)).toMatch(/^SK-E001-0001$/);
    expect(partial.ok && partial.value.customerId).toBe('c1');
    expect(zh(addReceipt(ws, { orderId: 'o1', amount: 700.01 }))).toBe('收款金额超过订单余额 700');
    expect(en(addReceipt(ws, { orderId: 'o1', amount: -5 }))).toContain('above 0');
    const text = addReceipt(ws, { orderId: 'o1', amount: 'abc' });
    // the field's type message wins: "must be above 0" says nothing useful about text
    expect(!text.ok && text.refusal.fields?.amount?.zh).toBe('收款金额必须是数字');
    const blank = addReceipt(ws, { orderId: 'o1', amount: '' });
    expect(!blank.ok && blank.refusal.fields?.amount?.zh).toContain('收款金额');
    const payment = addPayment(ws, { orderId: 'o1', amount: '三百' });
    expect(!payment.ok && payment.refusal.fields?.amount?.en).toBe('Amount must be a number');
    expect(count(ws, 'receipts')).toBe(1);
    expect(orderSheet(ws, 'o1')!.account).toMatchObject({ receivable: 1000, received: 300, balance: 700 });
  });

  it('two receipts entered on two devices apart are both kept; the overpayment is shown and paid back', () => {
    const a = seededWorkspace();
    order(a);
    const b = peer('device-b');
    sync(a, b);
    b.actorId = a.actorId; // the same person on a second device
    expect(addReceipt(a, { orderId: 'o1', amount: 700, date: '2026-03-05' }).ok).toBe(true);
    expect(addReceipt(b, { orderId: 'o1', amount: 600, date: '2026-03-06' }).ok).toBe(true);
    sync(a, b); sync(b, a);
    for (const ws of [a, b]) {
      expect(count(ws, 'receipts')).toBe(2);
      expect(orderSheet(ws, 'o1')!.account).toMatchObject({ received: 1300, balance: -300, overpaid: 300 });
    }
    // the same person numbered on two devices: both SK-E001-0001 (domain duplicateCodes shows it)
    expect(new Set(a.collection('receipts').live().map((r) => r.code)).size).toBe(1);
    const refund = refundOverpayment(a, 'o1', undefined, '2026-03-10');
    expect(refund.ok).toBe(true);
    expect(orderSheet(a, 'o1')!.account).toMatchObject({ refunded: 300, balance: 0, overpaid: 0 });
    expect(zh(refundOverpayment(a, 'o1'))).toBe('该订单没有多收款');
  });

  it('moves an overpayment to another order of the same customer, in one transaction', () => {
    const ws = seededWorkspace();
    order(ws, 'o1');
    order(ws, 'o2');
    order(ws, 'o3', 'c2');
    addReceipt(ws, { orderId: 'o1', amount: 1000 });
    // an overpayment as a merge leaves it: a second receipt written past the rules
    ws.collection('receipts').create({ orderId: 'o1', customerId: 'c1', ownerId: ws.actorId, amount: 250, date: '2026-03-02', code: 'SK-X-0001' });
    expect(zh(reassignOverpayment(ws, 'o1', 'o3'))).toBe('只能转到同一客户的订单');
    const moved = reassignOverpayment(ws, 'o1', 'o2', undefined, '2026-03-10');
    expect(moved.ok && moved.value.moved).toBe(250);
    expect(orderSheet(ws, 'o1')!.account).toMatchObject({ overpaid: 0, balance: 0 });
    expect(orderSheet(ws, 'o2')!.account).toMatchObject({ received: 250, balance: 750 });
  });

  it('refunds a return as a payment, never more than received and not paid back', () => {
    const ws = seededWorkspace();
    order(ws);
    addReceipt(ws, { orderId: 'o1', amount: 400 });
    expect(zh(addPayment(ws, { orderId: 'o1', amount: 500, kind: 'refund' }))).toBe('付款金额超过已收未退金额 400');
    expect(zh(addPayment(ws, { orderId: 'o1', amount: 0, kind: 'refund' }))).toContain('必须大于 0');
    const p = addPayment(ws, { orderId: 'o1', amount: 150, kind: 'refund' });
    expect(p.ok && String(p.value.code)).toBe('FK-E001-0001');
    expect(orderSheet(ws, 'o1')!.account).toMatchObject({ received: 400, refunded: 150, balance: 750 });
  });
});

describe('refund for a return (退款)', () => {
  /** o1 (10 × 100, all delivered) with a return of 3 (value 300) — written directly, as a peer would. */
  function returned(ws: Workspace, quantity = 3) {
    order(ws);
    ws.collection('returns').create({ orderId: 'o1', code: 'TH-1', date: '2026-03-10' }, 'r1');
    ws.collection('returnLines').create({ returnId: 'r1', orderLineId: 'o1-L1', quantity }, 'r1-L1');
  }

  it('proposes a refund payment of the returned value, capped at what was received and not paid back', () => {
    const ws = seededWorkspace();
    returned(ws);
    expect(returnRefund(ws, 'r1')).toMatchObject({ orderId: 'o1', returnId: 'r1', kind: 'refund', amount: 0 });
    addReceipt(ws, { orderId: 'o1', amount: 200 });
    expect(returnRefund(ws, 'r1')!.amount).toBe(200); // only 200 came in
    addReceipt(ws, { orderId: 'o1', amount: 400 });
    expect(returnRefund(ws, 'r1')!.amount).toBe(300); // the returned value
    addPayment(ws, { orderId: 'o1', amount: 450, kind: 'other' });
    expect(returnRefund(ws, 'r1')!.amount).toBe(150); // 600 received, 450 paid back
    expect(returnRefund(ws, 'nope')).toBeNull();
  });

  it('lists the order\'s returns with no refund yet; a refund naming the return takes it off', () => {
    const ws = seededWorkspace();
    returned(ws);
    addReceipt(ws, { orderId: 'o1', amount: 500 });
    expect(returnsToRefund(ws, 'o1').map((r) => [r.id, r.value])).toEqual([['r1', 300]]);
    const p = addPayment(ws, returnRefund(ws, 'r1')!);
    expect(p.ok && p.value).toMatchObject({ kind: 'refund', returnId: 'r1', amount: 300, customerId: 'c1' });
    expect(returnsToRefund(ws, 'o1')).toEqual([]);
    expect(orderSheet(ws, 'o1')!.account).toMatchObject({ receivable: 700, received: 500, refunded: 300, balance: 500 });
  });
});

describe('arrears, dunning', () => {
  it('ages unpaid instalments and lists the overdue ones for dunning; logs who dunned, when, the promised date', () => {
    const ws = seededWorkspace();
    order(ws);
    savePlan(ws, 'o1', [{ dueDate: '2026-03-10', amount: 500 }, { dueDate: '2026-05-10', amount: 500 }], []);
    addReceipt(ws, { orderId: 'o1', amount: 200 });
    const dues = duesOf(ws);
    const [row] = arrears(dues, 'customerId', '2026-04-20');
    expect(row).toMatchObject({ key: 'c1', total: 800, overdue: 300, buckets: { d31to60: 300, notDue: 500 } });
    expect(arrears(dues, 'ownerId', '2026-04-20')[0].key).toBe(ws.actorId);
    const overdue = dunningList(dues, '2026-04-20');
    expect(overdue.map((d) => [d.dueDate, d.unpaid, d.daysOverdue])).toEqual([['2026-03-10', 300, 41]]);
    const log = logDunning(ws, { orderId: 'o1', instalmentId: overdue[0].instalmentId, way: 'phone', promisedDate: '2026-04-30', note: '答应月底付' });
    expect(log.ok).toBe(true);
    expect(dunningLogOf(ws, 'o1')[0]).toMatchObject({ customerId: 'c1', by: ws.actorId, promisedDate: '2026-04-30' });
    expect(logDunning(ws, { orderId: 'o1', promisedDate: '明天' }).ok).toBe(false);
  });
});

describe('expenses', () => {
  it('approves up to the limit at once; above it waits for someone else with approve on Finance', () => {
    const ws = seededWorkspace();
    order(ws);
    expect(saveExpenseLimit(ws, '-1').ok).toBe(false);
    expect(saveExpenseLimit(ws, 'x').ok).toBe(false);
    expect(saveExpenseLimit(ws, 1000).ok).toBe(true);
    const def = entityDef(ws, 'expenses');
    const small = saveRecord(ws, def, { customerId: 'c1', amount: 800 });
    const big = saveRecord(ws, def, { customerId: 'c1', amount: 1500, orderId: 'o1' });
    expect(saveRecord(ws, def, { customerId: 'c1', amount: -3 }).ok).toBe(false);
    if (!small.ok || !big.ok) throw new Error('not saved');
    expect(small.value.code).toBe('FY-E001-0001');
    expect(submitExpense(ws, small.value.id).ok && ws.collection('expenses').get(small.value.id)!.status).toBe('approved');
    expect(submitExpense(ws, big.value.id).ok && ws.collection('expenses').get(big.value.id)!.status).toBe('submitted');
    expect(zh(decideExpense(ws, big.value.id, true, 'someone'))).toBe('没有财务处理的审批权限');
    expect(zh(decideExpense(ws, big.value.id, false, ws.actorId, ' '))).toBe('驳回必须填写意见');
    expect(ws.collection('expenses').get(big.value.id)!.status).toBe('submitted');
    expect(decideExpense(ws, big.value.id, true, ws.actorId).ok).toBe(true);
    expect(ws.collection('expenses').get(big.value.id)!.status).toBe('approved');
  });
});

describe('value snapshots', () => {
  it('saves a month once under a stable id, automatically only after the month ends; movement between two', () => {
    const ws = seededWorkspace();
    order(ws, 'o1', 'c1', { amount: 1000, approvedAt: '2026-02-10' });
    order(ws, 'o2', 'c2', { amount: 3000, approvedAt: '2026-02-12' });
    order(ws, 'o3', 'c1', { amount: 5000, approvedAt: '2026-03-05' });
    const opts = { measure: 'revenue', basis: 'orders', rule: { kind: 'shares', shares: [50, 50] } } as const;
    expect(monthPeriod('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousMonth('2026-01-15')).toBe('2025-12');
    expect(ensureSnapshot(ws, '2026-03', '2026-03-20', opts)).toBeNull(); // not ended yet
    expect(ensureSnapshot(ws, '2026-02', '2026-03-20', opts)?.id).toBe(snapshotId('2026-02', 'revenue'));
    expect(ensureSnapshot(ws, '2026-02', '2026-03-21', opts)).toBeNull(); // kept already
    expect(saveSnapshot(ws, '2026-03', opts).ok).toBe(true);
    expect(saveSnapshot(ws, '2026-3', opts).ok).toBe(false);
    const [feb, mar] = snapshotsOf(ws, 'revenue');
    expect(feb.tiers).toEqual([{ customerIds: ['c2'], total: 3000 }, { customerIds: ['c1'], total: 1000 }]);
    const move = tierMovement(feb, mar);
    expect(move.up).toEqual(['c1']);
    expect(move.down).toEqual(['c2']);
  });
});

describe('sales target actual from orders', () => {
  it('counts standard orders approved in the month, and won opportunities without an order', () => {
    const ws = seededWorkspace();
    order(ws, 'o1', 'c1', { amount: 1000, approvedAt: '2026-03-05' });
    order(ws, 'o2', 'c1', { amount: 500, approvedAt: '2026-03-06', status: 'draft' });
    ws.collection('opportunities').create({ customerId: 'c1', ownerId: ws.actorId, status: 'won', actualDate: '2026-03-09', expectedAmount: 700 }, 'op1');
    const who = { scope: 'person', userId: ws.actorId } as const;
    expect(salesActualOf(ws, who, '2026-03')).toMatchObject({ actual: 1700, orderIds: ['o1'], opportunityIds: ['op1'] });
    ws.collection('company').update('company', { targetCountsOpportunities: false });
    expect(salesActualOf(ws, who, '2026-03').actual).toBe(1000);
  });
});

describe('pyramid settings', () => {
  it('reads typed tier rules, refusing shares not adding to 100 and unordered thresholds; keeps them on the company', async () => {
    const { parseTierRule, saveValueSettings, valueSettingsOf } = await import('./snapshots');
    expect(parseTierRule('shares', '20/30/50')).toEqual({ ok: true, value: { kind: 'shares', shares: [20, 30, 50] } });
    expect(parseTierRule('shares', '20/30').ok).toBe(false);
    expect(parseTierRule('shares', 'a/b').ok).toBe(false);
    expect(parseTierRule('thresholds', '100000, 20000')).toEqual({ ok: true, value: { kind: 'thresholds', mins: [100000, 20000] } });
    expect(parseTierRule('thresholds', '100/200').ok).toBe(false);
    const ws = seededWorkspace();
    expect(valueSettingsOf(ws.collection('company').get('company')).basis).toBe('orders');
    expect(saveValueSettings(ws, { basis: 'receipts', rule: { kind: 'thresholds', mins: [500] } }).ok).toBe(true);
    expect(valueSettingsOf(ws.collection('company').get('company'))).toEqual({ basis: 'receipts', rule: { kind: 'thresholds', mins: [500] } });
  });
});
