import type { Workspace } from '../core/workspace';
import { editRecord, saveRecord, entityDef, type SaveResult } from '../core/records';
import { stagesOfMode, type StageInfo } from '../../domain/sales';
import { ok, refuse, type Result } from '../../domain/core/result';
import type { RecordValues } from '../../domain/core/record';

/*
 * 销售模式与阶段 settings: every change writes one record through the one save path (so a
 * stage's rate stays 0–100 and a mode's name unique), and a change of one field writes only that
 * field, so two managers editing different stages both keep theirs.
 */

/** How many live opportunities and projects use a mode or a stage (either id). */
export function modeUse(ws: Workspace, id: string): number {
  return ['opportunities', 'projects'].reduce((n, c) => n + ws.collection(c).live().filter((r) => r.modeId === id || r.stageId === id).length, 0);
}

export function addSalesMode(ws: Workspace, name: string, userId?: string): SaveResult {
  const order = ws.collection('salesModes').live().length + 1;
  return saveRecord(ws, entityDef(ws, 'salesModes'), { name, nameEn: name, order }, undefined, { userId });
}

/** Name, English name or order of a mode. */
export function editSalesMode(ws: Workspace, id: string, patch: RecordValues, userId?: string): SaveResult {
  return editRecord(ws, 'salesModes', id, patch, userId);
}

/** A new stage at the end of its mode. */
export function addSalesStage(ws: Workspace, modeId: string, name: string, rate: number, userId?: string): SaveResult {
  const orders = stagesOfMode(ws.collection('salesStages').live(), modeId).map((s) => (s.order < 1e9 ? s.order : 0));
  const values = { modeId, order: Math.max(0, ...orders) + 1, name, nameEn: name, rate };
  return saveRecord(ws, entityDef(ws, 'salesStages'), values, undefined, { userId });
}

/** One or more fields of a stage (order, names, rate, average days, conversion). */
export function editSalesStage(ws: Workspace, id: string, patch: RecordValues, userId?: string): SaveResult {
  return editRecord(ws, 'salesStages', id, patch, userId);
}

const inUse = (what: string, whatEn: string, n: number) =>
  refuse<void>({ zh: `有 ${n} 条商机或项目${what},不能删除`, en: `${n} opportunities or projects ${whatEn}; it cannot be deleted` });

/** Move a stage to the bin — refused while an opportunity or project is in it. */
export function removeSalesStage(ws: Workspace, id: string): Result<void> {
  const n = modeUse(ws, id);
  if (n) return inUse('处于该阶段', 'are in this stage', n);
  ws.transact(() => ws.collection('salesStages').remove(id));
  return ok(undefined);
}

/** Move a mode and its stages to the bin in one transaction — refused while anything uses the mode. */
export function removeSalesMode(ws: Workspace, id: string): Result<void> {
  const n = modeUse(ws, id);
  if (n) return inUse('使用该模式', 'use this mode', n);
  ws.transact(() => {
    ws.collection('salesModes').remove(id);
    for (const s of stagesOfMode(ws.collection('salesStages').live(), id)) ws.collection('salesStages').remove(s.id);
  });
  return ok(undefined);
}

/**
 * The quota helper's what-if stage parameters saved onto the stages, in one transaction; values
 * outside their range (negative days, conversion not in (0, 100]) are left as they were.
 */
export function saveStageParameters(ws: Workspace, stages: readonly Pick<StageInfo, 'id' | 'avgDays' | 'conversion'>[], userId?: string): void {
  ws.transact(() => {
    for (const s of stages) {
      const patch: RecordValues = {};
      if (s.avgDays !== null && s.avgDays >= 0) patch.avgDays = s.avgDays;
      if (s.conversion !== null && s.conversion > 0 && s.conversion <= 100) patch.conversion = s.conversion;
      editSalesStage(ws, s.id, patch, userId);
    }
  });
}
