import type { Label } from '../core/entity';
import { asNumber } from '../core/numbers';
import { asText, type Values } from '../core/read';
import { ok, refuse, type Result } from '../core/result';
import { can, MODULES, type RoleLike } from '../org/modules';
import { STEP_ACTIONS, type ApprovalPhase, type PlannedStep, type StepAction, type StepApprover } from './types';

/**
 * A document's approval state, DERIVED from its step records (`approvalSteps`: one record per
 * submit, approve, reject or withdraw — never an array field), so two approvers acting while apart
 * both keep their step and every peer derives the same state from the same set of records, in
 * whatever order they arrived (the records are sorted here; nothing depends on arrival).
 *
 * The latest round (the highest `round` among submissions) counts. Its submission carries the plan
 * (the steps the rules asked for then, `plan`: JSON text). Steps are taken in order: a step with
 * no decision is open (pending); a step with a rejection ends the round rejected — also when
 * someone else approved the same step while apart: that is a conflict, shown with who decided
 * what, and the rejection wins (nothing is approved that somebody refused); a withdrawal by the
 * submitter ends the round in draft (a decision made meanwhile is a conflict, kept and shown).
 */

export interface StepRecord {
  id: string;
  docType: string;
  docId: string;
  round: number;
  /** 0 for submit and withdraw; 1, 2, … the step decided. */
  step: number;
  action: StepAction;
  by: string;
  at: number;
  comment?: string;
  /** On a submission: the planned steps (JSON text of PlannedStep[]). */
  plan?: string;
}

export interface StepState {
  /** 1, 2, … */
  index: number;
  approvers: StepApprover[];
  reasons: Label[];
  decisions: StepRecord[];
  outcome: 'open' | 'approved' | 'rejected' | 'skipped';
  /** Both an approval and a rejection were given on the step (while apart). */
  conflict: boolean;
}

export interface Conflict { kind: 'decisions' | 'withdrawn' | 'submissions'; step: number; records: StepRecord[] }

export interface ApprovalState {
  phase: ApprovalPhase;
  round: number;
  submission: StepRecord | null;
  steps: StepState[];
  /** The open step (1, 2, …) while pending, else null. */
  current: number | null;
  conflicts: Conflict[];
  /** Every step record of the document in time order (the page's history). */
  history: StepRecord[];
}

