import { describe, expect, it } from 'vitest';
import { DASH, dateTime, money, num, pct, ratePct } from './format';

describe('money', () => {
  it('writes two decimals with thousands separators', () => {
    expect(money(1234.5)).toBe('1,234.50');
    expect(money('1,234.5')).toBe('1,234.50');
    expect(money(0.1 + 0.2)).toBe('0.30');
  });
  it('rounds to whole units for heads and axes, never −0', () => {
    expect(money(1234.5, 0)).toBe('1,235');
    expect(money(-0.2, 0)).toBe('0');
    expect(money(-0.001)).toBe('0.00');
  });
  it('shows missing and malformed values as a dash', () => {
    for (const v of [null, undefined, '', 'abc', NaN, Infinity, {}]) expect(money(v)).toBe(DASH);
  });
});

describe('num and pct', () => {
  it('write counts, figures and percentages', () => {
    expect(num(12345)).toBe('12,345');
    expect(num(-0)).toBe('0');
    expect(num(12.3456)).toBe('12.346');
    expect(num(12.345, 2)).toBe('12.35');
    expect(pct(42.46)).toBe('42.5%');
    expect(pct(12.345, 2)).toBe('12.35%');
    expect(pct(null)).toBe(DASH);
  });
});

describe('dateTime', () => {
  const at = new Date(2024, 0, 2, 9, 5, 7).getTime();
  it('writes local date and time to the minute in the given language', () => {
    expect(dateTime(at, 'zh')).toBe('2024/01/02 09:05');
    expect(dateTime(at, 'en')).toBe('02/01/2024, 09:05');
  });
  it('adds seconds when asked', () => {
    expect(dateTime(at, 'zh', { seconds: true })).toBe('2024/01/02 09:05:07');
  });
  it('reads the form’s local text and epoch text the same way', () => {
    expect(dateTime('2024-01-02T09:05', 'zh')).toBe('2024/01/02 09:05');
    expect(dateTime(String(at), 'zh')).toBe('2024/01/02 09:05');
  });
  it('shows missing and malformed values as a dash', () => {
    for (const v of [null, undefined, '', 'garbage', NaN, {}]) expect(dateTime(v, 'en')).toBe(DASH);
  });
});

describe('ratePct', () => {
  it('shows a discount rate as the share paid, not as 0.993103', () => {
    expect(ratePct(0.993103)).toBe('99.31%');
    expect(ratePct(0.85)).toBe('85%');
    expect(ratePct(1)).toBe('100%');
    expect(ratePct(0.07)).toBe('7%'); // 0.07 × 100 is 7.000000000000001 in floating point
    expect(ratePct(null)).toBe(DASH);
    expect(ratePct('x')).toBe(DASH);
  });
});
