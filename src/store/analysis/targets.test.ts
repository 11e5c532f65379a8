import { describe, expect, it } from 'vitest';
import { rec } from '../../domain/sales/testing';
import { alertRuleOf, planErrors, plannedSubjects, targetProgress } from './targets';
import { averageDealSize, nextMonth, subjectOf } from './quota';

const plans = [
  rec('p1', { scope: 'person', userId: 'u1', period: '2026-11', target: 100000 }),
  rec('p2', { scope: 'company', period: '2026-Q4', target: 900000 }),
  rec('p3', { scope: 'department', departmentId: 'd1', period: '2026-11', target: 0 }),
];
const opps = [
  rec('o1', { ownerId: 'u1', status: 'won', actualDate: '2026-11-03', expectedAmount: 30000 }),
  rec('o2', { ownerId: 'u1', status: 'won', actualDate: '2026-10-30', expectedAmount: 99999 }),
  rec('o3', { ownerId: 'u2', status: 'won', actualDate: '2026-11-10', expectedAmount: 20000, departmentId: 'd1' }),
  rec('o4', { ownerId: 'u1', status: 'active', plannedDate: '2026-11-10', expectedAmount: 50000 }),
  rec('o5', { ownerId: 'u1', status: 'won', actualDate: '2026-11-12', expectedAmount: 'junk' }),
  rec('o6', { ownerId: 'u1', status: 'won', actualDate: '2026-11-13', expectedAmount: 1, deleted: true }),
];

describe('sales targets and their alerts', () => {
  it('sums won opportunities of the month against the month or quarter target', () => {
    const me = targetProgress(plans, opps, { scope: 'person', userId: 'u1' }, '2026-11', '2026-11-10');
    expect(me).toMatchObject({ actual: 30000, ids: ['o1', 'o5'], share: 30, alert: null, target: { target: 100000, from: 'month' } });
    const company = targetProgress(plans, opps, { scope: 'company' }, '2026-11', '2026-11-10');
    expect(company).toMatchObject({ actual: 50000, target: { target: 300000, from: 'quarter' } });
    const dept = targetProgress(plans, opps, { scope: 'department', departmentId: 'd1' }, '2026-11', '2026-11-25');
    // a zero target: no share ("—") and no alert
    expect(dept).toMatchObject({ actual: 20000, share: null, alert: null });
  });

  it('takes the orders-based actual when given (domain/finance salesActual)', () => {
    const who = { scope: 'person', userId: 'u1' } as const;
    const p = targetProgress(plans, opps, who, '2026-11', '2026-11-21', { actual: { actual: 100000, ids: ['order1', 'o1'] } });
    expect(p).toMatchObject({ actual: 100000, ids: ['order1', 'o1'], share: 100, alert: 'reached' });
  });

  it('warns from the alert day when under the share, and notices when reached', () => {
    const who = { scope: 'person', userId: 'u1' } as const;
    expect(targetProgress(plans, opps, who, '2026-11', '2026-11-19').alert).toBeNull();
    expect(targetProgress(plans, opps, who, '2026-11', '2026-11-20').alert).toBe('behind');
    expect(targetProgress(plans, opps, who, '2026-11', '2026-11-20', { rule: { day: 20, share: 25 } }).alert).toBeNull();
    // a past month is not "behind" any more: the warning is for the running month
    expect(targetProgress(plans, opps, who, '2026-11', '2026-12-21').alert).toBeNull();
    const more = [...opps, rec('o7', { ownerId: 'u1', status: 'won', actualDate: '2026-11-20', expectedAmount: 70000 })];
    expect(targetProgress(plans, more, who, '2026-11', '2026-11-21').alert).toBe('reached');
  });

  it('reads the rule from the company record, falling back on bad values', () => {
    expect(alertRuleOf({ targetAlertDay: 15, targetAlertShare: 40 })).toEqual({ day: 15, share: 40 });
    expect(alertRuleOf({ targetAlertDay: 'x', targetAlertShare: 400 })).toEqual({ day: 20, share: 50 });
    expect(alertRuleOf(undefined)).toEqual({ day: 20, share: 50 });
  });

  it('lists the planned subjects of a month, company first', () => {
    expect(plannedSubjects(plans, '2026-11')).toEqual([
      { scope: 'company' }, { scope: 'department', departmentId: 'd1' }, { scope: 'person', userId: 'u1' },
    ]);
    expect(plannedSubjects(plans, '2027-01')).toEqual([]);
  });
});

describe('the plan form', () => {
  it('asks for a month or quarter, and for the department or person of the scope', () => {
    expect(planErrors({ scope: 'company', period: '2026-11', target: 1 })).toEqual({});
    expect(planErrors({ scope: 'company', period: '2026-Q4' })).toEqual({});
    expect(Object.keys(planErrors({ scope: 'company', period: '2026-13' }))).toEqual(['period']);
    expect(Object.keys(planErrors({ scope: 'department', period: '2026-11' }))).toEqual(['departmentId']);
    expect(Object.keys(planErrors({ scope: 'person', period: 'Nov' }))).toEqual(['period', 'userId']);
  });
});

describe('quota source helpers', () => {
  it('averages won deals of the last 12 months, else every opportunity of the mode', () => {
    const list = [
      rec('a', { modeId: 'm', status: 'won', actualDate: '2026-06-01', expectedAmount: 100 }),
      rec('b', { modeId: 'm', status: 'won', actualDate: '2026-11-30', expectedAmount: 300 }),
      rec('c', { modeId: 'm', status: 'won', actualDate: '2025-10-01', expectedAmount: 9999 }),
      rec('d', { modeId: 'm', status: 'active', expectedAmount: 50 }),
      rec('e', { modeId: 'x', status: 'won', actualDate: '2026-06-01', expectedAmount: 7 }),
    ];
    expect(averageDealSize(list, 'm', '2026-11')).toEqual({ value: 200, from: 'won', ids: ['a', 'b'] });
    expect(averageDealSize(list.slice(3), 'm', '2026-11')).toEqual({ value: 50, from: 'all', ids: ['d'] });
    expect(averageDealSize([], 'm', '2026-11')).toEqual({ value: null, from: null, ids: [] });
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(subjectOf({ ownerId: 'u', departmentId: 'd' })).toEqual({ scope: 'person', userId: 'u' });
  });
});
