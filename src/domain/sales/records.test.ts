import { describe, expect, it } from 'vitest';
import {
  backfill, checkSequence, complete, completeBlocker, editBlocker, lastCompleted, newRecordValues,
  placementBlocker, recordsOf, sortRecords,
} from './records';
import { rec } from './testing';

const T = 1_710_000_000_000;
const idsOf = (l: { id?: unknown }[]) => l.map((r) => r.id);

// Contact records of opportunity o1. r3 was created last but is dated before r2.
const r1 = rec('r1', {
  opportunityId: 'o1', date: '2024-03-01', createdAt: T, completed: true, completedAt: T + 10, stageId: 's2', rate: 30,
  cost: 100, expectedAmount: 10000, startDate: '2024-03-01', plannedDate: '2024-06-30',
});
const r2 = rec('r2', { opportunityId: 'o1', date: '2024-03-05', createdAt: T + 1, completed: false });
const r3 = rec('r3', { opportunityId: 'o1', date: '2024-03-03', createdAt: T + 2, completed: false });
const other = rec('x', { opportunityId: 'o2', date: '2024-01-01', createdAt: T });
const list = [r2, r3, r1];

describe('order', () => {
  it('by date, then creation time, then id; deleted records left out', () => {
    expect(idsOf(sortRecords(list))).toEqual(['r1', 'r3', 'r2']);
    const sameDay = [rec('b', { date: '2024-03-01', createdAt: T + 5 }), rec('a', { date: '2024-03-01', createdAt: T + 5 }), rec('z', { date: '2024-03-01', createdAt: T + 1 })];
    expect(idsOf(sortRecords(sameDay))).toEqual(['z', 'a', 'b']);
    expect(idsOf(sortRecords([...list, rec('d', { date: '2024-01-01', deleted: true })]))).toEqual(['r1', 'r3', 'r2']);
    expect(idsOf(recordsOf([...list, other], 'opportunityId', 'o1'))).toEqual(['r2', 'r3', 'r1']);
  });

  it('undated records come last', () => {
    expect(idsOf(sortRecords([rec('u', { createdAt: T }), r1]))).toEqual(['r1', 'u']);
  });
});

describe('completing', () => {
  it('the previous record must be completed first', () => {
    expect(completeBlocker(list, 'r2')).toEqual({ zh: '请先将前一条记录设为“已完成”', en: 'Complete the previous record first' });
    expect(completeBlocker(list, 'r3')).toBeNull();
    expect(complete(list, 'r3', 'u1', 555)).toEqual({ ok: true, value: { completed: true, completedAt: 555, completedBy: 'u1' } });
    expect(completeBlocker(list, 'r1')?.en).toContain('already');
    expect(completeBlocker(list, 'nope')).not.toBeNull();
  });

  it('completed records are read-only except the manager\'s comment', () => {
    expect(editBlocker(r1, ['summary'])?.zh).toContain('删除后重新添加');
    expect(editBlocker(r1, ['reply', 'replyBy'])).toBeNull();
    expect(editBlocker(r1, ['reply', 'cost'])).not.toBeNull();
    expect(editBlocker(r3, ['summary', 'date'])).toBeNull();
  });

  it('a record cannot be placed before a completed one', () => {
    expect(placementBlocker(list, '2024-02-28')).not.toBeNull();
    expect(placementBlocker(list, '2024-03-01')).toBeNull(); // same day, created later → after r1
    expect(placementBlocker(list, '2024-03-02', 'r2')).toBeNull();
    expect(placementBlocker(list, '2024-02-01', 'r2')).not.toBeNull();
  });
});

