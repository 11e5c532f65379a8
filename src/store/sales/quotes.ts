import type { Workspace } from '../core/workspace';
import { newId } from '../core/collection';
import { dictOptions } from '../core/dictionaries';
import { referring, rowsByParent, rowsOf } from '../core/cascade';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { nextSeq } from '../../domain/core/rows';
import type { RoleLike } from '../../domain/org/modules';
import { approvalOf, decideBlockerOf, decideDoc, submitDoc, withdrawDoc, type DocApproval } from '../approvals/engine';
import {
  ok, refuse, positionLimit, priceQuote, quoteApprovalNeed, quoteEditBlocker, quoteLinkBlocker,
  quoteLinkValues, quoteStatusOf, quoteView, statusAfterEdit, submitQuote,
  type ApprovalNeed, type LineInput, type Result, type Patch, type PricedQuote, type PricingContext,
  type QuoteView, type Values,
} from '../../domain/sales';
import { localToday, PARENT_OF, type RecordKind } from './ops';

/**
 * Quotes (报价单): lines priced by the engine (domain/sales/pricing.ts), the 1:1 link with a
 * contact or maintenance record, and the approval flow (domain/sales/quotes.ts). Each write is
 * one transaction; a refusal writes nothing.
 *
 * A quote's lines and approval steps are child rows (`quoteLines`, `quoteSteps`, one record
 * each), so two people adding lines to one quote while apart both keep theirs. Readers take a
 * `QuoteView` (the quote with its rows attached), built here.
 */

// ---- rows ------------------------------------------------------------------------------------

/** The quote's live lines in display order. */
export function linesOf(ws: Workspace, quoteId: string): BaseRecord[] {
  return rowsOf(ws, 'quoteLines', quoteId);
}

/**
 * The quote's approval steps in the order they were taken: the approval engine's step records
 * (store/approvals), which also reads the rows an older version kept in `quoteSteps`. Each is
 * shaped as the quote page reads a step (quoteId, seq, action, by, at, comment).
 */
export function approvalStepsOf(ws: Workspace, quoteId: string): BaseRecord[] {
  const quote = ws.collection('quotes').get(quoteId);
  const a = quote ? approvalOf(ws, 'quotes', quote) : null;
  return (a?.state.history ?? []).map((r, seq) => ({ ...r, quoteId, seq }) as unknown as BaseRecord);
}

/** The quote with its rows, as the rules read it. */
export function viewOf(ws: Workspace, quote: BaseRecord): QuoteView<BaseRecord> {
  return quoteView(quote, linesOf(ws, quote.id), approvalStepsOf(ws, quote.id));
}

/** Many quotes with their rows (the lines are read once for all of them). */
export function viewsOf(ws: Workspace, quotes: readonly BaseRecord[]): QuoteView<BaseRecord>[] {
  const lines = rowsByParent(ws, 'quoteLines');
  return quotes.map((q) => quoteView(q, lines.get(q.id) ?? [], approvalStepsOf(ws, q.id)));
}

const NO_QUOTE: Label = { zh: '报价单不存在或已删除', en: 'The quote does not exist or is deleted' };

/** What the engine needs to know about the quote's customer. */
export function pricingContext(ws: Workspace, customerId: unknown): PricingContext {
  const c = typeof customerId === 'string' ? ws.collection('customers').get(customerId) : undefined;
  return {
    rules: ws.collection('discounts').live(),
    customerId: c?.id ?? null,
    customerKind: typeof c?.kind === 'string' ? c.kind : null,
    customerCategory: typeof c?.category === 'string' ? c.category : null,
    categoryOptions: dictOptions(ws, 'customerCategory'),
  };
}

/** Price form lines for a quote of this customer (list prices from the products). */
export function priceLines(ws: Workspace, customerId: unknown, inputs: readonly LineInput[]): PricedQuote {
  return priceQuote(inputs, ws.collection('products').live(), pricingContext(ws, customerId));
}

export function roleOfUser(ws: Workspace, userId: unknown): (RoleLike & { id?: string; discountLimit?: unknown }) | undefined {
  const u = typeof userId === 'string' ? ws.collection('users').get(userId) : undefined;
  return u && typeof u.roleId === 'string' ? (ws.collection('roles').get(u.roleId) as RoleLike & { id: string }) : undefined;
}

/**
 * The quoting user whose position limit (职位折扣) applies: the quote's sales rep (业务员), or
 * the acting user when the quote names none.
 */
export function quotingUser(quote: BaseRecord | Patch, actingUserId: string): string {
  return typeof quote.ownerId === 'string' && quote.ownerId ? quote.ownerId : actingUserId;
}

/** The lowest overall rate the quoting user may give without approval, or null (none set). */
export function limitOf(ws: Workspace, userId: string): number | null {
  const role = roleOfUser(ws, userId);
  return positionLimit(ws.collection('discounts').live(), role?.id ?? null, role?.discountLimit);
}

