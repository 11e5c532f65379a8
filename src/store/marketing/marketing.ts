import type { Workspace } from '../core/workspace';
import { editRecord, entityDef, saveRecord } from '../core/records';
import { ok, refuse, type Result } from '../../domain/core/result';
import { asText } from '../../domain/core/read';
import type { BaseRecord } from '../../domain/core/record';
import { activityResult, indexResults, marketingAnalysis, type ActivityResult } from '../../domain/marketing/results';

/** Reads and writes of market management (市场管理). Every write goes through the one save path. */

/** The collections an activity's results read (a page subscribes to their versions). */
export const RESULT_COLLECTIONS = ['marketActivities', 'leads', 'opportunities', 'expenses'] as const;

const resultData = (ws: Workspace) => ({
  leads: ws.collection('leads').live(),
  opportunities: ws.collection('opportunities').live(),
  expenses: ws.collection('expenses').live(),
});

/** One activity's results (domain/marketing/results.ts) over the workspace's records. */
export function resultOf(ws: Workspace, activity: BaseRecord): ActivityResult {
  return activityResult(activity, indexResults(resultData(ws)));
}

/** The marketing analysis over the given activities (the user's visible ones), within a period. */
export function analysisOf(ws: Workspace, activities: readonly BaseRecord[], period: { from?: string; to?: string }) {
  return marketingAnalysis(activities, resultData(ws), period);
}

export interface ParticipantPick { customerId?: string; contactId?: string }

/**
 * 添加参与者: several customers and/or contacts at once, invited. A contact brings its customer;
 * one already on the activity (same customer and contact) is not added twice. Returns how many were added.
 */
export function addParticipants(ws: Workspace, activityId: string, picks: readonly ParticipantPick[], userId: string): Result<number> {
  const activity = ws.collection('marketActivities').get(activityId);
  if (!activity || activity.deleted) return refuse({ zh: '市场活动不存在', en: 'The market activity does not exist' });
  const existing = new Set(ws.collection('activityParticipants').live()
    .filter((p) => p.activityId === activityId).map((p) => `${asText(p.customerId) ?? ''}|${asText(p.contactId) ?? ''}`));
  const def = entityDef(ws, 'activityParticipants');
  let added = 0;
  let refusal: Result<number> | null = null;
  ws.transact(() => {
    for (const pick of picks) {
      const contact = pick.contactId ? ws.collection('contacts').get(pick.contactId) : undefined;
      const customerId = pick.customerId ?? asText(contact?.customerId) ?? undefined;
      const key = `${customerId ?? ''}|${pick.contactId ?? ''}`;
      if (existing.has(key)) continue;
      const res = saveRecord(ws, def, { activityId, customerId, contactId: pick.contactId, status: 'invited' }, undefined, { userId });
      if (!res.ok) { refusal = res; continue; }
      existing.add(key);
      added++;
    }
  });
  return added || !refusal ? ok(added) : refusal;
}

/** After an activity is renamed or moved: its participants carry its name and date again (their rule copies them). */
export function refreshParticipantTitles(ws: Workspace, activityId: string, userId: string): void {
  ws.transact(() => {
    for (const p of ws.collection('activityParticipants').live()) if (p.activityId === activityId) editRecord(ws, 'activityParticipants', p.id, {}, userId);
  });
}
