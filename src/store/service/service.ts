import type { Workspace } from '../core/workspace';
import { referring, rowsByParent, rowsOf } from '../core/cascade';
import type { Label, Lang } from '../../domain/core/entity';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { nextSeq, sortSteps } from '../../domain/core/rows';
import type { Errors } from '../../domain/core/validate';
import { refuse, type Result } from '../../domain/core/result';
import type { RoleLike } from '../../domain/org/modules';
import { dictLabeler } from '../core/dictionaries';
import {
  applyStep, articleFromService, asText, checkHandlerAccess,
  type ArticleDraft, type ComplaintStep, type Owner, type Person, type StepInput, type StepResult, type Values,
} from '../../domain/service';

/**
 * The customer-service module's reads and writes on a workspace: who a user is for the complaint
 * flow, taking a step of the flow, and turning a service record into a knowledge article. The
 * rules themselves live in domain/service; this file only looks records up and writes patches.
 */

import { complaintRules, prepareServiceTimes, serviceTimeErrors } from '../../domain/service/rules';
import { ruleContext } from '../core/records';

// ----- service records -----

/** Values of a service record as saved: time spent follows from start and end (never typed). */
export function prepareServiceRecord(values: RecordValues): RecordValues {
  return prepareServiceTimes(values);
}

/** Form check: the end may not be before the start (the entity's rule, domain/service/rules.ts). */
export function checkServiceRecord(values: RecordValues): Errors {
  return serviceTimeErrors(values);
}

// ----- people -----

const text = (v: unknown): string | undefined => asText(v) ?? undefined;

/** A user with their role, as the complaint rules see them; undefined for an unknown id. */
export function personOf(ws: Workspace, userId: string): Person | undefined {
  const u = ws.collection('users').get(userId);
  if (!u || u.deleted) return undefined;
  const role = ws.collection('roles').get(String(u.roleId ?? '')) as RoleLike | undefined;
  return { id: u.id, name: text(u.name), departmentId: text(u.departmentId), role: role?.deleted ? undefined : role };
}

/** The owner (专管业务员) of the complaint's customer: the handler must have them in scope. */
export function complaintOwner(ws: Workspace, complaint: Values): Owner {
  const customer = ws.collection('customers').get(String(complaint.customerId ?? ''));
  const ownerId = text(customer?.ownerId);
  const owner = ownerId ? ws.collection('users').get(ownerId) : undefined;
  return { id: ownerId, departmentId: text(owner?.departmentId) };
}

export interface HandlerChoice {
  person: Person;
  /** Why this user could not see the complaint (权限检验), or null. */
  problem: Label | null;
}

/** Active users a supervisor may pick from, each with the result of the access check. */
export function handlerChoices(ws: Workspace, complaint: Values): HandlerChoice[] {
  const owner = complaintOwner(ws, complaint);
  return ws.collection('users').live()
    .filter((u) => u.active !== false)
    .map((u) => personOf(ws, u.id)!)
    .map((person) => ({ person, problem: checkHandlerAccess(person, owner) }))
    .sort((a, b) => Number(a.problem !== null) - Number(b.problem !== null) || (a.person.name ?? '').localeCompare(b.person.name ?? '', 'zh'));
}

// ----- complaints -----

/** The complaint's steps (rows of `complaintSteps`), oldest first. */
export function complaintStepsOf(ws: Workspace, complaintId: string): BaseRecord[] {
  return rowsOf(ws, 'complaintSteps', complaintId, sortSteps);
}

/** Every complaint's steps by complaint id (for lists that ask who assigned what). */
export function complaintStepsByComplaint(ws: Workspace): Map<string, BaseRecord[]> {
  return rowsByParent(ws, 'complaintSteps', sortSteps);
}

/** Id of a complaint's first step (登记): the same on every device, so writing it twice keeps one. */
export const recordStepId = (complaintId: string) => `${complaintId}.S0`;

/**
 * The complaint's 登记 step as a row, written after the form saved the complaint (the form's own
 * transaction cannot hold it) and again, if still missing, with the next step of the flow: who
 * and when are the complaint's creation, so every device writes the same row.
 */
