import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mergeRecords, outlivesPurge, purgeKnowledge } from './merge';
import type { BaseRecord } from './record';

/* mergeRecords is a join: the same result in any argument order and grouping, whatever a peer sent as stamps. */

const junkStamp = fc.oneof(
  fc.constant('junk'), fc.constant(null), fc.constant([1]), fc.constant([-5, 1]), fc.constant([1.5, 2]),
  fc.constant(['x', 1]), fc.constant([2 ** 60, 1]), fc.constant({ 0: 1, 1: 2 }),
);
const goodStamp = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }));
const stamp = fc.oneof({ weight: 4, arbitrary: goodStamp }, { weight: 1, arbitrary: junkStamp });
const value = fc.oneof(fc.constantFrom('a', 'b', '甲'), fc.integer({ min: 0, max: 3 }), fc.constant({ x: 1, y: [2] }), fc.constant({ y: [2], x: 1 }));
const FIELDS = ['name', 'phone', 'deleted'];

const version: fc.Arbitrary<BaseRecord> = fc.record({
  _c: fc.oneof({ weight: 5, arbitrary: goodStamp }, { weight: 1, arbitrary: fc.constant(['x', 1]) }),
  values: fc.dictionary(fc.constantFrom(...FIELDS), value),
  stamps: fc.oneof(fc.dictionary(fc.constantFrom(...FIELDS), stamp), fc.constant('junk' as unknown as Record<string, unknown>)),
  by: fc.constantFrom('u1', 'u2'),
}).map(({ _c, values, stamps, by }) => ({
  id: 'r', createdAt: 0, updatedAt: 0, createdBy: by, updatedBy: by, _c, ...values,
  ...(stamps !== undefined ? { _s: stamps } : {}),
}) as unknown as BaseRecord);

/** As stored: the times are derived. */
const stored = (r: BaseRecord) => JSON.parse(JSON.stringify(r)) as unknown;

describe('mergeRecords', () => {
  it('gives the same record in both argument orders, junk stamps included', () => {
    fc.assert(fc.property(version, version, (a, b) => {
      expect(stored(mergeRecords(a, b))).toEqual(stored(mergeRecords(b, a)));
    }), { numRuns: 3000 });
  });

  it('is associative and idempotent', () => {
    fc.assert(fc.property(version, version, version, (a, b, c) => {
      const left = mergeRecords(mergeRecords(a, b), c);
      const right = mergeRecords(a, mergeRecords(b, c));
      expect(stored(left)).toEqual(stored(right));
      expect(stored(mergeRecords(left, left))).toEqual(stored(left));
      expect(stored(mergeRecords(left, a))).toEqual(stored(left));
    }), { numRuns: 3000 });
  });

  it('a malformed stamp never wins over a well-formed one', () => {
    const base = { id: 'r', createdAt: 0, updatedAt: 0, createdBy: 'u', updatedBy: 'u', _c: [1, 1] as const };
    const honest = { ...base, name: 'honest', _s: { name: [2, 1] as const } };
    for (const junk of ['junk', [9e99, 1], [-1, 1], [1, 2, 3], { 0: 9, 1: 9 }]) {
      const bad = { ...base, name: 'bad', _s: { name: junk } } as unknown as BaseRecord;
      expect(mergeRecords(honest, bad).name).toBe('honest');
      expect(mergeRecords(bad, honest).name).toBe('honest');
    }
  });

  it('keeps the stamp of a field cleared on both sides (a tombstone)', () => {
    const base = { id: 'r', createdAt: 0, updatedAt: 0, createdBy: 'u', updatedBy: 'u', _c: [1, 1] as const };
    const a = { ...base, _s: { phone: [5, 1] as const, name: [4, 1] as const }, name: 'A' };
    const b = { ...base, _s: { phone: [6, 2] as const, notes: [4, 2] as const }, notes: 'B' };
    const m = mergeRecords(a, b);
    expect(m._s?.phone).toEqual([6, 2]);
    const third = { ...base, phone: '021', region: 'x', _s: { region: [7, 3] as const } };
    expect(mergeRecords(m, third).phone).toBeUndefined();
  });

  it('a purge stands against what it knew and yields to what it did not', () => {
    const rec = { id: 'r', createdAt: 0, updatedAt: 0, createdBy: 'u', updatedBy: 'u', _c: [1, 1] as const, name: 'X', _s: { name: [3, 1] as const } };
    const knew = purgeKnowledge(rec);
    expect(outlivesPurge(rec, knew)).toBe(false);
    expect(outlivesPurge({ ...rec, phone: '1', _s: { ...rec._s, phone: [4, 2] } }, knew)).toBe(true);
    expect(outlivesPurge(rec, 'junk')).toBe(true);
  });
});
