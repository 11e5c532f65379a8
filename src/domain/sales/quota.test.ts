import { describe, expect, it } from 'vitest';
import { checkPlans, monthlyTarget, quarterOf, quotaHelper, quotaMap } from './quota';
import { rec } from './testing';

const stage = (id: string, avgDays: unknown, conversion: unknown) => ({ id, name: id, avgDays, conversion }) as
  { id: string; name: string; avgDays: number | null; conversion: number | null };

describe('U8 quota helper', () => {
  it('computes stage quotas and ideal customers (hand-computed)', () => {
    // T = 1,000,000, D = 100,000 → W = 10 deals a month
    // s3 (15 days, 50 % won): F3 = 10 / 0.5 = 20,  N3 = 20 × 15 / 30 = 10
    // s2 (30 days, 40 % on):  F2 = 20 / 0.4 = 50,  N2 = 50 × 30 / 30 = 50
    // s1 (15 days, 50 % on):  F1 = 50 / 0.5 = 100, N1 = 100 × 15 / 30 = 50
    // ideal customers = F1 = 100; quota amounts = N × D
    const r = quotaHelper({ target: 1_000_000, avgDealSize: 100_000, stages: [stage('s1', 15, 50), stage('s2', 30, 40), stage('s3', 15, 50)] });
    expect(r.dealsNeeded).toBe(10);
    expect(r.idealCustomers).toBe(100);
    expect(r.stages.map((s) => [s.stageId, s.inflow, s.quota, s.quotaCount, s.quotaAmount])).toEqual([
      ['s1', 100, 50, 50, 5_000_000], ['s2', 50, 50, 50, 5_000_000], ['s3', 20, 10, 10, 1_000_000],
    ]);
    expect(r.problems).toEqual([]);
    expect(quotaMap(r)).toEqual({ s1: 50, s2: 50, s3: 10 });
    expect(quotaMap(r, 'amount')).toEqual({ s1: 5_000_000, s2: 5_000_000, s3: 1_000_000 });
  });

  it('rounds counts up', () => {
    // W = 10; F = 10 / 0.6 = 16.67 → 17 customers; N = 16.67 × 10 / 30 = 5.56 → 6
    const r = quotaHelper({ target: 500_000, avgDealSize: 50_000, stages: [stage('s1', 10, 60)] });
    expect(r.idealCustomers).toBeCloseTo(16.6667, 4);
    expect(r.idealCustomersCount).toBe(17);
    expect(r.stages[0].quotaCount).toBe(6);
  });

  it('unknown or zero inputs give null, not Infinity', () => {
    const r = quotaHelper({ target: 1_000_000, avgDealSize: 0, stages: [stage('s1', 10, 50)] });
    expect(r.dealsNeeded).toBeNull();
    expect(r.stages[0].quota).toBeNull();
    expect(r.problems).toHaveLength(1);
    const z = quotaHelper({ target: 1_000_000, avgDealSize: 1000, stages: [stage('s1', 10, 50), stage('s2', 'x', 0), stage('s3', 5, 100)] });
    // s3 is computable; s2 has no conversion → s2 and everything before it is null
    expect(z.stages.map((s) => s.quota)).toEqual([null, null, (1000 * 5) / 30]);
    expect(z.idealCustomers).toBeNull();
    expect(z.problems.length).toBe(2);
  });
});

describe('sales plans', () => {
  const plans = [
    rec('m', { scope: 'person', userId: 'u1', period: '2024-03', target: 90000 }),
    rec('q', { scope: 'person', userId: 'u1', period: '2024-Q2', target: 300000 }),
    rec('d', { scope: 'department', departmentId: 'd1', period: '2024-03', target: 500000 }),
    rec('c1', { scope: 'company', period: '2024-03', target: 1, updatedAt: 10 }),
    rec('c2', { scope: 'company', period: '2024-03', target: 2, updatedAt: 20 }),
  ];

  it('a month plan, else a third of its quarter', () => {
    expect(quarterOf('2024-05')).toBe('2024-Q2');
    expect(monthlyTarget(plans, { scope: 'person', userId: 'u1' }, '2024-03')).toEqual({ target: 90000, from: 'month', planIds: ['m'] });
    expect(monthlyTarget(plans, { scope: 'person', userId: 'u1' }, '2024-05')).toEqual({ target: 100000, from: 'quarter', planIds: ['q'] });
    expect(monthlyTarget(plans, { scope: 'person', userId: 'u2' }, '2024-03')).toBeNull();
    expect(monthlyTarget(plans, { scope: 'department', departmentId: 'd1' }, '2024-03')?.target).toBe(500000);
  });

  it('duplicates: the last edited is used and reported', () => {
    expect(monthlyTarget(plans, { scope: 'company' }, '2024-03')?.planIds).toEqual(['c2']);
    const v = checkPlans([...plans, rec('bad', { scope: 'company', period: 'March', target: 5 })]);
    expect(v.map((x) => [x.code, x.ids])).toEqual([['planInvalid', ['bad']], ['planDuplicate', ['c1', 'c2']]]);
  });
});
