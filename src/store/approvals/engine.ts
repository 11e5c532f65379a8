import type { Workspace } from '../core/workspace';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import type { Values } from '../../domain/core/read';
import { refuse, ok, type Result } from '../../domain/core/result';
import { APPROVAL_DOC_TYPES } from '../../domain/registry';
import {
  approvalState, decideBlocker, decideStep, effectivePhase, isPendingDoc, planSteps, statusFieldOf, storedPhase, submitStep, withdrawStep,
  type Actor, type ApprovalDocType, type ApprovalPhase, type ApprovalState, type PlannedStep, type StepValues, type Submitter,
} from '../../domain/approvals';
import { localToday } from '../sales/ops';
import { legacySteps } from './legacy';

/**
 * The approval engine's reads and writes (domain/approvals): every document type registered in a
 * manifest (`approvals`) — quotes, orders, expenses, contracts — is submitted, approved, rejected
 * and withdrawn here. An action appends ONE step record (`approvalSteps`) and writes the
 * document's status field (`statusField`, default `status`: the doc type's value for the new state), in one transaction; a refusal writes nothing. The state itself is derived from the step records
 * (approvalState), so two approvers deciding while apart are both kept and every peer agrees.
 */

export function docTypeOf(entity: string): ApprovalDocType | undefined {
  return APPROVAL_DOC_TYPES.find((d) => d.entity === entity);
}

const NO_DOC: Label = { zh: '单据不存在或已删除', en: 'The document does not exist or is deleted' };

/** The document's step records: the engine's, after the ones an older version kept on the document (legacy.ts). */
export function stepRecordsOf(ws: Workspace, entity: string, doc: BaseRecord): Values[] {
  const own = ws.collection('approvalSteps').liveWhere('docId', doc.id).filter((s) => s.docType === entity);
  const all = [...legacySteps(ws, entity, doc), ...own];
  const dt = docTypeOf(entity);
  // a document waiting with no record of its submission (imported, or written before steps were kept):
  // submitted by its owner when last changed, one step for the module's approvers
  if (dt && !all.some((r) => r.action === 'submit') && isPendingDoc(dt, doc)) {
    all.push({ id: `implicit:${doc.id}`, docType: entity, docId: doc.id, round: 1, step: 0, action: 'submit',
      by: typeof doc[dt.ownerField] === 'string' ? doc[dt.ownerField] : doc.updatedBy, at: doc.updatedAt,
      plan: JSON.stringify([{ approvers: [{ kind: 'module', module: dt.module }], reasons: [] }]) });
  }
  return all;
}

export { storedPhase };

export interface DocApproval { dt: ApprovalDocType; state: ApprovalState; phase: ApprovalPhase }

/** A document's approval: its derived state and the phase it shows. */
export function approvalOf(ws: Workspace, entity: string, doc: BaseRecord): DocApproval | null {
  const dt = docTypeOf(entity);
  if (!dt) return null;
  const state = approvalState(stepRecordsOf(ws, entity, doc), dt.module);
  return { dt, state, phase: effectivePhase(state, storedPhase(dt, doc)) };
}

/** The acting user as the engine sees them. */
export function actorOf(ws: Workspace, userId: string): Actor {
  const u = ws.collection('users').get(userId);
  const roleId = typeof u?.roleId === 'string' ? u.roleId : null;
  return { id: userId, roleId, role: roleId ? ws.collection('roles').get(roleId) : undefined };
}

/** Who the rules read for a submission: the document's owner (业务员/经办人), else the acting user. */
export function submitterOf(ws: Workspace, dt: ApprovalDocType, doc: Values, actingUserId: string): Submitter {
  const owner = typeof doc[dt.ownerField] === 'string' && doc[dt.ownerField] ? String(doc[dt.ownerField]) : actingUserId;
  const a = actorOf(ws, owner);
  const u = ws.collection('users').get(owner);
  const dept = typeof u?.departmentId === 'string' ? ws.collection('departments').get(u.departmentId) : undefined;
  const mgr = dept && !dept.deleted && typeof dept.manager === 'string' ? dept.manager : null;
  return { id: owner, roleId: a.roleId, roleDiscountLimit: a.role?.discountLimit, departmentManagerId: mgr };
}

/** The steps a submission of this document would need now (the page shows why before it is sent). */
export function planOf(ws: Workspace, entity: string, doc: BaseRecord, actingUserId: string): PlannedStep[] {
  const dt = docTypeOf(entity);
  if (!dt) return [];
  const rows = (c: string, f: string, id: string) => ws.collection(c).liveWhere(f, id);
  const facts = dt.facts(doc, rows, { company: ws.collection('company').get('company') });
  return planSteps(dt, ws.collection('approvalRules').live(), facts, submitterOf(ws, dt, doc, actingUserId), ws.collection('discounts').live());
}

/** One step appended and the status written, in one transaction; the new approval. */
function write(ws: Workspace, entity: string, docId: string, run: (a: DocApproval, doc: BaseRecord) => Result<StepValues>, now: number): Result<DocApproval> {
  const doc = ws.collection(entity).get(docId);
  const a = doc && !doc.deleted ? approvalOf(ws, entity, doc) : null;
  if (!doc || !a) return refuse(NO_DOC);
  const res = run(a, doc);
  if (!res.ok) return res;
  // the state with the new record, derived before anything is written (a refused save writes nothing)
  const records = [...stepRecordsOf(ws, entity, doc), { id: '~new', docType: entity, docId, ...res.value }];
  const state = approvalState(records, a.dt.module);
  const next: DocApproval = { dt: a.dt, state, phase: effectivePhase(state, 'pending') };
  const patch = { [statusFieldOf(a.dt)]: a.dt.statusValue[next.phase], ...(a.dt.patchFor?.(next.phase, localToday(new Date(now))) ?? {}) };
  // the status field is the flow's own: written as is (the content rules — locks, required fields,
  // a dictionary a peer renamed — concern people's edits, and must not keep a decision from being recorded)
  ws.transact(() => {
    ws.collection(entity).update(docId, patch);
    ws.collection('approvalSteps').create({ docType: entity, docId, ...res.value });
  });
  return ok(next);
}

export function submitDoc(ws: Workspace, entity: string, docId: string, userId: string, comment?: string, now = Date.now()): Result<DocApproval> {
  return write(ws, entity, docId, (a, doc) => submitStep(a.state, a.phase, planOf(ws, entity, doc, userId), userId, now, a.dt, comment), now);
}

export function decideDoc(ws: Workspace, entity: string, docId: string, userId: string, approve: boolean, comment?: string, now = Date.now()): Result<DocApproval> {
  return write(ws, entity, docId, (a) => decideStep(a.state, a.phase, actorOf(ws, userId), approve, now, a.dt, comment), now);
}

export function withdrawDoc(ws: Workspace, entity: string, docId: string, userId: string, now = Date.now()): Result<DocApproval> {
  return write(ws, entity, docId, (a) => withdrawStep(a.state, a.phase, userId, now, a.dt), now);
}

/** Why this user may not decide on the document now, or null. */
export function decideBlockerOf(ws: Workspace, entity: string, doc: BaseRecord, userId: string): Label | null {
  const a = approvalOf(ws, entity, doc);
  return a ? decideBlocker(a.state, a.phase, actorOf(ws, userId), a.dt) : NO_DOC;
}
