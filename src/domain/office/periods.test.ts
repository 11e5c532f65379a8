import { describe, expect, it } from 'vitest';
import { periodEnd, xunOf } from './periods';

describe('work plan time modes: the end date follows from the start and the mode (精财 员工中心)', () => {
  it("the manual's example: 2010-12-15, mode 月 → 2011-01-14", () => {
    expect(periodEnd('2010-12-15', 'month')).toBe('2011-01-14');
  });

  it('day, week, quarter, half year, year', () => {
    expect(periodEnd('2010-12-15', 'day')).toBe('2010-12-15');
    expect(periodEnd('2010-12-15', 'week')).toBe('2010-12-21');
    expect(periodEnd('2010-12-29', 'week')).toBe('2011-01-04');
    expect(periodEnd('2010-12-15', 'quarter')).toBe('2011-03-14');
    expect(periodEnd('2010-12-15', 'halfYear')).toBe('2011-06-14');
    expect(periodEnd('2010-12-15', 'year')).toBe('2011-12-14');
    expect(periodEnd('2011-01-01', 'month')).toBe('2011-01-31');
    expect(periodEnd('2011-01-01', 'year')).toBe('2011-12-31');
  });

  it('a 旬 ends on the 10th, the 20th or the month’s last day', () => {
    expect(periodEnd('2011-03-01', 'xun')).toBe('2011-03-10');
    expect(periodEnd('2011-03-10', 'xun')).toBe('2011-03-10');
    expect(periodEnd('2011-03-11', 'xun')).toBe('2011-03-20');
    expect(periodEnd('2011-03-21', 'xun')).toBe('2011-03-31');
    expect(periodEnd('2011-04-25', 'xun')).toBe('2011-04-30');
    expect(periodEnd('2011-02-21', 'xun')).toBe('2011-02-28');
    expect(periodEnd('2012-02-21', 'xun')).toBe('2012-02-29'); // leap year
    expect([xunOf('2011-03-10'), xunOf('2011-03-11'), xunOf('2011-03-31')]).toEqual(['upper', 'middle', 'lower']);
  });

  it('month ends and leap years: a missing day n months later is that month’s last day', () => {
    expect(periodEnd('2011-01-31', 'month')).toBe('2011-02-27');
    expect(periodEnd('2012-01-31', 'month')).toBe('2012-02-28');
    expect(periodEnd('2012-01-30', 'month')).toBe('2012-02-28'); // 2012-02-29 is a day: it ends the day before
    expect(periodEnd('2012-02-29', 'month')).toBe('2012-03-28');
    expect(periodEnd('2012-02-29', 'year')).toBe('2013-02-27');
    expect(periodEnd('2011-11-30', 'quarter')).toBe('2012-02-28');
    expect(periodEnd('2011-12-31', 'day')).toBe('2011-12-31');
  });

  it('custom and malformed starts give no end', () => {
    expect(periodEnd('2011-01-01', 'custom')).toBeNull();
    expect(periodEnd('2011-02-30', 'month')).toBeNull();
    expect(periodEnd('20110101', 'month')).toBeNull();
    expect(periodEnd('', 'week')).toBeNull();
  });
});
