import type { RecordValues } from '../core/record';
import { asNumber } from '../core/numbers';
import { ok, refuse, type Result } from '../core/result';
import { sortRows } from '../core/rows';
import { lineAmounts } from '../sales/pricing';
import { quoteStatusOf } from '../sales/quotes';
import { asText, idOf, isDeleted, isLive, type Values } from '../sales/read';

/**
 * An order from a quote (SPEC H: "from a quote or an opportunity, or direct"): the quote's
 * customer, opportunity and rep, and its lines with the rate they were priced at (a manual rate
 * included) and the product's cost price frozen now. A quote awaiting approval or rejected gives
 * no order. The store creates the order and its lines in one transaction.
 */
export interface OrderDraft { order: RecordValues; lines: RecordValues[] }

export function orderFromQuote(quote: Values, quoteLines: readonly Values[], products: readonly Values[]): Result<OrderDraft> {
  if (isDeleted(quote)) return refuse({ zh: '报价单已删除', en: 'The quote is deleted' });
  const status = quoteStatusOf(quote);
  if (status === 'pending' || status === 'rejected') {
    return refuse({ zh: '报价单在审批中或已驳回,不能生成订单', en: 'A quote awaiting approval or rejected cannot become an order' });
  }
  const lines = sortRows(quoteLines.filter(isLive)).map((l, seq) => {
    const a = lineAmounts(l);
    const cost = asNumber(products.find((p) => idOf(p) === a.productId)?.costPrice) ?? 0;
    return { seq, productId: a.productId, quantity: a.quantity, unitPrice: a.unitPrice, rate: a.rate, costPrice: cost, note: asText(l.note) ?? undefined };
  });
  if (!lines.length) return refuse({ zh: '报价单没有明细', en: 'The quote has no lines' });
  const order = {
    customerId: asText(quote.customerId), opportunityId: asText(quote.opportunityId) ?? undefined,
    contactId: asText(quote.contactId) ?? undefined, // the person quoted is the person ordering
    quoteId: idOf(quote), ownerId: asText(quote.ownerId), type: 'standard', status: 'draft',
  };
  return ok({ order, lines });
}
