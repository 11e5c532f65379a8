import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../org/setup';
import { defaultModeRecords } from '../../domain/sales';
import type { Workspace } from '../core/workspace';
import { markActivityDone, moveBlocker, moveDraft, moveOpportunity } from './pipeline';

async function pipelineWorkspace(): Promise<{ ws: Workspace; userId: string }> {
  const { ws } = await createWorkspace('Pipeline', 'Boss');
  const userId = ws.actorId;
  const { modes, stages } = defaultModeRecords();
  ws.transact(() => {
    for (const { id, ...m } of modes) ws.collection('salesModes').create(m, String(id));
    for (const { id, ...s } of stages) ws.collection('salesStages').create(s, String(id));
    ws.collection('customers').create({ code: 'KH1', name: 'Acme', kind: 'customer' }, 'c1');
    ws.collection('opportunities').create({
      subject: 'ERP', customerId: 'c1', ownerId: userId, modeId: 'mode-standard', stageId: 'stage-standard-1',
      rate: 10, cost: 1000, expectedAmount: 50000, amount: 5000, startDate: '2026-10-01', plannedDate: '2026-12-31', status: 'active',
    }, 'o1');
  });
  return { ws, userId };
}

describe('moving an opportunity on the board', () => {
  it('creates a completed, pre-filled contact record and back-fills the opportunity in one transaction', async () => {
    const { ws, userId } = await pipelineWorkspace();
    const draft = moveDraft(ws, 'o1', 'stage-standard-3', '2026-11-24', userId);
    expect(draft).toMatchObject({ opportunityId: 'o1', stageId: 'stage-standard-3', rate: 50, expectedAmount: 50000, cost: 1000, date: '2026-11-24', amount: 25000 });
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    const res = moveOpportunity(ws, 'o1', { ...draft, way: 'visit', summary: 'demo done', expectedAmount: 60000, plannedDate: '2027-01-15' }, userId, 1234);
    expect(res.ok).toBe(true);
    expect(transactions).toBe(1);
    const recs = ws.collection('contactRecords').live();
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ opportunityId: 'o1', stageId: 'stage-standard-3', rate: 50, completed: true, completedBy: userId, completedAt: 1234, amount: 30000 });
    expect(ws.collection('opportunities').get('o1')).toMatchObject({ stageId: 'stage-standard-3', rate: 50, expectedAmount: 60000, amount: 30000, plannedDate: '2027-01-15', cost: 1000 });
    await ws.close();
  });

  it('refuses a move behind an open record, into another mode, of a closed opportunity, and writes nothing', async () => {
    const { ws, userId } = await pipelineWorkspace();
    ws.collection('contactRecords').create({ opportunityId: 'o1', date: '2026-11-20', completed: false, stageId: 'stage-standard-1' });
    expect(moveBlocker(ws, 'o1', 'stage-standard-2', '2026-11-24')?.en).toMatch(/previous record/);
    expect(moveBlocker(ws, 'o1', 'stage-project-2', '2026-11-24')?.en).toMatch(/mode/);
    expect(moveBlocker(ws, 'o1', 'stage-standard-1', '2026-11-24')?.en).toMatch(/already/);
    const res = moveOpportunity(ws, 'o1', moveDraft(ws, 'o1', 'stage-standard-2', '2026-11-24', userId), userId);
    expect(res.ok).toBe(false);
    expect(ws.collection('contactRecords').live()).toHaveLength(1);
    expect(ws.collection('opportunities').get('o1')?.stageId).toBe('stage-standard-1');
    ws.collection('opportunities').update('o1', { status: 'lost' });
    expect(moveBlocker(ws, 'o1', 'stage-standard-2', '2026-11-24')?.en).toMatch(/active/);
    await ws.close();
  });

  it('refuses a date before a completed record, and invalid values with field errors', async () => {
    const { ws, userId } = await pipelineWorkspace();
    expect(moveOpportunity(ws, 'o1', moveDraft(ws, 'o1', 'stage-standard-2', '2026-11-24', userId), userId).ok).toBe(true);
    const early = moveOpportunity(ws, 'o1', moveDraft(ws, 'o1', 'stage-standard-3', '2026-11-01', userId), userId);
    expect(early.ok === false && early.refusal.message.en).toMatch(/earlier than a completed/);
    const bad = moveOpportunity(ws, 'o1', { ...moveDraft(ws, 'o1', 'stage-standard-3', '2026-11-25', userId), rate: 'x' }, userId);
    expect(bad.ok === false && Object.keys(bad.refusal.fields ?? {})).toEqual(['rate']);
    expect(ws.collection('contactRecords').live()).toHaveLength(1);
    await ws.close();
  });

  it('marks a planned activity done today, once', async () => {
    const { ws, userId } = await pipelineWorkspace();
    ws.collection('activities').create({ subject: 'Call', ownerId: userId, status: 'planned', dueDate: '2026-11-20' }, 'a1');
    expect(markActivityDone(ws, 'a1', '2026-11-24').ok).toBe(true);
    expect(ws.collection('activities').get('a1')).toMatchObject({ status: 'done', doneDate: '2026-11-24' });
    const again = markActivityDone(ws, 'a1', '2026-11-24');
    expect(!again.ok && again.refusal.message.en).toMatch(/already done/);
    await ws.close();
  });
});
