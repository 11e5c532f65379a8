import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import type { Errors } from '../../domain/core/validate';
import { asNumber } from '../../domain/core/numbers';
import { toCsv } from '../../domain/core/csv';
import {
  quoteEditBlocker, quoteLinkBlocker, quoteStatusOf, quoteTotals, quoteView, submitterOf, lineAmounts,
  type RateBreakdown, type Values,
} from '../../domain/sales';
import {
  approvalNeedOf, approvalStepsOf, approveQuoteAs, decideBlockerFor, issueBlocker, limitOf, linesOf, priceLines, quotingUser, rejectQuoteAs,
  saveQuoteLines, submitQuoteForApproval, withdrawQuoteAs, type LineEdit,
} from '../../store/sales/quotes';
import { deleteWithPlan, planDelete } from '../../store/sales/ops';
import { RecordForm } from '../shared/RecordForm';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { useWorkspace } from '../shared/context';
import { recordSections, useModules } from '../shared/module';
import { useTitles } from '../shared/titles';
import { download } from '../shared/download';
import { Badge, WhyDisabled } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Confirm, TextPrompt } from '../shared/dialogs';
import { money, dateTime, ratePct } from '../../domain/core/format';
import { useRefusal } from '../shared/refusal';
import { refuse } from '../../domain/core/result';
import { rateText, useNames } from './common';
import { QUOTE_STATUS_KEY } from './OpportunityPage';
import { L, t, lang } from '../i18n';
import { ApprovalConflicts } from '../approvals/ApprovalPanel';

/** A line in the editor: the row it edits (`id`; none for a new line) and the text typed. */
interface Draft { id?: string; productId: string; quantity: string; unitPrice: string; manualRate: string }

/** An amount in a CSV cell: a plain figure a spreadsheet reads (no separators), unlike `money`. */
const cell = (n: number) => n.toFixed(2);

const toDraft = (l: unknown): Draft => {
  const v = (typeof l === 'object' && l !== null ? l : {}) as Values;
  const s = (x: unknown) => (asNumber(x) === null ? '' : String(asNumber(x)));
  return {
    ...(typeof v.id === 'string' ? { id: v.id } : {}),
    productId: typeof v.productId === 'string' ? v.productId : '', quantity: s(v.quantity), unitPrice: s(v.unitPrice), manualRate: s(v.manualRate),
  };
};

export function quoteTone(q: BaseRecord): string | undefined {
  const s = quoteStatusOf(q);
  return s === 'pending' ? 'warn' : s === 'approved' ? 'ok' : s === 'rejected' ? 'red' : undefined;
}