export function ensureRecordStep(ws: Workspace, complaint: BaseRecord): void {
  const rows = referring(ws, 'complaintSteps', 'complaintId', complaint.id);
  if (rows.some((r) => r.kind === 'record') || ws.collection('complaintSteps').get(recordStepId(complaint.id))) return;
  const step: ComplaintStep = { kind: 'record', by: complaint.createdBy, at: complaint.createdAt };
  ws.transact(() => ws.collection('complaintSteps').create({ complaintId: complaint.id, seq: 0, ...step }, recordStepId(complaint.id)));
}

/** Append a step of the flow as a row (its own record: a peer's step taken meanwhile is kept beside it). */
function appendStep(ws: Workspace, complaintId: string, step: ComplaintStep): void {
  const seq = nextSeq(referring(ws, 'complaintSteps', 'complaintId', complaintId));
  ws.collection('complaintSteps').create({ complaintId, seq, ...step });
}

/** What the user asks for; the store adds the people and the customer's owner. */
export type StepRequest =
  | { kind: 'assign'; handlerId: string; comment?: string }
  | { kind: 'handle'; result: string; comment?: string }
  | { kind: 'revisit'; satisfaction: string; comment?: string }
  | { kind: 'close'; comment?: string };

const fail = (zh: string, en: string): StepResult => refuse({ zh, en });

/** Take one step of a complaint's flow as `actorId`; writes the patch in one transaction, or nothing. */
export function takeComplaintStep(ws: Workspace, complaintId: string, req: StepRequest, actorId: string, now = Date.now()): StepResult {
  const complaint = ws.collection('complaints').get(complaintId);
  if (!complaint) return fail('找不到该投诉', 'Complaint not found');
  const actor = personOf(ws, actorId) ?? { id: actorId, role: undefined };
  let step: StepInput;
  if (req.kind === 'assign') {
    const handler = req.handlerId ? personOf(ws, req.handlerId) : undefined;
    if (!handler) return fail('请选择处理人', 'Choose a handler');
    step = { kind: 'assign', handler, owner: complaintOwner(ws, complaint), comment: req.comment };
  } else {
    step = req;
  }
  const res = applyStep(complaint, step, actor, now, complaintStepsOf(ws, complaintId));
  if (res.ok) {
    ws.transact(() => {
      ensureRecordStep(ws, complaint);
      ws.collection('complaints').update(complaintId, { ...res.value.patch });
      appendStep(ws, complaintId, res.value.step);
    });
  }
  return res;
}

/**
 * Values of a complaint about to be saved from the form. A new one is recorded (登记, by the user
 * saving it: its status; the step row follows once it is saved, `ensureRecordStep`); the
 * reference fields that do not match "about" are cleared.
 */
export function prepareComplaint(ws: Workspace, values: RecordValues, isNew: boolean, actorId: string, now = Date.now()): RecordValues {
  return complaintRules.prepare!(values, isNew ? undefined : ({ id: '' } as BaseRecord), ruleContext(ws, actorId, now));
}

/** Form check: the product, department or person the complaint is about must be chosen; a writer must record it. */
export function checkComplaint(ws: Workspace, values: RecordValues, isNew: boolean, actorId: string): Errors {
  return complaintRules.validate!(values, isNew ? undefined : ({ id: '' } as BaseRecord), ruleContext(ws, actorId));
}

// ----- knowledge base -----


/**
 * The article a completed service record becomes (tags in the UI language). Refused when the
 * record is not completed, or when an article was already made from it (the id is returned).
 */
export function articleDraftFor(ws: Workspace, serviceId: string, lang: Lang): Result<ArticleDraft> {
  const service = ws.collection('serviceRecords').get(serviceId);
  if (!service) return refuse({ zh: '找不到该服务记录', en: 'Service record not found' });
  const existing = ws.collection('knowledgeArticles').live().find((a) => a.sourceServiceId === serviceId);
  if (existing) {
    return refuse({
      zh: `该服务记录已转为知识库文章「${String(existing.title ?? '')}」`,
      en: `This service record already became the article "${String(existing.title ?? '')}"`,
    }, { recordId: existing.id });
  }
  const label = dictLabeler(ws, lang);
  return articleFromService(service, (dict, code) => label(dict, code));
}
