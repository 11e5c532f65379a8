import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord } from '../core/records';
import { runId } from '../../domain/classroom/lab-entities';
import type { Result } from '../../domain/core/result';
import type { BaseRecord } from '../../domain/core/record';

/**
 * 开始实验 / 重新开始: the guide's start time, stored in the workspace so the whole group (every
 * device) checks against the same moment. One record per guide with an id derived from its key,
 * so two students starting apart write one record (the later start wins, field by field).
 */
export function startGuide(ws: Workspace, guide: string, userId: string): Result<BaseRecord> {
  // the workspace's clock, not the wall clock: after a burst of writes (loading the sample
  // company) the clock runs ahead of Date.now(), and those records must stay before the start
  const now = ws.clock.now()[0];
  return saveRecord(ws, entityDef(ws, 'labRuns'), { guide, startedAt: now }, runId(guide), { userId });
}
