import type { Workspace } from '../core/workspace';
import { entityDef, ruleContext, saveRecord, type SaveResult } from '../core/records';
import { refuse } from '../../domain/core/result';
import { can } from '../../domain/org/modules';
import { readReceiptId } from '../../domain/office/entities';
import { mayComment } from '../../domain/office/rules';
import { roleOfUser } from '../sales/quotes';

/**
 * 员工中心 writes: comments on plans (批注) and read receipts of announcements. Plans and
 * announcements themselves are saved through the one save path like every record (their rules
 * in domain/office/rules.ts).
 */

/** Whether `userId` may comment on the plan (its owner's department manager, an approver, an administrator). */
export function canCommentPlan(ws: Workspace, planId: string, userId = ws.actorId): boolean {
  const role = roleOfUser(ws, userId);
  return mayComment(ruleContext(ws, userId), ws.collection('workPlans').get(planId), { admin: role?.admin === true, approve: can(role, 'office', 'approve') });
}

export function commentPlan(ws: Workspace, planId: string, text: string, userId = ws.actorId): SaveResult {
  if (!canCommentPlan(ws, planId, userId)) {
    return refuse({ zh: '只有该员工部门的负责人可以批注', en: "Only the manager of the employee's department can comment" });
  }
  return saveRecord(ws, entityDef(ws, 'planComments'), { planId, text }, undefined, { userId });
}

/** The comments on a plan, oldest first. */
export function planCommentsOf(ws: Workspace, planId: string) {
  return ws.collection('planComments').liveWhere('planId', planId).sort((a, b) => (Number(a.at) || 0) - (Number(b.at) || 0));
}

/** Note that `userId` read the announcement (once: the receipt's id is the same on every device). */
export function markRead(ws: Workspace, announcementId: string, userId = ws.actorId, now = Date.now()): void {
  const id = readReceiptId(announcementId, userId);
  if (ws.collection('announcementReads').get(id)) return;
  ws.transact(() => ws.collection('announcementReads').create({ announcementId, userId, at: now }, id));
}

export function readersOf(ws: Workspace, announcementId: string) {
  return ws.collection('announcementReads').liveWhere('announcementId', announcementId);
}
