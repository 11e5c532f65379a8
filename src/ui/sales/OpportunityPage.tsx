import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import {
  allowedActions, conversionBlocker, opportunityAmountOf, projectsFrom, quoteStatusOf, quoteTotals, stageModeMismatch,
  statusOf, type Violation,
} from '../../domain/sales';
import {
  auditOpportunity, changeOpportunityStatus, convertToProject, deleteWithPlan, parentViolations, planDelete, planSize, setOpportunityList,
  unauditOpportunity,
} from '../../store/sales/ops';
import { createQuoteFor, viewsOf } from '../../store/sales/quotes';
import { RecordForm } from '../shared/RecordForm';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { RefPicker } from '../shared/FieldInput';
import { useWorkspace } from '../shared/context';
import { recordSections, useModules } from '../shared/module';
import { useTitles } from '../shared/titles';
import { Badge, FieldsView, Violations, WhyDisabled } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Confirm, TextPrompt } from '../shared/dialogs';
import { money } from '../../domain/core/format';
import { useRefusal } from '../shared/refusal';
import { opportunityTone, useNames, usePipelineForm } from './common';
import { RecordsSection } from './RecordsSection';
import { StagePath } from './StagePath';
import { L, t, type MessageKey } from '../i18n';

const STATUS_KEY: Record<string, MessageKey> = {
  active: 'sales.status.active', terminated: 'sales.status.terminated', won: 'sales.status.won', lost: 'sales.status.lost',
};
const QUOTE_STATUS_KEY: Record<string, MessageKey> = {
  draft: 'sales.quoteStatus.draft', pending: 'sales.quoteStatus.pending', approved: 'sales.quoteStatus.approved', rejected: 'sales.quoteStatus.rejected',
};
export { STATUS_KEY, QUOTE_STATUS_KEY };