describe('back-fill from the last completed record', () => {
  const parent = { id: 'o1', rate: 10, expectedAmount: 5000, stageId: 's1' };

  it('copies stage, rate, cost, expected amount, dates and recomputes the amount', () => {
    // 10000 × 30 % = 3000
    expect(backfill(parent, list)).toEqual({
      stageId: 's2', rate: 30, cost: 100, expectedAmount: 10000, startDate: '2024-03-01', plannedDate: '2024-06-30', amount: 3000,
    });
  });

  it('follows the LAST completed record in order', () => {
    const r3done = { ...r3, completed: true, stageId: 's3', rate: 50, expectedAmount: 12000, cost: 300 };
    expect(lastCompleted([r2, r3done, r1])?.id).toBe('r3');
    // 12000 × 50 % = 6000
    expect(backfill(parent, [r2, r3done, r1])).toMatchObject({ stageId: 's3', rate: 50, cost: 300, expectedAmount: 12000, amount: 6000 });
  });

  it('skips malformed values and uses the parent\'s for the amount', () => {
    const bad = { ...r1, rate: 'abc', cost: { n: 1 }, plannedDate: 'soon' };
    // rate unreadable → parent rate 10; 10000 × 10 % = 1000
    expect(backfill(parent, [bad])).toEqual({ stageId: 's2', expectedAmount: 10000, startDate: '2024-03-01', amount: 1000 });
  });

  it('nothing completed → null (the parent keeps its values)', () => {
    expect(backfill(parent, [r2, r3])).toBeNull();
  });

  it('a new record starts from the parent\'s values', () => {
    expect(newRecordValues({ id: 'p1', stageId: 's2', rate: 40, expectedAmount: 1000 }, 'projectId', '2024-04-01')).toEqual({
      projectId: 'p1', date: '2024-04-01', completed: false, stageId: 's2', rate: 40, expectedAmount: 1000, amount: 400,
    });
  });
});

describe('checkSequence: breaks made by peers acting apart', () => {
  it('a valid sequence has no violations', () => {
    expect(checkSequence(list)).toEqual([]);
  });

  it('completed record after an incomplete one (peer B added an earlier record while A completed)', () => {
    const early = rec('r0', { date: '2024-02-20', createdAt: T + 50, completed: false });
    const v = checkSequence([...list, early]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: 'completedAfterIncomplete', ids: ['r0', 'r1'] });
    expect(v[0].message.zh).toContain('2024-03-01');
  });

  it('two completed records completed out of order (a date moved while apart)', () => {
    const a = rec('a', { date: '2024-03-01', completed: true, completedAt: T + 200 });
    const b = rec('b', { date: '2024-03-02', completed: true, completedAt: T + 100 });
    expect(checkSequence([a, b])).toEqual([expect.objectContaining({ code: 'completedOutOfOrder', ids: ['a', 'b'] })]);
  });

  it('content written after completion is reported; the comment is not', () => {
    const c = rec('c', {
      date: '2024-03-01', completed: true, completedAt: T,
      _s: { completed: [T, 1], summary: [T + 5, 2], reply: [T + 9, 3], expectedAmount: [T - 5, 2] },
    });
    const v = checkSequence([c]);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ code: 'editedAfterCompletion', ids: ['c'] });
    expect(v[0].message.en).toContain('summary');
    expect(v[0].message.en).not.toContain('expectedAmount');
  });

  it('completed at creation: any later content write is reported', () => {
    const c = rec('c', { date: '2024-03-01', completed: true, _c: [T, 1], _s: { cost: [T + 1, 2] } });
    expect(checkSequence([c]).map((x) => x.code)).toEqual(['editedAfterCompletion']);
  });

  it('a malformed completed flag is reported and read as not completed', () => {
    const m = rec('m', { date: '2024-03-01', completed: 'yes' });
    const n = rec('n', { date: '2024-03-02', completed: true });
    expect(checkSequence([m, n]).map((x) => x.code)).toEqual(['malformedFlag', 'completedAfterIncomplete']);
  });

  it('maintenance records follow the same rules', () => {
    const m1 = rec('m1', { projectId: 'p1', date: '2024-05-01', completed: false });
    const m2 = rec('m2', { projectId: 'p1', date: '2024-05-02', completed: false, expectedAmount: 2000, rate: 100 });
    expect(completeBlocker([m1, m2], 'm2')).not.toBeNull();
    const done = [{ ...m1, completed: true }, { ...m2, completed: true }];
    expect(backfill({ id: 'p1' }, done)).toMatchObject({ expectedAmount: 2000, rate: 100, amount: 2000 });
  });
});
