import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { both, peer } from '../core/test-peers';
import { entityDef, saveRecord } from '../core/records';
import { seedWorkspace } from '../org/setup';
import { approvalOf, decideDoc, submitDoc, withdrawDoc } from './engine';
import { inboxOf } from './inbox';
import { terminateContract } from './contracts';
import { contractStatusOf } from '../../domain/contracts/status';
import { contractExpiryReminders } from '../../domain/contracts/expiry';
import type { Workspace } from '../core/workspace';

const zh = (r: { ok: boolean; refusal?: { message: { zh: string } } }) => (r.ok ? '' : r.refusal!.message.zh);

function people(ws: Workspace) {
  ws.collection('roles').create({ name: '业务员', scope: 'own', perm_orders: 'write', perm_customers: 'write' }, 'r-rep');
  ws.collection('roles').create({ name: '经理', scope: 'all', perm_orders: 'approve', perm_customers: 'write' }, 'r-mgr');
  ws.collection('users').create({ name: '张三', code: 'S01', roleId: 'r-rep' }, 'u-rep');
  ws.collection('users').create({ name: '李经理', code: 'M01', roleId: 'r-mgr' }, 'u-mgr');
  ws.collection('users').create({ name: '赵经理', code: 'M02', roleId: 'r-mgr' }, 'u-mgr2');
  ws.collection('customers').create({ name: '恒远', ownerId: 'u-rep' }, 'c1');
}
const contract = (ws: Workspace, v: Record<string, unknown> = {}) =>
  saveRecord(ws, entityDef(ws, 'contracts'), { title: '年度框架', customerId: 'c1', amount: 50000, startDate: '2026-01-01', endDate: '2026-12-31', ...v }, undefined, { userId: 'u-rep' });

describe('contracts on the engine', () => {
  it('bad input is refused with a clear message and nothing is saved', () => {
    const ws = seededWorkspace();
    people(ws);
    expect(zh(contract(ws, { amount: -5 }))).toContain('合同金额不能为负数');
    expect(zh(contract(ws, { startDate: '2026-05-01', endDate: '2026-04-01' }))).toContain('截止日期不能早于生效日期');
    expect(ws.collection('contracts').live()).toHaveLength(0);
  });
  it('submit → locked → approve by the approver only → in force → expired by date → terminated', () => {
    const ws = seededWorkspace();
    people(ws);
    const c = contract(ws);
    if (!c.ok) throw new Error(zh(c));
    expect(c.value.code).toBe('HT-S01-0001');
    expect(submitDoc(ws, 'contracts', c.value.id, 'u-rep', '请批').ok).toBe(true);
    expect(ws.collection('contracts').get(c.value.id)!.status).toBe('pending');
    expect(zh(saveRecord(ws, entityDef(ws, 'contracts'), { amount: 1 }, c.value.id, { userId: 'u-rep' }))).toContain('已锁定');
    expect(zh(decideDoc(ws, 'contracts', c.value.id, 'u-rep', true))).toBe('没有订单管理的审批权限');
    expect(zh(decideDoc(ws, 'contracts', c.value.id, 'u-mgr', false, ''))).toBe('驳回必须填写意见');
    expect(inboxOf(ws, 'u-mgr', 'pending').map((i) => i.doc.id)).toEqual([c.value.id]);
    expect(decideDoc(ws, 'contracts', c.value.id, 'u-mgr', true, '同意').ok).toBe(true);
    const signed = ws.collection('contracts').get(c.value.id)!;
    expect(signed.status).toBe('active');
    expect(contractStatusOf(signed, '2026-06-01')).toBe('active');
    expect(contractStatusOf(signed, '2027-01-01')).toBe('expired');
    expect(contractExpiryReminders([signed], '2026-12-10', () => 'x').map((r) => r.days)).toEqual([21]);
    expect(contractExpiryReminders([signed], '2026-10-10', () => 'x')).toEqual([]);
    expect(inboxOf(ws, 'u-mgr', 'decided').map((i) => i.doc.id)).toEqual([c.value.id]);
    expect(inboxOf(ws, 'u-rep', 'submitted').map((i) => i.doc.id)).toEqual([c.value.id]);
    // editing a contract in force sends it back to draft
    expect(saveRecord(ws, entityDef(ws, 'contracts'), { amount: 60000 }, c.value.id, { userId: 'u-rep' }).ok).toBe(true);
    expect(approvalOf(ws, 'contracts', ws.collection('contracts').get(c.value.id)!)!.phase).toBe('draft');
    submitDoc(ws, 'contracts', c.value.id, 'u-rep');
    expect(withdrawDoc(ws, 'contracts', c.value.id, 'u-mgr').ok).toBe(false);
    decideDoc(ws, 'contracts', c.value.id, 'u-mgr', true);
    expect(terminateContract(ws, c.value.id, 'u-rep').ok).toBe(true);
    expect(contractStatusOf(ws.collection('contracts').get(c.value.id)!, '2026-06-01')).toBe('terminated');
  });
  it('a department-manager rule asks the submitter\'s manager, and nobody else', () => {
    const ws = seededWorkspace();
    people(ws);
    ws.collection('departments').create({ name: '华东', manager: 'u-mgr2' }, 'd1');
    ws.collection('users').update('u-rep', { departmentId: 'd1' });
    ws.collection('approvalRules').create({ name: '部门审批', docType: 'contracts', condition: 'always', stepNo: 1, approverKind: 'deptManager', active: true });
    const c = contract(ws);
    if (!c.ok) throw new Error('no');
    submitDoc(ws, 'contracts', c.value.id, 'u-rep');
    expect(zh(decideDoc(ws, 'contracts', c.value.id, 'u-mgr', true))).toBe('您不是这一步的审批人');
    expect(decideDoc(ws, 'contracts', c.value.id, 'u-mgr2', true).ok).toBe(true);
  });
});

describe('two approvers deciding one step apart (two Y docs through the store)', () => {
  for (const order of ['a→b', 'b→a'] as const) {
    it(`both decisions are kept, the conflict is shown and the outcome is the same on both (${order})`, () => {
      const a = peer('u-mgr');
      seedWorkspace(a, '测试', '王老师');
      people(a);
      const c = contract(a);
      if (!c.ok) throw new Error('no');
      submitDoc(a, 'contracts', c.value.id, 'u-rep');
      const b = peer('u-mgr2');
      both(a, b);
      expect(decideDoc(a, 'contracts', c.value.id, 'u-mgr', true, '同意', 1000).ok).toBe(true);
      expect(decideDoc(b, 'contracts', c.value.id, 'u-mgr2', false, '价格不对', 2000).ok).toBe(true);
      if (order === 'a→b') both(a, b); else both(b, a);
      for (const ws of [a, b]) {
        const doc = ws.collection('contracts').get(c.value.id)!;
        const ap = approvalOf(ws, 'contracts', doc)!;
        expect(ap.state.history.filter((s) => s.action !== 'submit').map((s) => `${s.by}:${s.action}`)).toEqual(['u-mgr:approve', 'u-mgr2:reject']);
        expect(ap.phase).toBe('rejected');
        expect(ap.state.conflicts).toHaveLength(1);
      }
    });
  }
});
