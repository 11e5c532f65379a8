import type { ApprovalDocType } from '../approvals/types';
import { sortRows } from '../core/rows';
import { isLive } from './read';
import { quoteTotals } from './pricing';

/**
 * Quotes on the approval engine. Today's rule, kept: a rep submits a quote when its discount is
 * below their position limit (the page says so, and such a quote cannot be issued before it is
 * approved), and every submitted quote waits for someone with approve on Sales.
 */
export const QUOTE_APPROVAL: ApprovalDocType = {
  entity: 'quotes', module: 'sales', noun: { zh: '报价单', en: 'Quote' }, ownerField: 'ownerId',
  facts: (doc, rows) => {
    const t = quoteTotals(sortRows(rows('quoteLines', 'quoteId', String(doc.id)).filter(isLive)));
    return { amount: t.discountedAmount, rate: t.rate };
  },
  statusValue: { draft: 'draft', pending: 'pending', approved: 'approved', rejected: 'rejected' },
  defaultRules: [{ docType: 'quotes', condition: 'always', stepNo: 1, approverKind: 'module' }],
};
