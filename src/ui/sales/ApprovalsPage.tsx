import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { quoteStatusOf, quoteTotals, type Values } from '../../domain/sales';
import { approvalNeedOf, approveQuoteAs, inboxOf, mySubmissions, rejectQuoteAs } from '../../store/sales/quotes';
import { useWorkspace } from '../shared/context';
import { recordSections, useModules } from '../shared/module';
import { useTitles } from '../shared/titles';
import { Badge } from '../shared/RecordView';
import { TextPrompt } from '../shared/dialogs';
import { money, dateTime } from '../../domain/core/format';
import { useRefusal } from '../shared/refusal';
import { rateText, useNames } from './common';
import { QUOTE_STATUS_KEY } from './OpportunityPage';
import { quoteTone } from './QuotePage';
import { L, t, lang } from '../i18n';

const lastStep = (q: BaseRecord, action?: string): Values | undefined => {
  const steps = Array.isArray(q.steps) ? (q.steps as Values[]) : [];
  for (let i = steps.length - 1; i >= 0; i--) if (!action || steps[i]?.action === action) return steps[i];
  return undefined;
};

/** 审批箱: quotes waiting for this user's decision, and the state of the ones this user submitted. */
export function ApprovalsPage() {
  const ctx = useWorkspace();
  const names = useNames();
  const title = useTitles();
  const refusal = useRefusal();
  const base = `/w/${ctx.ws.id}`;
  const sections = recordSections(useModules(), 'approvals'); // other modules' waiting documents (orders)
  // quotes with their rows (lines and approval steps are records of their own)
  const rows = () => { for (const c of ['quotes', 'quoteLines', 'quoteSteps', 'approvalSteps', 'approvalRules', 'departments']) ctx.version(c)(); };
  const inbox = createMemo(() => { rows(); ctx.version('users')(); ctx.version('roles')(); return inboxOf(ctx.ws, ctx.userId()); });
  const mine = createMemo(() => { rows(); return mySubmissions(ctx.ws, ctx.userId()); });
  const [deciding, setDeciding] = createSignal<{ q: BaseRecord; approve: boolean } | null>(null);

  return (
    <section class="page sales-page approvals-page">
      <h1 class="page-title">{t('nav.approvals')}</h1>
      <refusal.Banner />
      <Show when={!ctx.can('sales', 'approve')}><p class="notice">{t('sales.noApproveRight')}</p></Show>
      <div class="card">
        <h2>{t('sales.inbox')} <span class="count-pill">{inbox().length}</span></h2>
        <ul class="inbox">
          <For each={inbox()} fallback={<li class="muted empty-line">{t('sales.inboxEmpty')}</li>}>{(q) => {
            const tot = () => quoteTotals(q.lines);
            const submit = () => lastStep(q, 'submit');
            const need = () => approvalNeedOf(ctx.ws, q, String(submit()?.by ?? ''));
            const opp = () => (typeof q.opportunityId === 'string' ? ctx.get('opportunities', q.opportunityId) : undefined);
            const products = () => (Array.isArray(q.lines) ? (q.lines as Values[]) : []).map((l) => `${names.product(l.productId)} × ${String(l.quantity ?? '?')}`).join(', ');
            return (
              <li class="inbox-item" data-id={q.id}>
                <div class="inbox-main">
                  <div class="inbox-title">
                    <A href={`${base}/quotes/${q.id}`}><b>{title('quotes', q) || '—'}</b></A>
                    <span>{names.customer(q.customerId)}</span>
                    <Show when={opp()}><span class="muted">· {title('opportunities', opp())}</span></Show>
                  </div>
                  <dl class="inbox-facts">
                    <div><dt>{t('sales.col.owner')}</dt><dd>{names.user(submit()?.by ?? q.ownerId)}</dd></div>
                    <div><dt>{t('sales.col.submittedAt')}</dt><dd>{dateTime(submit()?.at, lang())}</dd></div>
                    <div><dt>{t('sales.col.lineAmount')}</dt><dd>{money(tot().amount)}</dd></div>
                    <div><dt>{t('sales.col.discounted')}</dt><dd><b>{money(tot().discountedAmount)}</b></dd></div>
                    <div><dt>{t('sales.overallRate')}</dt><dd class="warn"><b>{rateText(tot().rate)}</b></dd></div>
                    <div><dt>{t('sales.lines')}</dt><dd>{products()}</dd></div>
                  </dl>
                  <p class="small warn">{need().reason ? L(need().reason!) : t('sales.withinLimit')}</p>
                  <Show when={submit()?.comment}><p class="submit-comment">“{String(submit()!.comment)}”</p></Show>
                </div>
                <div class="inbox-actions">
                  <button class="btn primary" onClick={() => setDeciding({ q, approve: true })}>{t('sales.approve')}</button>
                  <button class="btn danger" onClick={() => setDeciding({ q, approve: false })}>{t('sales.reject')}</button>
                </div>
              </li>
            );
          }}</For>
        </ul>
      </div>
      <For each={sections}>{(Section) => <Section recordId={ctx.userId()} />}</For>
      <div class="card">
        <h2>{t('sales.mySubmissions')}</h2>
        <div class="scroll-x">
          <table class="grid simple">
            <thead><tr><th>{t('sales.col.quoteNo')}</th><th>{t('sales.col.customer')}</th><th>{t('sales.col.approval')}</th><th>{t('sales.col.by')}</th><th>{t('sales.col.at')}</th><th>{t('sales.col.comment')}</th></tr></thead>
            <tbody>
              <For each={mine()} fallback={<tr><td colspan="6" class="muted">{t('sales.noSubmissions')}</td></tr>}>{(q) => {
                const last = () => lastStep(q);
                return (
                  <tr>
                    <td><A href={`${base}/quotes/${q.id}`}>{String(q.code ?? '—')}</A></td>
                    <td>{names.customer(q.customerId)}</td>
                    <td><Badge tone={quoteTone(q)}>{t(QUOTE_STATUS_KEY[quoteStatusOf(q)])}</Badge></td>
                    <td>{names.user(last()?.by)}</td>
                    <td>{dateTime(last()?.at, lang())}</td>
                    <td class="wrap">{String(last()?.comment ?? '')}</td>
                  </tr>
                );
              }}</For>
            </tbody>
          </table>
        </div>
      </div>
      <Show when={deciding()}>{(d) => (
        <TextPrompt title={`${d().approve ? t('sales.approve') : t('sales.reject')} ${String(d().q.code ?? '')}`} label={t('sales.col.comment')}
          required={!d().approve} okLabel={d().approve ? t('sales.approve') : t('sales.reject')}
          onOk={(text) => refusal.run(d().approve ? approveQuoteAs(ctx.ws, d().q.id, ctx.userId(), text) : rejectQuoteAs(ctx.ws, d().q.id, ctx.userId(), text),
            t(d().approve ? 'sales.approved' : 'sales.rejected'))}
          onClose={() => setDeciding(null)} />
      )}</Show>
    </section>
  );
}
