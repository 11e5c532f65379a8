import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { duplicateOrderCodes, nextCode, userCodeOf } from './numbering';

describe('order numbering across offline devices', () => {
  it('takes the staff code, cleaned, else the user id', () => {
    expect(userCodeOf({ code: 'u-01' }, 'x')).toBe('U01');
    expect(userCodeOf(undefined, 'user_7')).toBe('USER7');
    expect(userCodeOf({ code: '—' }, '中')).toBe('U');
  });

  /*
   * Two tablets, offline, both starting from the same synced list:
   *   existing:      DD-U01-0001, DD-U01-0002 (Wang), DD-U02-0001 (Li)
   *   tablet A, Wang: next = DD-U01-0003, then DD-U01-0004
   *   tablet B, Li:   next = DD-U02-0002
   * merged: five distinct numbers, no duplicate. Wang on his phone as well as tablet A, offline
   * on both: both give DD-U01-0003 → one duplicate, flagged after the merge.
   */
  it('gives two reps on two devices distinct numbers', () => {
    const synced = [rec('o1', { code: 'DD-U01-0001' }), rec('o2', { code: 'DD-U01-0002' }), rec('o3', { code: 'DD-U02-0001' })];
    const a1 = nextCode('DD', 'U01', synced);
    const a2 = nextCode('DD', 'U01', [...synced, rec('a1', { code: a1 })]);
    const b1 = nextCode('DD', 'U02', synced);
    expect([a1, a2, b1]).toEqual(['DD-U01-0003', 'DD-U01-0004', 'DD-U02-0002']);
    const merged = [...synced, rec('a1', { code: a1 }), rec('a2', { code: a2 }), rec('b1', { code: b1 })];
    expect(duplicateOrderCodes(merged)).toEqual([]);
  });

  it('flags one person numbering on two devices apart, and only live orders', () => {
    const phone = rec('p', { code: 'DD-U01-0003' });
    const tablet = rec('t', { code: 'DD-U01-0003' });
    const binned = rec('x', { code: 'DD-U01-0001', deleted: true });
    const v = duplicateOrderCodes([tablet, phone, binned, rec('y', { code: 'DD-U01-0001' })]);
    expect(v).toHaveLength(1);
    expect(v[0].ids).toEqual(['p', 't']);
    expect(v[0].message.zh).toContain('DD-U01-0003');
  });

  it('ignores other prefixes and malformed codes; starts at 0001', () => {
    expect(nextCode('DD', 'U01', [rec('a', { code: 'FH-U01-0009' }), rec('b', { code: 42 }), rec('c', { code: 'DD-U010-0005' })])).toBe('DD-U01-0001');
    expect(nextCode('DD', 'U01', [rec('a', { code: 'DD-U01-9999' })])).toBe('DD-U01-10000');
  });
});