/** Whether the quote (a QuoteView, or its owner with new lines) needs approval for its quoting user. */
export function approvalNeedOf(ws: Workspace, quote: QuoteView | (Patch & { lines: readonly Values[] }), actingUserId: string): ApprovalNeed {
  const role = roleOfUser(ws, quotingUser(quote, actingUserId));
  return quoteApprovalNeed(quote, ws.collection('discounts').live(), role?.id ?? null, role?.discountLimit);
}

/** Next free quote number for a day: BJ20261124-001, -002… */
export function nextQuoteCode(ws: Workspace, today = localToday()): string {
  const prefix = `BJ${today.replace(/-/g, '')}-`;
  const used = new Set(ws.collection('quotes').live().map((q) => String(q.code ?? '')));
  let n = 1;
  while (used.has(prefix + String(n).padStart(3, '0'))) n++;
  return prefix + String(n).padStart(3, '0');
}

/** Values a new standalone quote starts with. */
export function newQuoteDefaults(ws: Workspace, userId: string, extra: Patch = {}, today = localToday()): Patch {
  return { code: nextQuoteCode(ws, today), date: today, ownerId: userId, status: 'draft', ...extra };
}

/** Create a standalone quote for an opportunity or a project, owned by the parent's owner; returns its id. */
export function createQuoteFor(ws: Workspace, userId: string, parent: BaseRecord, link: 'opportunityId' | 'projectId'): string {
  const values = newQuoteDefaults(ws, userId, { customerId: parent.customerId, ownerId: parent.ownerId ?? userId, [link]: parent.id });
  return ws.transact(() => ws.collection('quotes').create(values)).id;
}

/** The live quote of a contact or maintenance record, if any (one per record). */
export function quoteOfRecord(ws: Workspace, kind: RecordKind, recordId: string): BaseRecord | undefined {
  const field = kind === 'contactRecords' ? 'contactRecordId' : 'maintenanceRecordId';
  return ws.collection('quotes').live().find((q) => q[field] === recordId);
}

/** 报价管理 on a record: create its (only) quote, linked to the record and its parent. Returns the quote's id. */
export function createQuoteForRecord(ws: Workspace, kind: RecordKind, recordId: string, userId: string, today = localToday()): Result<string> {
  const rec = ws.collection(kind).get(recordId);
  if (!rec || rec.deleted) return refuse({ zh: '记录不存在或已删除', en: 'The record does not exist or is deleted' });
  const parent = ws.collection(PARENT_OF[kind].collection).get(String(rec[PARENT_OF[kind].field] ?? ''));
  if (!parent || parent.deleted) return refuse({ zh: '记录所属的商机或项目不存在', en: 'The record\'s opportunity or project does not exist' });
  const link = quoteLinkValues(kind === 'contactRecords' ? 'contactRecord' : 'maintenanceRecord', rec, parent);
  const values = newQuoteDefaults(ws, userId, Object.fromEntries(Object.entries(link).filter(([, v]) => v !== null)), today);
  const clash = quoteLinkBlocker(values, ws.collection('quotes').live());
  if (clash) return refuse(clash);
  const id = newId();
  ws.transact(() => ws.collection('quotes').create(values, id));
  return ok(id);
}

/** A line of the quote form: the id of the row it edits, none for a new line. */
export type LineEdit = LineInput & { id?: string };

/**
 * Save the lines of a quote, priced by the engine: a changed line updates its row (only the
 * fields that changed), a new line is a new row after the others, a line the user took out
 * leaves the quote (its row is marked deleted; part of the quote's edit, not a recycle-bin entry).
 * `shown`: the rows the editor started from — a row missing from `inputs` is taken out only if it
 * was shown, so a line another device added meanwhile stays (default: every current row was
 * shown). A pending quote is locked; an approved or rejected quote goes back to draft (its
 * approval covered the old content).
 */
export function saveQuoteLines(ws: Workspace, quoteId: string, inputs: readonly LineEdit[], shown?: readonly string[]): Result<Patch> {
  const quote = ws.collection('quotes').get(quoteId);
  if (!quote) return refuse(NO_QUOTE);
  const locked = quoteEditBlocker(quote);
  if (locked) return refuse(locked);
  if (inputs.some((l) => !l.productId)) return refuse({ zh: '每行都要选择产品', en: 'Every line needs a product' });
  if (inputs.some((l) => !(l.quantity > 0))) return refuse({ zh: '数量必须大于 0', en: 'Quantities must be above 0' });
  const priced = priceLines(ws, quote.customerId, inputs);
  const patch: Patch = { status: statusAfterEdit(quote) };
  const col = ws.collection('quoteLines');
  ws.transact(() => {
    const existing = new Map(linesOf(ws, quoteId).map((r) => [r.id, r]));
    let seq = nextSeq(rowsOfAnyState(ws, 'quoteLines', quoteId));
    const kept = new Set<string>();
    priced.lines.forEach((line, i) => {
      const id = inputs[i].id;
      const values = { productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice, rate: line.rate, manualRate: line.manualRate };
      if (id && existing.has(id) && !kept.has(id)) {
        kept.add(id);
        col.update(id, values);
      } else {
        col.create({ quoteId, seq: seq++, ...values });
      }
    });
    const takenOut = shown ? new Set(shown) : new Set(existing.keys());
    for (const id of existing.keys()) if (!kept.has(id) && takenOut.has(id)) col.remove(id);
    ws.collection('quotes').update(quoteId, patch);
  });
  return ok(patch);
}

