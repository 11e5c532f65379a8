import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { allowedActions, orderAction, orderApprovalNeed, orderEditBlocker, type ActionContext } from './status';

const rep: ActionContext = { userId: 'rep', role: { perm_orders: 'write' }, today: '2026-03-05' };
const boss: ActionContext = { userId: 'boss', role: { perm_orders: 'approve' }, today: '2026-03-06' };
const order = (status: string) => rec('o', { status, ownerId: 'rep' });

describe('order status', () => {
  /*
   *  from \ action  submit approve reject withdraw reopen execute complete cancel
   *  draft            ✓                                                      ✓
   *  submitted               ✓       ✓      ✓                                ✓
   *  approved                                       ✓      ✓                 ✓
   *  executing                                                      ✓        ✓
   *  completed, cancelled: none
   */
  it('allows actions by status', () => {
    expect(allowedActions('draft')).toEqual(['submit', 'cancel']);
    expect(allowedActions('submitted')).toEqual(['approve', 'reject', 'withdraw', 'cancel']);
    expect(allowedActions('approved')).toEqual(['reopen', 'execute', 'cancel']);
    expect(allowedActions('executing')).toEqual(['complete', 'cancel']);
    expect(allowedActions('completed')).toEqual([]);
    expect(allowedActions('cancelled')).toEqual([]);
  });

  it('submits to approval only when the discount is over the rep limit', () => {
    // lines: 10 × 100 at 0.85 → overall rate 0.85; the rep may give down to 0.9 (10 % off)
    const lines = [rec('l', { quantity: 10, unitPrice: 100, rate: 0.85 })];
    const need = orderApprovalNeed(lines, [], 'r', 10);
    expect(need.needed).toBe(true);
    expect(orderAction(order('draft'), 'submit', { ...rep, approval: need })).toEqual({ ok: true, value: { status: 'submitted' } });
    const fine = orderApprovalNeed(lines, [], 'r', 20);
    expect(orderAction(order('draft'), 'submit', { ...rep, approval: fine })).toEqual({ ok: true, value: { status: 'approved', approvedAt: '2026-03-05' } });
    expect(orderAction(order('draft'), 'submit', { ...rep, hasLines: false }).ok).toBe(false);
  });

  it('approval needs approve permission on orders and another person', () => {
    expect(orderAction(order('submitted'), 'approve', rep).ok).toBe(false);
    expect(orderAction(order('submitted'), 'approve', { ...boss, userId: 'rep' }).ok).toBe(false);
    expect(orderAction(order('submitted'), 'approve', boss)).toEqual({ ok: true, value: { status: 'approved', approvedAt: '2026-03-06' } });
    expect(orderAction(order('submitted'), 'reject', boss)).toEqual({ ok: true, value: { status: 'draft', approvedAt: undefined } });
  });

  it('reopens, completes and cancels by the execution status', () => {
    expect(orderAction(order('approved'), 'reopen', { ...rep, execution: 'none' }).ok).toBe(true);
    expect(orderAction(order('executing'), 'complete', { ...rep, execution: 'partial' }).ok).toBe(false);
    expect(orderAction(order('executing'), 'complete', { ...rep, execution: 'delivered' })).toEqual({ ok: true, value: { status: 'completed' } });
    expect(orderAction(order('executing'), 'cancel', { ...rep, execution: 'partReturned' }).ok).toBe(false);
    expect(orderAction(order('executing'), 'cancel', { ...rep, execution: 'returned' }).ok).toBe(true);
    const r = orderAction(order('completed'), 'cancel', rep);
    expect(r.ok ? '' : r.refusal.message.zh).toBe('订单状态为“已完成”,不能执行该操作');
  });

  it('locks everything but a draft', () => {
    expect(orderEditBlocker(order('draft'))).toBeNull();
    expect(orderEditBlocker(order('submitted'))?.zh).toContain('审批中');
    for (const s of ['approved', 'executing', 'completed', 'cancelled']) expect(orderEditBlocker(order(s))?.en).toContain('locked');
  });
});
