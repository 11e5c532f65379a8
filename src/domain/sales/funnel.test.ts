import { describe, expect, it } from 'vitest';
import { filterPipeline, forecast, funnel, funnelChange, funnelColor } from './funnel';
import { defaultModeRecords } from './stages';
import { rec } from './testing';

const stages = defaultModeRecords().stages.map((s) => rec(String(s.id), s));
const S = (n: number) => `stage-standard-${n}`;
const M = 'mode-standard';

// Hand-built pipeline. weighted = expected × rate %.
const opps = [
  rec('o1', { modeId: M, stageId: S(1), expectedAmount: 10000, rate: 10, ownerId: 'u1', plannedDate: '2024-04-15', status: 'active' }), // 1000
  rec('o2', { modeId: M, stageId: S(1), expectedAmount: 20000, rate: 10, ownerId: 'u2', plannedDate: '2024-04-30' }), // 2000 (no status = active)
  rec('o3', { modeId: M, stageId: S(1), expectedAmount: 'abc', rate: 10, ownerId: 'u2', plannedDate: '2024-13-45' }), // malformed → 0 / 0
  rec('o4', { modeId: M, stageId: S(2), expectedAmount: 30000, rate: 30, ownerId: 'u1', plannedDate: '2024-05-10', departmentId: 'd9' }), // 9000
  rec('o5', { modeId: M, stageId: S(3), expectedAmount: 50000, rate: 50, ownerId: 'u2', plannedDate: '2024-04-01' }), // 25000
  rec('o6', { modeId: M, stageId: S(3), expectedAmount: 10000, rate: {}, ownerId: 'u2' }), // rate malformed → weighted 0
  rec('o7', { modeId: M, stageId: S(2), expectedAmount: 99999, rate: 30, status: 'won' }), // not in the pipe
  rec('o8', { modeId: M, stageId: S(1), expectedAmount: 99999, rate: 10, deleted: true }), // deleted
  rec('o9', { modeId: 'mode-project', stageId: 'stage-project-1', expectedAmount: 99999, rate: 10 }), // other mode
  rec('o10', { modeId: M, stageId: 'ghost', expectedAmount: 5000, rate: 10, ownerId: 'u1', plannedDate: '2024-05-20' }), // 500, unstaged
];
const quotas = { [S(1)]: 4, [S(2)]: 1, [S(3)]: 3, [S(4)]: 2 };

