import { percent, roundMoney, safeDiv } from '../core/numbers';
import { asDay, asText, idOf, inPeriod, isLive, num0, pushTo, type Values } from './read';
import { opportunityAmountOf, statusOf } from './opportunity';
import { lineAmounts } from './pricing';
import { quoteStatusOf } from './quotes';
import type { OpportunityStatus, QuoteStatus } from './types';

/**
 * Reports of 精财 chapter 4 (SPEC K), computed on the device:
 *  - 客户机会分析 (§4.1), grouped by customer or by employee, with the seven formulas:
 *      expected cost total     = Σ 成本费用
 *      expected sales total    = Σ 预期金额
 *      opportunity amount total= Σ 机会金额 (each = 预期金额 × 完成率 %)
 *      expected profit         = expected sales − expected cost
 *      expected profit rate %  = expected profit ÷ expected sales × 100
 *      opportunity profit      = opportunity amount − expected cost
 *      opportunity profit rate%= opportunity profit ÷ opportunity amount × 100
 *  - 客户项目分析 (§4.2): the same on projects plus
 *      actual cost total = Σ 实际成本, actual sales total = Σ 实际金额,
 *      actual profit = actual sales − actual cost, actual profit rate % = actual profit ÷ actual sales × 100
 *  - 商品报价明细 (§4.4) per product: quantity, amount, unit price = amount ÷ quantity, discounted amount.
 * Rules common to all: deleted records are ignored; an unreadable number counts as missing (0 in a
 * sum, never NaN); a rate over a zero base is null (the UI shows "—"); every row — and the total
 * row — carries the ids of the records behind it; rows are ordered by key.
 */

export type GroupBy = 'customer' | 'owner';

export interface AnalysisFilter {
  /** 销售阶段 (the stage the opportunity/project is in). */
  stageIds?: readonly string[];
  statuses?: readonly OpportunityStatus[];
  customerId?: string;
  ownerId?: string;
  /** Inclusive period on the start date. */
  from?: string;
  to?: string;
}

export interface ProfitFigures {
  count: number;
  costTotal: number;
  expectedTotal: number;
  amountTotal: number;
  expectedProfit: number;
  expectedProfitRate: number | null;
  opportunityProfit: number;
  opportunityProfitRate: number | null;
}

export interface AnalysisRow extends ProfitFigures {
  /** customerId or ownerId; '' when the records name none (未指定). */
  key: string;
  ids: string[];
}

export interface ActualFigures {
  actualCostTotal: number;
  actualAmountTotal: number;
  actualProfit: number;
  actualProfitRate: number | null;
}

export type ProjectRow = AnalysisRow & ActualFigures;

export interface Report<R> { rows: R[]; total: R }

function keep(rec: Values, f: AnalysisFilter): boolean {
  return isLive(rec)
    && (!f.stageIds || f.stageIds.includes(asText(rec.stageId) ?? ''))
    && (!f.statuses || f.statuses.includes(statusOf(rec)))
    && (!f.customerId || rec.customerId === f.customerId)
    && (!f.ownerId || rec.ownerId === f.ownerId)
    && ((!f.from && !f.to) || inPeriod(asDay(rec.startDate), f.from, f.to));
}

function groupKey(rec: Values, by: GroupBy): string {
  return asText(by === 'customer' ? rec.customerId : rec.ownerId) ?? '';
}