/** Rows of a quote whatever their state (a new row's `seq` goes after every one ever used). */
function rowsOfAnyState(ws: Workspace, child: 'quoteLines', quoteId: string): BaseRecord[] {
  return referring(ws, child, 'quoteId', quoteId);
}

/*
 * The approval flow runs on the approval engine (store/approvals/engine.ts): each action appends
 * one `approvalSteps` record and writes the quote's status; the rules are the workspace's approval
 * rules for quotes (by default: every submitted quote waits for someone with approve on Sales, and
 * not the submitter unless an administrator — the rule quotes always had).
 */

/** 提交审批: the quote must be complete (domain/sales/quotes.ts submitQuote's checks), then the engine. */
export function submitQuoteForApproval(ws: Workspace, quoteId: string, userId: string, comment?: string, now = Date.now()): Result<DocApproval> {
  const quote = ws.collection('quotes').get(quoteId);
  if (!quote) return refuse(NO_QUOTE);
  const checked = submitQuote(viewOf(ws, quote), userId, now, comment);
  return checked.ok ? submitDoc(ws, 'quotes', quoteId, userId, comment, now) : checked;
}

/** Why this user may not decide on the quote now (the engine's check: the step's approvers, not one's own), or null. */
export function decideBlockerFor(ws: Workspace, quote: BaseRecord, userId: string): Label | null {
  return decideBlockerOf(ws, 'quotes', quote, userId);
}

export function approveQuoteAs(ws: Workspace, quoteId: string, userId: string, comment?: string, now = Date.now()): Result<DocApproval> {
  return decideDoc(ws, 'quotes', quoteId, userId, true, comment, now);
}

export function rejectQuoteAs(ws: Workspace, quoteId: string, userId: string, comment: string, now = Date.now()): Result<DocApproval> {
  return decideDoc(ws, 'quotes', quoteId, userId, false, comment, now);
}

export function withdrawQuoteAs(ws: Workspace, quoteId: string, userId: string, now = Date.now()): Result<DocApproval> {
  return withdrawDoc(ws, 'quotes', quoteId, userId, now);
}

/** 审批箱: quotes awaiting this user's decision (with their rows), oldest submission first. */
export function inboxOf(ws: Workspace, userId: string): QuoteView<BaseRecord>[] {
  const pending = ws.collection('quotes').live().filter((q) => quoteStatusOf(q) === 'pending' && decideBlockerOf(ws, 'quotes', q, userId) === null);
  const at = (q: QuoteView) => Number(submitStepOf(q)?.at ?? 0);
  return viewsOf(ws, pending).sort((a, b) => at(a) - at(b));
}

function submitStepOf(q: QuoteView): Values | undefined {
  return (q.steps as Values[]).filter((s) => s.action === 'submit').pop();
}

/** Quotes this user submitted that are waiting or were decided (newest first, with their rows), for "my requests". */
export function mySubmissions(ws: Workspace, userId: string): QuoteView<BaseRecord>[] {
  const submitted = new Set([
    ...ws.collection('approvalSteps').live().filter((s) => s.docType === 'quotes' && s.action === 'submit' && s.by === userId).map((s) => String(s.docId)),
    ...ws.collection('quoteSteps').live().filter((s) => s.action === 'submit' && s.by === userId).map((s) => String(s.quoteId)),
  ]);
  const quotes = ws.collection('quotes').live().filter((q) => submitted.has(q.id));
  return viewsOf(ws, quotes).sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Whether a quote (with its rows) may be printed or exported as given to the customer: approved, or within the limit. */
export function issueBlocker(ws: Workspace, quote: QuoteView, actingUserId: string): Label | null {
  const s = quoteStatusOf(quote);
  if (s === 'approved') return null;
  if (s === 'pending') return { zh: '报价单正在审批中', en: 'The quote is awaiting approval' };
  const need = approvalNeedOf(ws, quote, actingUserId);
  if (need.needed) return { zh: '折扣超出职位折扣,须审批通过后才能出具', en: 'The discount exceeds the position limit; it must be approved before it is issued' };
  return null;
}