describe('sales funnel', () => {
  it('matches the hand-computed table', () => {
    const f = funnel(opps, stages, M, { quotas });
    const table = f.rows.map((r) => [r.name, r.count, r.amount, r.weighted, r.attainment, r.color, r.dropOff]);
    expect(table.map((r) => r.slice(0, 4))).toEqual([
      // stage       count amount  weighted
      ['初步接洽', 3, 30000, 3000], // o1 + o2 + o3: 10000 + 20000 + 0; 1000 + 2000 + 0
      ['需求确认', 1, 30000, 9000], // o4
      ['方案报价', 2, 60000, 25000], // o5 + o6: 50000 + 10000; 25000 + 0
      ['商务谈判', 0, 0, 0],
      ['签约成交', 0, 0, 0],
    ]);
    // attainment = count ÷ quota × 100; colours ≥100 green, ≥70 yellow, else red; no quota → none
    expect(f.rows.map((r) => r.color)).toEqual(['yellow', 'green', 'red', 'red', 'none']);
    expect(f.rows[0].attainment).toBe(75); // 3 / 4
    expect(f.rows[1].attainment).toBe(100); // 1 / 1
    expect(f.rows[2].attainment).toBeCloseTo(66.6667, 4); // 2 / 3
    expect(f.rows[3].attainment).toBe(0); // 0 / 2
    expect(f.rows[4].attainment).toBeNull(); // no quota → "—"
    // drop-off = (previous − this) ÷ previous × 100
    expect(f.rows[0].dropOff).toBeNull(); // first stage
    expect(f.rows[1].dropOff).toBeCloseTo(66.6667, 4); // (3 − 1) / 3
    expect(f.rows[2].dropOff).toBe(-100); // (1 − 2) / 1
    expect(f.rows[3].dropOff).toBe(100); // (2 − 0) / 2
    expect(f.rows[4].dropOff).toBeNull(); // previous stage empty → "—"
    expect(f.rows[0].ids).toEqual(['o1', 'o2', 'o3']);
    expect(f.unstaged).toEqual({ count: 1, amount: 5000, weighted: 500, ids: ['o10'] });
    // total: 7 opportunities; 30000 + 30000 + 60000 + 5000 = 125000; 3000 + 9000 + 25000 + 500 = 37500
    expect(f.total).toMatchObject({ count: 7, amount: 125000, weighted: 37500 });
  });

  it('compares amounts with amount quotas when asked', () => {
    // 初步接洽: 30000 ÷ 20000 × 100 = 150 → green
    const f = funnel(opps, stages, M, { quotas: { [S(1)]: 20000 }, basis: 'amount' });
    expect(f.rows[0]).toMatchObject({ attainment: 150, color: 'green' });
  });

  it('filters by owner, department, period and status', () => {
    const ids = (l: { id: string }[]) => l.map((o) => o.id);
    expect(ids(filterPipeline(opps, { modeId: M, ownerId: 'u1' }) as { id: string }[])).toEqual(['o1', 'o4', 'o10']);
    // o4 names its own department d9; others follow the owner's department
    expect(ids(filterPipeline(opps, { departmentId: 'd1', userDepartments: { u1: 'd1', u2: 'd2' } }) as { id: string }[])).toEqual(['o1', 'o10']);
    expect(ids(filterPipeline(opps, { modeId: M, from: '2024-04-01', to: '2024-04-30' }) as { id: string }[])).toEqual(['o1', 'o2', 'o5']);
    expect(ids(filterPipeline(opps, { modeId: M, statuses: ['won'] }) as { id: string }[])).toEqual(['o7']);
    expect(funnel(opps, stages, M, { filter: { ownerId: 'u2' } }).total).toMatchObject({ count: 4, amount: 80000, weighted: 27000 });
  });

  it('an opportunity without a mode counts in the mode of its stage', () => {
    const f = funnel([rec('n1', { stageId: S(2), expectedAmount: 1000, rate: 30 })], stages, M);
    expect(f.rows[1]).toMatchObject({ count: 1, amount: 1000, weighted: 300, ids: ['n1'] });
    expect(funnel([rec('n2', { stageId: S(2) })], stages, 'mode-project').total.count).toBe(0);
  });

  it('never shows a drop into the end stage: won opportunities leave the funnel there', () => {
    // 商务谈判 holds 2, 签约成交 (the last stage, 100 %) holds none: not a 100 % loss
    const late = [
      rec('n1', { modeId: M, stageId: S(4), expectedAmount: 1000, rate: 70 }),
      rec('n2', { modeId: M, stageId: S(4), expectedAmount: 1000, rate: 70 }),
    ];
    const f = funnel(late, stages, M);
    expect(f.rows.map((r) => r.end)).toEqual([false, false, false, false, true]);
    expect(f.rows[3].dropOff).toBeNull(); // 方案报价 was empty: nothing to compare
    expect(f.rows[4]).toMatchObject({ count: 0, dropOff: null, end: true });
    // a 100 % stage before the last is an end state too (a mode edited by its users)
    const odd = [rec('a', { modeId: 'x', order: 1, name: 'A', rate: 20 }), rec('b', { modeId: 'x', order: 2, name: 'B', rate: 100 }), rec('c', { modeId: 'x', order: 3, name: 'C', rate: 100 })];
    const g = funnel([rec('o', { modeId: 'x', stageId: 'a' })], odd, 'x');
    expect(g.rows.map((r) => [r.end, r.dropOff])).toEqual([[false, null], [true, null], [true, null]]);
  });

  it('draws from empty data and from a single stage', () => {
    const empty = funnel([], stages, M);
    expect(empty.rows).toHaveLength(5);
    expect(empty.rows.every((r) => r.count === 0 && r.dropOff === null)).toBe(true);
    expect(empty.total).toMatchObject({ count: 0, amount: 0, weighted: 0 });
    const one = [rec('only', { modeId: 'solo', order: 1, name: '唯一阶段', rate: 50 })];
    const f = funnel([rec('o', { modeId: 'solo', stageId: 'only', expectedAmount: 100, rate: 50 })], one, 'solo');
    expect(f.rows).toEqual([expect.objectContaining({ count: 1, amount: 100, weighted: 50, dropOff: null, end: true })]);
    expect(funnel([], [], 'none').rows).toEqual([]);
  });

  it('a negative drop-off is a rise', () => {
    expect([funnelChange(40), funnelChange(-100), funnelChange(0), funnelChange(null)]).toEqual(['drop', 'rise', 'flat', null]);
    expect(funnelChange(funnel(opps, stages, M).rows[2].dropOff)).toBe('rise'); // 需求确认 1 → 方案报价 2
  });

  it('thresholds', () => {
    expect([funnelColor(100), funnelColor(99.9), funnelColor(70), funnelColor(69.9), funnelColor(null)]).toEqual(['green', 'yellow', 'yellow', 'red', 'none']);
  });
});

describe('forecast by planned close month', () => {
  it('matches the hand-computed table', () => {
    expect(forecast(opps, { modeId: M }).map((r) => [r.month, r.count, r.amount, r.weighted, r.ids])).toEqual([
      ['2024-04', 3, 80000, 28000, ['o1', 'o2', 'o5']], // 1000 + 2000 + 25000
      ['2024-05', 2, 35000, 9500, ['o4', 'o10']], // 9000 + 500
      [null, 2, 10000, 0, ['o3', 'o6']], // invalid / missing planned date; both malformed → weighted 0
    ]);
  });
});
