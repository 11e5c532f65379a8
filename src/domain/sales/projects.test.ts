import { describe, expect, it } from 'vitest';
import { actualProfit, actualProfitRate, copyAsOpportunity, newProjectValues, projectFromOpportunity, setProjectStatus } from './projects';
import { defaultModeRecords } from './stages';
import { rec } from './testing';

const stages = defaultModeRecords().stages.map((s) => rec(String(s.id), s));

describe('projects', () => {
  const opp = rec('o1', {
    subject: 'ERP 项目', customerId: 'C1', ownerId: 'u1', modeId: 'mode-standard', stageId: 'stage-standard-5', rate: 100,
    cost: 5000, expectedAmount: 80000, status: 'won', audited: true, startDate: '2024-01-10', plannedDate: '2024-04-30',
  });

  it('made from an audited won opportunity, stage and rate carried over', () => {
    const r = projectFromOpportunity(opp, [], '2024-05-01');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      subject: 'ERP 项目', customerId: 'C1', ownerId: 'u1', opportunityId: 'o1', stageId: 'stage-standard-5', rate: 100,
      cost: 5000, expectedAmount: 80000, amount: 80000, startDate: '2024-01-10', actualDate: '2024-05-01', status: 'active',
    });
  });

  it('refused when not audited, not won, or already converted', () => {
    expect(projectFromOpportunity({ ...opp, audited: false }, [], '2024-05-01').ok).toBe(false);
    expect(projectFromOpportunity({ ...opp, status: 'active' }, [], '2024-05-01').ok).toBe(false);
    expect(projectFromOpportunity(opp, [rec('p', { opportunityId: 'o1' })], '2024-05-01').ok).toBe(false);
  });

  it('created directly, owner from the customer', () => {
    expect(newProjectValues('实施', rec('C9', { ownerId: 'u7' }), 'u1', '2024-02-01')).toEqual({
      subject: '实施', customerId: 'C9', ownerId: 'u7', startDate: '2024-02-01', status: 'active',
    });
  });

  it('actual profit and rate; zero actual amount → null', () => {
    // 12000 − 3000 = 9000; 9000 / 12000 × 100 = 75
    expect(actualProfit({ actualAmount: 12000, actualCost: 3000 })).toBe(9000);
    expect(actualProfitRate({ actualAmount: 12000, actualCost: 3000 })).toBe(75);
    expect(actualProfitRate({ actualAmount: 0, actualCost: 100 })).toBeNull();
    expect(actualProfit({ actualAmount: 'n/a', actualCost: {} })).toBeNull();
    expect(actualProfit({ actualAmount: 500, actualCost: 'n/a' })).toBe(500);
  });

  it('copies as a new opportunity starting over in the first stage', () => {
    const p = rec('p1', { subject: '二次开发', customerId: 'C1', ownerId: 'u1', modeId: 'mode-project', actualAmount: 9 });
    expect(copyAsOpportunity(p, { stages, defaultModeId: 'mode-standard', today: '2024-06-01', userId: 'u2' })).toMatchObject({
      subject: '二次开发', customerId: 'C1', ownerId: 'u1', modeId: 'mode-project', stageId: 'stage-project-1', rate: 10,
      expectedAmount: 0, amount: 0, status: 'active', audited: false, sourceProjectId: 'p1', startDate: '2024-06-01',
    });
    expect(copyAsOpportunity(rec('p2', { customerId: 'C1' }), { stages, defaultModeId: 'mode-standard', today: '2024-06-01', userId: 'u2' }))
      .toMatchObject({ modeId: 'mode-standard', stageId: 'stage-standard-1', ownerId: 'u2' });
  });

  it('terminate and re-enable', () => {
    expect(setProjectStatus(rec('p', { status: 'active' }), 'terminated')).toEqual({ ok: true, value: { status: 'terminated' } });
    expect(setProjectStatus(rec('p', { status: 'terminated' }), 'terminated').ok).toBe(false);
    expect(setProjectStatus(rec('p', { status: 'terminated' }), 'active')).toEqual({ ok: true, value: { status: 'active' } });
  });
});
