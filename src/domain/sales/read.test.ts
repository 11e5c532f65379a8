import { describe, expect, it } from 'vitest';
import { addDays, asDay, asTime, daysBetween, inPeriod, num0 } from './read';

describe('defensive readers', () => {
  it('reads days only from ISO text, dates and epoch numbers', () => {
    expect(asDay('2024-03-15')).toBe('2024-03-15');
    expect(asDay('2024-02-30')).toBeNull();
    expect(asDay('1')).toBeNull(); // Date.parse would say 2001-01-01
    expect(asDay('soon')).toBeNull();
    expect(asDay({})).toBeNull();
    expect(asDay(new Date(2024, 0, 5, 12))).toBe('2024-01-05');
    expect(asDay(new Date(2024, 0, 5, 12).getTime())).toBe('2024-01-05');
  });

  it('numbers: malformed is missing, never NaN', () => {
    expect(num0('abc')).toBe(0);
    expect(num0({})).toBe(0);
    expect(num0(NaN)).toBe(0);
    expect(num0(12.5)).toBe(12.5);
    expect(asTime('x')).toBeNull();
    expect(asTime('1700000000000')).toBe(1_700_000_000_000);
  });

  it('calendar arithmetic', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(inPeriod('2024-03-01', '2024-03-01', '2024-03-31')).toBe(true);
    expect(inPeriod(null, '2024-03-01')).toBe(false);
    expect(inPeriod(null)).toBe(true);
  });
});
