import type { ApprovalDocType } from '../approvals/types';
import { asNumber } from '../core/numbers';
import { asText } from '../core/read';

/** The company's expense limit (本单位信息 `expenseApprovalLimit`, default 2,000): an amountOver rule without a threshold uses it. */
export const DEFAULT_EXPENSE_LIMIT = 2000;
export function expenseLimitOf(company: Readonly<Record<string, unknown>> | undefined): number {
  const n = asNumber(company?.expenseApprovalLimit);
  return n !== null && n >= 0 ? n : DEFAULT_EXPENSE_LIMIT;
}

/** 费用报销 on the approval engine: over the company's limit asks anyone with approve on Finance (as before). */
export const EXPENSE_APPROVAL: ApprovalDocType = {
  entity: 'expenses', module: 'finance', noun: { zh: '费用', en: 'Expense' }, ownerField: 'ownerId',
  facts: (doc, _rows, extra) => ({ amount: asNumber(doc.amount), type: asText(doc.kind), defaultThreshold: expenseLimitOf(extra.company) }),
  statusValue: { draft: 'draft', pending: 'submitted', approved: 'approved', rejected: 'rejected' },
  defaultRules: [{ docType: 'expenses', condition: 'amountOver', stepNo: 1, approverKind: 'module' }],
};
