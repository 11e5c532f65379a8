import type { Label } from '../core/entity';
import { can, inScope, type RoleLike } from '../org/modules';
import { asText, isDeleted, type Values } from './read';
import { ok, refuse as fail, type Result } from '../core/result';
import { sortSteps } from '../core/rows';
import { SERVICE_MODULE } from './entities';

/**
 * The complaint flow (投诉处理, U8 1.2.5) as a pure state machine:
 *
 *   record → assign → handle → revisit → close
 *   (recorded) (assigned) (handled) (revisited) (closed)
 *
 * A supervisor (服务监督人: 'approve' on the service module) assigns a handler, revisits the
 * customer and closes; only the assigned handler records the result. No step can be skipped.
 * `applyStep` never writes: it returns the patch for the complaint and the step to append (a
 * record of `complaintSteps`, so two supervisors acting while apart both keep their step), or the
 * reason why not.
 */

export type ComplaintStatus = 'recorded' | 'assigned' | 'handled' | 'revisited' | 'closed';
export type ComplaintStepKind = 'record' | 'assign' | 'handle' | 'revisit' | 'close';
export type ComplaintTargetKind = 'product' | 'department' | 'person';

export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['recorded', 'assigned', 'handled', 'revisited', 'closed'];
export const COMPLAINT_STEP_KINDS: readonly ComplaintStepKind[] = ['record', 'assign', 'handle', 'revisit', 'close'];

/** One entry of a complaint's history (a row of `complaintSteps`, without its row fields). */
export interface ComplaintStep {
  readonly kind: ComplaintStepKind;
  /** User id of who did it. */
  readonly by: string;
  /** Epoch ms. */
  readonly at: number;
  /** assign: the chosen handler's user id. */
  readonly handlerId?: string;
  /** handle: the handling result. */
  readonly result?: string;
  /** revisit: the customer's satisfaction (a `satisfaction` dictionary code). */
  readonly satisfaction?: string;
  readonly comment?: string;
}

/** A user acting or being chosen, with their role (permissions and data scope). */
export interface Person {
  id: string;
  name?: string;
  departmentId?: string;
  role: RoleLike | undefined;
}

/** Owner of the complaint's customer (专管业务员): decides who may see the complaint. */
export interface Owner { id?: string; departmentId?: string }

export type StepInput =
  | { kind: 'record'; comment?: string }
  | { kind: 'assign'; handler: Person; owner: Owner; comment?: string }
  | { kind: 'handle'; result: string; comment?: string }
  | { kind: 'revisit'; satisfaction: string; comment?: string }
  | { kind: 'close'; comment?: string };

/** Fields to write on the complaint. Flat fields mirror the steps so lists can show and filter them. */
export interface ComplaintPatch {
  status: ComplaintStatus;
  handlerId?: string;
  result?: string;
  revisitSatisfaction?: string;
}

/** The patch for the complaint and the step to append as a row; or why not. */
export type StepResult = Result<{ patch: ComplaintPatch; step: ComplaintStep }>;

export const STATUS_LABELS: Record<ComplaintStatus, Label> = {
  recorded: { zh: '已登记', en: 'recorded' },
  assigned: { zh: '已分配', en: 'assigned' },
  handled: { zh: '已处理', en: 'handled' },
  revisited: { zh: '已回访', en: 'revisited' },
  closed: { zh: '已关闭', en: 'closed' },
};

export const STEP_LABELS: Record<ComplaintStepKind, Label> = {
  record: { zh: '登记', en: 'record' },
  assign: { zh: '分配处理人', en: 'assign a handler' },
  handle: { zh: '记录处理结果', en: 'record the result' },
  revisit: { zh: '回访', en: 'revisit the customer' },
  close: { zh: '关闭', en: 'close' },
};

interface StepRule {
  /** Statuses the step may start from; null = not recorded yet. */
  from: readonly (ComplaintStatus | null)[];
  to: ComplaintStatus;
  /** Null when the actor may take the step, else why not. */
  mayAct: (complaint: Values, actor: Person) => Label | null;
}

const needSupervisor = (_c: Values, actor: Person): Label | null =>
  can(actor.role, SERVICE_MODULE, 'approve')
    ? null
    : { zh: '只有服务监督人（客户服务审批权限）才能执行此操作', en: 'Only a service supervisor (approve right on Service) may do this' };

const needWriter = (_c: Values, actor: Person): Label | null =>
  can(actor.role, SERVICE_MODULE, 'write')
    ? null
    : { zh: '没有客户服务的编辑权限，不能登记投诉', en: 'You need the write right on Service to record a complaint' };

const needAssignedHandler = (c: Values, actor: Person): Label | null =>
  asText(c.handlerId) === actor.id
    ? null
    : { zh: '只有被分配的处理人才能记录处理结果', en: 'Only the assigned handler may record the result' };

