import type { Workspace } from '../core/workspace';
import { newId } from '../core/collection';
import { entityDef, ruleContext, validateRecord } from '../core/records';
import { derivePipeline, opportunityRules, SALES_RULES } from '../../domain/sales/rules';
import { planBin, writeBin, type CascadeResult } from '../core/cascade';
import { blockReason, countShown, idsIn, type CascadePlan, type PlannedRecord } from '../../domain/core/cascade';
import { ENTITIES } from '../../domain/registry';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { Errors } from '../../domain/core/validate';
import type { Label } from '../../domain/core/entity';
import {
  audit, backfill, checkSequence, complete, copyAsOpportunity, firstStage, isCompleted, ok, refuse,
  projectFromOpportunity, promoteLead, recordsOf, setProjectStatus,
  transition, unaudit, withAmount, newRecordValues, duplicateRecordQuotes,
  type OpportunityAction, type Result, type Patch, type TransitionInput,
  type Values, type Violation,
} from '../../domain/sales';
import { defaultModeId } from './seed';

/**
 * Writes of the sales flow (商机, 联系记录, 项目, 维护记录). Every rule lives in domain/sales; a
 * function here reads what the rule needs, runs it, and writes its result in ONE transaction (so
 * peers and the local persistence see all of it or nothing). A refusal writes nothing and returns
 * the reason in both languages.
 */

/** Today as the user's calendar day 'YYYY-MM-DD' (local time, not UTC). */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const missing = (what: Label): Label => ({ zh: `${what.zh}不存在或已删除`, en: `The ${what.en} does not exist or is deleted` });
const OPP: Label = { zh: '商机', en: 'opportunity' };
const PROJECT: Label = { zh: '项目', en: 'project' };
const RECORD: Label = { zh: '记录', en: 'record' };

function live(ws: Workspace, collection: string, id: string): BaseRecord | undefined {
  const r = ws.collection(collection).get(id);
  return r && !r.deleted ? r : undefined;
}

/** The first validation error as one message (for values the program made, not a form). */
function firstError(errors: Errors): Label | null {
  const first = Object.values(errors)[0];
  return first ?? null;
}

/** The department of a user (opportunities and projects carry their owner's, for analyses). */
function departmentOf(ws: Workspace, userId: unknown): string | undefined {
  const u = typeof userId === 'string' ? ws.collection('users').get(userId) : undefined;
  return typeof u?.departmentId === 'string' ? u.departmentId : undefined;
}

// ---- sequential records: contact records (per opportunity) and maintenance records (per project)

export type RecordKind = 'contactRecords' | 'maintenanceRecords';

export const PARENT_OF: Record<RecordKind, { field: 'opportunityId' | 'projectId'; collection: 'opportunities' | 'projects' }> = {
  contactRecords: { field: 'opportunityId', collection: 'opportunities' },
  maintenanceRecords: { field: 'projectId', collection: 'projects' },
};

/** Live records of one opportunity or project. */
export function recordsOfParent(ws: Workspace, kind: RecordKind, parentId: string): Values[] {
  return recordsOf(ws.collection(kind).live(), PARENT_OF[kind].field, parentId);
}

/** Values of a new record: pre-filled from its parent, the acting user as the rep. */
export function newRecordDefaults(ws: Workspace, kind: RecordKind, parentId: string, userId: string, today = localToday()): Patch {
  const parent = ws.collection(PARENT_OF[kind].collection).get(parentId) ?? { id: parentId };
  return { ...newRecordValues(parent, PARENT_OF[kind].field, today), ownerId: userId };
}

/** Fields a user may not type into on this record: everything once completed; 批复 is written by 批复 only. */
export function lockedRecordFields(ws: Workspace, kind: RecordKind, rec?: Values): string[] {
  const all = entityDef(ws, kind).fields.map((f) => f.key);
  return rec && isCompleted(rec) ? all : [PARENT_OF[kind].field, 'reply'];
}

/**
 * Form checks of a record (beyond its definition): a completed record is read-only, the date
 * may not place it before a completed record, the stage must belong to the parent's sales mode.
 */