/** A stored step record as the engine reads it, or null when malformed or deleted. */
export function stepRecordOf(v: Values): StepRecord | null {
  const action = STEP_ACTIONS.includes(v.action as StepAction) ? (v.action as StepAction) : null;
  const id = asText(v.id), docType = asText(v.docType), docId = asText(v.docId), by = asText(v.by);
  const round = asNumber(v.round), at = asNumber(v.at);
  if (v.deleted === true || !action || !id || !docType || !docId || !by || round === null || at === null) return null;
  const comment = asText(v.comment) ?? undefined;
  return { id, docType, docId, round, step: asNumber(v.step) ?? 0, action, by, at, ...(comment ? { comment } : {}), ...(typeof v.plan === 'string' ? { plan: v.plan } : {}) };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
/**
 * A total order: round, the submission first within its round (a device with a slow clock may stamp
 * a decision before it), then time, id and content (so even a malformed pair sharing an id sorts
 * the same everywhere).
 */
const byTime = (a: StepRecord, b: StepRecord) => a.round - b.round || Number(a.action !== 'submit') - Number(b.action !== 'submit')
  || a.at - b.at || cmp(a.id, b.id) || cmp(JSON.stringify(a), JSON.stringify(b));

/** One record per id (a record re-sent by a relay is one record). */
function uniqueById(sorted: StepRecord[]): StepRecord[] {
  return sorted.filter((r, i) => i === 0 || sorted[i - 1].id !== r.id);
}

/** The planned steps of a submission; an unreadable plan asks the module's approvers once (never approves unasked). */
export function planOf(submission: StepRecord, module: string): PlannedStep[] {
  try {
    const p: unknown = JSON.parse(submission.plan ?? '');
    if (Array.isArray(p)) {
      return p.filter((s): s is PlannedStep => typeof s === 'object' && s !== null && Array.isArray((s as PlannedStep).approvers))
        .map((s) => ({ approvers: s.approvers, reasons: Array.isArray(s.reasons) ? s.reasons : [] }));
    }
  } catch { /* fall through */ }
  return [{ approvers: [{ kind: 'module', module }], reasons: [] }];
}

/** The state of one document from its step records (any order, any duplicates). */
export function approvalState(records: readonly Values[], module: string): ApprovalState {
  const history = uniqueById(records.map(stepRecordOf).filter((r): r is StepRecord => r !== null).sort(byTime));
  const submissions = history.filter((r) => r.action === 'submit');
  const round = submissions.reduce((m, r) => Math.max(m, r.round), 0);
  const empty: ApprovalState = { phase: 'draft', round, submission: null, steps: [], current: null, conflicts: [], history };
  if (!round) return empty;
  const inRound = history.filter((r) => r.round === round);
  const subs = inRound.filter((r) => r.action === 'submit');
  const submission = subs[0];
  const conflicts: Conflict[] = subs.length > 1 ? [{ kind: 'submissions', step: 0, records: subs }] : [];
  const withdrawal = inRound.find((r) => r.action === 'withdraw' && r.by === submission.by);
  let phase: ApprovalPhase = 'approved';
  let current: number | null = null;
  const steps = planOf(submission, module).map((planned, i): StepState => {
    const index = i + 1;
    const decisions = dedupe(inRound.filter((r) => r.step === index && (r.action === 'approve' || r.action === 'reject')));
    const rejected = decisions.some((d) => d.action === 'reject');
    const conflict = rejected && decisions.some((d) => d.action === 'approve');
    if (conflict) conflicts.push({ kind: 'decisions', step: index, records: decisions });
    let outcome: StepState['outcome'];
    if (phase !== 'approved') outcome = 'skipped';
    else if (rejected) { outcome = 'rejected'; phase = 'rejected'; }
    else if (decisions.length) outcome = 'approved';
    else { outcome = 'open'; phase = 'pending'; current = index; }
    return { index, approvers: planned.approvers, reasons: planned.reasons, decisions, outcome, conflict };
  });
  if (withdrawal) {
    const decided = inRound.filter((r) => r.action === 'approve' || r.action === 'reject');
    if (decided.length) conflicts.push({ kind: 'withdrawn', step: 0, records: [withdrawal, ...decided] });
    return { phase: 'draft', round, submission, steps, current: null, conflicts, history };
  }
  return { phase, round, submission, steps, current, conflicts, history };
}

/** One decision per person and action (the same step re-sent by a relay is one). */
function dedupe(decisions: StepRecord[]): StepRecord[] {
  const seen = new Set<string>();
  return decisions.filter((d) => {
    const k = `${d.by}|${d.action}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * The phase the document shows: the derived one, except that a document edited after its decision
 * went back to draft (its save wrote the draft status: an approval covered the content it saw).
 */
export function effectivePhase(state: ApprovalState, storedPhase: ApprovalPhase): ApprovalPhase {
  return storedPhase === 'draft' && (state.phase === 'approved' || state.phase === 'rejected') ? 'draft' : state.phase;
}

// ---- who may act -----------------------------------------------------------------------------

export interface Actor { id: string; roleId: string | null; role: RoleLike | undefined }

/** A document's words in messages. */
export interface DocWords { noun: Label; module: string }

const moduleLabel = (key: string): Label => MODULES.find((m) => m.key === key)?.label ?? { zh: key, en: key };

/** Whether this approver entry names the actor. */
export function approverMatches(a: StepApprover, actor: Actor): boolean {
  if (a.kind === 'module') return can(actor.role, a.module, 'approve');
  if (a.kind === 'role') return actor.roleId === a.roleId;
  return actor.id === a.userId;
}

/** Why the actor may not decide the open step now, or null. Never one's own submission unless admin. */
export function decideBlocker(state: ApprovalState, phase: ApprovalPhase, actor: Actor, doc: DocWords): Label | null {
  if (phase !== 'pending' || state.current === null) return { zh: `${doc.noun.zh}不在审批中`, en: `The ${doc.noun.en.toLowerCase()} is not awaiting approval` };
  const step = state.steps[state.current - 1];
  if (!actor.role?.admin && !step.approvers.some((a) => approverMatches(a, actor))) {
    const onlyModule = step.approvers.every((a) => a.kind === 'module');
    const m = moduleLabel(doc.module);
    return onlyModule
      ? { zh: `没有${m.zh}的审批权限`, en: `No approval permission on ${m.en}` }
      : { zh: '您不是这一步的审批人', en: 'You are not an approver of this step' };
  }
  if (state.submission?.by === actor.id && !actor.role?.admin) {
    return { zh: `不能审批自己提交的${doc.noun.zh}`, en: `You cannot approve your own ${doc.noun.en.toLowerCase()}` };
  }
  return null;
}

/** The values of a step record to write (the store adds docType, docId and writes it). */
export type StepValues = Omit<StepRecord, 'id' | 'docType' | 'docId'>;

/** Submit: from draft or rejected; the plan is what the rules ask now (empty: approved at once). */
export function submitStep(state: ApprovalState, phase: ApprovalPhase, plan: readonly PlannedStep[], userId: string, now: number, doc: DocWords, comment?: string): Result<StepValues> {
  if (phase === 'pending') return refuse({ zh: `${doc.noun.zh}已在审批中`, en: `The ${doc.noun.en.toLowerCase()} is already awaiting approval` });
  if (phase === 'approved') return refuse({ zh: `${doc.noun.zh}已批准`, en: `The ${doc.noun.en.toLowerCase()} is already approved` });
  const c = asText(comment);
  return ok({ round: state.round + 1, step: 0, action: 'submit', by: userId, at: now, plan: JSON.stringify(plan), ...(c ? { comment: c } : {}) });
}

export function decideStep(state: ApprovalState, phase: ApprovalPhase, actor: Actor, approve: boolean, now: number, doc: DocWords, comment?: string): Result<StepValues> {
  const why = decideBlocker(state, phase, actor, doc);
  if (why) return refuse(why);
  const c = asText(comment);
  if (!approve && !c) return refuse({ zh: '驳回必须填写意见', en: 'A rejection needs a comment' });
  return ok({ round: state.round, step: state.current!, action: approve ? 'approve' : 'reject', by: actor.id, at: now, ...(c ? { comment: c } : {}) });
}

/** The submitter takes a pending document back to draft. */
export function withdrawStep(state: ApprovalState, phase: ApprovalPhase, userId: string, now: number, doc: DocWords): Result<StepValues> {
  if (phase !== 'pending') return refuse({ zh: `${doc.noun.zh}不在审批中`, en: `The ${doc.noun.en.toLowerCase()} is not awaiting approval` });
  if (state.submission?.by !== userId) return refuse({ zh: '只有提交人可以撤回', en: 'Only the submitter can withdraw it' });
  return ok({ round: state.round, step: 0, action: 'withdraw', by: userId, at: now });
}
