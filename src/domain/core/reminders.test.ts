import { describe, expect, it } from 'vitest';
import { activeReminders, markReminder, liveMarks, nextBirthday, type Reminder } from './reminders';
import { birthdayReminders, contactDueReminders, lastContactDays, nextContactDay } from '../customers/reminders';
import { activityReminders } from '../sales/reminders';
import { instalmentReminders } from '../finance/reminders';
import { overdueInstalments } from '../finance/accounts';

describe('birthdays', () => {
  it('looks across the year end', () => {
    expect(nextBirthday('1980-01-03', '2026-12-29')).toBe('2027-01-03');
    const r = birthdayReminders([{ id: 'c1', name: '王芳', customerId: 'k1', birthday: '1980-01-03' }], '2026-12-29');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({ kind: 'birthday', day: '2027-01-03', days: 5, href: 'customers/k1', key: 'birthday:c1:2027-01-03' });
  });
  it('puts a 29 February birthday on the 28th in a year without one', () => {
    expect(nextBirthday('1992-02-29', '2027-02-20')).toBe('2027-02-28');
    expect(nextBirthday('1992-02-29', '2028-02-20')).toBe('2028-02-29');
    expect(birthdayReminders([{ id: 'c', name: 'x', customerId: 'k', birthday: '1992-02-29' }], '2027-02-22')[0].days).toBe(6);
  });
  it('shows today and the next 7 days only, and skips unreadable dates', () => {
    const list = [
      { id: 'a', birthday: '1990-03-10' }, { id: 'b', birthday: '1990-03-17' }, { id: 'c', birthday: '1990-03-18' },
      { id: 'd', birthday: '1990-03-09' }, { id: 'e', birthday: 'soon' }, { id: 'f' },
    ];
    const r = birthdayReminders(list, '2026-03-10');
    expect(r.map((x) => x.key.split(':')[1])).toEqual(['a', 'b']);
    expect(r[0].tone).toBe('due');
  });
});

describe('next contact', () => {
  it('uses the set day, answered by a contact on or after it', () => {
    expect(nextContactDay({ nextContact: '2026-05-01' }, '2026-04-01')).toBe('2026-05-01');
    expect(nextContactDay({ nextContact: '2026-05-01' }, '2026-05-02')).toBeNull();
  });
  it('else the last contact plus the cycle', () => {
    expect(nextContactDay({ contactCycle: 30 }, '2026-01-15')).toBe('2026-02-14');
    expect(nextContactDay({ contactCycle: 0 }, '2026-01-15')).toBeNull();
    expect(nextContactDay({ contactCycle: 30 }, null)).toBeNull();
  });
  it('reminds when due or overdue, not before', () => {
    const customers = [{ id: 'k1', name: '甲', contactCycle: 30 }, { id: 'k2', name: '乙', contactCycle: 30 }, { id: 'k3', name: '丙', nextContact: '2026-02-14' }];
    const last = lastContactDays([{ customerId: 'k1', day: '2026-01-01' }, { customerId: 'k1', day: '2026-01-15' }, { customerId: 'k2', day: '2026-02-10' }]);
    const r = contactDueReminders(customers, last, '2026-02-14');
    expect(r.map((x) => [x.subject, x.tone])).toEqual([['甲', 'due'], ['丙', 'due']]);
    expect(contactDueReminders(customers, last, '2026-02-20').find((x) => x.subject === '甲')).toMatchObject({ tone: 'overdue', days: -6 });
  });
});

describe('activities', () => {
  const acts = [
    { id: 'a1', subject: '回访', dueDate: '2026-03-01', status: 'planned' },
    { id: 'a2', subject: '报价', dueDate: '2026-03-13', status: 'planned' },
    { id: 'a3', subject: '演示', dueDate: '2026-03-14', status: 'planned' },
    { id: 'a4', subject: '已办', dueDate: '2026-03-01', status: 'done' },
  ];
  it('tells overdue from due within 3 days, and leaves later and done ones out', () => {
    const r = activityReminders(acts, '2026-03-10');
    expect(r.map((x) => [x.subject, x.tone, x.days])).toEqual([['回访', 'overdue', -9], ['报价', 'soon', 3]]);
    expect(r[0].href).toBe('activities?open=a1');
  });
});

describe('instalments', () => {
  it('takes the dunning list as it is', () => {
    const due = { instalmentId: 'i1', orderId: 'o1', customerId: 'k', ownerId: 'u', dueDate: '2026-03-01', amount: 100, paid: 40, unpaid: 60 };
    const r = instalmentReminders(overdueInstalments([due], '2026-03-05'), () => 'SO-1');
    expect(r).toEqual([expect.objectContaining({ subject: 'SO-1', days: -4, tone: 'overdue', href: 'finance/account/o1', detail: '60.00' })]);
  });
});

describe('dismiss and snooze', () => {
  const r = (key: string, day: string, tone: Reminder['tone']): Reminder => ({ key, kind: 'x', day, days: 0, tone, subject: key, href: '' });
  const list = [r('soon', '2026-03-12', 'soon'), r('late', '2026-03-08', 'overdue'), r('today', '2026-03-10', 'due')];
  it('sorts overdue first', () => {
    expect(activeReminders(list, {}, '2026-03-10').map((x) => x.key)).toEqual(['late', 'today', 'soon']);
  });
  it('hides a dismissed one for good and a snoozed one until its day', () => {
    let marks = markReminder({}, 'late', 'dismiss', '2026-03-10');
    marks = markReminder(marks, 'soon', 'snoozeDay', '2026-03-10');
    marks = markReminder(marks, 'today', 'snoozeWeek', '2026-03-10');
    expect(activeReminders(list, marks, '2026-03-10')).toEqual([]);
    expect(activeReminders(list, marks, '2026-03-11').map((x) => x.key)).toEqual(['soon']);
    expect(activeReminders(list, marks, '2026-03-17').map((x) => x.key)).toEqual(['today', 'soon']);
    expect(Object.keys(liveMarks(marks, '2026-03-17'))).toEqual(['late']);
  });
});