const RULES: Record<ComplaintStepKind, StepRule> = {
  record: { from: [null], to: 'recorded', mayAct: needWriter },
  // Reassigning before anything is handled is allowed (the handler may be away); it skips nothing.
  assign: { from: ['recorded', 'assigned'], to: 'assigned', mayAct: needSupervisor },
  handle: { from: ['assigned'], to: 'handled', mayAct: needAssignedHandler },
  revisit: { from: ['handled'], to: 'revisited', mayAct: needSupervisor },
  close: { from: ['revisited'], to: 'closed', mayAct: needSupervisor },
};


/**
 * Take one step of the flow. Checks, in order: the record, the sequence, the actor's right, the
 * step's data. `steps` (the complaint's step rows) only matter when a peer left its status malformed.
 */
export function applyStep(complaint: Values, step: StepInput, actor: Person, now: number, steps: unknown = []): StepResult {
  if (isDeleted(complaint)) return fail({ zh: '投诉已删除，不能操作', en: 'The complaint is deleted' });
  const rule = isStepKind(step?.kind) ? RULES[step.kind] : undefined;
  if (!rule) return fail({ zh: '未知的投诉处理步骤', en: 'Unknown complaint step' });
  if (!asText(actor?.id)) return fail({ zh: '未指定操作人', en: 'No acting user' });
  if (!Number.isFinite(now)) return fail({ zh: '操作时间无效', en: 'Invalid step time' });

  const status = currentStatus(complaint, steps);
  if (!rule.from.includes(status)) return fail(orderError(status, step.kind));
  const denied = rule.mayAct(complaint, actor);
  if (denied) return fail(denied);

  const data = stepData(step);
  if ('error' in data) return fail(data.error);
  const entry: ComplaintStep = { kind: step.kind, by: actor.id, at: now, ...data.fields };
  return ok({ patch: { status: rule.to, ...mirrored(entry) }, step: entry });
}

/** The step's own data, validated; comments are optional everywhere. */
function stepData(step: StepInput): { fields: Partial<ComplaintStep> } | { error: Label } {
  const comment = asText(step.comment);
  const fields: Partial<ComplaintStep> = comment ? { comment } : {};
  switch (step.kind) {
    case 'assign': {
      const id = asText(step.handler?.id);
      if (!id) return { error: { zh: '请选择处理人', en: 'Choose a handler' } };
      const denied = checkHandlerAccess(step.handler, step.owner ?? {});
      return denied ? { error: denied } : { fields: { ...fields, handlerId: id } };
    }
    case 'handle': {
      const result = asText(step.result);
      return result ? { fields: { ...fields, result } } : { error: { zh: '请填写处理结果', en: 'Enter the handling result' } };
    }
    case 'revisit': {
      const satisfaction = asText(step.satisfaction);
      return satisfaction
        ? { fields: { ...fields, satisfaction } }
        : { error: { zh: '请选择回访满意度', en: 'Choose the customer\'s satisfaction' } };
    }
    default:
      return { fields };
  }
}

/** The flat fields a step sets on the complaint. */
function mirrored(entry: ComplaintStep): Partial<ComplaintPatch> {
  if (entry.kind === 'assign') return { handlerId: entry.handlerId };
  if (entry.kind === 'handle') return { result: entry.result };
  if (entry.kind === 'revisit') return { revisitSatisfaction: entry.satisfaction };
  return {};
}

function orderError(status: ComplaintStatus | null, kind: ComplaintStepKind): Label {
  if (status === 'closed') return { zh: '投诉已关闭，不能再操作', en: 'The complaint is closed' };
  const next = nextStepFrom(status);
  const want = STEP_LABELS[kind];
  if (status === null) {
    return { zh: `投诉尚未登记，不能${want.zh}`, en: `The complaint is not recorded yet: cannot ${want.en}` };
  }
  const now = STATUS_LABELS[status];
  return {
    zh: `投诉当前为「${now.zh}」，下一步应为「${STEP_LABELS[next].zh}」，不能${want.zh}`,
    en: `The complaint is ${now.en}; the next step is to ${STEP_LABELS[next].en}, not to ${want.en}`,
  };
}

/** The forward step out of a status (reassigning aside). */
function nextStepFrom(status: ComplaintStatus | null): ComplaintStepKind {
  const i = status === null ? 0 : COMPLAINT_STATUSES.indexOf(status) + 1;
  return COMPLAINT_STEP_KINDS[Math.min(i, COMPLAINT_STEP_KINDS.length - 1)];
}

const SCOPE_LABELS: Record<string, Label> = {
  own: { zh: '仅本人', en: 'own records' },
  department: { zh: '本部门', en: 'own department' },
  all: { zh: '全部', en: 'all' },
};

/**
 * 权限检验 (U8 2.1.1.5): null when the handler will be able to see the complaint, else why not —
 * their role must read the service module and the customer's owner must be in their data scope.
 * The UI can call this before assigning, to list unsuitable handlers.
 */
