import type { Workspace } from '../core/workspace';
import { MERGE_ORIGIN } from '../core/collection';
import { statusFieldOf, storedPhase, type ApprovalPhase } from '../../domain/approvals';
import { approvalOf } from './engine';
import { localToday } from '../sales/ops';

/**
 * Decisions made apart, then merged: each approver's device wrote the document's status for its
 * own decision, and the later write wins the field — an approval made after a rejection left a
 * contract "in force" while its steps say the rejection stands (status.ts). The steps are the
 * truth: when a received change touches a document's steps, its status field is written again
 * from them. Every device derives the same phase from the same records, so they write the same
 * value and it settles at once. Only a status the approval itself writes is corrected (an order
 * executing, a document edited back to draft, a terminated contract are the flow's own).
 */
export const RECONCILE_ORIGIN = 'keyuan:approval-reconcile';

const DECIDED: readonly ApprovalPhase[] = ['pending', 'approved', 'rejected'];

/** Write the derived phase where the stored status disagrees; the ids of the documents corrected. */
export function reconcileApprovals(ws: Workspace, docs: Iterable<{ entity: string; id: string }>, now = Date.now()): string[] {
  if (ws.readOnly) return []; // a class view of a group's data writes nothing
  const fixes: { entity: string; id: string; patch: Record<string, unknown> }[] = [];
  for (const { entity, id } of docs) {
    const doc = ws.collection(entity).get(id);
    const a = doc && !doc.deleted ? approvalOf(ws, entity, doc) : null;
    if (!doc || !a || !a.state.round) continue;
    const stored = storedPhase(a.dt, doc);
    const exact = Object.values(a.dt.statusValue).includes(doc[statusFieldOf(a.dt)] as string);
    if (!exact || !DECIDED.includes(stored) || stored === a.state.phase) continue;
    const phase = a.state.phase;
    fixes.push({ entity, id, patch: { [statusFieldOf(a.dt)]: a.dt.statusValue[phase], ...(a.dt.patchFor?.(phase, localToday(new Date(now))) ?? {}) } });
  }
  if (fixes.length) ws.transact(() => { for (const f of fixes) ws.collection(f.entity).update(f.id, f.patch); }, RECONCILE_ORIGIN);
  return fixes.map((f) => f.id);
}

const following = new WeakSet<Workspace>();

/**
 * From now on, correct the documents whose steps a received change touches (and, once, every
 * document with steps: a merge made before this build). Idempotent per workspace.
 */
export function followDecisionsMadeApart(ws: Workspace): void {
  if (following.has(ws)) return;
  following.add(ws);
  const steps = ws.collection('approvalSteps');
  const docsOf = (ids?: Iterable<string>) => {
    const recs = ids ? [...ids].map((id) => steps.get(id)) : steps.live();
    const seen = new Map<string, { entity: string; id: string }>();
    for (const r of recs) if (r && typeof r.docType === 'string' && typeof r.docId === 'string') seen.set(`${r.docType}:${r.docId}`, { entity: r.docType, id: r.docId });
    return seen.values();
  };
  // once the caller is done (the shell's badge counts inside a reactive scope): never write inside it
  queueMicrotask(() => reconcileApprovals(ws, docsOf()));
  steps.onChange((ids, origin, info) => {
    if (info.local && origin !== MERGE_ORIGIN) return; // our own actions write the status themselves
    // after the received transaction: not inside the observer
    queueMicrotask(() => reconcileApprovals(ws, docsOf(ids)));
  });
}
