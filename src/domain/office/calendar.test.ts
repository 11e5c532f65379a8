import { describe, expect, it } from 'vitest';
import { keyMove, placeItems, stepView, viewDays, type CalendarItem } from './calendar';

const item = (key: string, start: string, end = start): CalendarItem => ({ key, kind: 'x', title: key, start, end, href: '' });

describe('calendar', () => {
  it('a month shows whole weeks from Monday', () => {
    const days = viewDays('month', '2026-02-10');
    expect(days[0]).toBe('2026-01-26');
    expect(days[days.length - 1]).toBe('2026-03-01');
    expect(days.length % 7).toBe(0);
    expect(viewDays('week', '2026-12-31')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(viewDays('day', '2026-03-05')).toEqual(['2026-03-05']);
  });
  it('places one-day items on their day and a period on each of its days, only within the view', () => {
    const days = viewDays('week', '2026-03-04'); // 03-02 … 03-08
    const placed = placeItems([item('a', '2026-03-03'), item('plan', '2026-02-25', '2026-03-04'), item('later', '2026-03-09'), item('b', '2026-03-03')], days);
    expect(placed.get('2026-03-02')!.map((i) => i.key)).toEqual(['plan']);
    expect(placed.get('2026-03-03')!.map((i) => i.key)).toEqual(['plan', 'a', 'b']);
    expect(placed.get('2026-03-05')).toEqual([]);
    expect([...placed.values()].flat().some((i) => i.key === 'later')).toBe(false);
  });
  it('moves by keys and steps by view', () => {
    expect(keyMove('2026-12-31', 'ArrowRight')).toBe('2027-01-01');
    expect(keyMove('2026-03-01', 'ArrowUp')).toBe('2026-02-22');
    expect(keyMove('2026-03-01', 'Enter')).toBeNull();
    expect(stepView('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(stepView('week', '2026-01-31', -1)).toBe('2026-01-24');
  });
});
