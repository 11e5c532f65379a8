import type { Workspace } from '../core/workspace';
import { newId } from '../core/collection';
import { entityDef, validateRecord } from '../core/records';
import { ok, refuse, refuseFields, type Result } from '../../domain/core/result';
import type { Label } from '../../domain/core/entity';
import {
  backfill, complete, completeActivity, completeBlocker, defaultRate, newRecordValues, opportunityAmount, placementBlocker,
  recordsOf, stageModeMismatch, statusOf, type Patch, type Values,
} from '../../domain/sales';

/**
 * Writes of the pipeline board and the "my work" page. Every rule lives in domain/sales; this
 * file only reads the records a rule needs and writes its result in ONE transaction, so peers and
 * the local persistence see the whole move (new completed contact record + back-filled
 * opportunity) or nothing.
 */

const DRAFT_ID = '\uffffdraft';


/** Live contact records of one opportunity. */
export function contactRecordsOf(ws: Workspace, oppId: string): Values[] {
  return recordsOf(ws.collection('contactRecords').live(), 'opportunityId', oppId);
}

/**
 * The values of the contact record that moving `oppId` to `stageId` creates: pre-filled from the
 * opportunity (records.ts newRecordValues), with the new stage and that stage's default rate.
 */
export function moveDraft(ws: Workspace, oppId: string, stageId: string, today: string, ownerId: string): Patch {
  const opp = ws.collection('opportunities').get(oppId) ?? { id: oppId };
  const v = newRecordValues(opp, 'opportunityId', today);
  v.stageId = stageId;
  const rate = defaultRate(ws.collection('salesStages').live(), stageId);
  if (rate !== null) v.rate = rate;
  v.amount = opportunityAmount(v.expectedAmount, v.rate);
  v.ownerId = ownerId;
  return v;
}

/** Why the opportunity cannot be moved to the stage at all (before any form is shown), or null. */
export function moveBlocker(ws: Workspace, oppId: string, stageId: string, date: unknown): Label | null {
  const opp = ws.collection('opportunities').get(oppId);
  if (!opp || opp.deleted) return { zh: '商机不存在或已删除', en: 'The opportunity does not exist or is deleted' };
  if (statusOf(opp) !== 'active') return { zh: '只有进行中的商机可以推进阶段', en: 'Only an active opportunity can change stage' };
  if (opp.stageId === stageId) return { zh: '商机已在该阶段', en: 'The opportunity is already in that stage' };
  const mismatch = stageModeMismatch({ modeId: opp.modeId, stageId }, ws.collection('salesStages').live());
  if (mismatch) return mismatch;
  return sequenceBlocker(contactRecordsOf(ws, oppId), date);
}

/** The sequence rules for a new record dated `date` that is completed at once (records.ts). */
function sequenceBlocker(records: Values[], date: unknown): Label | null {
  const placed = placementBlocker(records, date);
  if (placed) return placed;
  // the new record is created after every other one, so it sorts last within its day
  return completeBlocker([...records, { id: DRAFT_ID, date, createdAt: Number.MAX_SAFE_INTEGER }], DRAFT_ID);
}

/**
 * Move an opportunity to a stage: create the contact record (values from the confirmation form),
 * mark it completed, and back-fill the opportunity from its last completed record — one
 * transaction. Refused with a reason when a sequence rule would break; with field errors when the
 * record is invalid. Nothing is written on refusal.
 */
export function moveOpportunity(ws: Workspace, oppId: string, values: Patch, userId: string, now = Date.now()): Result<{ recordId: string; patch: Patch }> {
  const stageId = typeof values.stageId === 'string' ? values.stageId : '';
  const blocked = moveBlocker(ws, oppId, stageId, values.date);
  if (blocked) return refuse(blocked);
  const records = contactRecordsOf(ws, oppId);
  const rec: Patch = { ...values, opportunityId: oppId, completed: false };
  rec.amount = opportunityAmount(rec.expectedAmount, rec.rate);
  const def = entityDef(ws, 'contactRecords');
  const errors = validateRecord(ws, def, rec);
  if (Object.keys(errors).length) return refuseFields(errors);
  const id = newId();
  const done = complete([...records, { ...rec, id, createdAt: Number.MAX_SAFE_INTEGER }], id, userId, now);
  if (!done.ok) return done;
  let patch: Patch = {};
  ws.transact(() => {
    ws.collection('contactRecords').create({ ...rec, ...done.value }, id);
    const opp = ws.collection('opportunities').get(oppId)!;
    patch = backfill(opp, contactRecordsOf(ws, oppId)) ?? {};
    ws.collection('opportunities').update(oppId, patch);
  });
  return ok({ recordId: id, patch });
}

/** Mark an activity done today (activities.ts completeActivity), or refuse. */
export function markActivityDone(ws: Workspace, id: string, today: string, result?: string): Result<Patch> {
  const a = ws.collection('activities').get(id);
  if (!a) return refuse({ zh: '活动不存在', en: 'The activity does not exist' });
  const out = completeActivity(a, today, result);
  if (out.ok) ws.transact(() => ws.collection('activities').update(id, out.value));
  return out;
}

/** userId → departmentId, for the funnel's department filter (opportunities without their own). */
export function userDepartments(ws: Workspace): Record<string, string> {
  const out: Record<string, string> = {};
  for (const u of ws.collection('users').live()) if (typeof u.departmentId === 'string') out[u.id] = u.departmentId;
  return out;
}
