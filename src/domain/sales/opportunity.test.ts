import { describe, expect, it } from 'vitest';
import {
  allowedActions, audit, conversionBlocker, customerMustBecomeFormal, newOpportunityValues, opportunityAmount,
  opportunityAmountOf, promoteLead, stageModeMismatch, statusColor, transition, unaudit, withAmount,
} from './opportunity';
import { defaultModeRecords } from './stages';
import { rec } from './testing';

const stages = defaultModeRecords().stages.map((s) => rec(String(s.id), s));

describe('opportunity amount', () => {
  it('= expected × completion %', () => {
    expect(opportunityAmount(100000, 30)).toBe(30000);
    expect(opportunityAmount(333.33, 33)).toBe(110); // 109.9989 → 110.00
    expect(withAmount({ expectedAmount: 5000, rate: 50 }).amount).toBe(2500);
  });

  it('is missing when an input is malformed', () => {
    expect(opportunityAmount('abc', 30)).toBeNull();
    expect(opportunityAmount(1000, {})).toBeNull();
    // the stored amount is not trusted: it may be a stale half of a merge
    expect(opportunityAmountOf({ expectedAmount: 1000, rate: 20, amount: 999 })).toBe(200);
  });
});

describe('status flow', () => {
  const active = rec('o1', { status: 'active' });

  it('active: terminate, win, lose', () => {
    expect(allowedActions(active)).toEqual(['terminate', 'win', 'lose']);
    expect(transition(active, 'terminate')).toEqual({ ok: true, value: { status: 'terminated' } });
  });

  it('terminated can only be re-enabled', () => {
    const t = rec('o2', { status: 'terminated' });
    expect(allowedActions(t)).toEqual(['reenable']);
    expect(transition(t, 'reenable')).toEqual({ ok: true, value: { status: 'active' } });
    const r = transition(t, 'win');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message.zh).toContain('已终止');
  });

  it('losing needs a summary; winning sets the actual date', () => {
    expect(transition(active, 'lose', { summary: '  ' }).ok).toBe(false);
    expect(transition(active, 'lose', { summary: '价格太高' })).toEqual({ ok: true, value: { status: 'lost', summary: '价格太高' } });
    expect(transition(active, 'win', { today: '2024-05-01' })).toEqual({ ok: true, value: { status: 'won', actualDate: '2024-05-01' } });
    expect(transition({ ...active, actualDate: '2024-04-30' }, 'win', { today: '2024-05-01' })).toEqual({ ok: true, value: { status: 'won' } });
  });

  it('won and lost are final; a missing or malformed status reads as active', () => {
    expect(allowedActions(rec('w', { status: 'won' }))).toEqual([]);
    expect(allowedActions(rec('l', { status: 'lost' }))).toEqual([]);
    expect(allowedActions(rec('x', { status: 42 }))).toEqual(['terminate', 'win', 'lose']);
    expect(allowedActions(rec('d', { status: 'active', deleted: true }))).toEqual([]);
  });

  it('colours: terminated red, won blue', () => {
    expect(statusColor('terminated')).toBe('red');
    expect(statusColor('won')).toBe('blue');
    expect(statusColor('active')).toBeNull();
  });
});

describe('audit, un-audit and conversion', () => {
  const won = rec('o1', { status: 'won' });

  it('audits once', () => {
    expect(audit(won, 'u-mgr', 123)).toEqual({ ok: true, value: { audited: true, auditedBy: 'u-mgr', auditedAt: 123 } });
    expect(audit({ ...won, audited: true }, 'u-mgr', 124).ok).toBe(false);
  });

  it('un-audit is blocked while a live project made from it exists', () => {
    const audited = { ...won, audited: true };
    const project = rec('p1', { opportunityId: 'o1' });
    const r = unaudit(audited, [project]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.refusal.message).toEqual({ zh: '该商机已转为项目,须先删除项目才能反审核', en: 'A project was made from this opportunity; delete the project before un-auditing' });
    expect(unaudit(audited, [{ ...project, deleted: true }])).toEqual({ ok: true, value: { audited: false, auditedBy: null, auditedAt: null } });
    expect(unaudit(won, []).ok).toBe(false);
  });

  it('only audited and won opportunities convert, once', () => {
    expect(conversionBlocker(won, [])?.en).toContain('audited');
    expect(conversionBlocker(rec('o2', { status: 'active', audited: true }), [])?.en).toContain('won');
    expect(conversionBlocker({ ...won, audited: true }, [])).toBeNull();
    expect(conversionBlocker({ ...won, audited: true }, [rec('p', { opportunityId: 'o1' })])?.en).toContain('already');
  });
});

describe('new opportunities and lead promotion', () => {
  const customer = rec('c1', { name: '华信科技', kind: 'potential', ownerId: 'u-owner' });
  const lead = rec('l1', { subject: 'ERP 意向', customerId: 'c1', expectedAmount: 80000, status: 'open' });
  const ctx = { userId: 'u-me', stages, modeId: 'mode-standard', today: '2024-03-01' };

  it('starts in the first stage with its default rate; owner = customer owner', () => {
    const v = newOpportunityValues({ subject: 'S', customer, ...ctx, expectedAmount: 10000 });
    expect(v).toMatchObject({ stageId: 'stage-standard-1', rate: 10, ownerId: 'u-owner', amount: 1000, status: 'active', startDate: '2024-03-01' });
    expect(newOpportunityValues({ subject: 'S', customer: rec('c2'), ...ctx }).ownerId).toBe('u-me');
  });

  it('promotes a lead and turns a potential customer into a formal one', () => {
    expect(customerMustBecomeFormal(customer)).toBe(true);
    const r = promoteLead(lead, customer, 'o-new', ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.opportunity).toMatchObject({ subject: 'ERP 意向', customerId: 'c1', expectedAmount: 80000, rate: 10, amount: 8000, leadId: 'l1' });
    expect(r.value.leadPatch).toEqual({ status: 'promoted', opportunityId: 'o-new' });
    expect(r.value.customerPatch).toEqual({ kind: 'customer' });
  });

  it('a formal customer stays as it is; a promoted or closed lead is refused', () => {
    const r = promoteLead(lead, { ...customer, kind: 'customer' }, 'o', ctx);
    expect(r.ok && r.value.customerPatch).toBeNull();
    expect(promoteLead({ ...lead, status: 'promoted' }, customer, 'o', ctx).ok).toBe(false);
    expect(promoteLead({ ...lead, status: 'closed' }, customer, 'o', ctx).ok).toBe(false);
    expect(promoteLead(lead, rec('other'), 'o', ctx).ok).toBe(false);
  });

  it('checks that the stage belongs to the mode', () => {
    expect(stageModeMismatch({ modeId: 'mode-standard', stageId: 'stage-standard-2' }, stages)).toBeNull();
    expect(stageModeMismatch({ modeId: 'mode-project', stageId: 'stage-standard-2' }, stages)?.en).toContain('does not belong');
  });
});
