import { describe, expect, it } from 'vitest';
import { asTime, minutesSpent, validateServiceTimes, withMinutesSpent } from './time';

const T = (iso: string) => Date.parse(iso);

describe('minutesSpent', () => {
  it('whole minutes from start to end', () => {
    expect(minutesSpent(T('2024-03-01T09:00:00Z'), T('2024-03-01T10:30:00Z'))).toBe(90);
    expect(minutesSpent(T('2024-03-01T09:00:00Z'), T('2024-03-01T09:00:00Z'))).toBe(0);
    expect(minutesSpent('2024-03-01T09:00:00Z', '2024-03-01T09:45:00Z')).toBe(45); // ISO strings from CSV
  });

  it('null when missing, malformed, or end before start', () => {
    expect(minutesSpent(undefined, T('2024-03-01T10:00:00Z'))).toBeNull();
    expect(minutesSpent(T('2024-03-01T10:00:00Z'), null)).toBeNull();
    expect(minutesSpent({ t: 1 }, T('2024-03-01T10:00:00Z'))).toBeNull();
    expect(minutesSpent(NaN, 0)).toBeNull();
    expect(minutesSpent(T('2024-03-01T10:00:00Z'), T('2024-03-01T09:00:00Z'))).toBeNull();
  });

  it('reads epoch digits in a string as epoch', () => {
    expect(asTime('1700000000000')).toBe(1700000000000);
    expect(asTime('garbage')).toBeNull();
  });
});

describe('validateServiceTimes', () => {
  it('explains an end before the start, in both languages', () => {
    const m = validateServiceTimes(T('2024-03-01T10:00:00Z'), T('2024-03-01T09:00:00Z'));
    expect(m?.zh).toBe('结束时间不能早于开始时间');
    expect(m?.en).toMatch(/earlier than the start/);
  });

  it('flags an unreadable value but not an empty one', () => {
    expect(validateServiceTimes('soon', undefined)?.zh).toBe('开始时间格式无效');
    expect(validateServiceTimes(T('2024-03-01T10:00:00Z'), { x: 1 })?.zh).toBe('结束时间格式无效');
    expect(validateServiceTimes(T('2024-03-01T10:00:00Z'), '')).toBeNull();
    expect(validateServiceTimes(T('2024-03-01T09:00:00Z'), T('2024-03-01T10:00:00Z'))).toBeNull();
  });
});

it('withMinutesSpent recomputes the derived field, overriding a typed value', () => {
  const v = withMinutesSpent({ start: T('2024-03-01T09:00:00Z'), end: T('2024-03-01T09:20:00Z'), minutesSpent: 999 });
  expect(v.minutesSpent).toBe(20);
  expect(withMinutesSpent({ start: 'x' }).minutesSpent).toBeNull();
});
