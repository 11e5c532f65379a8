import { asNumber, percent, roundMoney } from '../core/numbers';
import { asText, idOf, isDeleted, ok, refuse, type Result, type Values } from './read';
import { conversionBlocker, opportunityAmount, type Patch } from './opportunity';
import { firstStage } from './stages';
import type { ProjectStatus } from './types';

/**
 * Projects (项目, 精财 §3.3, SPEC G): made from an audited won opportunity — stage and rate carried
 * over — or created directly; actual cost and actual amount are entered afterwards; maintenance
 * records follow the sequential rules of records.ts and back-fill the project the same way.
 * Deletion cascades are in cascade.ts.
 */

/** Values of the project made from the opportunity, or why it cannot be made. */
export function projectFromOpportunity(opp: Values, projects: readonly Values[], today: string): Result<Patch> {
  const why = conversionBlocker(opp, projects);
  if (why) return refuse(why);
  const carried: Patch = {
    subject: asText(opp.subject) ?? '', customerId: asText(opp.customerId), ownerId: asText(opp.ownerId),
    departmentId: asText(opp.departmentId), opportunityId: idOf(opp), modeId: asText(opp.modeId),
    stageId: asText(opp.stageId), rate: asNumber(opp.rate), cost: asNumber(opp.cost),
    expectedAmount: asNumber(opp.expectedAmount),
    startDate: asText(opp.startDate) ?? today, plannedDate: asText(opp.plannedDate),
    actualDate: asText(opp.actualDate) ?? today, status: 'active',
  };
  return ok({ ...carried, amount: opportunityAmount(carried.expectedAmount, carried.rate) });
}

/** Values of a project created directly (项目型企业); the owner defaults to the customer's. */
export function newProjectValues(subject: string, customer: Values, userId: string, today: string): Patch {
  return {
    subject, customerId: idOf(customer), ownerId: asText(customer.ownerId) ?? userId,
    startDate: today, status: 'active',
  };
}

export function projectStatusOf(p: Values): ProjectStatus {
  return p.status === 'terminated' ? 'terminated' : 'active';
}

/** 终止项目 (contract ended; shown red) and 启用项目 (contract renewed). */
export function setProjectStatus(p: Values, to: ProjectStatus): Result<Patch> {
  if (isDeleted(p)) return refuse({ zh: '项目已删除', en: 'The project is deleted' });
  if (projectStatusOf(p) === to) {
    return to === 'terminated' ? refuse({ zh: '项目已终止', en: 'The project is already terminated' }) : refuse({ zh: '项目已在进行中', en: 'The project is already active' });
  }
  return ok({ status: to });
}

/** 实际利润 = 实际金额 − 实际成本; null when neither is readable (a missing one counts as 0). */
export function actualProfit(p: Values): number | null {
  const amount = asNumber(p.actualAmount);
  const cost = asNumber(p.actualCost);
  if (amount === null && cost === null) return null;
  return roundMoney((amount ?? 0) - (cost ?? 0));
}

/** 实际利润率 % = 实际利润 ÷ 实际金额 × 100; null ("—") when the actual amount is 0 or missing. */
export function actualProfitRate(p: Values): number | null {
  const profit = actualProfit(p);
  return profit === null ? null : percent(profit, asNumber(p.actualAmount) ?? 0);
}

/**
 * 复制为机会: a new opportunity for the same customer (e.g. a request for custom development found
 * while implementing). It starts over: first stage of the mode, no amounts, not audited.
 * `defaultModeId` is used when the project has no mode (a project created directly).
 */
export function copyAsOpportunity(p: Values, ctx: { stages: readonly Values[]; defaultModeId: string; today: string; userId: string }): Patch {
  const modeId = asText(p.modeId) ?? ctx.defaultModeId;
  const stage = firstStage(ctx.stages, modeId);
  const rate = stage?.rate ?? 0;
  return {
    subject: asText(p.subject) ?? '', customerId: asText(p.customerId), ownerId: asText(p.ownerId) ?? ctx.userId,
    departmentId: asText(p.departmentId), modeId, stageId: stage?.id ?? null, rate, cost: 0, expectedAmount: 0,
    amount: opportunityAmount(0, rate), startDate: ctx.today, status: 'active', audited: false, sourceProjectId: idOf(p),
  };
}
