import type { ApprovalDocType } from '../approvals/types';
import { asText, isLive } from '../sales/read';
import { quoteTotals } from '../sales/pricing';

/** Orders on the approval engine: the quotes' discount rule by default; a rejected order goes back to draft (as before). */
export const ORDER_APPROVAL: ApprovalDocType = {
  entity: 'orders', module: 'orders', noun: { zh: '订单', en: 'Order' }, ownerField: 'ownerId',
  facts: (doc, rows) => {
    const t = quoteTotals(rows('orderLines', 'orderId', String(doc.id)).filter(isLive));
    return { amount: t.discountedAmount, rate: t.rate, type: asText(doc.type) };
  },
  statusValue: { draft: 'draft', pending: 'submitted', approved: 'approved', rejected: 'draft' },
  patchFor: (phase, today) => (phase === 'approved' ? { approvedAt: today } : { approvedAt: undefined }),
  defaultRules: [{ docType: 'orders', condition: 'discountBelowLimit', stepNo: 1, approverKind: 'module' }],
};
