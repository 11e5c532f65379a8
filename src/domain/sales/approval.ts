import type { ApprovalDocType } from '../approvals/types';
import { sortRows } from '../core/rows';
import { isLive } from './read';
import { quoteTotals } from './pricing';

/** Quotes on the approval engine: a discount below the rep's position limit asks anyone with approve on Sales (today's rule). */
export const QUOTE_APPROVAL: ApprovalDocType = {
  entity: 'quotes', module: 'sales', noun: { zh: '报价单', en: 'Quote' }, ownerField: 'ownerId',
  facts: (doc, rows) => {
    const t = quoteTotals(sortRows(rows('quoteLines', 'quoteId', String(doc.id)).filter(isLive)));
    return { amount: t.discountedAmount, rate: t.rate };
  },
  statusValue: { draft: 'draft', pending: 'pending', approved: 'approved', rejected: 'rejected' },
  defaultRules: [{ docType: 'quotes', condition: 'discountBelowLimit', stepNo: 1, approverKind: 'module', name: '折扣低于职位折扣' }],
};