export function recordFormErrors(ws: Workspace, kind: RecordKind, values: RecordValues, old?: BaseRecord): Errors {
  return SALES_RULES[kind].validate!(values, old, ruleContext(ws));
}

/** Live derivation while a record, opportunity or project is edited: stage → default rate; amount. */
export function derivePipelineValues(ws: Workspace, values: RecordValues, key: string): RecordValues {
  return derivePipeline(values, key, ruleContext(ws));
}

/**
 * Mark a record completed (the previous one must be) and back-fill its parent from the last
 * completed record — one transaction. Returns the patch written to the parent.
 */
export function completeRecord(ws: Workspace, kind: RecordKind, id: string, userId: string, now = Date.now()): Result<Patch> {
  const rec = live(ws, kind, id);
  if (!rec) return refuse(missing(RECORD));
  const { field, collection } = PARENT_OF[kind];
  const parentId = String(rec[field] ?? '');
  const parent = live(ws, collection, parentId);
  if (!parent) return refuse(missing(kind === 'contactRecords' ? OPP : PROJECT));
  const done = complete(recordsOfParent(ws, kind, parentId), id, userId, now);
  if (!done.ok) return done;
  let patch: Patch = {};
  ws.transact(() => {
    ws.collection(kind).update(id, done.value);
    patch = backfill(parent, recordsOfParent(ws, kind, parentId)) ?? {};
    ws.collection(collection).update(parentId, patch);
  });
  return ok(patch);
}

/** 批复: the manager's comment, the one thing still writable on a completed record. */
export function replyToRecord(ws: Workspace, kind: RecordKind, id: string, reply: string, userId: string): Result<null> {
  const rec = live(ws, kind, id);
  if (!rec) return refuse(missing(RECORD));
  const text = reply.trim();
  ws.transact(() => ws.collection(kind).update(id, { reply: text || undefined, replyBy: text ? userId : undefined }));
  return ok(null);
}

/** Sequence rules broken in stored data (peers acting while apart) for one parent, plus duplicate quotes. */
export function parentViolations(ws: Workspace, kind: RecordKind, parentId: string): Violation[] {
  const records = recordsOfParent(ws, kind, parentId);
  const ids = new Set(records.map((r) => r.id));
  const field = kind === 'contactRecords' ? 'contactRecordId' : 'maintenanceRecordId';
  const quotes = ws.collection('quotes').live().filter((q) => ids.has(String(q[field] ?? '')));
  return [...checkSequence(records), ...duplicateRecordQuotes(quotes)];
}

// ---- deleting (SPEC G cascades: the `parent` relations of the definitions, store/core/cascade.ts) --

/**
 * What deleting these records takes with it (for the confirmation): a contact or maintenance
 * record its quote; an opportunity its contact records and their quotes and its own quotes, not
 * a project made from it; a project its maintenance records and quotes; every quote its lines and
 * approval steps.
 */
export function planDelete(ws: Workspace, collection: string, ids: readonly string[]): CascadePlan {
  return planBin(ws, collection, ids);
}

/** How many records a plan moves, as a person counts them (a quote's lines and steps are part of the quote). */
export function planSize(plan: CascadePlan): number {
  return countShown(ENTITIES, plan.records);
}

/** Ids of one collection in a plan (e.g. the quotes a record's deletion takes). */
export function plannedIds(plan: CascadePlan, collection: string): string[] {
  return idsIn(plan.records, collection);
}

/** Parents whose completed records a plan removes: they are back-filled again afterwards. */
function backfillTargets(ws: Workspace, records: readonly PlannedRecord[]): [RecordKind, string][] {
  const out: [RecordKind, string][] = [];
  for (const { entity, id } of records) {
    if (entity !== 'contactRecords' && entity !== 'maintenanceRecords') continue;
    const r = ws.collection(entity).get(id);
    if (r && isCompleted(r)) out.push([entity, String(r[PARENT_OF[entity].field] ?? '')]);
  }
  return out;
}

