import { describe, expect, it } from 'vitest';
import { sampleCompany } from './index';

/**
 * Issue 16 item 12 for the modules added after it (contracts, market activities and tasks,
 * surveys): their dates are counted from the day the sample is loaded, like the rest, so a class
 * a year later still sees contracts expiring soon, activities this year and a recent survey.
 */
const DAY = 86_400_000;
const shift = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const FIELDS: Record<string, string[]> = {
  contracts: ['signDate', 'startDate', 'endDate'],
  marketActivities: ['startDate', 'endDate'],
  marketTasks: ['dueDate'],
  surveys: ['startDate', 'endDate'],
  activityParticipants: ['date'],
};

describe('the newer modules\' sample dates', () => {
  it('move with the day the sample is loaded', () => {
    const a = sampleCompany({ history: true, today: '2026-11-24' });
    const b = sampleCompany({ history: true, today: '2027-09-03' });
    const days = shift('2026-11-24', '2027-09-03');
    for (const [collection, fields] of Object.entries(FIELDS)) {
      const ra = a[collection] ?? [];
      const rb = b[collection] ?? [];
      expect(ra.length, collection).toBeGreaterThan(0);
      expect(rb.map((r) => r.id)).toEqual(ra.map((r) => r.id));
      for (let i = 0; i < ra.length; i++) {
        for (const f of fields) {
          if (typeof ra[i][f] !== 'string') continue;
          expect(shift(String(ra[i][f]), String(rb[i][f])), `${collection} ${ra[i].id} ${f}`).toBe(days);
        }
      }
    }
  });

  it('have something current: a contract in force, an activity in the coming or past three months, an open market task', () => {
    const today = '2027-09-03';
    const d = sampleCompany({ history: true, today });
    const near = (v: unknown) => Math.abs(shift(today, String(v))) <= 92;
    expect(d.contracts.some((c) => c.status === 'active' && String(c.endDate) > today)).toBe(true);
    expect(d.marketActivities.some((m) => near(m.startDate))).toBe(true);
    expect(d.marketTasks.some((t) => t.status !== 'done' && near(t.dueDate))).toBe(true);
  });
});
