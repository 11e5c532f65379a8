import { describe, expect, it } from 'vitest';
import { sampleCompany } from './index';
import { MARKETER_ROLE } from './market-approvals';
import { approvalState, decideBlocker, effectivePhase, planSteps, storedPhase, type Actor } from '../approvals';
import { MARKET_ACTIVITY_APPROVAL as DT } from '../marketing/approval';
import { can } from '../org/modules';
import { permFields } from '../org/modules';
import { contractStatusOf } from '../contracts/status';
import { DEFAULT_TODAY } from './index';

describe('sample company: market activity budgets on the approval engine', () => {
  const data = sampleCompany({ history: true });
  const acts = data.marketActivities;
  const stepsOf = (id: string) => data.approvalSteps.filter((s) => s.docType === 'marketActivities' && s.docId === id);
  const roleOf = (userId: string) => {
    const u = data.users.find((x) => x.id === userId)!;
    const r = data.roles.find((x) => x.id === u.roleId)!;
    return { ...r, ...permFields(r.perms as never) };
  };
  const actor = (id: string): Actor => ({ id, roleId: String(data.users.find((u) => u.id === id)!.roleId), role: roleOf(id) });

  it('has budgets in every state, and each stored state is the one its step records give', () => {
    expect(new Set(acts.map((a) => a.approvalStatus))).toEqual(new Set(['draft', 'pending', 'approved', 'rejected']));
    for (const a of acts) {
      const state = approvalState(stepsOf(a.id), DT.module);
      expect(effectivePhase(state, storedPhase(DT, a)), String(a.id)).toBe(a.approvalStatus);
    }
    // the activity's own flow is untouched
    expect(new Set(acts.map((a) => a.status))).toEqual(new Set(['finished', 'running', 'planned', 'cancelled']));
  });

  it('plans are what the rules ask; one exhibition was rejected once, then approved; the rejected budget says why', () => {
    const rules = data.approvalRules.filter((r) => r.docType === 'marketActivities');
    expect(rules).toHaveLength(1);
    for (const a of acts) {
      const submit = stepsOf(a.id).find((s) => s.action === 'submit');
      if (!submit) continue;
      const owner = String(a.ownerId);
      const dept = data.departments.find((d) => d.id === data.users.find((u) => u.id === owner)!.departmentId);
      const plan = planSteps(DT, rules, DT.facts(a, () => [], {}), { id: owner, roleId: null, departmentManagerId: (dept?.manager as string) ?? null });
      expect(JSON.parse(String(submit.plan)), String(a.id)).toEqual(JSON.parse(JSON.stringify(plan)));
    }
    expect(acts.some((a) => stepsOf(a.id).filter((s) => s.action === 'submit').length === 2 && a.approvalStatus === 'approved')).toBe(true);
    const rejected = acts.find((a) => a.approvalStatus === 'rejected')!;
    expect(approvalState(stepsOf(rejected.id), DT.module).history.at(-1)!.comment).toBeTruthy();
    expect(new Set(data.approvalSteps.map((s) => s.id)).size).toBe(data.approvalSteps.length);
  });

  it('何静 (市场部) submits budgets as 市场专员; the waiting one is for the general manager, not for her', () => {
    const hejing = data.users.find((u) => u.id === 'us012')!;
    expect(hejing.roleId).toBe(MARKETER_ROLE);
    expect(can(roleOf('us012'), 'marketing', 'write')).toBe(true);
    expect(can(roleOf('us012'), 'marketing', 'approve')).toBe(false);
    const waiting = acts.find((a) => a.approvalStatus === 'pending')!;
    const state = approvalState(stepsOf(waiting.id), DT.module);
    expect(decideBlocker(state, 'pending', actor('us001'), DT)).toBeNull();
    expect(decideBlocker(state, 'pending', actor('us012'), DT)).not.toBeNull();
    // the next exhibition, rejected, is hers to change and submit again
    expect(acts.find((a) => a.approvalStatus === 'rejected')!.ownerId).toBe('us012');
  });

  it('(issue 13 item 6) contracts and the other documents\' approvals in each state too', () => {
    expect(new Set(data.contracts.map((c) => contractStatusOf(c, DEFAULT_TODAY)))).toEqual(new Set(['draft', 'pending', 'active', 'expired', 'rejected', 'terminated']));
    const phases = (docType: string) => new Set(data.approvalSteps.filter((s) => s.docType === docType).map((s) => s.docId)
      .map((id) => approvalState(data.approvalSteps.filter((s) => s.docType === docType && s.docId === id), 'x').phase));
    for (const docType of ['expenses', 'contracts', 'marketActivities']) expect(phases(docType), docType).toEqual(new Set(['pending', 'approved', 'rejected']));
    expect(new Set(data.approvalRules.map((r) => r.docType))).toEqual(new Set(['quotes', 'orders', 'expenses', 'contracts', 'marketActivities']));
  });
});
