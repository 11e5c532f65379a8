import { describe, expect, it } from 'vitest';
import { activityAlert, classifyActivities, completeActivity, daysOverdue } from './activities';
import { rec } from './testing';

const today = '2024-03-10';

describe('activity alerts relative to now', () => {
  it('classifies planned activities by due date (soon = within 3 days by default)', () => {
    expect(activityAlert({ status: 'planned', dueDate: '2024-03-09' }, today)).toBe('overdue');
    expect(activityAlert({ status: 'planned', dueDate: '2024-03-10' }, today)).toBe('dueSoon');
    expect(activityAlert({ status: 'planned', dueDate: '2024-03-13' }, today)).toBe('dueSoon');
    expect(activityAlert({ status: 'planned', dueDate: '2024-03-14' }, today)).toBe('upcoming');
    expect(activityAlert({ status: 'planned', dueDate: '2024-03-14' }, today, 7)).toBe('dueSoon');
    expect(activityAlert({ status: 'done', dueDate: '2024-01-01' }, today)).toBe('done');
    expect(activityAlert({ dueDate: { bad: 1 } }, today)).toBe('undated');
    expect(activityAlert({ dueDate: '2024-02-30' }, today)).toBe('undated');
  });

  it('accepts now as a Date or epoch ms (local calendar day)', () => {
    const now = new Date(2024, 2, 10, 23, 59);
    expect(activityAlert({ dueDate: '2024-03-09' }, now)).toBe('overdue');
    expect(activityAlert({ dueDate: '2024-03-10' }, now.getTime())).toBe('dueSoon');
  });

  it('days overdue', () => {
    expect(daysOverdue({ dueDate: '2024-03-07' }, today)).toBe(3);
    expect(daysOverdue({ dueDate: '2024-03-12' }, today)).toBe(-2);
    expect(daysOverdue({}, today)).toBeNull();
  });

  it('groups live activities, sorted by due date', () => {
    const g = classifyActivities([
      rec('a', { dueDate: '2024-03-08' }), rec('b', { dueDate: '2024-03-01' }), rec('c', { dueDate: '2024-03-11' }),
      rec('d', { status: 'done' }), rec('e'), rec('f', { dueDate: '2024-03-01', deleted: true }),
    ], today);
    expect(g.overdue.map((x) => x.id)).toEqual(['b', 'a']);
    expect(g.dueSoon.map((x) => x.id)).toEqual(['c']);
    expect(g.done.map((x) => x.id)).toEqual(['d']);
    expect(g.undated.map((x) => x.id)).toEqual(['e']);
  });

  it('completes a planned activity once', () => {
    expect(completeActivity(rec('a'), today, '已拜访')).toEqual({ ok: true, value: { status: 'done', doneDate: today, result: '已拜访' } });
    expect(completeActivity(rec('a', { status: 'done' }), today).ok).toBe(false);
  });
});
