import type { ApprovalDocType } from '../approvals/types';
import { asNumber } from '../core/numbers';

/** Contracts on the approval engine: every contract is approved by someone with approve on Orders by default. */
export const CONTRACT_APPROVAL: ApprovalDocType = {
  entity: 'contracts', module: 'orders', noun: { zh: '合同', en: 'Contract' }, ownerField: 'ownerId',
  facts: (doc) => ({ amount: asNumber(doc.amount) }),
  statusValue: { draft: 'draft', pending: 'pending', approved: 'active', rejected: 'rejected' },
  defaultRules: [{ docType: 'contracts', condition: 'always', stepNo: 1, approverKind: 'module' }],
};
