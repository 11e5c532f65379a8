import { describe, expect, it } from 'vitest';
import { analyzeService, type ServiceAnalysisRow } from './analysis';

const T = (iso: string) => Date.parse(iso);

// Hand-made records. c = completed, p = progressed.
const records = [
  { id: 'r1', handlerId: 'u1', importance: 'high', start: T('2024-03-01T09:00:00Z'), completed: true, progressed: true },
  { id: 'r2', handlerId: 'u1', importance: 'high', start: T('2024-03-05T09:00:00Z'), completed: true, progressed: false },
  { id: 'r3', handlerId: 'u1', importance: 'low', start: T('2024-03-10T09:00:00Z'), completed: false, progressed: true },
  { id: 'r4', handlerId: 'u2', importance: 'low', start: T('2024-03-31T23:59:59Z'), completed: false, progressed: false },
  { id: 'r5', handlerId: 'u2', importance: 'high', start: T('2024-04-01T00:00:00Z'), completed: true, progressed: true },
  { id: 'r9', handlerId: 'u2', importance: 'low', start: T('2024-02-29T23:59:59Z'), completed: true },
  // Malformed, as a hostile or buggy peer might send it: object as handler, string/number flags.
  { id: 'r6', handlerId: { evil: 1 }, importance: 42, start: 'not a date', completed: 'yes', progressed: 1 },
  // Deleted: ignored everywhere.
  { id: 'r7', handlerId: 'u1', importance: 'high', start: T('2024-03-02T00:00:00Z'), completed: true, progressed: true, deleted: true },
  // No id: cannot be drilled down to, so it is not a real record — ignored.
  { handlerId: 'u1', completed: true, progressed: true },
];

const row = (rows: ServiceAnalysisRow[], key: string | null) => rows.find((r) => r.key === key)!;

describe('analyzeService — SPEC K formulas against a hand-computed table', () => {
  const a = analyzeService(records, { groupBy: 'handlerId' });

  it('groups by handler, malformed value into the (empty) group, sorted with (empty) last', () => {
    expect(a.rows.map((r) => r.key)).toEqual(['u1', 'u2', null]);
  });

  it('u1: r1 r2 r3', () => {
    const u1 = row(a.rows, 'u1');
    expect([u1.count, u1.completed, u1.notCompleted, u1.progressed, u1.notProgressed]).toEqual([3, 2, 1, 2, 1]);
    expect(u1.completionRate).toBeCloseTo(66.6667, 3); // 2 ÷ (2 + 1) × 100 = 66.67
    expect(u1.efficiency).toBeCloseTo(66.6667, 3); // 2 ÷ (2 + 1) × 100 = 66.67
    expect(u1.ids).toEqual({
      all: ['r1', 'r2', 'r3'], completed: ['r1', 'r2'], notCompleted: ['r3'], progressed: ['r1', 'r3'], notProgressed: ['r2'],
    });
  });

  it('u2: r4 r5 r9 (r9 has no progressed flag: counts as not progressed)', () => {
    const u2 = row(a.rows, 'u2');
    expect([u2.count, u2.completed, u2.notCompleted, u2.progressed, u2.notProgressed]).toEqual([3, 2, 1, 1, 2]);
    expect(u2.completionRate).toBeCloseTo(66.6667, 3); // 2 ÷ (2 + 1) × 100 = 66.67
    expect(u2.efficiency).toBeCloseTo(33.3333, 3); // 1 ÷ (1 + 2) × 100 = 33.33
    expect(u2.ids.notProgressed).toEqual(['r4', 'r9']);
  });

  it('malformed record r6: (empty) group, malformed flags count as not ticked, no NaN', () => {
    const e = row(a.rows, null);
    expect([e.count, e.completed, e.notCompleted, e.progressed, e.notProgressed]).toEqual([1, 0, 1, 0, 1]);
    expect(e.completionRate).toBe(0); // 0 ÷ (0 + 1) × 100 = 0
    expect(e.efficiency).toBe(0); // 0 ÷ (0 + 1) × 100 = 0
    expect(e.ids.all).toEqual(['r6']);
  });

  it('totals: 7 live records with ids (r7 deleted, one without id)', () => {
    const t = a.totals;
    // completed: r1 r2 r5 r9 = 4; not: r3 r4 r6 = 3; progressed: r1 r3 r5 = 3; not: r2 r4 r9 r6 = 4
    expect([t.count, t.completed, t.notCompleted, t.progressed, t.notProgressed]).toEqual([7, 4, 3, 3, 4]);
    expect(t.completionRate).toBeCloseTo(57.142857, 5); // 4 ÷ (4 + 3) × 100 = 57.14
    expect(t.efficiency).toBeCloseTo(42.857143, 5); // 3 ÷ (3 + 4) × 100 = 42.86
    expect(t.ids.all).not.toContain('r7');
  });

  it('groups by importance (a number where a code belongs goes to (empty))', () => {
    const b = analyzeService(records, { groupBy: 'importance' });
    expect(b.rows.map((r) => [r.key, r.completed, r.notCompleted])).toEqual([
      ['high', 3, 0], // r1 r2 r5 all completed → 3 ÷ 3 × 100 = 100
      ['low', 1, 2], // r9 completed; r3 r4 not → 1 ÷ 3 × 100 = 33.33
      [null, 0, 1],
    ]);
    expect(row(b.rows, 'high').completionRate).toBe(100);
    expect(row(b.rows, 'low').completionRate).toBeCloseTo(33.3333, 3);
  });

  it('period: start within [from, to], both ends inclusive; unknown start left out', () => {
    const m = analyzeService(records, {
      groupBy: 'handlerId', from: T('2024-03-01T09:00:00Z'), to: T('2024-03-31T23:59:59Z'),
    });
    // r1 (on `from`), r2, r3, r4 (on `to`); r5 and r9 are outside, r6 has no readable start.
    expect(m.totals.ids.all).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(m.totals.completionRate).toBe(50); // 2 ÷ (2 + 2) × 100 = 50
    expect(m.totals.efficiency).toBe(50); // 2 ÷ (2 + 2) × 100 = 50
    const open = analyzeService(records, { groupBy: 'handlerId', from: T('2024-04-01T00:00:00Z') });
    expect(open.totals.ids.all).toEqual(['r5']);
  });

  it('null, not NaN, when there is nothing to divide by', () => {
    const none = analyzeService([], { groupBy: 'serviceType' });
    expect(none.rows).toEqual([]);
    expect(none.totals.completionRate).toBeNull(); // 0 ÷ (0 + 0)
    expect(none.totals.efficiency).toBeNull();
    const empty = analyzeService(records, { groupBy: 'handlerId', from: T('2030-01-01T00:00:00Z') });
    expect(empty.totals.count).toBe(0);
    expect(empty.totals.completionRate).toBeNull();
  });

  it('does not crash on junk entries in the list', () => {
    const junk = [null, 'x', 7, { id: 5 }] as unknown as Record<string, unknown>[];
    expect(analyzeService(junk, { groupBy: 'handlerId' }).totals.count).toBe(0);
  });
});
