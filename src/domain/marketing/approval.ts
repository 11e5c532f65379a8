import type { ApprovalDocType } from '../approvals/types';
import { approvalLockRules } from '../approvals/phase';
import { asNumber } from '../core/numbers';
import { asText } from '../core/read';

/**
 * A market activity's budget on the approval engine (SPEC E/F, issue 13). The activity's `status`
 * is its own flow (planned, running, finished, cancelled), so the approval lives in
 * `approvalStatus`. By default a budget over 20,000 needs the owner's department manager (a manager
 * submitting their own budget, or someone without one, goes to whoever has approve on Marketing);
 * a smaller budget is approved on submission.
 */
export const DEFAULT_BUDGET_LIMIT = 20_000;

export const MARKET_ACTIVITY_APPROVAL: ApprovalDocType = {
  entity: 'marketActivities', module: 'marketing', noun: { zh: '活动预算', en: 'Activity budget' }, ownerField: 'ownerId',
  statusField: 'approvalStatus',
  facts: (doc) => ({ amount: asNumber(doc.budget), type: asText(doc.type) }),
  statusValue: { draft: 'draft', pending: 'pending', approved: 'approved', rejected: 'rejected' },
  defaultRules: [{ docType: 'marketActivities', condition: 'amountOver', threshold: DEFAULT_BUDGET_LIMIT, stepNo: 1, approverKind: 'deptManager' }],
};

/** What an approval of the budget covers: the amount, and the type a rule may ask about. */
export const BUDGET_FIELDS = ['budget', 'type'] as const;

export const budgetLock = approvalLockRules(MARKET_ACTIVITY_APPROVAL, BUDGET_FIELDS,
  { zh: '活动预算正在审批中,已锁定', en: 'The activity budget is awaiting approval and is locked' });
