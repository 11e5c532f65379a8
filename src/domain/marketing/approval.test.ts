import { describe, expect, it } from 'vitest';
import { planSteps, statusFieldOf, storedPhase, isPendingDoc } from '../approvals';
import { APPROVAL_DOC_TYPES, RULES } from '../registry';
import type { BaseRecord } from '../core/record';
import { BUDGET_FIELDS, budgetLock, DEFAULT_BUDGET_LIMIT, MARKET_ACTIVITY_APPROVAL as DT } from './approval';

/** A market activity's budget as an approval document type (issue 13 item 1): rules, status field, lock. */

const marketer = { id: 'u-mkt', roleId: 'r-mkt', departmentManagerId: 'u-head' };
const rule = (r: Record<string, unknown>) => ({ id: String(Math.random()), docType: 'marketActivities', condition: 'always', stepNo: 1, approverKind: 'module', ...r });
const activity = (budget: unknown, type = 'seminar') => ({ id: 'a1', name: '秋季研讨会', status: 'planned', budget, type });
const who = (plan: ReturnType<typeof planSteps>) => plan.map((s) => s.approvers.map((a) => ('module' in a ? `module:${a.module}` : 'roleId' in a ? `role:${a.roleId}` : `user:${a.userId}`)).join('|'));

describe('market activity budgets on the approval engine', () => {
  it('is registered through the marketing manifest and keeps its state in approvalStatus', () => {
    expect(APPROVAL_DOC_TYPES.find((d) => d.entity === 'marketActivities')).toBe(DT);
    expect(statusFieldOf(DT)).toBe('approvalStatus');
    expect(statusFieldOf({})).toBe('status');
  });

  // [name, workspace rules, budget, type, the steps' approvers]
  const table: [string, Record<string, unknown>[], unknown, string, string[]][] = [
    ['default: a budget over 20,000 needs the department manager', [], 25_000, 'seminar', ['user:u-head']],
    ['default: exactly 20,000 is not over', [], DEFAULT_BUDGET_LIMIT, 'seminar', []],
    ['default: a small budget is approved on submission', [], 3_000, 'seminar', []],
    ['default: no budget asks nobody', [], null, 'seminar', []],
    ['own rule: an exhibition always goes to the GM role', [rule({ condition: 'typeIs', typeCode: 'exhibition', approverKind: 'role', approverRoleId: 'r-gm' })], 500, 'exhibition', ['role:r-gm']],
    ['own rule: another type does not', [rule({ condition: 'typeIs', typeCode: 'exhibition', approverKind: 'role', approverRoleId: 'r-gm' })], 500, 'seminar', []],
    ['own rules replace the default: manager, then over 100,000 the GM', [
      rule({ condition: 'amountOver', threshold: 10_000, approverKind: 'deptManager', stepNo: 1 }),
      rule({ condition: 'amountOver', threshold: 100_000, approverKind: 'role', approverRoleId: 'r-gm', stepNo: 2 }),
    ], 150_000, 'seminar', ['user:u-head', 'role:r-gm']],
    ['own rules: only the first step under 100,000', [
      rule({ condition: 'amountOver', threshold: 10_000, approverKind: 'deptManager', stepNo: 1 }),
      rule({ condition: 'amountOver', threshold: 100_000, approverKind: 'role', approverRoleId: 'r-gm', stepNo: 2 }),
    ], 15_000, 'seminar', ['user:u-head']],
    ["another doc type's rules are not this one's", [{ ...rule({ condition: 'always' }), docType: 'expenses' }], 25_000, 'seminar', ['user:u-head']],
  ];
  it.each(table)('%s', (_n, rules, budget, type, approvers) => {
    expect(who(planSteps(DT, rules, DT.facts(activity(budget, type), () => [], {}), marketer))).toEqual(approvers);
  });

  it('the department manager submitting their own budget (or nobody heading the department) goes to whoever has approve on Marketing', () => {
    const facts = DT.facts(activity(30_000), () => [], {});
    expect(who(planSteps(DT, [], facts, { ...marketer, id: 'u-head' }))).toEqual(['module:marketing']);
    expect(who(planSteps(DT, [], facts, { ...marketer, departmentManagerId: null }))).toEqual(['module:marketing']);
  });

  it('reads the phase from approvalStatus, never from the activity\'s own status', () => {
    expect(storedPhase(DT, { status: 'running' })).toBe('draft');
    expect(storedPhase(DT, { status: 'pending', approvalStatus: 'approved' })).toBe('approved');
    expect(isPendingDoc(DT, { status: 'pending' })).toBe(false);
    expect(isPendingDoc(DT, { status: 'finished', approvalStatus: 'pending' })).toBe(true);
  });
});

describe('the budget lock (the entity rules the one save path applies)', () => {
  const rules = RULES.marketActivities;
  const base = { id: 'a1', createdAt: 0, createdBy: 'u', updatedAt: 0, updatedBy: 'u', _c: [0, 0], name: '展会', status: 'planned', budget: 30_000, type: 'exhibition' } as unknown as BaseRecord;
  const ctx = {} as Parameters<NonNullable<typeof rules.prepare>>[2];
  it('while pending: the budget fields are locked, a change refused, the activity cannot be deleted', () => {
    const pending: BaseRecord = { ...base, approvalStatus: 'pending' };
    expect(rules.locked!(pending, ctx)).toEqual([...BUDGET_FIELDS]);
    expect(rules.validate!({ budget: 40_000 }, pending, ctx).budget?.zh).toBe('活动预算正在审批中,已锁定');
    // other fields (the activity's own status, the place) stay editable
    expect(rules.validate!({ status: 'running', place: '杭州' }, pending, ctx)).toEqual({});
    expect(rules.deleteBlocker!(pending, ctx)?.en).toContain('locked');
    expect(rules.locked!({ ...base, approvalStatus: 'approved' }, ctx)).toEqual([]);
  });
  it('after the decision: a budget edit sends it back to draft; other edits do not', () => {
    for (const phase of ['approved', 'rejected']) {
      const decided: BaseRecord = { ...base, approvalStatus: phase };
      expect(rules.prepare!({ budget: 35_000 }, decided, ctx).approvalStatus).toBe('draft');
      expect(rules.prepare!({ type: 'seminar' }, decided, ctx).approvalStatus).toBe('draft');
      expect(rules.prepare!({ budget: 30_000, status: 'running' }, decided, ctx).approvalStatus).toBeUndefined();
    }
    expect(rules.prepare!({ budget: 35_000 }, { ...base, approvalStatus: 'draft' }, ctx).approvalStatus).toBeUndefined();
  });
  it('budgetLock reads the doc type\'s status field', () => {
    expect(budgetLock.locked({ ...base, status: 'pending' }, ctx)).toEqual([]);
  });
});