/** 商机: its fields, status and audit actions, competitors and team, contact records, quotes, projects. */
export function OpportunityPage() {
  const ctx = useWorkspace();
  const sections = recordSections(useModules(), 'opportunities'); // other modules' sections (their UI manifests)
  const params = useParams();
  const navigate = useNavigate();
  const names = useNames();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const refusal = useRefusal();
  const page = useRecordPage('opportunities', () => params.id!);
  const opp = page.record;
  const projects = createMemo(() => projectsFrom(params.id!, ctx.live('projects')) as BaseRecord[]);
  const quotes = createMemo(() => ctx.live('quotes').filter((q) => q.opportunityId === params.id));
  const violations = createMemo<Violation[]>(() => {
    ctx.version('contactRecords')(); ctx.version('quotes')(); ctx.version('salesStages')();
    const o = opp();
    if (!o) return [];
    const out = parentViolations(ctx.ws, 'contactRecords', o.id);
    const mismatch = stageModeMismatch(o, ctx.live('salesStages'));
    if (mismatch) out.push({ code: 'stageMode', ids: [o.id], message: mismatch });
    const amount = opportunityAmountOf(o);
    if (amount !== null && typeof o.amount === 'number' && Math.abs(amount - o.amount) >= 0.01) {
      const text = t('sales.amountStale', { amount: money(amount) });
      out.push({ code: 'amountStale', ids: [o.id], message: { zh: text, en: text } });
    }
    return out;
  });
  const writable = () => ctx.can('sales', 'write');
  const approver = () => ctx.can('sales', 'approve');
  const pipelineForm = usePipelineForm();
  const [editing, setEditing] = createSignal(false);
  const [asking, setAsking] = createSignal<'win' | 'lose' | null>(null);
  const [deleting, setDeleting] = createSignal(false);
  const actions = createMemo(() => (opp() ? allowedActions(opp()!) : []));
  const convertWhy = createMemo(() => (opp() ? conversionBlocker(opp()!, projects()) : null));

  const act = (action: 'terminate' | 'reenable') =>
    refusal.run(changeOpportunityStatus(ctx.ws, params.id!, action), t(action === 'terminate' ? 'sales.terminated' : 'sales.reenabled'));
  const convert = () => {
    const res = convertToProject(ctx.ws, params.id!);
    if (refusal.run(res, t('sales.converted'))) navigate(`${base}/projects/${res.value}`);
  };
  const newQuote = () => navigate(`${base}/quotes/${createQuoteFor(ctx.ws, ctx.userId(), opp()!, 'opportunityId')}`);
  const plan = () => planDelete(ctx.ws, 'opportunities', [params.id!]);

  return (
    <section class="page sales-page">
      <RecordPageGate page={page}>
        {(o) => {
          const status = () => statusOf(o());
          // the hint under the actions names the conversion's condition while it can still be met
          const convertHint = () => !!convertWhy() && !projects().length && status() !== 'terminated';
          return (
            <>
              <div class="page-head wrap">
                <A href={`${base}/opportunities`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title" data-tone={opportunityTone(o())}>{title('opportunities', o())}</h1>
                <Badge tone={opportunityTone(o())}>{t(STATUS_KEY[status()])}</Badge>
                <Show when={o().audited === true}><Badge tone="ok">{t('sales.audited')}</Badge></Show>
                <span class="grow" />
                <RecordPresence collection="opportunities" id={params.id!} />
                <div class="head-actions">
                  <button class="btn" disabled={!writable()} onClick={() => setEditing(true)}>{t('common.edit')}</button>
                  <Show when={actions().includes('terminate')}><button class="btn" disabled={!writable()} onClick={() => act('terminate')}>{t('sales.terminate')}</button></Show>
                  <Show when={actions().includes('reenable')}><button class="btn" disabled={!writable()} onClick={() => act('reenable')}>{t('sales.reenable')}</button></Show>
                  <Show when={actions().includes('win')}><button class="btn" disabled={!writable()} onClick={() => setAsking('win')}>{t('sales.win')}</button></Show>
                  <Show when={actions().includes('lose')}><button class="btn" disabled={!writable()} onClick={() => setAsking('lose')}>{t('sales.lose')}</button></Show>
                  <Show when={o().audited === true} fallback={
                    <button class="btn" disabled={!approver()} title={approver() ? '' : t('sales.needApprove')}
                      onClick={() => refusal.run(auditOpportunity(ctx.ws, o().id, ctx.userId()), t('sales.auditedDone'))}>{t('sales.audit')}</button>
                  }>
                    <button class="btn" disabled={!approver()} title={approver() ? '' : t('sales.needApprove')}
                      onClick={() => refusal.run(unauditOpportunity(ctx.ws, o().id), t('sales.unauditedDone'))}>{t('sales.unaudit')}</button>
                  </Show>
                  <button class="btn primary" disabled={!writable() || !!convertWhy()} title={convertWhy() ? L(convertWhy()!) : ''} onClick={convert}>
                    {t('sales.toProject')}</button>
                  <button class="btn danger" disabled={!writable()} onClick={() => setDeleting(true)}>{t('common.delete')}</button>
                  {/* the conversion's reason, when the hint under the actions does not already say it */}
                  <WhyDisabled reasons={[!approver() && t('sales.needApprove'), writable() && !convertHint() && convertWhy() && L(convertWhy()!)]} />
                </div>
              </div>
              <StagePath opp={o()} disabled={!writable() || status() !== 'active'} />
              <ConflictNotice collection="opportunities" id={params.id!} writable={writable()} />
              <refusal.Banner />
              <Violations list={violations()} />
              <Show when={convertHint()}>
                <p class="muted small">{t('sales.convertHint')}: {L(convertWhy()!)}</p>
              </Show>
              <div class="card">
                <h2>{t('sales.basicInfo')}</h2>
                <FieldsView entity="opportunities" record={o()} skip={['summary', 'note']} />
                <Show when={o().summary}><p><b>{t('sales.summary')}:</b> {String(o().summary)}</p></Show>
                <Show when={o().note}><p class="muted">{String(o().note)}</p></Show>
                <p class="muted small">{t('sales.backfillHint')}</p>
              </div>
              <RecordsSection kind="contactRecords" parentId={o().id} parent={o()} refusal={refusal} flagged={new Set(violations().flatMap((v) => v.ids))}
                addBlocked={status() === 'terminated' ? t('sales.terminatedNoRecords') : null} />
              <QuotesCard quotes={quotes()} disabled={!writable()} onNew={newQuote} />
              <div class="cards">
                <IdList title={t('sales.competitors')} entity="competitors" ids={o().competitorIds} disabled={!writable()}
                  onChange={(ids) => setOpportunityList(ctx.ws, o().id, 'competitorIds', ids)} />
                <IdList title={t('sales.team')} entity="users" ids={o().teamIds} disabled={!writable()}
                  onChange={(ids) => setOpportunityList(ctx.ws, o().id, 'teamIds', ids)} />
              </div>
              <Show when={projects().length}>
                <div class="card">
                  <h2>{t('sales.projectsMade')}</h2>
                  <ul class="plain-list">
                    <For each={projects()}>{(p) => (
                      <li><A href={`${base}/projects/${p.id}`}>{title('projects', p)}</A><span class="muted">{names.stage(p.stageId)} · {String(p.rate ?? '—')}%</span></li>
                    )}</For>
                  </ul>
                  <p class="muted small">{t('sales.unauditBlockedHint')}</p>
                </div>
              </Show>
              <For each={sections}>{(Section) => <Section recordId={params.id!} />}</For>
              <RecordHistory collection="opportunities" id={params.id!} />
              <Show when={editing()}>
                <RecordForm entity="opportunities" record={o()} onClose={() => setEditing(false)} hooks={pipelineForm.hooks}
                  prepare={pipelineForm.prepare} validate={pipelineForm.validate} />
              </Show>
              <Show when={asking()}>{(a) => (
                <TextPrompt title={a() === 'win' ? t('sales.win') : t('sales.lose')} label={t('sales.summary')} required={a() === 'lose'}
                  onOk={(text) => refusal.run(changeOpportunityStatus(ctx.ws, o().id, a(), { summary: text }), t(a() === 'win' ? 'sales.wonDone' : 'sales.lostDone'))}
                  onClose={() => setAsking(null)} />
              )}</Show>
              <Show when={deleting()}>
                <Confirm title={t('common.delete')} danger okLabel={t('common.delete')} onClose={() => setDeleting(false)}
                  onOk={() => { deleteWithPlan(ctx.ws, plan()); navigate(`${base}/opportunities`); }}>
                  <p>{t('sales.confirmDeleteOpp', { n: planSize(plan()) })}</p>
                  <Show when={projects().length}><p class="notice">{t('sales.deleteKeepsProject')}</p></Show>
                </Confirm>
              </Show>
            </>
          );
        }}
      </RecordPageGate>
    </section>
  );
}

/** The 报价单 card of an opportunity or a project: its quotes and "new quote". */
export function QuotesCard(props: { quotes: BaseRecord[]; disabled: boolean; onNew: () => void }) {
  return (
    <div class="card">
      <div class="card-head">
        <h2>{t('sales.quotes')}</h2><span class="grow" />
        <button class="btn" disabled={props.disabled} onClick={() => props.onNew()}>+ {t('sales.newQuote')}</button>
      </div>
      <QuoteTable quotes={props.quotes} />
    </div>
  );
}

/** Quotes as a small table with their totals and approval status. */
export function QuoteTable(props: { quotes: BaseRecord[] }) {
  const ctx = useWorkspace();
  const names = useNames();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  // each quote with its lines (rows of quoteLines), for the totals
  const quotes = createMemo(() => { ctx.version('quoteLines')(); return viewsOf(ctx.ws, props.quotes); });
  return (
    <table class="grid simple">
      <thead><tr><th>{t('sales.col.quoteNo')}</th><th>{t('sales.col.date')}</th><th>{t('sales.col.customer')}</th><th>{t('sales.col.owner')}</th>
        <th>{t('sales.col.link')}</th><th class="num">{t('sales.col.lineAmount')}</th><th class="num">{t('sales.col.discounted')}</th><th>{t('sales.col.approval')}</th></tr></thead>
      <tbody>
        <For each={quotes()} fallback={<tr><td colspan="8" class="muted">{t('sales.noQuotes')}</td></tr>}>{(q) => {
          const tot = () => quoteTotals(q.lines);
          const link = () => {
            const cr = q.contactRecordId ? ctx.get('contactRecords', String(q.contactRecordId)) : undefined;
            const mr = q.maintenanceRecordId ? ctx.get('maintenanceRecords', String(q.maintenanceRecordId)) : undefined;
            if (cr) return `${t('sales.contactRecord')} ${String(cr.date ?? '')}`;
            if (mr) return `${t('sales.maintenanceRecord')} ${String(mr.date ?? '')}`;
            return t('sales.standalone');
          };
          return (
            <tr>
              <td><A href={`${base}/quotes/${q.id}`}>{title('quotes', q) || '—'}</A></td>
              <td>{String(q.date ?? '')}</td>
              <td>{names.customer(q.customerId)}</td>
              <td>{names.user(q.ownerId)}</td>
              <td>{link()}</td>
              <td class="num">{money(tot().amount)}</td>
              <td class="num">{money(tot().discountedAmount)}</td>
              <td><Badge tone={quoteStatusOf(q) === 'pending' ? 'warn' : quoteStatusOf(q) === 'approved' ? 'ok' : quoteStatusOf(q) === 'rejected' ? 'red' : undefined}>
                {t(QUOTE_STATUS_KEY[quoteStatusOf(q)])}</Badge></td>
            </tr>
          );
        }}</For>
      </tbody>
    </table>
  );
}

/** A list of ids (competitors, team members) as chips, with a picker to add one. */
function IdList(props: { title: string; entity: string; ids: unknown; disabled: boolean; onChange: (ids: string[]) => void }) {
  const ids = () => (Array.isArray(props.ids) ? props.ids.filter((x): x is string => typeof x === 'string') : []);
  const title = useTitles();
  const nameOf = (id: string) => title(props.entity, id) || `⚠ ${id}`;
  return (
    <div class="card id-list" data-entity={props.entity}>
      <h2>{props.title}</h2>
      <div class="chips">
        <For each={ids()} fallback={<span class="muted">{t('sales.noneYet')}</span>}>{(id) => (
          <span class="chip">{nameOf(id)}
            <Show when={!props.disabled}>
              <button class="icon-btn" aria-label={t('common.delete')} onClick={() => props.onChange(ids().filter((x) => x !== id))}>×</button>
            </Show>
          </span>
        )}</For>
      </div>
      <Show when={!props.disabled}>
        <div class="row-inline">
          <span class="muted small">{t('sales.addTo')}</span>
          <RefPicker entity={props.entity} value="" id={`add-${props.entity}`} onChange={(v) => v && !ids().includes(v) && props.onChange([...ids(), v])} />
        </div>
      </Show>
    </div>
  );
}
