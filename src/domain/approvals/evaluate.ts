import type { Label } from '../core/entity';
import { asNumber } from '../core/numbers';
import { asText, type Values } from '../core/read';
import { money } from '../core/format';
import { approvalNeed, positionLimit } from '../sales/pricing';
import {
  APPROVER_KINDS, CONDITIONS, type ApprovalDocType, type ApprovalFacts, type ApprovalRuleValues, type ApproverKind,
  type Condition, type PlannedStep, type StepApprover,
} from './types';

/**
 * Rule evaluation: which steps a submission needs. Rules are data (records of `approvalRules`,
 * edited in settings; a type without any rule follows its doc type's defaults). Each rule whose
 * condition holds adds its approver to its step; steps are taken in the order of their number.
 * No rule holds → no step: the document is approved at once (as an order within the limit was).
 */

/** The submitter as the rules see them. */
export interface Submitter {
  id: string;
  roleId: string | null;
  /** The role's 职位折扣下限 (percent), the fallback of the position rule. */
  roleDiscountLimit?: unknown;
  /** The manager (负责人) of the submitter's department, or null. */
  departmentManagerId: string | null;
}

/** A stored rule as the engine reads it, or null when it is malformed or switched off. */
export function ruleOf(v: Values): ApprovalRuleValues | null {
  if (v.deleted === true || v.active === false) return null;
  const docType = asText(v.docType);
  const condition = CONDITIONS.includes(v.condition as Condition) ? (v.condition as Condition) : null;
  const approverKind = APPROVER_KINDS.includes(v.approverKind as ApproverKind) ? (v.approverKind as ApproverKind) : 'module';
  if (!docType || !condition) return null;
  return {
    docType, condition, approverKind,
    threshold: asNumber(v.threshold), typeCode: asText(v.typeCode), approverRoleId: asText(v.approverRoleId),
    stepNo: Math.max(1, Math.floor(asNumber(v.stepNo) ?? 1)), name: asText(v.name) ?? undefined,
  };
}

/** The rules that apply to a doc type: the workspace's own, else the type's defaults. */
export function rulesFor(docType: ApprovalDocType, stored: readonly Values[]): ApprovalRuleValues[] {
  const own = stored.filter((r) => r.docType === docType.entity && r.deleted !== true);
  if (!own.length) return [...docType.defaultRules];
  return own.map(ruleOf).filter((r): r is ApprovalRuleValues => r !== null);
}

/** Why the rule's condition holds for these facts, or null when it does not. */
export function conditionReason(rule: ApprovalRuleValues, facts: ApprovalFacts, submitter: Submitter, discountRules: readonly Values[]): Label | null {
  switch (rule.condition) {
    case 'always':
      return { zh: '该类单据均需审批', en: 'Every document of this type needs approval' };
    case 'amountOver': {
      const limit = rule.threshold ?? facts.defaultThreshold ?? null;
      if (limit === null || facts.amount === null || !(facts.amount > limit)) return null;
      return { zh: `金额 ${money(facts.amount, 0)} 超过 ${money(limit, 0)}`, en: `Amount ${money(facts.amount, 0)} is over ${money(limit, 0)}` };
    }
    case 'discountBelowLimit':
      return approvalNeed(facts.rate ?? null, positionLimit(discountRules, submitter.roleId, submitter.roleDiscountLimit)).reason;
    case 'typeIs':
      return rule.typeCode && facts.type === rule.typeCode
        ? { zh: `类型为 ${rule.typeCode}`, en: `The type is ${rule.typeCode}` } : null;
  }
}

function approverOf(rule: ApprovalRuleValues, docType: ApprovalDocType, submitter: Submitter): StepApprover {
  if (rule.approverKind === 'role' && rule.approverRoleId) return { kind: 'role', roleId: rule.approverRoleId };
  if (rule.approverKind === 'deptManager' && submitter.departmentManagerId && submitter.departmentManagerId !== submitter.id) {
    return { kind: 'user', userId: submitter.departmentManagerId };
  }
  // no department manager (or the submitter is it): whoever has approve on the module decides
  return { kind: 'module', module: docType.module };
}

const key = (a: StepApprover) => JSON.stringify(a);

/** The steps a submission needs, in order (empty: approved at once). */
export function planSteps(
  docType: ApprovalDocType, stored: readonly Values[], facts: ApprovalFacts, submitter: Submitter, discountRules: readonly Values[] = [],
): PlannedStep[] {
  const byStep = new Map<number, PlannedStep>();
  for (const rule of rulesFor(docType, stored)) {
    const reason = conditionReason(rule, facts, submitter, discountRules);
    if (!reason) continue;
    const step = byStep.get(rule.stepNo) ?? { approvers: [], reasons: [] };
    const who = approverOf(rule, docType, submitter);
    if (!step.approvers.some((a) => key(a) === key(who))) step.approvers.push(who);
    if (!step.reasons.some((r) => r.zh === reason.zh)) step.reasons.push(reason);
    byStep.set(rule.stepNo, step);
  }
  return [...byStep.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}