function backfillAgain(ws: Workspace, parents: [RecordKind, string][]): void {
  for (const [kind, parentId] of parents) {
    const parent = live(ws, PARENT_OF[kind].collection, parentId);
    if (!parent) continue;
    const patch = backfill(parent, recordsOfParent(ws, kind, parentId));
    if (patch) ws.collection(PARENT_OF[kind].collection).update(parentId, patch);
  }
}

/**
 * Delete records and what the plan takes with them, in one transaction; parents that lost a
 * completed record are back-filled again from their (new) last completed record.
 */
export function deleteWithPlan(ws: Workspace, plan: CascadePlan): void {
  ws.transact(() => {
    const parents = backfillTargets(ws, plan.records);
    writeBin(ws, plan);
    backfillAgain(ws, parents);
  });
}

/**
 * A list's delete of sales records (opportunities, projects, quotes): each goes to the bin with
 * what it takes, and parents that lost a completed record are back-filled again — one transaction.
 */
export function binSalesRecords(ws: Workspace, collection: string, ids: readonly string[]): CascadeResult {
  const plan = planBin(ws, collection, ids);
  const why = blockReason(plan);
  if (why) return refuse(why);
  deleteWithPlan(ws, plan);
  return ok(plan);
}

// ---- leads -------------------------------------------------------------------------------------

/**
 * 意向升迁: create the opportunity, mark the lead promoted and, when the customer is only a
 * potential one, make it a formal customer (its contacts follow: they refer to it by id).
 * Returns the new opportunity's id.
 */
export function promoteLeadToOpportunity(ws: Workspace, leadId: string, userId: string, modeId?: string | null, today = localToday()): Result<string> {
  const lead = ws.collection('leads').get(leadId);
  if (!lead) return refuse({ zh: '意向不存在', en: 'The lead does not exist' });
  const customer = ws.collection('customers').get(String(lead.customerId ?? ''));
  const mode = modeId ?? defaultModeId(ws);
  if (!mode) return refuse({ zh: '请先设置销售模式和阶段', en: 'Set up a sales mode and its stages first' });
  const oppId = newId();
  const res = promoteLead(lead, customer, oppId, { userId, stages: ws.collection('salesStages').live(), modeId: mode, today });
  if (!res.ok) return res;
  const opp = { ...res.value.opportunity, departmentId: departmentOf(ws, res.value.opportunity.ownerId) };
  const why = firstError(validateRecord(ws, entityDef(ws, 'opportunities'), opp));
  if (why) return refuse(why);
  ws.transact(() => {
    ws.collection('opportunities').create(opp, oppId);
    ws.collection('leads').update(leadId, res.value.leadPatch);
    if (res.value.customerPatch && customer) ws.collection('customers').update(customer.id, res.value.customerPatch);
  });
  return ok(oppId);
}

/** Close a lead that came to nothing, or open it again. */
export function setLeadClosed(ws: Workspace, leadId: string, closed: boolean): Result<null> {
  const lead = live(ws, 'leads', leadId);
  if (!lead) return refuse({ zh: '意向不存在', en: 'The lead does not exist' });
  if (lead.status === 'promoted') return refuse({ zh: '意向已升迁为商机', en: 'The lead was already promoted' });
  ws.transact(() => ws.collection('leads').update(leadId, { status: closed ? 'closed' : 'open' }));
  return ok(null);
}

// ---- opportunities -----------------------------------------------------------------------------

/** Values a new opportunity starts with: the default mode's first stage and its rate. */
export function newOpportunityDefaults(ws: Workspace, userId: string, today = localToday()): Patch {
  const modeId = defaultModeId(ws);
  const st = modeId ? firstStage(ws.collection('salesStages').live(), modeId) : null;
  return withAmount({
    ownerId: userId, modeId: modeId ?? undefined, stageId: st?.id, rate: st?.rate ?? undefined, cost: 0,
    startDate: today, status: 'active', audited: false,
  });
}

