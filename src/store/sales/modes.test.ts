import { describe, expect, it } from 'vitest';
import { Workspace } from '../core/workspace';
import { seededWorkspace } from '../test-workspace';
import { stagesOfMode } from '../../domain/sales';
import { addSalesMode, addSalesStage, editSalesStage, removeSalesMode, removeSalesStage, saveStageParameters } from './modes';

const stages = (ws: Workspace, modeId: string) => stagesOfMode(ws.collection('salesStages').live(), modeId);

describe('sales modes and stages (store/sales/modes.ts)', () => {
  it('a new stage goes to the end of its mode; removing the mode bins its stages in the same transaction', () => {
    const ws = seededWorkspace();
    const mode = addSalesMode(ws, '渠道销售');
    if (!mode.ok) throw new Error('mode refused');
    expect(addSalesStage(ws, mode.value.id, '初步接触', 10).ok).toBe(true);
    expect(addSalesStage(ws, mode.value.id, '签约', 100).ok).toBe(true);
    expect(stages(ws, mode.value.id).map((s) => [s.name, s.order])).toEqual([['初步接触', 1], ['签约', 2]]);
    let transactions = 0;
    ws.doc.on('afterTransaction', () => transactions++);
    expect(removeSalesMode(ws, mode.value.id).ok).toBe(true);
    expect(transactions).toBe(1);
    expect(ws.collection('salesModes').get(mode.value.id)?.deleted).toBe(true);
    expect(stages(ws, mode.value.id)).toEqual([]);
  });

  it('a mode or stage in use is not removed, and says how many use it', () => {
    const ws = seededWorkspace();
    const [stage] = stages(ws, 'mode-standard');
    ws.transact(() => ws.collection('opportunities').create({ subject: 'ERP', modeId: 'mode-standard', stageId: stage.id }));
    const res = removeSalesStage(ws, stage.id);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.refusal.message.zh).toContain('1 条');
    expect(removeSalesMode(ws, 'mode-standard').ok).toBe(false);
    expect(ws.collection('salesStages').get(stage.id)?.deleted).toBeFalsy();
  });

  it('an edit goes through the entity rules: a rate over 100 or a taken mode name writes nothing', () => {
    const ws = seededWorkspace();
    const [stage] = stages(ws, 'mode-standard');
    const res = editSalesStage(ws, stage.id, { rate: 120 });
    expect(res.ok).toBe(false);
    expect(ws.collection('salesStages').get(stage.id)?.rate).toBe(stage.rate);
    const taken = String(ws.collection('salesModes').get('mode-standard')?.name);
    expect(addSalesMode(ws, taken).ok).toBe(false);
  });

  it('the quota helper saves days and conversion, leaving values out of range as they were', () => {
    const ws = seededWorkspace();
    const [a, b] = stages(ws, 'mode-standard');
    saveStageParameters(ws, [{ id: a.id, avgDays: 12, conversion: 40 }, { id: b.id, avgDays: -1, conversion: 0 }]);
    expect(ws.collection('salesStages').get(a.id)).toMatchObject({ avgDays: 12, conversion: 40 });
    expect(ws.collection('salesStages').get(b.id)).toMatchObject({ avgDays: b.avgDays, conversion: b.conversion });
  });
});
