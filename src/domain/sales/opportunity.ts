import type { Label } from '../core/entity';
import { asNumber, roundMoney } from '../core/numbers';
import { asFlag, asText, idOf, isDeleted, isLive, ok, refuse, type Result, type Values } from './read';
import { firstStage } from './stages';
import type { OpportunityStatus } from './types';

/**
 * Opportunity rules (商机, SPEC G; 精财 §3.1): the derived amount, the status flow, audit and
 * un-audit, conversion to a project, and promotion of a lead (意向升迁, U8 实验二).
 * Every action returns the patch to write or a reason (zh/en) it is refused.
 */

export type Patch = Record<string, unknown>;

// ---- amount --------------------------------------------------------------------------------

/** 机会金额 = 预期金额 × 完成率 %; null when either is missing or malformed. */
export function opportunityAmount(expectedAmount: unknown, ratePercent: unknown): number | null {
  const e = asNumber(expectedAmount);
  const r = asNumber(ratePercent);
  return e === null || r === null ? null : roundMoney((e * r) / 100);
}

/**
 * The amount of a stored opportunity/project/record. Recomputed rather than read: two peers may
 * have changed the expected amount and the rate separately, and the merged record then carries an
 * `amount` that matches neither. Unreadable inputs make it missing (null), like any bad number.
 */
export function opportunityAmountOf(rec: Values): number | null {
  return opportunityAmount(rec.expectedAmount, rec.rate);
}

/** The values with `amount` recomputed; call before saving a form. */
export function withAmount<T extends Values>(values: T): T & { amount: number | null } {
  return { ...values, amount: opportunityAmount(values.expectedAmount, values.rate) };
}

// ---- status ------------------------------------------------------------------------------------

/** Status of a stored record; missing or unknown values read as active (a new record has none). */
export function statusOf(rec: Values): OpportunityStatus {
  const s = rec.status;
  return s === 'terminated' || s === 'won' || s === 'lost' ? s : 'active';
}

/** List colour (精财: terminated red, converted/won blue). */
export function statusColor(status: OpportunityStatus): 'red' | 'blue' | 'gray' | null {
  return status === 'terminated' ? 'red' : status === 'won' ? 'blue' : status === 'lost' ? 'gray' : null;
}

export type OpportunityAction = 'terminate' | 'reenable' | 'win' | 'lose';

/** Which status each action needs and which it leads to. Won and lost are final. */
const FLOW: Record<OpportunityAction, { from: OpportunityStatus; to: OpportunityStatus; label: Label }> = {
  terminate: { from: 'active', to: 'terminated', label: { zh: '终止机会', en: 'Terminate' } },
  reenable: { from: 'terminated', to: 'active', label: { zh: '启用机会', en: 'Re-enable' } },
  win: { from: 'active', to: 'won', label: { zh: '成功', en: 'Win' } },
  lose: { from: 'active', to: 'lost', label: { zh: '失败', en: 'Lose' } },
};

const STATUS_LABEL: Record<OpportunityStatus, Label> = {
  active: { zh: '进行中', en: 'active' }, terminated: { zh: '已终止', en: 'terminated' },
  won: { zh: '成功', en: 'won' }, lost: { zh: '失败', en: 'lost' },
};

export function allowedActions(opp: Values): OpportunityAction[] {
  if (isDeleted(opp)) return [];
  const st = statusOf(opp);
  return (Object.keys(FLOW) as OpportunityAction[]).filter((a) => FLOW[a].from === st);
}

export interface TransitionInput {
  /** 成败总结: required to lose, optional to win. */
  summary?: string;
  /** Today, 'YYYY-MM-DD': the actual completion date of a win when none is set. */
  today?: string;
}

/** Apply a status action: the patch, or why not. */
export function transition(opp: Values, action: OpportunityAction, input: TransitionInput = {}): Result<Patch> {
  const step = FLOW[action];
  const st = statusOf(opp);
  if (isDeleted(opp)) return refuse({ zh: '商机已删除', en: 'The opportunity is deleted' });
  if (st !== step.from) {
    return refuse({ zh: `状态为“${STATUS_LABEL[st].zh}”的商机不能${step.label.zh}`, en: `Cannot ${step.label.en.toLowerCase()} an opportunity that is ${STATUS_LABEL[st].en}` });
  }
  const summary = asText(input.summary);
  if (action === 'lose' && !summary) return refuse({ zh: '商机失败必须填写总结', en: 'A lost opportunity needs a summary' });
  const patch: Patch = { status: step.to };
  if (summary && (action === 'win' || action === 'lose')) patch.summary = summary;
  if (action === 'win' && !asText(opp.actualDate) && input.today) patch.actualDate = input.today;
  return ok(patch);
}

// ---- audit -------------------------------------------------------------------------------------

/** Live projects made from the opportunity. */
export function projectsFrom(oppId: string, projects: readonly Values[]): Values[] {
  return projects.filter((p) => isLive(p) && p.opportunityId === oppId);
}

export function audit(opp: Values, userId: string, now: number): Result<Patch> {
  if (isDeleted(opp)) return refuse({ zh: '商机已删除', en: 'The opportunity is deleted' });
  if (asFlag(opp.audited)) return refuse({ zh: '商机已审核', en: 'The opportunity is already audited' });
  return ok({ audited: true, auditedBy: userId, auditedAt: now });
}

