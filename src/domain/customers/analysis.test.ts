import { describe, expect, it } from 'vitest';
import { competitorAnalysis, customerLoss, lifecycleOverTime, newAndLostByRep, type CustomerTouch } from './analysis';

/*
 * Hand-made table, asked on 2026-06-30 with a 90-day silence limit:
 *   c1 (u1) first contact 2026-01-10, last order 2026-06-01          → new Jan, not lost
 *   c2 (u1) first contact 2026-02-05, last contact 2026-02-20         → new Feb, silent > 90 d: lost on 2026-05-22 (02-20 + 91)
 *   c3 (u2) created 2026-03-03 (no first contact), lifecycle 流失, last touch 2026-04-15 → new Mar, lost Apr (lifecycle)
 *   c4 (u2) first contact 2025-11-01, no touch at all                 → new before range, lost 2026-01-31 (11-01 + 91)
 *   c5 (u1) first contact 2026-06-20                                  → new Jun, not lost (10 days)
 *   c6 (u1) binned                                                    → ignored
 */
const day = (d: string) => new Date(`${d}T09:00:00`).getTime();
const customers = [
  { id: 'c1', ownerId: 'u1', firstContact: '2026-01-10' },
  { id: 'c2', ownerId: 'u1', firstContact: '2026-02-05' },
  { id: 'c3', ownerId: 'u2', createdAt: day('2026-03-03'), lifecycle: 'lost' },
  { id: 'c4', ownerId: 'u2', firstContact: '2025-11-01' },
  { id: 'c5', ownerId: 'u1', firstContact: '2026-06-20' },
  { id: 'c6', ownerId: 'u1', firstContact: '2026-03-01', deleted: true, deletedAt: 1 },
];
const touches: CustomerTouch[] = [
  { customerId: 'c1', day: '2026-03-01' }, { customerId: 'c1', day: '2026-06-01' },
  { customerId: 'c2', day: '2026-02-20' }, { customerId: 'c3', day: '2026-04-15' },
];
const rule = { silentDays: 90, asOf: '2026-06-30' };

describe('new and lost customers per rep and month', () => {
  it('the rule per customer', () => {
    expect(customerLoss(customers[0], '2026-06-01', rule)).toBeNull();
    expect(customerLoss(customers[1], '2026-02-20', rule)).toEqual({ since: '2026-05-22', why: 'silent' });
    expect(customerLoss(customers[2], '2026-04-15', rule)).toEqual({ since: '2026-04-15', why: 'lifecycle' });
    expect(customerLoss(customers[3], undefined, rule)).toEqual({ since: '2026-01-31', why: 'silent' });
    // exactly 90 days silent is not yet lost
    expect(customerLoss({ id: 'x', firstContact: '2026-04-01' }, undefined, rule)).toBeNull();
    expect(customerLoss({ id: 'x', firstContact: '2026-03-31' }, undefined, rule)).toEqual({ since: '2026-06-30', why: 'silent' });
  });

  it('by rep and month in 2026', () => {
    const rows = newAndLostByRep(customers, touches, rule, '2026-01-01', '2026-12-31');
    expect(rows.map((r) => [r.ownerId, r.month, r.newIds, r.lostIds])).toEqual([
      ['u1', '2026-01', ['c1'], []],
      ['u1', '2026-02', ['c2'], []],
      ['u1', '2026-05', [], ['c2']],
      ['u1', '2026-06', ['c5'], []],
      ['u2', '2026-01', [], ['c4']],
      ['u2', '2026-03', ['c3'], []],
      ['u2', '2026-04', [], ['c3']],
    ]);
  });
});

describe('lifecycle stages over time', () => {
  it('counts each customer in the stage it had at each month end', () => {
    const changes = [
      { customerId: 'c1', day: '2026-01-10', stage: 'potential' }, { customerId: 'c1', day: '2026-03-05', stage: 'growth' },
      { customerId: 'c3', day: '2026-03-03', stage: 'develop' }, { customerId: 'c3', day: '2026-04-20', stage: 'lost' },
    ];
    const out = lifecycleOverTime(customers.slice(0, 3).map((c) => ({ ...c, lifecycle: c.id === 'c2' ? 'mature' : c.lifecycle })), changes, ['2026-01', '2026-03', '2026-04']);
    expect(out.map((m) => [m.month, m.counts])).toEqual([
      ['2026-01', { potential: 1 }],
      ['2026-03', { growth: 1, mature: 1, develop: 1 }],
      ['2026-04', { growth: 1, mature: 1, lost: 1 }],
    ]);
    expect(out[2].ids.lost).toEqual(['c3']);
  });
});

describe('competitor analysis', () => {
  it('opportunities each competitor was in, won and lost against them', () => {
    const opps = [
      { id: 'o1', competitorIds: ['k1', 'k2'], status: 'won', amount: 100 },
      { id: 'o2', competitorIds: ['k1'], status: 'lost', amount: 50 },
      { id: 'o3', competitorIds: ['k1', 'k1'], status: 'active', amount: 10 },
      { id: 'o4', competitorIds: ['k2'], status: 'terminated', amount: 10 },
      { id: 'o5', competitorIds: 'k3', status: 'won', amount: 10 },
    ];
    const rows = competitorAnalysis(opps, (o) => Number(o.amount));
    expect(rows.map((r) => [r.competitorId, r.opportunityIds, r.won, r.lost, r.open, r.winRate, r.wonAmount, r.lostAmount])).toEqual([
      ['k1', ['o1', 'o2', 'o3'], 1, 1, 1, 50, 100, 50],
      ['k2', ['o1', 'o4'], 1, 0, 0, 100, 100, 0],
    ]);
  });
});
