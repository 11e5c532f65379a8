import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { entityDef, saveRecord } from '../core/records';
import type { Workspace } from '../core/workspace';
import { addParticipants, refreshParticipantTitles, resultOf } from './marketing';

const save = (ws: Workspace, entity: string, values: Record<string, unknown>, id?: string) =>
  saveRecord(ws, entityDef(ws, entity), values, id, { userId: 'u1' });

const activity = { name: '春季展会', type: 'exhibition', startDate: '2026-03-01', endDate: '2026-03-03', budget: 50_000 };

describe('market activities: validation (nothing saved on bad input)', () => {
  it('a negative budget, a negative manual cost and an end before the start are refused with zh/en messages', () => {
    const ws = seededWorkspace();
    const bad = [
      [{ ...activity, budget: -1 }, 'budget', '预算不能为负数', 'The budget cannot be negative'],
      [{ ...activity, manualCost: -5 }, 'manualCost', '实际成本不能为负数', 'The actual cost cannot be negative'],
      [{ ...activity, endDate: '2026-02-28' }, 'endDate', '结束日期不能早于开始日期', 'The end date cannot be before the start date'],
    ] as const;
    for (const [values, field, zh, en] of bad) {
      const r = save(ws, 'marketActivities', values);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.refusal.fields?.[field]).toEqual({ zh, en });
    }
    expect(ws.collection('marketActivities').live()).toHaveLength(0);
    const good = save(ws, 'marketActivities', activity);
    expect(good.ok && [good.value.status, good.value.ownerId]).toEqual(['planned', 'u1']);
    // an edit moving the end before the start is refused too, and the record stays as it was
    const id = good.ok ? good.value.id : '';
    expect(save(ws, 'marketActivities', { endDate: '2026-01-01' }, id).ok).toBe(false);
    expect(ws.collection('marketActivities').get(id)?.endDate).toBe('2026-03-03');
  });

  it('a tracking note must belong to a task or an activity; a participant names a customer or contact', () => {
    const ws = seededWorkspace();
    expect(save(ws, 'marketTracking', { content: '已发邀请' }).ok).toBe(false);
    expect(save(ws, 'activityParticipants', { activityId: 'a1' }).ok).toBe(false);
  });
});

describe('participants and results', () => {
  it('adds several participants at once, a contact brings its customer, nobody twice', () => {
    const ws = seededWorkspace();
    ws.collection('customers').create({ name: '甲公司', type: 'customer' }, 'c1');
    ws.collection('customers').create({ name: '乙公司', type: 'customer' }, 'c2');
    ws.collection('contacts').create({ name: '王经理', customerId: 'c2' }, 'k1');
    const a = save(ws, 'marketActivities', activity);
    const id = a.ok ? a.value.id : '';
    const r = addParticipants(ws, id, [{ customerId: 'c1' }, { contactId: 'k1' }], 'u1');
    expect(r).toEqual({ ok: true, value: 2 });
    expect(addParticipants(ws, id, [{ customerId: 'c1' }, { contactId: 'k1' }], 'u1')).toEqual({ ok: true, value: 0 });
    const rows = ws.collection('activityParticipants').live().map((p) => [p.customerId, p.contactId ?? null, p.status]);
    expect(rows).toEqual([['c1', null, 'invited'], ['c2', 'k1', 'invited']]);
    // each participation carries the activity's name and date (the customer's timeline shows them), also after a rename
    expect(ws.collection('activityParticipants').live().map((p) => [p.activityName, p.date])).toEqual([['春季展会', '2026-03-01'], ['春季展会', '2026-03-01']]);
    save(ws, 'marketActivities', { name: '春季新品展会', startDate: '2026-03-02' }, id);
    refreshParticipantTitles(ws, id, 'u1');
    expect(ws.collection('activityParticipants').live().map((p) => [p.activityName, p.date])).toEqual([['春季新品展会', '2026-03-02'], ['春季新品展会', '2026-03-02']]);
  });

  it('results follow the leads, the won opportunity and the expenses; the manual cost only when no expense', () => {
    const ws = seededWorkspace();
    const a = save(ws, 'marketActivities', { ...activity, manualCost: 4_000 });
    const act = a.ok ? a.value : undefined!;
    ws.collection('leads').create({ subject: '询价', activityId: act.id, status: 'promoted', opportunityId: 'o1' }, 'l1');
    ws.collection('leads').create({ subject: '了解', activityId: act.id, status: 'open' }, 'l2');
    ws.collection('opportunities').create({ subject: '大单', leadId: 'l1', status: 'won', expectedAmount: 100_000 }, 'o1');
    expect(resultOf(ws, act)).toMatchObject({ actualCost: 4_000, costSource: 'manual', roi: 2400, costPerLead: 2_000 });
    ws.collection('expenses').create({ amount: 20_000, marketActivityId: act.id, status: 'draft' }, 'e1');
    // (100,000 − 20,000) ÷ 20,000 × 100 = 400 %
    expect(resultOf(ws, act)).toMatchObject({ actualCost: 20_000, costSource: 'expenses', roi: 400, costPerLead: 10_000, leadToOpp: 50, oppToWon: 100 });
  });
});