/** Before saving an opportunity or project form: the derived amount and the owner's department. */
export function preparePipeline(ws: Workspace, values: RecordValues): RecordValues {
  return opportunityRules.prepare!(values, undefined, ruleContext(ws));
}

/** Form checks of an opportunity or project: the stage must belong to the selected mode. */
export function pipelineFormErrors(ws: Workspace, values: RecordValues): Errors {
  return opportunityRules.validate!(values, undefined, ruleContext(ws));
}

/** 终止 / 启用 / 成功 / 失败. */
export function changeOpportunityStatus(ws: Workspace, id: string, action: OpportunityAction, input: TransitionInput = {}): Result<Patch> {
  const opp = ws.collection('opportunities').get(id);
  if (!opp) return refuse(missing(OPP));
  const res = transition(opp, action, { today: localToday(), ...input });
  if (res.ok) ws.transact(() => ws.collection('opportunities').update(id, res.value));
  return res;
}

export function auditOpportunity(ws: Workspace, id: string, userId: string, now = Date.now()): Result<Patch> {
  const opp = ws.collection('opportunities').get(id);
  if (!opp) return refuse(missing(OPP));
  const res = audit(opp, userId, now);
  if (res.ok) ws.transact(() => ws.collection('opportunities').update(id, res.value));
  return res;
}

/** 反审核: refused while a project made from the opportunity exists. */
export function unauditOpportunity(ws: Workspace, id: string): Result<Patch> {
  const opp = ws.collection('opportunities').get(id);
  if (!opp) return refuse(missing(OPP));
  const res = unaudit(opp, ws.collection('projects').live());
  if (res.ok) ws.transact(() => ws.collection('opportunities').update(id, { audited: false, auditedBy: undefined, auditedAt: undefined }));
  return res;
}

/** 转为项目: the project carries the opportunity's stage and rate. Returns the project's id. */
export function convertToProject(ws: Workspace, oppId: string, today = localToday()): Result<string> {
  const opp = ws.collection('opportunities').get(oppId);
  if (!opp) return refuse(missing(OPP));
  const res = projectFromOpportunity(opp, ws.collection('projects').live(), today);
  if (!res.ok) return res;
  const values = Object.fromEntries(Object.entries(res.value).filter(([, v]) => v !== null && v !== undefined));
  const why = firstError(validateRecord(ws, entityDef(ws, 'projects'), values));
  if (why) return refuse(why);
  const id = newId();
  ws.transact(() => ws.collection('projects').create(values, id));
  return ok(id);
}

/** Set the competitors or the team of an opportunity (a list of ids). */
export function setOpportunityList(ws: Workspace, oppId: string, key: 'competitorIds' | 'teamIds', ids: string[]): void {
  ws.transact(() => ws.collection('opportunities').update(oppId, { [key]: [...new Set(ids)] }));
}

// ---- projects ------------------------------------------------------------------------------------

export function changeProjectStatus(ws: Workspace, id: string, to: 'active' | 'terminated'): Result<Patch> {
  const p = ws.collection('projects').get(id);
  if (!p) return refuse(missing(PROJECT));
  const res = setProjectStatus(p, to);
  if (res.ok) ws.transact(() => ws.collection('projects').update(id, res.value));
  return res;
}

/** 复制为机会: a new opportunity for the project's customer. Returns its id. */
export function copyProjectAsOpportunity(ws: Workspace, projectId: string, userId: string, today = localToday()): Result<string> {
  const p = live(ws, 'projects', projectId);
  if (!p) return refuse(missing(PROJECT));
  const mode = defaultModeId(ws);
  if (!mode && !p.modeId) return refuse({ zh: '请先设置销售模式和阶段', en: 'Set up a sales mode and its stages first' });
  const values = copyAsOpportunity(p, { stages: ws.collection('salesStages').live(), defaultModeId: mode ?? '', today, userId });
  const clean = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
  const why = firstError(validateRecord(ws, entityDef(ws, 'opportunities'), clean));
  if (why) return refuse(why);
  const id = newId();
  ws.transact(() => ws.collection('opportunities').create(clean, id));
  return ok(id);
}
