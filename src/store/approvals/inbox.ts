import type { Workspace } from '../core/workspace';
import type { BaseRecord } from '../../domain/core/record';
import { APPROVAL_DOC_TYPES } from '../../domain/registry';
import { decideBlocker, isPendingDoc, type ApprovalDocType } from '../../domain/approvals';
import { actorOf, approvalOf, type DocApproval } from './engine';
import { legacyDocIds } from './legacy';

/**
 * 审批箱 on the engine: one list over every registered document type, three views — waiting for
 * my decision, decided by me, submitted by me — and one count for the badge. Quotes and orders
 * also keep their detailed cards on the page (lines, discount, rate): CARD_TYPES, which the
 * engine list's "waiting" view leaves to them.
 */
export const CARD_TYPES: readonly string[] = ['quotes', 'orders'];

export type InboxView = 'pending' | 'decided' | 'submitted';

/** `amount`: what the document commits as its doc type reads it (an order's amount, a market activity's budget). */
export interface InboxItem { entity: string; doc: BaseRecord; approval: DocApproval; at: number; amount: number | null }

const typesOf = (only?: readonly string[]): ApprovalDocType[] => APPROVAL_DOC_TYPES.filter((d) => !only || only.includes(d.entity));

/** Documents of a view for this user: pending ones oldest submission first, the others newest first. */
export function inboxOf(ws: Workspace, userId: string, view: InboxView, only?: readonly string[]): InboxItem[] {
  const out: InboxItem[] = [];
  const steps = ws.collection('approvalSteps').live();
  const rows = (c: string, f: string, id: string) => ws.collection(c).liveWhere(f, id);
  const company = ws.collection('company').get('company');
  for (const dt of typesOf(only)) {
    const col = ws.collection(dt.entity);
    let docs: BaseRecord[];
    if (view === 'pending') docs = col.live().filter((d) => isPendingDoc(dt, d));
    else {
      const actions = view === 'decided' ? ['approve', 'reject'] : ['submit'];
      const ids = new Set([
        ...steps.filter((s) => s.docType === dt.entity && s.by === userId && actions.includes(String(s.action))).map((s) => String(s.docId)),
        ...legacyDocIds(ws, dt.entity, userId, actions),
      ]);
      docs = [...ids].map((id) => col.get(id)).filter((d): d is BaseRecord => !!d && !d.deleted);
    }
    const actor = actorOf(ws, userId);
    for (const doc of docs) {
      const approval = approvalOf(ws, dt.entity, doc)!;
      if (view === 'pending' && decideBlocker(approval.state, approval.phase, actor, dt)) continue;
      const mine = approval.state.history.filter((s) => (view === 'pending' ? s.action === 'submit' : s.by === userId));
      out.push({ entity: dt.entity, doc, approval, at: mine.at(-1)?.at ?? 0, amount: dt.facts(doc, rows, { company }).amount });
    }
  }
  return out.sort((a, b) => (view === 'pending' ? a.at - b.at : b.at - a.at));
}

/** The 审批箱 badge: how many documents of every type wait for this user's decision. */
export function pendingCount(ws: Workspace, userId: string): number {
  return inboxOf(ws, userId, 'pending').length;
}
