import { describe, expect, it } from 'vitest';
import { activityResult, actualCostOf, costPerLead, indexResults, marketingAnalysis, percent, roiOf } from './results';

/**
 * Hand-computed tables. Activity A (exhibition, budget 50,000): 4 leads, 2 promoted to
 * opportunities (one by lead.opportunityId, one by opp.leadId), 1 of them won for 120,000;
 * expenses 20,000 + 10,000 (+ 5,000 rejected, not counted) → cost 30,000.
 *   cost per lead = 30,000 ÷ 4 = 7,500; ROI = (120,000 − 30,000) ÷ 30,000 × 100 = 300 %;
 *   lead→opp = 2 ÷ 4 = 50 %; opp→won = 1 ÷ 2 = 50 %; lead→won = 1 ÷ 4 = 25 %.
 * Activity B (seminar): 3 leads, none promoted; no expense, manual cost 6,000
 *   → cost per lead 2,000; ROI = (0 − 6,000) ÷ 6,000 × 100 = −100 %.
 * Activity C (seminar): 1 lead promoted and won for 8,000, no cost at all → ROI "—" (null), cost per lead null.
 */
const activities = [
  { id: 'A', type: 'exhibition', startDate: '2026-03-01', budget: 50_000 },
  { id: 'B', type: 'seminar', startDate: '2026-05-10', budget: 8_000, manualCost: 6_000 },
  { id: 'C', type: 'seminar', startDate: '2026-09-01' },
  { id: 'D', type: 'seminar', startDate: '2026-10-01', deleted: true },
];
const leads = [
  { id: 'l1', activityId: 'A', status: 'promoted', opportunityId: 'o1' },
  { id: 'l2', activityId: 'A', status: 'promoted' },
  { id: 'l3', activityId: 'A', status: 'open' },
  { id: 'l4', activityId: 'A', status: 'closed' },
  { id: 'l5', activityId: 'A', deleted: true },
  { id: 'l6', activityId: 'B' }, { id: 'l7', activityId: 'B' }, { id: 'l8', activityId: 'B' },
  { id: 'l9', activityId: 'C', opportunityId: 'o3' },
  { id: 'l10' },
];
const opportunities = [
  { id: 'o1', leadId: 'l1', status: 'won', expectedAmount: 120_000 },
  { id: 'o2', leadId: 'l2', status: 'active', expectedAmount: 90_000 },
  { id: 'o3', leadId: 'l9', status: 'won', expectedAmount: 8_000 },
  { id: 'o4', status: 'won', expectedAmount: 1_000_000 },
];
const expenses = [
  { id: 'e1', marketActivityId: 'A', amount: 20_000, status: 'approved' },
  { id: 'e2', marketActivityId: 'A', amount: 10_000, status: 'draft' },
  { id: 'e3', marketActivityId: 'A', amount: 5_000, status: 'rejected' },
  { id: 'e4', marketActivityId: 'A', amount: 7_000, status: 'approved', deleted: true },
  { id: 'e5', opportunityId: 'o4', amount: 3_000, status: 'approved' },
];
const index = indexResults({ leads, opportunities, expenses });

describe('market activity results', () => {
  it('activity A: leads, opportunities, won amount, cost from expenses, ROI and conversion', () => {
    const r = activityResult(activities[0], index);
    expect(r.leadIds).toEqual(['l1', 'l2', 'l3', 'l4']);
    expect(r.opportunityIds.sort()).toEqual(['o1', 'o2']);
    expect(r.wonIds).toEqual(['o1']);
    expect(r.expenseIds).toEqual(['e1', 'e2']);
    expect(r).toMatchObject({ wonAmount: 120_000, actualCost: 30_000, costSource: 'expenses', budget: 50_000,
      costPerLead: 7_500, roi: 300, leadToOpp: 50, oppToWon: 50, leadToWon: 25 });
  });

  it('activity B: no expense, so the manual cost counts; a loss is a negative ROI', () => {
    expect(activityResult(activities[1], index)).toMatchObject({ actualCost: 6_000, costSource: 'manual',
      costPerLead: 2_000, roi: -100, wonAmount: 0, leadToOpp: 0, oppToWon: null });
  });

  it('activity C: nothing spent → ROI and cost per lead are "—" (null)', () => {
    expect(activityResult(activities[2], index)).toMatchObject({ actualCost: 0, costSource: 'none', wonAmount: 8_000,
      roi: null, costPerLead: null, leadToOpp: 100, oppToWon: 100 });
  });

  it('recorded expenses win over the manual cost', () => {
    expect(actualCostOf({ manualCost: 999 }, 30_000, 2)).toEqual({ cost: 30_000, source: 'expenses' });
    expect(actualCostOf({ manualCost: 999 }, 0, 0)).toEqual({ cost: 999, source: 'manual' });
  });

  it('the formulas on their own', () => {
    expect(roiOf(45_000, 30_000)).toBe(50);
    expect(roiOf(10, 0)).toBeNull();
    expect(costPerLead(1_000, 3)).toBe(333.33);
    expect(costPerLead(1_000, 0)).toBeNull();
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(1, 0)).toBeNull();
  });

  it('the analysis by type and in total, within a period', () => {
    const all = marketingAnalysis(activities, { leads, opportunities, expenses });
    expect(all.rows.map((r) => r.activityId)).toEqual(['A', 'B', 'C']);
    // total: cost 36,000, won 128,000, 8 leads → ROI (128,000 − 36,000) ÷ 36,000 × 100 = 255.56 %
    expect(all.total).toMatchObject({ actualCost: 36_000, wonAmount: 128_000, budget: 58_000, costPerLead: 4_500, roi: 255.56,
      leadToOpp: 37.5, oppToWon: 66.67 });
    const seminar = all.byType.find((g) => g.key === 'seminar')!;
    // seminars: cost 6,000, won 8,000 → ROI 33.33 %; 4 leads → 1,500 a lead
    expect(seminar).toMatchObject({ ids: ['B', 'C'], actualCost: 6_000, wonAmount: 8_000, roi: 33.33, costPerLead: 1_500 });
    const spring = marketingAnalysis(activities, { leads, opportunities, expenses }, { from: '2026-04-01', to: '2026-06-30' });
    expect(spring.rows.map((r) => r.activityId)).toEqual(['B']);
  });
});
