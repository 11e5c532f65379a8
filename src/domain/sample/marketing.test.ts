import { describe, expect, it } from 'vitest';
import { sampleCompany } from './index';
import { marketingAnalysis } from '../marketing/results';
import { ENTITIES } from '../registry';
import { validate } from '../core/validate';

describe('sample company: market management', () => {
  const data = sampleCompany({ history: true });
  const acts = data.marketActivities;

  it('a year of activities of several types, with participants, leads, won opportunities, expenses, tasks and tracking', () => {
    expect(acts.length).toBeGreaterThanOrEqual(12);
    expect(new Set(acts.map((a) => a.type)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(acts.map((a) => a.status))).toEqual(new Set(['finished', 'running', 'planned', 'cancelled']));
    const report = marketingAnalysis(acts, { leads: data.leads, opportunities: data.opportunities, expenses: data.expenses });
    expect(report.total.leadIds.length).toBeGreaterThan(10);
    expect(report.total.wonIds.length).toBeGreaterThan(0);
    expect(report.total.expenseIds.length).toBeGreaterThan(0);
    expect(report.rows.some((r) => r.costSource === 'manual')).toBe(true);
    expect(report.total.roi).not.toBeNull();
    expect(data.activityParticipants.length).toBeGreaterThan(50);
    expect(data.marketTasks.some((t) => t.status !== 'done' && String(t.dueDate) < '2026-11-24')).toBe(true);
    expect(data.marketTracking.some((t) => t.taskId) && data.marketTracking.some((t) => t.activityId)).toBe(true);
  });

  it('every reference resolves; a promoted lead names an opportunity no other lead was promoted to', () => {
    const ids = (k: string) => new Set(data[k].map((r) => r.id));
    const [customers, contacts, opps, actIds, tasks] = ['customers', 'contacts', 'opportunities', 'marketActivities', 'marketTasks'].map(ids);
    for (const p of data.activityParticipants) expect(actIds.has(p.activityId as string) && customers.has(p.customerId as string) && (!p.contactId || contacts.has(p.contactId as string))).toBe(true);
    const promoted = data.leads.filter((l) => l.opportunityId).map((l) => l.opportunityId as string);
    expect(new Set(promoted).size).toBe(promoted.length);
    for (const o of promoted) expect(opps.has(o)).toBe(true);
    for (const t of data.marketTracking) expect(t.taskId ? tasks.has(t.taskId as string) : actIds.has(t.activityId as string)).toBe(true);
    expect(new Set(data.expenses.map((e) => e.code)).size).toBe(data.expenses.length);
  });

  it('the records are valid by their definitions (no end before start, no negative money)', () => {
    for (const key of ['marketActivities', 'activityParticipants', 'marketTasks', 'marketTracking']) {
      for (const r of data[key]) expect(validate(ENTITIES[key], r), `${key} ${r.id}`).toEqual({});
    }
    for (const a of acts) expect(String(a.endDate) >= String(a.startDate)).toBe(true);
  });

  it('a promoted marketing lead and its opportunity name each other; the opportunity had no other lead', () => {
    const opps = new Map(data.opportunities.map((o) => [o.id, o]));
    const mine = data.leads.filter((l) => String(l.id).startsWith('lm') && l.status === 'promoted');
    expect(mine.length).toBeGreaterThan(3);
    for (const l of mine) expect(opps.get(l.opportunityId as string)!.leadId).toBe(l.id);
    expect(data.leads.filter((l) => !String(l.id).startsWith('lm')).every((l) => !l.activityId)).toBe(true);
  });
});
