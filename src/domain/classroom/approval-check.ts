/**
 * The lab check `approved`: a document submitted and approved through the approval engine since
 * the experiment started — its `approvalSteps` (domain/approvals/status.ts derives the state the
 * pages show), not the rows an older version kept per document. With `discountBelowLimit`, the
 * document's overall discount rate was below the position limit of the person it is for (the
 * engine's submitter: its owner, else who submitted), exactly the condition of the approval rule
 * 折扣低于职位折扣 (domain/approvals/evaluate.ts) — the quote that needs approval.
 */
import type { BaseRecord } from '../core/record';
import type { Values } from '../core/read';
import { APPROVAL_DOC_TYPES } from '../registry';
import { approvalState, type ApprovalDocType } from '../approvals';
import { approvalNeed, positionLimit } from '../sales/pricing';
import type { CheckResult, LabData } from './predicates';

export interface ApprovedCheck { kind: 'approved'; entity: string; discountBelowLimit?: boolean }

/** The whole collections the limit is read from: who the document is for, their role, the position rules. */
const LIMIT_REFERENCES = ['users', 'roles', 'discounts'];

const docTypeOf = (entity: string): ApprovalDocType | undefined => APPROVAL_DOC_TYPES.find((d) => d.entity === entity);

/** The child collections the doc type's facts read (its lines), found by asking it about an empty document. */
function factCollections(dt: ApprovalDocType): string[] {
  const seen = new Set<string>();
  try { dt.facts({ id: '' }, (c) => { seen.add(c); return []; }, {}); } catch { /* a doc type that needs more: none declared */ }
  return [...seen];
}

/** Collections read since the start. */
export function approvedCollections(c: ApprovedCheck): string[] {
  const dt = docTypeOf(c.entity);
  return [c.entity, 'approvalSteps', ...(c.discountBelowLimit && dt ? factCollections(dt) : [])];
}

/** Collections read whole (records that predate the start: the sample's staff, roles and discount rules). */
export function approvedReferences(c: ApprovedCheck): string[] {
  return c.discountBelowLimit ? LIMIT_REFERENCES : [];
}

const NOT_YET: CheckResult = { done: false, by: [], have: 0, need: 1 };

/** `created`: whether a record was made since the start (by its creation stamp). */
export function evalApproved(c: ApprovedCheck, data: LabData, created: (r: BaseRecord) => boolean): CheckResult {
  const dt = docTypeOf(c.entity);
  if (!dt) return NOT_YET;
  const live = (name: string, whole = false): readonly BaseRecord[] =>
    ((whole ? data.refs?.[name] : data.tables[name]) ?? []).filter((r) => r && r.deleted !== true);
  const steps = new Map<string, BaseRecord[]>();
  // steps written since the start, by their creation stamps (their `at` is the wall clock, which
  // after a burst of writes such as the sample company runs behind the clock the start is read from)
  for (const s of live('approvalSteps')) {
    if (s.docType !== c.entity || typeof s.docId !== 'string' || !created(s)) continue;
    steps.set(s.docId, [...(steps.get(s.docId) ?? []), s]);
  }
  for (const doc of live(c.entity)) {
    if (!created(doc) || doc.status === dt.statusValue.draft) continue;
    const state = approvalState(steps.get(doc.id) ?? [], dt.module);
    const approvals = state.history.filter((r) => r.round === state.round && r.action === 'approve');
    if (state.phase !== 'approved' || !state.submission || !approvals.length) continue;
    if (c.discountBelowLimit && !belowLimit(dt, doc, state.submission.by, live)) continue;
    const by = [...new Set([state.submission.by, ...approvals.map((r) => r.by)])];
    return { done: true, by, at: Math.max(...approvals.map((r) => r.at)), have: 1, need: 1 };
  }
  return NOT_YET;
}

/** Whether the document's overall rate is below the position limit of the person it is for (the rule's own test). */
function belowLimit(dt: ApprovalDocType, doc: BaseRecord, submitter: string, live: (name: string, whole?: boolean) => readonly BaseRecord[]): boolean {
  const owner = typeof doc[dt.ownerField] === 'string' && doc[dt.ownerField] ? String(doc[dt.ownerField]) : submitter;
  const user = live('users', true).find((u) => u.id === owner);
  const roleId = typeof user?.roleId === 'string' ? user.roleId : null;
  const role = roleId ? live('roles', true).find((r) => r.id === roleId) : undefined;
  const rows = (col: string, field: string, id: string): Values[] => live(col).filter((r) => r[field] === id);
  const facts = dt.facts(doc, rows, {});
  return approvalNeed(facts.rate ?? null, positionLimit(live('discounts', true), roleId, role?.discountLimit)).needed;
}
