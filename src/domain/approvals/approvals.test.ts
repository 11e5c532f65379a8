import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approvalState, decideBlocker, decideStep, effectivePhase, planSteps, submitStep, withdrawStep, type Actor, type StepRecord } from './index';
import type { ApprovalDocType, ApprovalRuleValues } from './types';

const DOC: ApprovalDocType = {
  entity: 'orders', module: 'orders', noun: { zh: '订单', en: 'Order' }, ownerField: 'ownerId',
  facts: (d) => ({ amount: d.amount as number, rate: d.rate as number, type: d.type as string }),
  statusValue: { draft: 'draft', pending: 'pending', approved: 'approved', rejected: 'rejected' },
  defaultRules: [{ docType: 'orders', condition: 'discountBelowLimit', stepNo: 1, approverKind: 'module' }],
};
const rep = { id: 'u-rep', roleId: 'r-rep', roleDiscountLimit: 5, departmentManagerId: 'u-mgr' };
const rule = (r: Partial<ApprovalRuleValues> & { active?: boolean }) => ({ id: Math.random().toString(36), docType: 'orders', condition: 'always', stepNo: 1, approverKind: 'module', ...r });
const facts = (amount: number, rate = 1, type = 'standard') => ({ amount, rate, type });

describe('rule evaluation', () => {
  const cases: [string, Record<string, unknown>[], ReturnType<typeof facts>, number, string[]][] = [
    ['amount over X: above', [rule({ condition: 'amountOver', threshold: 10000 })], facts(12000), 1, ['module:orders']],
    ['amount over X: equal is not over', [rule({ condition: 'amountOver', threshold: 10000 })], facts(10000), 0, []],
    ['discount vs position limit (95%): 0.9 needs it', [rule({ condition: 'discountBelowLimit' })], facts(100, 0.9), 1, ['module:orders']],
    ['discount vs position limit: 0.96 does not', [rule({ condition: 'discountBelowLimit' })], facts(100, 0.96), 0, []],
    ['special type', [rule({ condition: 'typeIs', typeCode: 'special', approverKind: 'role', approverRoleId: 'r-gm' })], facts(1, 1, 'special'), 1, ['role:r-gm']],
    ['special type: a standard order does not', [rule({ condition: 'typeIs', typeCode: 'special' })], facts(1, 1, 'standard'), 0, []],
    ['department manager', [rule({ approverKind: 'deptManager' })], facts(1), 1, ['user:u-mgr']],
    ['multi-step: manager then GM', [rule({ approverKind: 'deptManager', stepNo: 1 }), rule({ condition: 'amountOver', threshold: 50000, approverKind: 'role', approverRoleId: 'r-gm', stepNo: 2 })], facts(80000), 2, ['user:u-mgr', 'role:r-gm']],
    ['multi-step: second step only when its condition holds', [rule({ approverKind: 'deptManager', stepNo: 1 }), rule({ condition: 'amountOver', threshold: 50000, approverKind: 'role', approverRoleId: 'r-gm', stepNo: 2 })], facts(800), 1, ['user:u-mgr']],
    ['switched-off rule is skipped', [rule({ active: false })], facts(1), 0, []],
    ['no rule of the type: the defaults (discount)', [], facts(100, 0.5), 1, ['module:orders']],
  ];
  it.each(cases)('%s', (_n, rules, f, steps, approvers) => {
    const plan = planSteps(DOC, rules, f, rep, []);
    expect(plan).toHaveLength(steps);
    expect(plan.flatMap((s) => s.approvers.map((a) => `${a.kind}:${'module' in a ? a.module : 'roleId' in a ? a.roleId : a.userId}`))).toEqual(approvers);
  });
  it('a submitter without a department manager falls back to the module approvers', () => {
    expect(planSteps(DOC, [rule({ approverKind: 'deptManager' })], facts(1), { ...rep, departmentManagerId: null })[0].approvers).toEqual([{ kind: 'module', module: 'orders' }]);
  });
});

const actor = (id: string, roleId: string, perm = 'approve', admin = false): Actor => ({ id, roleId, role: { perm_orders: perm, admin } });
let n = 0;
const rec = (v: Omit<StepRecord, 'id' | 'docType' | 'docId'>): StepRecord & Record<string, unknown> => ({ id: `s${++n}`, docType: 'orders', docId: 'o1', ...v });
const twoStepPlan = JSON.stringify([{ approvers: [{ kind: 'user', userId: 'u-mgr' }], reasons: [] }, { approvers: [{ kind: 'role', roleId: 'r-gm' }], reasons: [] }]);