/** 报价单: header, lines priced by the engine, the approval flow with its history, print and CSV. */
export function QuotePage() {
  const ctx = useWorkspace();
  const sections = recordSections(useModules(), 'quotes'); // other modules' sections (their UI manifests)
  const params = useParams();
  const navigate = useNavigate();
  const names = useNames();
  const refusal = useRefusal();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const page = useRecordPage('quotes', () => params.id!);
  const quote = page.record;
  const products = createMemo(() => ctx.live('products').sort((a, b) => String(a.code ?? '').localeCompare(String(b.code ?? ''))));
  // the quote's rows: each line and each approval step is a record of its own
  const lines = createMemo(() => { ctx.version('quoteLines')(); return linesOf(ctx.ws, params.id!); });
  // approval steps: the engine's records (and the rows an older version kept in quoteSteps)
  const steps = createMemo(() => { ctx.version('quotes')(); ctx.version('quoteSteps')(); ctx.version('approvalSteps')(); return approvalStepsOf(ctx.ws, params.id!); });
  const view = createMemo(() => { const q = quote(); return q ? quoteView(q, lines(), steps()) : undefined; });

  // ---- lines being edited (a draft until saved) ----
  const [drafts, setDrafts] = createSignal<Draft[]>([]);
  const [dirty, setDirty] = createSignal(false);
  // the rows the editor started from: saving removes only those the user took out, never a line
  // another device added meanwhile
  let shown: string[] = [];
  const fromRows = () => { setDirty(false); shown = lines().map((r) => r.id); setDrafts(lines().map(toDraft)); };
  createEffect(on(lines, () => { if (!dirty()) fromRows(); }));
  const edit = (i: number, patch: Partial<Draft>) => { setDrafts(drafts().map((d, j) => (j === i ? { ...d, ...patch } : d))); setDirty(true); };
  const inputs = createMemo<LineEdit[]>(() => drafts().map((d) => ({
    ...(d.id ? { id: d.id } : {}),
    productId: d.productId, quantity: asNumber(d.quantity) ?? 0,
    unitPrice: asNumber(d.unitPrice) ?? undefined, manualRate: asNumber(d.manualRate),
  })));
  const priced = createMemo(() => {
    ctx.version('discounts')(); ctx.version('customers')();
    return priceLines(ctx.ws, quote()?.customerId, inputs());
  });
  const totals = createMemo(() => quoteTotals(dirty() ? priced().lines : lines()));
  const need = createMemo(() => {
    ctx.version('roles')(); ctx.version('users')(); ctx.version('discounts')();
    const q = quote();
    return q ? approvalNeedOf(ctx.ws, { ownerId: q.ownerId, lines: dirty() ? priced().lines : lines() }, ctx.userId()) : null;
  });
  const limit = createMemo(() => { const q = quote(); return q ? limitOf(ctx.ws, quotingUser(q, ctx.userId())) : null; });

  const status = () => (quote() ? quoteStatusOf(quote()!) : 'draft');
  const lastDecision = () => steps().filter((s) => s.action === 'approve').pop();
  const writable = () => ctx.can('sales', 'write');
  const locked = () => (quote() ? quoteEditBlocker(quote()!) : null);
  const decideWhy = createMemo(() => {
    for (const c of ['users', 'roles', 'departments', 'approvalRules']) ctx.version(c)();
    steps();
    return quote() ? decideBlockerFor(ctx.ws, quote()!, ctx.userId()) : null;
  });
  const issueWhy = createMemo(() => { ctx.version('discounts')(); ctx.version('roles')(); return view() ? issueBlocker(ctx.ws, view()!, ctx.userId()) : null; });

  const save = () => {
    if (refusal.run(saveQuoteLines(ctx.ws, params.id!, inputs(), shown), t('sales.linesSaved'))) fromRows();
  };
  const cancelEdit = () => fromRows();
  const [prompt, setPrompt] = createSignal<'submit' | 'approve' | 'reject' | null>(null);
  const [editingHead, setEditingHead] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);

  const print = () => {
    const why = issueWhy();
    if (why) return refusal.run(refuse(why));
    refusal.clear();
    window.print();
  };
  const exportCsv = async () => {
    const q = quote()!;
    const why = issueWhy();
    if (why) return refusal.run(refuse(why));
    const rows: string[][] = [
      [t('sales.col.quoteNo'), String(q.code ?? ''), t('sales.col.date'), String(q.date ?? '')],
      [t('sales.col.customer'), names.customer(q.customerId), t('sales.col.owner'), names.user(q.ownerId)],
      [],
      [t('sales.col.product'), t('sales.col.spec'), t('sales.col.unit'), t('sales.col.qty'), t('sales.col.unitPrice'), t('sales.col.discountRate'),
        t('sales.col.netUnitPrice'), t('sales.col.lineAmount'), t('sales.col.discounted')],
      ...lineRows(lines()).map((r) => [r.name, r.spec, r.unit, String(r.a.quantity), cell(r.a.unitPrice), String(r.a.rate),
        cell(r.a.netUnitPrice), cell(r.a.amount), cell(r.a.discountedAmount)]),
      [t('sales.total'), '', '', '', '', String(quoteTotals(lines()).rate ?? ''), '', cell(quoteTotals(lines()).amount), cell(quoteTotals(lines()).discountedAmount)],
    ];
    download(t('sales.quoteFile', { code: String(q.code ?? q.id) }), await toCsv(rows));
  };
  const lineRows = (lines: unknown) => (Array.isArray(lines) ? lines : []).map((l) => {
    const a = lineAmounts((typeof l === 'object' && l !== null ? l : {}) as Values);
    const p = a.productId ? ctx.get('products', a.productId) : undefined;
    return { a, name: String(p?.name ?? '⚠'), spec: String(p?.spec ?? ''), unit: p?.unit ? names.dict('productUnit', p.unit) : '' };
  });
  const company = () => ctx.get('company', 'company');

  const headLocked = (old?: BaseRecord) => (old && quoteEditBlocker(old) ? ctx.def('quotes').fields.map((f) => f.key) : []);
  const headValidate = (v: RecordValues, old?: BaseRecord): Errors => {
    const why = old ? quoteEditBlocker(old) : null;
    if (why) return { code: why };
    const clash = quoteLinkBlocker({ ...v, id: old?.id }, ctx.live('quotes'));
    return clash ? { [v.maintenanceRecordId ? 'maintenanceRecordId' : 'contactRecordId']: clash } : {};
  };

  return (
    <section class="page sales-page quote-page">
      <RecordPageGate page={page}>
        {(q) => {
          return (
            <>
              <div class="page-head wrap no-print">
                <A href={q().opportunityId ? `${base}/opportunities/${String(q().opportunityId)}` : `${base}/quotes`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{t('sales.quote')} {title('quotes', q())}</h1>
                <Badge tone={quoteTone(q())}>{t(QUOTE_STATUS_KEY[status()])}</Badge>
                <span class="grow" />
                <RecordPresence collection="quotes" id={params.id!} />
                <div class="head-actions">
                  <button class="btn" disabled={!writable() || !!locked()} onClick={() => setEditingHead(true)}>{t('sales.editHeader')}</button>
                  <Show when={status() === 'draft' || status() === 'rejected'}>
                    <button class="btn primary" disabled={!writable() || dirty() || !drafts().length} title={dirty() ? t('sales.saveFirst') : ''}
                      onClick={() => setPrompt('submit')}>{t('sales.submit')}</button>
                  </Show>
                  <Show when={status() === 'pending' && submitterOf(view()!) === ctx.userId()}>
                    <button class="btn" onClick={() => refusal.run(withdrawQuoteAs(ctx.ws, q().id, ctx.userId()), t('sales.withdrawn'))}>{t('sales.withdraw')}</button>
                  </Show>
                  <Show when={status() === 'pending'}>
                    <button class="btn primary" disabled={!!decideWhy()} title={decideWhy() ? L(decideWhy()!) : ''} onClick={() => setPrompt('approve')}>{t('sales.approve')}</button>
                    <button class="btn danger" disabled={!!decideWhy()} title={decideWhy() ? L(decideWhy()!) : ''} onClick={() => setPrompt('reject')}>{t('sales.reject')}</button>
                  </Show>
                  <button class="btn" onClick={print}>{t('list.print')}</button>
                  <button class="btn" onClick={exportCsv}>{t('list.export')}</button>
                  <WhyDisabled reasons={[(status() === 'draft' || status() === 'rejected') && writable() && dirty() && t('sales.saveFirst'),
                    status() === 'pending' && decideWhy() && L(decideWhy()!)]} />
                  <button class="btn danger" disabled={!writable() || !!locked()} onClick={() => setDeleting(true)}>{t('common.delete')}</button>
                </div>
              </div>
              <div class="no-print"><refusal.Banner /></div>
              <div class="no-print"><ConflictNotice collection="quotes" id={params.id!} writable={ctx.can('sales', 'write')} /></div>
              <Show when={locked()}><p class="notice no-print">{L(locked()!)}</p></Show>

              <div class="card no-print">
                <dl class="fields">
                  <div><dt>{t('sales.col.customer')}</dt><dd><Show when={q().customerId} fallback="—"><A href={`${base}/customers/${String(q().customerId)}`}>{names.customer(q().customerId)}</A></Show></dd></div>
                  <div><dt>{t('sales.col.owner')}</dt><dd>{names.user(q().ownerId)}</dd></div>
                  <div><dt>{t('sales.col.date')}</dt><dd>{String(q().date ?? '—')}</dd></div>
                  <div><dt>{t('sales.col.opportunity')}</dt><dd><Show when={q().opportunityId} fallback="—">
                    <A href={`${base}/opportunities/${String(q().opportunityId)}`}>{title('opportunities', q().opportunityId) || '⚠'}</A></Show></dd></div>
                  <div><dt>{t('sales.col.link')}</dt><dd>{linkText(q())}</dd></div>
                  <Show when={q().projectId}><div><dt>{t('sales.col.project')}</dt><dd>
                    <A href={`${base}/projects/${String(q().projectId)}`}>{title('projects', q().projectId) || '⚠'}</A></dd></div></Show>
                  <div><dt>{t('sales.positionLimit')}</dt><dd>{limit() === null ? t('sales.noLimit') : rateText(limit())} <span class="muted small">({names.user(quotingUser(q(), ctx.userId()))})</span></dd></div>
                </dl>
                <Show when={q().note}><p class="muted">{String(q().note)}</p></Show>
              </div>

              <div class="card no-print">
                <div class="card-head">
                  <h2>{t('sales.lines')}</h2><span class="grow" />
                  <Show when={dirty()}><span class="warn small">{t('sales.unsaved')}</span>
                    <button class="btn" onClick={cancelEdit}>{t('common.cancel')}</button>
                    <button class="btn primary" onClick={save}>{t('sales.saveLines')}</button></Show>
                </div>
                <div class="scroll-x">
                  <table class="grid simple quote-lines">
                    <thead><tr><th>#</th><th>{t('sales.col.product')}</th><th class="num">{t('sales.col.qty')}</th><th class="num">{t('sales.col.unitPrice')}</th>
                      <th class="num">{t('sales.col.engineRate')}</th><th class="num">{t('sales.col.manualRate')}</th><th class="num">{t('sales.col.lineAmount')}</th>
                      <th class="num">{t('sales.col.discounted')}</th><th /></tr></thead>
                    <tbody>
                      <For each={drafts()} fallback={<tr><td colspan="9" class="muted">{t('sales.noLines')}</td></tr>}>{(d, i) => {
                        const p = () => priced().priced[i()];
                        const product = () => products().find((x) => x.id === d.productId);
                        const dis = () => !writable() || !!locked();
                        return (
                          <tr data-line={i()}>
                            <td>{i() + 1}</td>
                            <td>
                              <select class="line-product" value={d.productId} disabled={dis()} aria-label={t('sales.col.product')}
                                onChange={(e) => edit(i(), { productId: e.currentTarget.value, unitPrice: '' })}>
                                <option value="">{t('form.pick')}</option>
                                <For each={products()}>{(x) => <option value={x.id}>{String(x.code ?? '')} {String(x.name ?? '')}</option>}</For>
                              </select>
                            </td>
                            <td class="num"><input class="line-qty num-input" value={d.quantity} disabled={dis()} aria-label={t('sales.col.qty')}
                              onInput={(e) => edit(i(), { quantity: e.currentTarget.value })} /></td>
                            <td class="num"><input class="line-price num-input" value={d.unitPrice} disabled={dis()} aria-label={t('sales.col.unitPrice')}
                              placeholder={product() ? money(product()!.listPrice) : ''} onInput={(e) => edit(i(), { unitPrice: e.currentTarget.value })} /></td>
                            <td class="num line-rate" title={p() ? whyText(p()!.why) : ''}>{p() && d.productId ? rateText(p()!.why.rate, p()!.amounts.unitPrice * p()!.why.rate) : '—'}</td>
                            <td class="num"><input class="line-manual num-input" value={d.manualRate} disabled={dis()} placeholder="0.9" aria-label={t('sales.col.manualRate')}
                              onInput={(e) => edit(i(), { manualRate: e.currentTarget.value })} /></td>
                            <td class="num">{p() && d.productId ? money(p()!.amounts.amount) : '—'}</td>
                            <td class="num">{p() && d.productId ? money(p()!.amounts.discountedAmount) : '—'}</td>
                            <td><button class="icon-btn" disabled={dis()} aria-label={t('common.delete')}
                              onClick={() => { setDrafts(drafts().filter((_x, j) => j !== i())); setDirty(true); }}>×</button></td>
                          </tr>
                        );
                      }}</For>
                    </tbody>
                  </table>
                </div>
                <div class="quote-summary">
                  <button class="btn" disabled={!writable() || !!locked()}
                    onClick={() => { setDrafts([...drafts(), { productId: '', quantity: '1', unitPrice: '', manualRate: '' }]); setDirty(true); }}>+ {t('sales.addLine')}</button>
                  <span class="grow" />
                  <span>{t('sales.total')} {t('sales.col.lineAmount')}: <b>{money(totals().amount)}</b></span>
                  <span>{t('sales.col.discounted')}: <b class="total-discounted">{money(totals().discountedAmount)}</b></span>
                  <span>{t('sales.overallRate')}: <b class="overall-rate">{rateText(totals().rate)}</b>
                    <Show when={totals().amount > totals().discountedAmount}><span class="muted"> · {t('sales.discountOff', { amount: money(totals().amount - totals().discountedAmount) })}</span></Show></span>
                </div>
                <p class="muted small">{t('sales.pricingRule')}</p>
                <Show when={need()}>{(n) => (
                  <Show when={dirty() || status() !== 'approved' || !n().needed} fallback={
                    <p class="ok-banner approval-need">{t('sales.approvedBy', { who: names.user(lastDecision()?.by), reason: L(n().reason!) })}</p>
                  }>
                    <p class={n().needed ? 'notice approval-need' : 'ok-banner approval-need'}>
                      {n().needed ? `${L(n().reason!)}${status() === 'pending' && !dirty() ? ` — ${t('sales.waitingApproval')}` : ''}` : t('sales.withinLimit')}
                    </p>
                  </Show>
                )}</Show>
              </div>

              <div class="card no-print">
                <h2>{t('sales.approvalHistory')}</h2>
                <ApprovalConflicts entity="quotes" doc={q()} />
                <table class="grid simple steps">
                  <thead><tr><th>{t('sales.col.action')}</th><th>{t('sales.col.by')}</th><th>{t('sales.col.at')}</th><th>{t('sales.col.comment')}</th></tr></thead>
                  <tbody>
                    <For each={steps()} fallback={<tr><td colspan="4" class="muted">{t('sales.noSteps')}</td></tr>}>{(s) => (
                      <tr><td>{names.dict('approvalAction', s.action)}</td><td>{names.user(s.by)}</td><td>{dateTime(s.at, lang())}</td><td class="wrap">{String(s.comment ?? '')}</td></tr>
                    )}</For>
                  </tbody>
                </table>
              </div>

              {/* what the printer gets: a quote for the customer */}
              <div class="quote-print">
                <h2>{String(company()?.name ?? '')}</h2>
                <h1>{t('sales.quote')}</h1>
                <table class="print-head">
                  <tbody>
                    <tr><td>{t('sales.col.quoteNo')}: {String(q().code ?? '')}</td><td>{t('sales.col.date')}: {String(q().date ?? '')}</td></tr>
                    <tr><td>{t('sales.col.customer')}: {names.customer(q().customerId)}</td><td>{t('sales.col.owner')}: {names.user(q().ownerId)}</td></tr>
                  </tbody>
                </table>
                <table class="print-lines">
                  <thead><tr><th>#</th><th>{t('sales.col.product')}</th><th>{t('sales.col.spec')}</th><th>{t('sales.col.unit')}</th><th>{t('sales.col.qty')}</th>
                    <th>{t('sales.col.unitPrice')}</th><th>{t('sales.col.discountRate')}</th><th>{t('sales.col.netUnitPrice')}</th><th>{t('sales.col.discounted')}</th></tr></thead>
                  <tbody>
                    <For each={lineRows(lines())}>{(r, i) => (
                      <tr><td>{i() + 1}</td><td>{r.name}</td><td>{r.spec}</td><td>{r.unit}</td><td>{r.a.quantity}</td><td>{money(r.a.unitPrice)}</td>
                        <td>{ratePct(r.a.rate)}</td><td>{money(r.a.netUnitPrice)}</td><td>{money(r.a.discountedAmount)}</td></tr>
                    )}</For>
                  </tbody>
                  <tfoot><tr><td colspan="8">{t('sales.total')}</td><td>{money(quoteTotals(lines()).discountedAmount)}</td></tr></tfoot>
                </table>
                <p>{String(company()?.address ?? '')} {String(company()?.phone ?? '')}</p>
              </div>

              <For each={sections}>{(Section) => <Section recordId={params.id!} />}</For>
              <RecordHistory collection="quotes" id={params.id!} rows={['quoteLines']} />
              <Show when={editingHead()}>
                <RecordForm entity="quotes" record={q()} onClose={() => setEditingHead(false)} hooks={{ locked: headLocked }}
                  validate={headValidate} />
              </Show>
              <Show when={prompt()}>{(pr) => (
                <TextPrompt title={pr() === 'submit' ? t('sales.submit') : pr() === 'approve' ? t('sales.approve') : t('sales.reject')}
                  label={t('sales.col.comment')} required={pr() === 'reject'}
                  onOk={(text) => {
                    const res = pr() === 'submit' ? submitQuoteForApproval(ctx.ws, q().id, ctx.userId(), text)
                      : pr() === 'approve' ? approveQuoteAs(ctx.ws, q().id, ctx.userId(), text) : rejectQuoteAs(ctx.ws, q().id, ctx.userId(), text);
                    return refusal.run(res, t(pr() === 'submit' ? 'sales.submitted' : pr() === 'approve' ? 'sales.approved' : 'sales.rejected'));
                  }}
                  onClose={() => setPrompt(null)} />
              )}</Show>
              <Show when={deleting()}>
                <Confirm title={t('common.delete')} danger okLabel={t('common.delete')} onClose={() => setDeleting(false)}
                  onOk={() => { deleteWithPlan(ctx.ws, planDelete(ctx.ws, 'quotes', [q().id])); navigate(`${base}/quotes`); }}>
                  <p>{t('sales.confirmDeleteQuote')}</p>
                </Confirm>
              </Show>
            </>
          );
        }}
      </RecordPageGate>
    </section>
  );

  function linkText(q: BaseRecord): string {
    const cr = q.contactRecordId ? ctx.get('contactRecords', String(q.contactRecordId)) : undefined;
    const mr = q.maintenanceRecordId ? ctx.get('maintenanceRecords', String(q.maintenanceRecordId)) : undefined;
    if (cr) return `${t('sales.contactRecord')} ${String(cr.date ?? '')} ${String(cr.summary ?? '')}`;
    if (mr) return `${t('sales.maintenanceRecord')} ${String(mr.date ?? '')} ${String(mr.summary ?? '')}`;
    return t('sales.standalone');
  }
}

/** Why the engine gave this rate, for the hint on the rate cell. */
function whyText(w: RateBreakdown): string {
  const parts: string[] = [];
  if (w.manual !== null) parts.push(t('sales.why.manual', { rate: ratePct(w.manual) }));
  if (w.customer) parts.push(t(w.customer.via === 'customer' ? 'sales.why.customer' : 'sales.why.category', { rate: ratePct(w.customer.rate) }));
  if (w.agent) parts.push(t('sales.why.agent', { rate: ratePct(w.agent.rate) }));
  if (w.volume) parts.push(t('sales.why.volume', { rate: ratePct(w.volume.rate) }));
  return parts.length ? parts.join('; ') : t('sales.why.none');
}
