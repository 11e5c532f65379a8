import type { Label } from '../core/entity';
import { sortRows } from '../core/rows';
import { asText, idOf, pushTo, isDeleted, isLive, ok, refuse, type Result, type Values, type Violation } from './read';
import { approvalNeed, positionLimit, priceLine, quoteTotals, type ApprovalNeed, type LineInput, type PricedLine, type PricingContext, type QuoteTotals } from './pricing';
import type { Patch } from './opportunity';
import type { ApprovalStep, QuoteStatus } from './types';

/**
 * Quotes (报价单, 精财 §3.2, SPEC G/E): pricing through the engine, the 1:1 link with a contact
 * or maintenance record, and the approval flow
 *     draft → pending → approved | rejected (→ edited → draft → pending …)
 * with every step recorded (who, when, comment). A pending quote is locked; editing an approved
 * or rejected quote sends it back to draft, since an approval covers the content it saw.
 *
 * Lines and steps are records of their own (`quoteLines`, `quoteSteps`: children of the quote), so
 * lines added on two devices while apart are both kept. The rules here read a quote as a
 * `QuoteView`: the quote's record with its live rows attached in display order (built by the
 * store, never stored). An approval action returns the quote's new status and the step to append.
 */

/** A quote's rows: `lines` and `steps`, each in the order they were added (seq; see core/rows.ts). */
export interface QuoteRows { readonly lines: readonly Values[]; readonly steps: readonly Values[] }

/** A quote with its rows attached. Only ever built in memory, never stored. */
export type QuoteView<Q extends Values = Values> = Q & QuoteRows;

/** Attach rows to a quote (live rows only, each list in its display order). */
export function quoteView<Q extends Values>(quote: Q, lines: readonly Values[], steps: readonly Values[]): QuoteView<Q> {
  return { ...quote, lines: sortRows(lines.filter(isLive)), steps: sortRows(steps.filter(isLive)) };
}

/** What an approval action writes: the quote's status, and the step to append as a row. */
export interface QuoteAction { patch: Patch; step: ApprovalStep }

// ---- pricing -------------------------------------------------------------------------------------

export interface PricedQuote { lines: PricedLine['line'][]; priced: PricedLine[]; totals: QuoteTotals }

/** Price the form's lines (list prices from `products`) and total them. */
export function priceQuote(inputs: readonly LineInput[], products: readonly Values[], ctx: PricingContext): PricedQuote {
  const priced = inputs.map((l) => priceLine(l, products.find((p) => idOf(p) === l.productId)?.listPrice, ctx));
  const lines = priced.map((p) => p.line);
  return { lines, priced, totals: quoteTotals(lines) };
}

/** Whether the quote (its `lines`) needs approval for this role (position rule, else the role's discountLimit). */
export function quoteApprovalNeed(quote: Values, rules: readonly Values[], roleId: string | null, roleDiscountLimit?: unknown): ApprovalNeed {
  return approvalNeed(quoteTotals(quote.lines).rate, positionLimit(rules, roleId, roleDiscountLimit));
}

// ---- links ---------------------------------------------------------------------------------------

/** Values linking a new quote to a contact record (and its opportunity) or a maintenance record (and its project). */
export function quoteLinkValues(kind: 'contactRecord' | 'maintenanceRecord', record: Values, parent: Values): Patch {
  const base = { customerId: asText(parent.customerId), ownerId: asText(record.ownerId) ?? asText(parent.ownerId) };
  return kind === 'contactRecord'
    ? { ...base, contactRecordId: idOf(record), opportunityId: idOf(parent) }
    : { ...base, maintenanceRecordId: idOf(record), projectId: idOf(parent) };
}

/** Why the quote's record link is not allowed (one quote per record, one record per quote), or null. */
export function quoteLinkBlocker(quote: Values, quotes: readonly Values[]): Label | null {
  const cr = asText(quote.contactRecordId);
  const mr = asText(quote.maintenanceRecordId);
  if (cr && mr) return { zh: '报价单不能同时关联联系记录和维护记录', en: 'A quote cannot belong to both a contact record and a maintenance record' };
  const self = idOf(quote);
  const clash = quotes.find((q) => isLive(q) && idOf(q) !== self
    && ((cr && q.contactRecordId === cr) || (mr && q.maintenanceRecordId === mr)));
  if (!clash) return null;
  return cr
    ? { zh: '该联系记录已有报价单(一次联系记录对应一份报价单)', en: 'This contact record already has a quote (one quote per contact record)' }
    : { zh: '该维护记录已有报价单(一次维护记录对应一份报价单)', en: 'This maintenance record already has a quote (one quote per maintenance record)' };
}

