import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { both, peer } from '../core/test-peers';
import { entityDef, saveRecord } from '../core/records';
import { seedWorkspace } from '../org/setup';
import { approvalOf, decideDoc, submitDoc, withdrawDoc } from './engine';
import { inboxOf, pendingCount } from './inbox';
import { contractFromOpportunity, contractFromOrder, createContract, terminateContract } from './contracts';
import { followDecisionsMadeApart, reconcileApprovals } from './reconcile';
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
  it('made from an order, from an opportunity, or directly: what each brings, the number, a year by default, an attachment reference', () => {
    const ws = seededWorkspace();
    people(ws);
    ws.collection('opportunities').create({ subject: '恒远 ERP 二期', customerId: 'c1', ownerId: 'u-rep', expectedAmount: 120000 }, 'op1');
    ws.collection('orders').create({ code: 'DD-S01-0001', customerId: 'c1', opportunityId: 'op1', ownerId: 'u-rep', amount: 80000, status: 'approved' }, 'o1');
    const fromOrder = createContract(ws, { ...contractFromOrder(ws, 'o1'), startDate: '2026-03-01', attachmentName: 'HT.pdf', attachmentNote: '盖章扫描件' }, 'u-mgr');
    if (!fromOrder.ok) throw new Error(zh(fromOrder));
    expect(ws.collection('contracts').get(fromOrder.value.id)).toMatchObject({
      orderId: 'o1', customerId: 'c1', opportunityId: 'op1', amount: 80000, ownerId: 'u-rep', title: 'DD-S01-0001 销售合同',
      code: 'HT-M01-0001', status: 'draft', startDate: '2026-03-01', endDate: '2027-02-28', attachmentName: 'HT.pdf', attachmentNote: '盖章扫描件',
    });
    const fromOpp = createContract(ws, contractFromOpportunity(ws, 'op1'), 'u-rep');
    if (!fromOpp.ok) throw new Error(zh(fromOpp));
    expect(ws.collection('contracts').get(fromOpp.value.id)).toMatchObject({ opportunityId: 'op1', customerId: 'c1', amount: 120000, title: '恒远 ERP 二期', code: 'HT-S01-0001' });
    // directly: only what the form gives (the customer's owner is its owner)
    const direct = contract(ws, { title: '直接签订' });
    if (!direct.ok) throw new Error(zh(direct));
    expect(ws.collection('contracts').get(direct.value.id)).toMatchObject({ customerId: 'c1', ownerId: 'u-rep', code: 'HT-S01-0002' });
    expect(ws.collection('contracts').get(direct.value.id)!.orderId).toBeUndefined();
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

describe('market activity budgets: the approval in approvalStatus (statusField), the activity status untouched', () => {
  function marketing(ws: Workspace) {
    ws.collection('roles').create({ name: '市场专员', scope: 'own', perm_marketing: 'write' }, 'r-mkt');
    ws.collection('users').create({ name: '何静', code: 'E12', roleId: 'r-mkt', departmentId: 'd-mkt' }, 'u-mkt');
    ws.collection('users').create({ name: '林经理', code: 'E02', roleId: 'role-manager', departmentId: 'd-mkt' }, 'u-head');
    ws.collection('departments').create({ name: '市场部', manager: 'u-head' }, 'd-mkt');
  }
  const activity = (ws: Workspace, budget: number) => {
    const r = saveRecord(ws, entityDef(ws, 'marketActivities'), { name: '秋季新品发布会', type: 'seminar', startDate: '2026-10-10', budget, ownerId: 'u-mkt' }, undefined, { userId: 'u-mkt' });
    if (!r.ok) throw new Error(zh(r));
    return r.value.id;
  };
  const get = (ws: Workspace, id: string) => ws.collection('marketActivities').get(id)!;

  it('submit → pending in approvalStatus (locked) → the department manager approves from the inbox → edited budget back to draft', () => {
    const ws = seededWorkspace();
    marketing(ws);
    const id = activity(ws, 50_000);
    expect(get(ws, id)).toMatchObject({ status: 'planned', approvalStatus: 'draft' });
    expect(submitDoc(ws, 'marketActivities', id, 'u-mkt', '年度重点活动').ok).toBe(true);
    expect(get(ws, id)).toMatchObject({ status: 'planned', approvalStatus: 'pending' });
    expect(approvalOf(ws, 'marketActivities', get(ws, id))!.phase).toBe('pending');
    // locked while pending: the budget is refused, the activity's own status still moves
    expect(zh(saveRecord(ws, entityDef(ws, 'marketActivities'), { budget: 60_000 }, id, { userId: 'u-mkt' }))).toContain('已锁定');
    expect(saveRecord(ws, entityDef(ws, 'marketActivities'), { status: 'running' }, id, { userId: 'u-mkt' }).ok).toBe(true);
    expect(get(ws, id)).toMatchObject({ status: 'running', approvalStatus: 'pending', budget: 50_000 });
    // the one inbox and its badge: the department manager's, nobody else's
    expect(inboxOf(ws, 'u-head', 'pending').map((i) => [i.entity, i.doc.id, i.amount])).toEqual([['marketActivities', id, 50_000]]);
    expect(pendingCount(ws, 'u-head')).toBe(1);
    expect(pendingCount(ws, 'u-mkt')).toBe(0);
    expect(decideDoc(ws, 'marketActivities', id, 'u-head', true, '同意').ok).toBe(true);
    expect(get(ws, id)).toMatchObject({ status: 'running', approvalStatus: 'approved' });
    expect(pendingCount(ws, 'u-head')).toBe(0);
    expect(inboxOf(ws, 'u-head', 'decided').map((i) => i.doc.id)).toEqual([id]);
    expect(inboxOf(ws, 'u-mkt', 'submitted').map((i) => i.doc.id)).toEqual([id]);
    // an edit of the budget after the approval sends it back to draft; the history stays
    expect(saveRecord(ws, entityDef(ws, 'marketActivities'), { budget: 80_000 }, id, { userId: 'u-mkt' }).ok).toBe(true);
    const edited = get(ws, id);
    expect(edited).toMatchObject({ status: 'running', approvalStatus: 'draft' });
    const ap = approvalOf(ws, 'marketActivities', edited)!;
    expect(ap.phase).toBe('draft');
    expect(ap.state.history.map((s) => s.action)).toEqual(['submit', 'approve']);
  });

  it('a rejection needs a comment and keeps it; withdraw by the submitter; a small budget is approved at once', () => {
    const ws = seededWorkspace();
    marketing(ws);
    const big = activity(ws, 30_000);
    submitDoc(ws, 'marketActivities', big, 'u-mkt');
    expect(zh(decideDoc(ws, 'marketActivities', big, 'u-head', false, ' '))).toBe('驳回必须填写意见');
    expect(get(ws, big).approvalStatus).toBe('pending');
    expect(decideDoc(ws, 'marketActivities', big, 'u-head', false, '预算偏高,请压缩展位费').ok).toBe(true);
    expect(get(ws, big)).toMatchObject({ status: 'planned', approvalStatus: 'rejected' });
    expect(approvalOf(ws, 'marketActivities', get(ws, big))!.state.history.at(-1)!.comment).toBe('预算偏高,请压缩展位费');
    // resubmitted, then withdrawn by the submitter (not by the manager)
    expect(submitDoc(ws, 'marketActivities', big, 'u-mkt').ok).toBe(true);
    expect(withdrawDoc(ws, 'marketActivities', big, 'u-head').ok).toBe(false);
    expect(withdrawDoc(ws, 'marketActivities', big, 'u-mkt').ok).toBe(true);
    expect(get(ws, big).approvalStatus).toBe('draft');
    const small = activity(ws, 5_000);
    expect(submitDoc(ws, 'marketActivities', small, 'u-mkt').ok).toBe(true);
    expect(get(ws, small)).toMatchObject({ status: 'planned', approvalStatus: 'approved' });
  });

  it('the inbox lists what waits for this user, oldest submission first (what the quotes\' own inbox did), nothing for others', () => {
    const ws = seededWorkspace();
    marketing(ws);
    const [first, second] = [activity(ws, 40_000), activity(ws, 60_000)];
    submitDoc(ws, 'marketActivities', second, 'u-mkt', undefined, 1_000);
    submitDoc(ws, 'marketActivities', first, 'u-mkt', undefined, 2_000);
    expect(inboxOf(ws, 'u-head', 'pending').map((i) => i.doc.id)).toEqual([second, first]);
    expect(inboxOf(ws, 'u-mkt', 'pending')).toEqual([]);
  });

  it('the department manager\'s own budget goes to whoever has approve on Marketing (the 销售经理 role now has it)', () => {
    const ws = seededWorkspace();
    marketing(ws);
    ws.collection('users').create({ name: '赵经理', code: 'E03', roleId: 'role-manager' }, 'u-mgr3');
    const r = saveRecord(ws, entityDef(ws, 'marketActivities'), { name: '行业展会', type: 'exhibition', startDate: '2026-10-10', budget: 90_000, ownerId: 'u-head' }, undefined, { userId: 'u-head' });
    if (!r.ok) throw new Error(zh(r));
    submitDoc(ws, 'marketActivities', r.value.id, 'u-head');
    expect(inboxOf(ws, 'u-mgr3', 'pending').map((i) => i.doc.id)).toEqual([r.value.id]);
    expect(inboxOf(ws, 'u-mkt', 'pending')).toEqual([]);
    expect(zh(decideDoc(ws, 'marketActivities', r.value.id, 'u-head', true))).toContain('不能审批自己提交的');
  });
});

describe('the stored status follows the steps after decisions made apart (the later write of the field must not win)', () => {
  function apart() {
    const a = peer('u-mgr');
    seedWorkspace(a, '测试', '王老师');
    people(a);
    const c = contract(a);
    if (!c.ok) throw new Error('no');
    submitDoc(a, 'contracts', c.value.id, 'u-rep');
    const b = peer('u-mgr2');
    both(a, b);
    // the rejection first, the approval later: the approval's status write is the later one
    expect(decideDoc(b, 'contracts', c.value.id, 'u-mgr2', false, '价格不对').ok).toBe(true);
    expect(decideDoc(a, 'contracts', c.value.id, 'u-mgr', true, '同意').ok).toBe(true);
    return { a, b, id: c.value.id };
  }
  it('without the correction, the later write wins: 生效中 while the rejection stands', () => {
    const { a, b, id } = apart();
    both(a, b);
    const doc = a.collection('contracts').get(id)!;
    expect(approvalOf(a, 'contracts', doc)!.phase).toBe('rejected');
    expect(doc.status).toBe('active');
    // the correction writes the derived phase, the same on both devices
    expect(reconcileApprovals(a, [{ entity: 'contracts', id }])).toEqual([id]);
    expect(reconcileApprovals(b, [{ entity: 'contracts', id }])).toEqual([id]);
    both(a, b);
    for (const ws of [a, b]) expect(ws.collection('contracts').get(id)!.status).toBe('rejected');
    expect(reconcileApprovals(a, [{ entity: 'contracts', id }])).toEqual([]);
  });
  it('devices following their workspace correct it when the steps arrive', async () => {
    const { a, b, id } = apart();
    followDecisionsMadeApart(a);
    followDecisionsMadeApart(b);
    both(a, b);
    await new Promise((r) => setTimeout(r, 0));
    both(a, b);
    for (const ws of [a, b]) {
      const doc = ws.collection('contracts').get(id)!;
      expect(doc.status).toBe('rejected');
      expect(contractStatusOf(doc, '2026-06-01')).toBe('rejected');
      expect(approvalOf(ws, 'contracts', doc)!.state.conflicts).toHaveLength(1);
    }
  });
  it('leaves the flow\'s own statuses alone: an edit back to draft, a terminated contract', () => {
    const ws = seededWorkspace();
    people(ws);
    const c = contract(ws);
    if (!c.ok) throw new Error('no');
    submitDoc(ws, 'contracts', c.value.id, 'u-rep');
    decideDoc(ws, 'contracts', c.value.id, 'u-mgr', true);
    saveRecord(ws, entityDef(ws, 'contracts'), { amount: 7 }, c.value.id, { userId: 'u-rep' });
    expect(reconcileApprovals(ws, [{ entity: 'contracts', id: c.value.id }])).toEqual([]);
    submitDoc(ws, 'contracts', c.value.id, 'u-rep');
    decideDoc(ws, 'contracts', c.value.id, 'u-mgr', true);
    terminateContract(ws, c.value.id, 'u-rep');
    expect(reconcileApprovals(ws, [{ entity: 'contracts', id: c.value.id }])).toEqual([]);
    expect(ws.collection('contracts').get(c.value.id)!.status).toBe('terminated');
  });
});