export function checkHandlerAccess(handler: Person, owner: Owner): Label | null {
  const who = asText(handler.name) ?? handler.id;
  if (!can(handler.role, SERVICE_MODULE, 'read')) {
    return {
      zh: `处理人「${who}」的角色没有客户服务模块的查看权限，看不到这条投诉`,
      en: `${who}'s role cannot read the Service module, so they would not see this complaint`,
    };
  }
  if (!inScope(handler.role, handler, owner)) {
    const scope = SCOPE_LABELS[handler.role?.scope ?? 'all'] ?? SCOPE_LABELS.all;
    return {
      zh: `该投诉的客户不在处理人「${who}」的数据范围（${scope.zh}）内，处理人看不到这条投诉`,
      en: `The complaint's customer is outside ${who}'s data scope (${scope.en}), so they would not see it`,
    };
  }
  return null;
}

function isStepKind(v: unknown): v is ComplaintStepKind {
  return typeof v === 'string' && (COMPLAINT_STEP_KINDS as readonly string[]).includes(v);
}

function isStatus(v: unknown): v is ComplaintStatus {
  return typeof v === 'string' && (COMPLAINT_STATUSES as readonly string[]).includes(v);
}

/** A stored step, or null when it is malformed (such entries are left out of the timeline). */
function readStep(v: unknown): ComplaintStep | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const s = v as Values;
  const by = asText(s.by);
  if (!isStepKind(s.kind) || !by || typeof s.at !== 'number' || !Number.isFinite(s.at)) return null;
  const out: { -readonly [K in keyof ComplaintStep]: ComplaintStep[K] } = { kind: s.kind, by, at: s.at };
  for (const k of ['handlerId', 'result', 'satisfaction', 'comment'] as const) {
    const t = asText(s[k]);
    if (t) out[k] = t;
  }
  return out;
}

/**
 * A complaint's steps (its `complaintSteps` rows, in any order), oldest first: by time, then the
 * row's position, then id — the same order on every peer, so two supervisors' steps taken while
 * apart both show, in the order they were taken. Rows in the bin and malformed entries are dropped.
 */
export function timeline(rows: unknown): ComplaintStep[] {
  const raw = (Array.isArray(rows) ? rows : []).filter((v): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v) && !isDeleted(v as Values));
  return sortSteps(raw).map(readStep).filter((x): x is ComplaintStep => x !== null);
}

/**
 * Where the complaint stands; null = not recorded yet (a new form). The status field is read
 * first; if a peer sent something malformed there, the last step (of `steps`, its rows) tells instead.
 */
export function currentStatus(complaint: Values, steps: unknown = []): ComplaintStatus | null {
  if (isStatus(complaint.status)) return complaint.status;
  const list = timeline(steps);
  const last = list[list.length - 1];
  return last ? RULES[last.kind].to : null;
}

/** The steps that may come next, whoever takes them (for showing the right buttons). */
export function nextSteps(complaint: Values, steps: unknown = []): ComplaintStepKind[] {
  if (isDeleted(complaint)) return [];
  const status = currentStatus(complaint, steps);
  return COMPLAINT_STEP_KINDS.filter((k) => RULES[k].from.includes(status));
}

/** Predicate: complaints waiting for this user to record the handling result (their to-do list). */
export function assignedTo(userId: string): (complaint: Values) => boolean {
  return (c) => !isDeleted(c) && currentStatus(c) === 'assigned' && asText(c.handlerId) === userId;
}

/**
 * Predicate: handled complaints waiting for a revisit. With a user id, only those that user
 * assigned (the supervisor who dispatched a complaint follows it up; `stepsOf` gives a
 * complaint's step rows); without, all of them.
 */
export function waitingForRevisit(userId?: string, stepsOf: (complaint: Values) => unknown = () => []): (complaint: Values) => boolean {
  return (c) => {
    if (isDeleted(c) || currentStatus(c) !== 'handled') return false;
    if (userId === undefined) return true;
    const assigns = timeline(stepsOf(c)).filter((s) => s.kind === 'assign');
    return assigns[assigns.length - 1]?.by === userId;
  };
}

const TARGET_FIELD: Record<ComplaintTargetKind, string> = {
  product: 'targetProduct',
  department: 'targetDepartment',
  person: 'targetPerson',
};

/** What the complaint is about: the kind and the id in the matching reference field, or null. */
export function complaintTarget(complaint: Values): { kind: ComplaintTargetKind; id: string } | null {
  const kind = complaint.targetKind;
  if (kind !== 'product' && kind !== 'department' && kind !== 'person') return null;
  const id = asText(complaint[TARGET_FIELD[kind]]);
  return id ? { kind, id } : null;
}

/** Form check beyond required fields: the reference matching the chosen kind must be filled. */
export function validateComplaint(values: Values): Label | null {
  const kind = values.targetKind;
  if (kind !== 'product' && kind !== 'department' && kind !== 'person') return null;
  if (complaintTarget(values)) return null;
  const what = { product: ['产品', 'product'], department: ['部门', 'department'], person: ['人员', 'person'] }[kind];
  return { zh: `请选择被投诉的${what[0]}`, en: `Choose the ${what[1]} the complaint is about` };
}