/** Group live, kept records by key; keys in order. */
function groups(list: readonly Values[], by: GroupBy, f: AnalysisFilter): [string, Values[]][] {
  const map = new Map<string, Values[]>();
  for (const r of list) {
    if (!keep(r, f)) continue;
    pushTo(map, groupKey(r, by), r);
  }
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The seven figures of §4.1 over a set of opportunities (or projects). */
export function profitFigures(list: readonly Values[]): ProfitFigures {
  let cost = 0;
  let expected = 0;
  let amount = 0;
  for (const r of list) {
    cost += num0(r.cost);
    expected += num0(r.expectedAmount);
    amount += opportunityAmountOf(r) ?? 0;
  }
  const costTotal = roundMoney(cost);
  const expectedTotal = roundMoney(expected);
  const amountTotal = roundMoney(amount);
  const expectedProfit = roundMoney(expectedTotal - costTotal);
  const opportunityProfit = roundMoney(amountTotal - costTotal);
  return {
    count: list.length, costTotal, expectedTotal, amountTotal,
    expectedProfit, expectedProfitRate: percent(expectedProfit, expectedTotal),
    opportunityProfit, opportunityProfitRate: percent(opportunityProfit, amountTotal),
  };
}

/** The actual figures of §4.2 over a set of projects. */
export function actualFigures(list: readonly Values[]): ActualFigures {
  let cost = 0;
  let amount = 0;
  for (const p of list) {
    cost += num0(p.actualCost);
    amount += num0(p.actualAmount);
  }
  const actualCostTotal = roundMoney(cost);
  const actualAmountTotal = roundMoney(amount);
  const actualProfit = roundMoney(actualAmountTotal - actualCostTotal);
  return { actualCostTotal, actualAmountTotal, actualProfit, actualProfitRate: percent(actualProfit, actualAmountTotal) };
}

/** 客户机会分析. */
export function opportunityAnalysis(opps: readonly Values[], by: GroupBy, filter: AnalysisFilter = {}): Report<AnalysisRow> {
  const gs = groups(opps, by, filter);
  const rows = gs.map(([key, l]) => ({ key, ids: l.map(idOf), ...profitFigures(l) }));
  const all = gs.flatMap(([, l]) => l);
  return { rows, total: { key: '', ids: all.map(idOf), ...profitFigures(all) } };
}

/** 客户项目分析. */
export function projectAnalysis(projects: readonly Values[], by: GroupBy, filter: AnalysisFilter = {}): Report<ProjectRow> {
  const gs = groups(projects, by, filter);
  const row = (key: string, l: Values[]): ProjectRow => ({ key, ids: l.map(idOf), ...profitFigures(l), ...actualFigures(l) });
  return { rows: gs.map(([k, l]) => row(k, l)), total: row('', gs.flatMap(([, l]) => l)) };
}

// ---- product quote details ---------------------------------------------------------------------

export interface QuoteDetailFilter {
  customerId?: string;
  /** The quote's sales rep (职员). */
  ownerId?: string;
  /** Inclusive period on the quote date. */
  from?: string;
  to?: string;
  /** Default: every status. */
  statuses?: readonly QuoteStatus[];
}

export interface ProductQuoteRow {
  /** '' for lines without a product. */
  productId: string;
  quantity: number;
  amount: number;
  /** Amount ÷ quantity; null ("—") when the quantity is 0. */
  unitPrice: number | null;
  discountedAmount: number;
  lineCount: number;
  /** Lines whose quantity or unit price was unreadable (counted as 0). */
  invalidLines: number;
  /** Ids of the quotes behind the row. */
  ids: string[];
}

function emptyProductRow(productId: string): ProductQuoteRow {
  return { productId, quantity: 0, amount: 0, unitPrice: null, discountedAmount: 0, lineCount: 0, invalidLines: 0, ids: [] };
}

function keepQuote(q: Values, f: QuoteDetailFilter): boolean {
  return isLive(q)
    && (!f.customerId || q.customerId === f.customerId)
    && (!f.ownerId || q.ownerId === f.ownerId)
    && (!f.statuses || f.statuses.includes(quoteStatusOf(q)))
    && ((!f.from && !f.to) || inPeriod(asDay(q.date), f.from, f.to));
}

function addLine(row: ProductQuoteRow, raw: unknown, quoteId: string): void {
  const a = lineAmounts(typeof raw === 'object' && raw !== null ? (raw as Values) : {});
  row.quantity += a.quantity;
  row.amount += a.amount;
  row.discountedAmount += a.discountedAmount;
  row.lineCount += 1;
  if (!a.valid) row.invalidLines += 1;
  if (!row.ids.includes(quoteId)) row.ids.push(quoteId);
}

function finish(row: ProductQuoteRow): ProductQuoteRow {
  const amount = roundMoney(row.amount);
  const quantity = Math.round(row.quantity * 1e6) / 1e6;
  const unit = safeDiv(amount, quantity);
  return { ...row, quantity, amount, discountedAmount: roundMoney(row.discountedAmount), unitPrice: unit === null ? null : roundMoney(unit) };
}

/** 商品报价明细: per product over the lines of the kept quotes (QuoteViews: `lines` attached), plus a total row. */
export function productQuoteDetails(quotes: readonly Values[], filter: QuoteDetailFilter = {}): Report<ProductQuoteRow> {
  const byProduct = new Map<string, ProductQuoteRow>();
  const total = emptyProductRow('');
  for (const q of quotes) {
    if (!keepQuote(q, filter)) continue;
    const lines: unknown[] = Array.isArray(q.lines) ? q.lines : [];
    for (const raw of lines) {
      const pid = asText((raw as Values | null)?.productId) ?? '';
      const row = byProduct.get(pid) ?? emptyProductRow(pid);
      byProduct.set(pid, row);
      addLine(row, raw, idOf(q));
      addLine(total, raw, idOf(q));
    }
  }
  const rows = [...byProduct.values()].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0)).map(finish);
  return { rows, total: finish(total) };
}
