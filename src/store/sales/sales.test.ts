import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspace } from '../org/setup';
import { Workspace } from '../core/workspace';
import { loadSampleCompany } from '../sample/load';
import {
  auditOpportunity, binSalesRecords, changeOpportunityStatus, completeRecord, convertToProject, copyProjectAsOpportunity,
  deleteWithPlan, lockedRecordFields, newRecordDefaults, parentViolations, planDelete, plannedIds, planSize, promoteLeadToOpportunity,
  recordFormErrors, replyToRecord, unauditOpportunity,
} from './ops';
import {
  approvalNeedOf, approvalStepsOf, approveQuoteAs, createQuoteForRecord, inboxOf, issueBlocker, linesOf, rejectQuoteAs, saveQuoteLines,
  submitQuoteForApproval, viewOf,
} from './quotes';
import { seedSalesModes } from './seed';

async function salesWorkspace() {
  const { ws } = await createWorkspace('销售测试', '王老师');
  const admin = ws.actorId;
  ws.transact(() => {
    ws.collection('users').create({ name: '张三', roleId: 'role-rep', active: true }, 'rep');
    ws.collection('users').create({ name: '李经理', roleId: 'role-manager', active: true }, 'mgr');
    ws.collection('customers').create({ code: 'KH1', name: '恒远机械', kind: 'potential', ownerId: 'rep' }, 'c1');
    ws.collection('contacts').create({ name: '赵工', customerId: 'c1' }, 'ct1');
    ws.collection('products').create({ code: 'P1', name: 'ERP 标准版', listPrice: 38000 }, 'p1');
    ws.collection('discounts').create({ kind: 'volume', name: '5 套以上', minQty: 5, rate: 0.85 }, 'd1');
    ws.collection('leads').create({ subject: 'ERP 升级', customerId: 'c1', ownerId: 'rep', expectedAmount: 200000, status: 'open' }, 'l1');
  });
  return { ws, admin };
}

/** Add a contact record to an opportunity as the form would (defaults from the opportunity). */
function addRecord(ws: Workspace, oppId: string, date: string, extra: Record<string, unknown> = {}): string {
  const values = { ...newRecordDefaults(ws, 'contactRecords', oppId, 'rep', date), ...extra };
  return ws.transact(() => ws.collection('contactRecords').create(values)).id;
}

