import type { EntityRules } from '../core/rules';
import type { Errors } from '../core/validate';
import { asText } from '../core/read';

/** Rules of approval rules: what each condition and approver kind needs. */
export const approvalRuleRules: EntityRules = {
  defaults: () => ({ condition: 'always', stepNo: 1, approverKind: 'module', active: true }),
  validate: (values): Errors => {
    const out: Errors = {};
    if (values.condition === 'typeIs' && !asText(values.typeCode)) out.typeCode = { zh: '条件“类型为”需要填写类型代码', en: 'The condition "type is" needs a type code' };
    if (values.approverKind === 'role' && !asText(values.approverRoleId)) out.approverRoleId = { zh: '审批人为指定角色时须选择角色', en: 'Choose the role that approves' };
    return out;
  },
};

export const APPROVALS_RULES: Record<string, EntityRules> = { approvalRules: approvalRuleRules };