/** Records that ended up with two live quotes (each peer added one while apart). */
export function duplicateRecordQuotes(quotes: readonly Values[]): Violation[] {
  const out: Violation[] = [];
  for (const field of ['contactRecordId', 'maintenanceRecordId'] as const) {
    const by = new Map<string, string[]>();
    for (const q of quotes.filter(isLive)) {
      const rid = asText(q[field]);
      if (rid) pushTo(by, rid, idOf(q));
    }
    for (const [rid, ids] of by) {
      if (ids.length < 2) continue;
      const what = field === 'contactRecordId' ? { zh: '联系记录', en: 'contact record' } : { zh: '维护记录', en: 'maintenance record' };
      out.push({ code: 'duplicateRecordQuote', ids, message: {
        zh: `同一条${what.zh}有 ${ids.length} 份报价单,应只保留一份`, en: `One ${what.en} (${rid}) has ${ids.length} quotes; keep only one` } });
    }
  }
  return out;
}

/** Problems of the quote's content (required fields are the generic form's job). */
export function quoteProblems(quote: Values): Label[] {
  const lines = Array.isArray(quote.lines) ? quote.lines : [];
  const out: Label[] = [];
  if (!lines.length) out.push({ zh: '报价单至少需要一行明细', en: 'A quote needs at least one line' });
  const totals = quoteTotals(lines);
  if (totals.invalidLines) out.push({ zh: `有 ${totals.invalidLines} 行数量或单价无效`, en: `${totals.invalidLines} line(s) have an invalid quantity or unit price` });
  lines.forEach((l: unknown, i: number) => {
    const line = (typeof l === 'object' && l !== null ? l : {}) as Values;
    if (!asText(line.productId)) out.push({ zh: `第 ${i + 1} 行未选择产品`, en: `Line ${i + 1} has no product` });
    if (typeof line.quantity === 'number' && line.quantity <= 0) out.push({ zh: `第 ${i + 1} 行数量必须大于 0`, en: `Line ${i + 1}: quantity must be above 0` });
  });
  return out;
}

// ---- approval ----------------------------------------------------------------------------------

export function quoteStatusOf(quote: Values): QuoteStatus {
  const s = quote.status;
  return s === 'pending' || s === 'approved' || s === 'rejected' ? s : 'draft';
}

export function isQuoteLocked(quote: Values): boolean {
  return quoteStatusOf(quote) === 'pending';
}

/** Why the quote cannot be edited or deleted by hand now, or null. */
export function quoteEditBlocker(quote: Values): Label | null {
  if (isDeleted(quote)) return { zh: '报价单已删除', en: 'The quote is deleted' };
  return isQuoteLocked(quote) ? { zh: '报价单正在审批中,已锁定', en: 'The quote is awaiting approval and is locked' } : null;
}

/** Status to write with an edit: an approval or rejection covered the old content only. */
export function statusAfterEdit(quote: Values): QuoteStatus {
  const s = quoteStatusOf(quote);
  return s === 'pending' ? 'pending' : 'draft';
}

/** The quote's approval steps in the order they were taken (from a QuoteView; malformed entries are skipped). */
export function stepsOf(quote: Values): ApprovalStep[] {
  const rows = Array.isArray(quote.steps) ? (quote.steps as unknown[]) : [];
  return sortRows(rows.filter((s): s is Values => typeof s === 'object' && s !== null && isLive(s as Values))) as unknown as ApprovalStep[];
}

function withStep(status: QuoteStatus, step: ApprovalStep): QuoteAction {
  return { patch: { status }, step };
}

/** The user who submitted the current approval round, or null. */
export function submitterOf(quote: Values): string | null {
  const steps = stepsOf(quote);
  for (let i = steps.length - 1; i >= 0; i--) if (steps[i]?.action === 'submit') return asText(steps[i].by);
  return null;
}

export function submitQuote(quote: Values, userId: string, now: number, comment?: string): Result<QuoteAction> {
  const s = quoteStatusOf(quote);
  if (isDeleted(quote)) return refuse({ zh: '报价单已删除', en: 'The quote is deleted' });
  if (s === 'pending') return refuse({ zh: '报价单已在审批中', en: 'The quote is already awaiting approval' });
  if (s === 'approved') return refuse({ zh: '报价单已批准', en: 'The quote is already approved' });
  if (quoteProblems(quote).length) return refuse({ zh: '报价单内容不完整,不能提交', en: 'The quote is incomplete and cannot be submitted' });
  return ok(withStep('pending', step('submit', userId, now, comment)));
}

function step(action: ApprovalStep['action'], by: string, at: number, comment?: string): ApprovalStep {
  const c = asText(comment);
  return c ? { action, by, at, comment: c } : { action, by, at };
}