describe('sales flow in the store', () => {
  it('a new workspace has the default sales modes and stages; seeding twice adds nothing', async () => {
    const { ws } = await createWorkspace('A', 'B');
    expect(ws.collection('salesModes').live().map((m) => m.name).sort()).toEqual(['常规销售', '项目型销售']);
    const n = ws.collection('salesStages').live().length;
    expect(n).toBe(11);
    seedSalesModes(ws);
    expect(ws.collection('salesStages').live()).toHaveLength(n);
    await ws.close();
  });

  it('the sample company comes with a year of sales history', async () => {
    const { ws } = await createWorkspace('A', 'B');
    loadSampleCompany(ws);
    expect(ws.collection('opportunities').live().length).toBeGreaterThan(100);
    expect(ws.collection('products').live().length).toBeGreaterThan(5);
    await ws.close();
  });

  it('promotes a lead: opportunity at the first stage, lead promoted, potential customer made formal (contacts kept)', async () => {
    const { ws } = await salesWorkspace();
    const res = promoteLeadToOpportunity(ws, 'l1', 'rep', 'mode-standard', '2026-11-01');
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const opp = ws.collection('opportunities').get(res.value)!;
    expect(opp).toMatchObject({ subject: 'ERP 升级', customerId: 'c1', ownerId: 'rep', stageId: 'stage-standard-1', rate: 10, expectedAmount: 200000, amount: 20000, leadId: 'l1', status: 'active' });
    expect(ws.collection('leads').get('l1')).toMatchObject({ status: 'promoted', opportunityId: res.value });
    expect(ws.collection('customers').get('c1')?.kind).toBe('customer');
    expect(ws.collection('contacts').get('ct1')?.customerId).toBe('c1');
    const again = promoteLeadToOpportunity(ws, 'l1', 'rep');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.refusal.message.zh).toContain('已升迁');
    await ws.close();
  });

  it('contact records: out-of-order completion refused, completed ones locked, last completed back-fills, delete re-back-fills', async () => {
    const { ws } = await salesWorkspace();
    const res = promoteLeadToOpportunity(ws, 'l1', 'rep', 'mode-standard', '2026-11-01');
    if (!res.ok) throw new Error('promote');
    const opp = res.value;
    const r1 = addRecord(ws, opp, '2026-11-02', { stageId: 'stage-standard-2', rate: 30, expectedAmount: 210000, cost: 1000 });
    const r2 = addRecord(ws, opp, '2026-11-05', { stageId: 'stage-standard-3', rate: 50, expectedAmount: 240000, cost: 3000, plannedDate: '2027-01-31' });
    addRecord(ws, opp, '2026-11-09', { stageId: 'stage-standard-4', rate: 70 });

    const early = completeRecord(ws, 'contactRecords', r2, 'rep');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.refusal.message.zh).toBe('请先将前一条记录设为“已完成”');
    expect(ws.collection('contactRecords').get(r2)?.completed).toBe(false);

    expect(completeRecord(ws, 'contactRecords', r1, 'rep').ok).toBe(true);
    expect(ws.collection('opportunities').get(opp)).toMatchObject({ stageId: 'stage-standard-2', rate: 30, expectedAmount: 210000, amount: 63000 });
    expect(completeRecord(ws, 'contactRecords', r2, 'rep').ok).toBe(true);
    expect(ws.collection('opportunities').get(opp)).toMatchObject({
      stageId: 'stage-standard-3', rate: 50, expectedAmount: 240000, amount: 120000, cost: 3000, plannedDate: '2027-01-31',
    });

    // a completed record is read-only in the form, except that 批复 goes through its own action
    const rec2 = ws.collection('contactRecords').get(r2)!;
    expect(lockedRecordFields(ws, 'contactRecords', rec2)).toContain('summary');
    expect(Object.keys(recordFormErrors(ws, 'contactRecords', { ...rec2, summary: 'changed' }, rec2))).toEqual(['summary']);
    // a new record may not be dated before a completed one
    expect(recordFormErrors(ws, 'contactRecords', { opportunityId: opp, date: '2026-11-03' }).date?.zh).toContain('不能早于已完成');
    expect(replyToRecord(ws, 'contactRecords', r2, '报价前先确认预算', 'mgr').ok).toBe(true);
    expect(ws.collection('contactRecords').get(r2)).toMatchObject({ reply: '报价前先确认预算', replyBy: 'mgr', completed: true });

    // deleting the last completed record back-fills from the one before, and takes its quote along
    const q = createQuoteForRecord(ws, 'contactRecords', r2, 'rep');
    expect(q.ok).toBe(true);
    const plan = planDelete(ws, 'contactRecords', [r2]);
    expect(plannedIds(plan, 'quotes')).toHaveLength(1);
    deleteWithPlan(ws, plan);
    expect(ws.collection('opportunities').get(opp)).toMatchObject({ stageId: 'stage-standard-2', rate: 30, expectedAmount: 210000, amount: 63000 });
    expect(ws.collection('quotes').live()).toHaveLength(0);
    await ws.close();
  });

  it('quotes: one per record, priced by the engine, over the limit → approval by a manager, recorded', async () => {
    const { ws } = await salesWorkspace();
    const res = promoteLeadToOpportunity(ws, 'l1', 'rep', 'mode-standard', '2026-11-01');
    if (!res.ok) throw new Error('promote');
    const r1 = addRecord(ws, res.value, '2026-11-02');
    const q = createQuoteForRecord(ws, 'contactRecords', r1, 'rep', '2026-11-02');
    if (!q.ok) throw new Error('quote');
    expect(ws.collection('quotes').get(q.value)).toMatchObject({ code: 'BJ20261102-001', contactRecordId: r1, opportunityId: res.value, customerId: 'c1', ownerId: 'rep', status: 'draft' });
    const second = createQuoteForRecord(ws, 'contactRecords', r1, 'rep');
    expect(second.ok).toBe(false);

    expect(saveQuoteLines(ws, q.value, [{ productId: 'p1', quantity: 10 }]).ok).toBe(true);
    const quote = viewOf(ws, ws.collection('quotes').get(q.value)!);
    // each line is a row of quoteLines, a child of the quote
    expect(linesOf(ws, q.value)).toMatchObject([{ quoteId: q.value, seq: 0, productId: 'p1', quantity: 10, unitPrice: 38000, rate: 0.85 }]);
    expect(ws.collection('quotes').get(q.value)).not.toHaveProperty('lines');
    // 15 % off is over the rep's 5 % position limit
    expect(approvalNeedOf(ws, quote, 'rep').needed).toBe(true);
    expect(issueBlocker(ws, quote, 'rep')).not.toBeNull();
    expect(submitQuoteForApproval(ws, q.value, 'rep', '大客户').ok).toBe(true);
    expect(saveQuoteLines(ws, q.value, [{ productId: 'p1', quantity: 1 }]).ok).toBe(false); // locked while pending
    expect(inboxOf(ws, 'rep')).toHaveLength(0);
    expect(inboxOf(ws, 'mgr').map((x) => x.id)).toEqual([q.value]);
    expect(rejectQuoteAs(ws, q.value, 'mgr', '').ok).toBe(false); // a rejection needs a comment
    expect(approveQuoteAs(ws, q.value, 'rep').ok).toBe(false); // a rep cannot approve
    expect(approveQuoteAs(ws, q.value, 'mgr', '同意,下不为例', 5000).ok).toBe(true);
    const done = viewOf(ws, ws.collection('quotes').get(q.value)!);
    expect(done.status).toBe('approved');
    // each step is a record of the approval engine (approvalSteps)
    expect(approvalStepsOf(ws, q.value).map((s) => s.action)).toEqual(['submit', 'approve']);
    expect(approvalStepsOf(ws, q.value)[1]).toMatchObject({ quoteId: q.value, seq: 1, action: 'approve', by: 'mgr', at: 5000, comment: '同意,下不为例' });
    expect(issueBlocker(ws, done, 'rep')).toBeNull();
    // editing an approved quote sends it back to draft; the edited line keeps its row
    const lineId = linesOf(ws, q.value)[0].id;
    expect(saveQuoteLines(ws, q.value, [{ id: lineId, productId: 'p1', quantity: 2 }, { productId: 'p1', quantity: 1 }]).ok).toBe(true);
    expect(ws.collection('quotes').get(q.value)?.status).toBe('draft');
    expect(linesOf(ws, q.value).map((l) => [l.id === lineId, l.seq, l.quantity])).toEqual([[true, 0, 2], [false, 1, 1]]);
    // a line taken out leaves the quote (marked deleted, not a bin entry); the next new line goes after every seq used
    expect(saveQuoteLines(ws, q.value, [{ id: lineId, productId: 'p1', quantity: 2 }, { productId: 'p1', quantity: 3 }]).ok).toBe(true);
    expect(linesOf(ws, q.value).map((l) => [l.seq, l.quantity])).toEqual([[0, 2], [2, 3]]);
    await ws.close();
  });

  it('audit, convert to a project (stage and rate carried), un-audit blocked until the project is deleted; cascades', async () => {
    const { ws, admin } = await salesWorkspace();
    const res = promoteLeadToOpportunity(ws, 'l1', 'rep', 'mode-standard', '2026-11-01');
    if (!res.ok) throw new Error('promote');
    const opp = res.value;
    const r1 = addRecord(ws, opp, '2026-11-02', { stageId: 'stage-standard-5', rate: 100, expectedAmount: 300000 });
    createQuoteForRecord(ws, 'contactRecords', r1, 'rep');
    completeRecord(ws, 'contactRecords', r1, 'rep');
    const notYet = convertToProject(ws, opp);
    expect(notYet.ok).toBe(false);
    expect(changeOpportunityStatus(ws, opp, 'win', { summary: '签约' }).ok).toBe(true);
    expect(auditOpportunity(ws, opp, admin, 1000).ok).toBe(true);
    const p = convertToProject(ws, opp, '2026-11-20');
    if (!p.ok) throw new Error(p.refusal.message.zh);
    expect(ws.collection('projects').get(p.value)).toMatchObject({ opportunityId: opp, stageId: 'stage-standard-5', rate: 100, expectedAmount: 300000, amount: 300000, status: 'active' });
    const blocked = unauditOpportunity(ws, opp);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.refusal.message.zh).toContain('须先删除项目');

    // maintenance records follow the same rules and back-fill the project
    const m1 = ws.transact(() => ws.collection('maintenanceRecords').create({ ...newRecordDefaults(ws, 'maintenanceRecords', p.value, 'rep', '2026-12-01'), rate: 100, cost: 5000 })).id;
    expect(completeRecord(ws, 'maintenanceRecords', m1, 'rep').ok).toBe(true);
    expect(ws.collection('projects').get(p.value)?.cost).toBe(5000);

    const copy = copyProjectAsOpportunity(ws, p.value, 'rep', '2026-12-02');
    if (!copy.ok) throw new Error(copy.refusal.message.zh);
    expect(ws.collection('opportunities').get(copy.value)).toMatchObject({ customerId: 'c1', sourceProjectId: p.value, status: 'active', audited: false, stageId: 'stage-standard-1' });

    // deleting the opportunity takes its records and quotes, not the project
    const plan = planDelete(ws, 'opportunities', [opp]);
    expect(plannedIds(plan, 'contactRecords')).toEqual([r1]);
    expect(plannedIds(plan, 'quotes')).toHaveLength(1);
    expect(plannedIds(plan, 'projects')).toEqual([]);
    expect(planSize(plan)).toBe(3);
    // the list's delete: the record and what it takes, in one transaction
    expect(binSalesRecords(ws, 'opportunities', [opp]).ok).toBe(true);
    expect(ws.collection('opportunities').get(opp)?.deleted).toBe(true);
    expect(ws.collection('contactRecords').get(r1)?.deleted).toBe(true);
    expect(ws.collection('quotes').live()).toHaveLength(0);
    expect(ws.collection('projects').get(p.value)?.deleted).toBeFalsy();
    expect(ws.collection('maintenanceRecords').get(m1)?.deleted).toBeFalsy();
    await ws.close();
  });

  it('a merge of offline edits that breaks the sequence rule is detected (not repaired)', () => {
    const a = new Workspace('x');
    const b = new Workspace('x');
    a.actorId = 'alice';
    b.actorId = 'bob';
    const sync = (from: Workspace, to: Workspace) => Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), 'remote');
    a.transact(() => {
      a.collection('opportunities').create({ subject: 'S', customerId: 'c', ownerId: 'alice', status: 'active' }, 'o');
      a.collection('contactRecords').create({ opportunityId: 'o', date: '2026-11-01', completed: false }, 'r1');
      a.collection('contactRecords').create({ opportunityId: 'o', date: '2026-11-10', completed: false }, 'r3');
    });
    expect(completeRecord(a, 'contactRecords', 'r1', 'alice').ok).toBe(true);
    sync(a, b);
    // apart: Alice completes r3 (fine for her); Bob adds an open record dated between them (fine for him)
    expect(completeRecord(a, 'contactRecords', 'r3', 'alice').ok).toBe(true);
    expect(recordFormErrors(b, 'contactRecords', { opportunityId: 'o', date: '2026-11-05' })).toEqual({});
    b.transact(() => b.collection('contactRecords').create({ opportunityId: 'o', date: '2026-11-05', completed: false }, 'r2'));
    expect(parentViolations(a, 'contactRecords', 'o')).toEqual([]);
    sync(a, b);
    sync(b, a);
    for (const p of [a, b]) {
      const v = parentViolations(p, 'contactRecords', 'o');
      expect(v.map((x) => x.code)).toEqual(['completedAfterIncomplete']);
      expect(v[0].ids).toEqual(['r2', 'r3']);
    }
    // nothing was changed behind the users' backs
    expect(a.collection('contactRecords').get('r3')?.completed).toBe(true);
    expect(a.collection('contactRecords').get('r2')?.completed).toBe(false);
  });
});