/** 反审核: refused while a live project made from it exists (delete the project first). */
export function unaudit(opp: Values, projects: readonly Values[]): Result<Patch> {
  if (!asFlag(opp.audited)) return refuse({ zh: '商机尚未审核', en: 'The opportunity is not audited' });
  const made = projectsFrom(idOf(opp), projects);
  if (made.length) {
    return refuse({ zh: '该商机已转为项目,须先删除项目才能反审核', en: 'A project was made from this opportunity; delete the project before un-auditing' });
  }
  return ok({ audited: false, auditedBy: null, auditedAt: null });
}

/** Whether the opportunity may become a project: audited, won, and not converted already. */
export function conversionBlocker(opp: Values, projects: readonly Values[]): Label | null {
  if (isDeleted(opp)) return { zh: '商机已删除', en: 'The opportunity is deleted' };
  if (!asFlag(opp.audited)) return { zh: '商机审核后才能转为项目', en: 'Only an audited opportunity can become a project' };
  if (statusOf(opp) !== 'won') return { zh: '只有成功的商机才能转为项目', en: 'Only a won opportunity can become a project' };
  if (projectsFrom(idOf(opp), projects).length) return { zh: '该商机已转为项目', en: 'A project was already made from this opportunity' };
  return null;
}

// ---- new opportunities and lead promotion ---------------------------------------------------

export interface NewOpportunityInput {
  subject: string;
  customer: Values;
  /** Who is acting: the owner when neither the lead nor the customer names one. */
  userId: string;
  stages: readonly Values[];
  modeId: string;
  today: string;
  ownerId?: string | null;
  expectedAmount?: number | null;
}

/**
 * Values of a new opportunity: first stage of the mode with its default rate; the owner is the
 * one given, else the customer's 专管业务员 (SPEC B: the default owner), else the acting user.
 */
export function newOpportunityValues(input: NewOpportunityInput): Patch {
  const stage = firstStage(input.stages, input.modeId);
  const ownerId = asText(input.ownerId) ?? asText(input.customer.ownerId) ?? input.userId;
  const values: Patch = {
    subject: input.subject, customerId: idOf(input.customer), ownerId, modeId: input.modeId,
    stageId: stage?.id ?? null, rate: stage?.rate ?? 0, cost: 0,
    expectedAmount: asNumber(input.expectedAmount) ?? 0, startDate: input.today,
    status: 'active', audited: false,
  };
  return withAmount(values);
}

/** Whether promoting a lead of this customer must first turn it from potential into a formal customer. */
export function customerMustBecomeFormal(customer: Values): boolean {
  return customer.kind === 'potential';
}

export interface Promotion {
  opportunity: Patch;
  leadPatch: Patch;
  /**
   * Patch turning a potential customer (潜在客户) into a formal one, or null. Its contacts follow
   * without further writes: they point at the customer by id (U8 moves them between archives).
   */
  customerPatch: Patch | null;
}

/**
 * 意向升迁: the values of the new opportunity (id `opportunityId`, generated by the caller), the
 * lead's new state and the customer patch. A lead is promoted once; a closed lead is not.
 */
export function promoteLead(
  lead: Values, customer: Values | undefined, opportunityId: string,
  ctx: { userId: string; stages: readonly Values[]; modeId: string; today: string },
): Result<Promotion> {
  if (isDeleted(lead)) return refuse({ zh: '意向已删除', en: 'The lead is deleted' });
  if (lead.status === 'promoted') return refuse({ zh: '意向已升迁为商机', en: 'The lead was already promoted' });
  if (lead.status === 'closed') return refuse({ zh: '已关闭的意向不能升迁', en: 'A closed lead cannot be promoted' });
  if (!customer || isDeleted(customer) || idOf(customer) !== asText(lead.customerId)) {
    return refuse({ zh: '意向没有有效的客户', en: 'The lead has no valid customer' });
  }
  const opportunity = {
    ...newOpportunityValues({
      subject: asText(lead.subject) ?? '', customer, userId: ctx.userId, stages: ctx.stages, modeId: ctx.modeId,
      today: ctx.today, ownerId: asText(lead.ownerId), expectedAmount: asNumber(lead.expectedAmount),
    }),
    leadId: idOf(lead),
  };
  return ok({
    opportunity,
    leadPatch: { status: 'promoted', opportunityId },
    customerPatch: customerMustBecomeFormal(customer) ? { kind: 'customer' } : null,
  });
}

/** A stage that does not belong to the opportunity's mode, or null when consistent. */
export function stageModeMismatch(values: Values, stages: readonly Values[]): Label | null {
  const stageId = asText(values.stageId);
  if (!stageId) return null;
  const st = stages.find((x) => isLive(x) && idOf(x) === stageId);
  if (!st) return { zh: '销售阶段不存在', en: 'The stage does not exist' };
  return asText(values.modeId) && st.modeId !== values.modeId
    ? { zh: '销售阶段不属于所选销售模式', en: 'The stage does not belong to the selected sales mode' }
    : null;
}
