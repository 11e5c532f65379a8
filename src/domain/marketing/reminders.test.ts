import { describe, expect, it } from 'vitest';
import { marketTaskReminders } from './reminders';

describe('market task reminders', () => {
  const today = '2026-11-24';
  const tasks = [
    { id: 't1', title: '展会物料', dueDate: '2026-11-20', status: 'open' },
    { id: 't2', title: '邀请函', dueDate: '2026-11-24', status: 'inProgress' },
    { id: 't3', title: '会后回访', dueDate: '2026-11-27', status: 'open' },
    { id: 't4', title: '远期', dueDate: '2026-12-20', status: 'open' },
    { id: 't5', title: '已完成', dueDate: '2026-11-01', status: 'done' },
    { id: 't6', title: '已取消', dueDate: '2026-11-01', status: 'cancelled' },
    { id: 't7', title: '删除', dueDate: '2026-11-01', status: 'open', deleted: true },
    { id: 't8', title: '无日期', status: 'open' },
  ];
  it('overdue, due today and due within three days, only for tasks still to do', () => {
    const r = marketTaskReminders(tasks, today);
    expect(r.map((x) => [x.subject, x.tone, x.days])).toEqual([['展会物料', 'overdue', -4], ['邀请函', 'due', 0], ['会后回访', 'soon', 3]]);
    expect(r[0]).toMatchObject({ kind: 'marketTask', href: 'marketing/tasks/t1', key: 'marketTask:t1:2026-11-20' });
  });
});