describe('status derivation', () => {
  const submit = rec({ round: 1, step: 0, action: 'submit', by: 'u-rep', at: 1, plan: twoStepPlan });
  it('walks the steps in order', () => {
    expect(approvalState([], 'orders').phase).toBe('draft');
    expect(approvalState([submit], 'orders')).toMatchObject({ phase: 'pending', current: 1 });
    const a1 = rec({ round: 1, step: 1, action: 'approve', by: 'u-mgr', at: 2 });
    expect(approvalState([submit, a1], 'orders')).toMatchObject({ phase: 'pending', current: 2 });
    const a2 = rec({ round: 1, step: 2, action: 'approve', by: 'u-gm', at: 3 });
    expect(approvalState([a2, submit, a1], 'orders').phase).toBe('approved');
  });
  it('an empty plan is approved at once; an unreadable plan still asks', () => {
    expect(approvalState([{ ...submit, plan: '[]' }], 'orders').phase).toBe('approved');
    expect(approvalState([{ ...submit, plan: 'junk' }], 'orders').phase).toBe('pending');
  });
  it('two approvers deciding the same step apart: the conflict is shown and the rejection wins', () => {
    const yes = rec({ round: 1, step: 1, action: 'approve', by: 'u-mgr', at: 5 });
    const no = rec({ round: 1, step: 1, action: 'reject', by: 'u-admin', at: 4, comment: '预算不足' });
    const s = approvalState([submit, yes, no], 'orders');
    expect(s.phase).toBe('rejected');
    expect(s.conflicts).toHaveLength(1);
    expect(s.conflicts[0].records.map((r) => `${r.by}:${r.action}`)).toEqual(['u-admin:reject', 'u-mgr:approve']);
  });
  it('a withdrawal made while an approver decided: back to draft, the decision kept as a conflict', () => {
    const s = approvalState([submit, rec({ round: 1, step: 1, action: 'approve', by: 'u-mgr', at: 5 }), rec({ round: 1, step: 0, action: 'withdraw', by: 'u-rep', at: 4 })], 'orders');
    expect(s.phase).toBe('draft');
    expect(s.conflicts[0].kind).toBe('withdrawn');
  });
  it('an edit after the decision shows draft', () => {
    const s = approvalState([{ ...submit, plan: '[]' }], 'orders');
    expect(effectivePhase(s, 'draft')).toBe('draft');
    expect(effectivePhase(s, 'approved')).toBe('approved');
  });
  it('the same state whatever order the records arrive in, duplicates included (property)', () => {
    const action = fc.constantFrom('approve', 'reject', 'withdraw', 'submit');
    const recordArb = fc.record({
      round: fc.integer({ min: 1, max: 3 }), step: fc.integer({ min: 0, max: 3 }), action, by: fc.constantFrom('u-rep', 'u-mgr', 'u-gm'),
      at: fc.integer({ min: 1, max: 20 }), id: fc.string({ minLength: 1, maxLength: 4 }), plan: fc.constantFrom(twoStepPlan, '[]', undefined),
    }).map((r) => ({ ...r, docType: 'orders', docId: 'o1' }));
    fc.assert(fc.property(fc.array(recordArb, { maxLength: 12 }), fc.integer(), (records, seed) => {
      const shuffled = [...records, ...records.slice(0, 2)].map((r, i) => ({ r, k: (i * 7919 + seed) % 101 })).sort((a, b) => a.k - b.k).map((x) => x.r);
      const a = approvalState(records, 'orders');
      const b = approvalState(shuffled, 'orders');
      expect({ ...b, history: undefined }).toEqual({ ...a, history: undefined });
    }), { numRuns: 500 });
  });
});

describe('who may act', () => {
  const words = { noun: { zh: '订单', en: 'Order' }, module: 'orders' };
  const pending = approvalState([rec({ round: 1, step: 0, action: 'submit', by: 'u-rep', at: 1, plan: twoStepPlan })], 'orders');
  it('only the step approver decides; never one own submission unless admin', () => {
    expect(decideBlocker(pending, 'pending', actor('u-mgr', 'r-mgr'), words)).toBeNull();
    expect(decideBlocker(pending, 'pending', actor('u-gm', 'r-gm'), words)?.zh).toBe('您不是这一步的审批人');
    const own = approvalState([rec({ round: 1, step: 0, action: 'submit', by: 'u-rep', at: 1, plan: JSON.stringify([{ approvers: [{ kind: 'module', module: 'orders' }] }]) })], 'orders');
    expect(decideBlocker(own, 'pending', actor('u-rep', 'r-rep'), words)?.zh).toBe('不能审批自己提交的订单');
    expect(decideBlocker(own, 'pending', actor('u-x', 'r-x', 'write'), words)?.zh).toBe('没有订单管理的审批权限');
    expect(decideBlocker(own, 'pending', actor('u-rep', 'r-admin', 'none', true), words)).toBeNull();
  });
  it('a rejection needs a comment; withdraw is the submitter\'s; submit refuses when pending or approved', () => {
    const r = decideStep(pending, 'pending', actor('u-mgr', 'r-mgr'), false, 9, words, '  ');
    expect(r.ok ? '' : r.refusal.message.zh).toBe('驳回必须填写意见');
    expect(withdrawStep(pending, 'pending', 'u-mgr', 9, words).ok).toBe(false);
    expect(withdrawStep(pending, 'pending', 'u-rep', 9, words).ok).toBe(true);
    expect(submitStep(pending, 'pending', [], 'u-rep', 9, words).ok).toBe(false);
    const next = submitStep(approvalState([], 'orders'), 'draft', [], 'u-rep', 9, words);
    expect(next.ok && next.value.round).toBe(1);
  });
});
