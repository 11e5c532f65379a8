import { Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { actualProfit, actualProfitRate, projectStatusOf, stageModeMismatch, type Violation } from '../../domain/sales';
import { changeProjectStatus, copyProjectAsOpportunity, deleteWithPlan, parentViolations, planDelete, planSize } from '../../store/sales/ops';
import { createQuoteFor } from '../../store/sales/quotes';
import { RecordForm } from '../shared/RecordForm';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge, FieldsView, Violations } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Confirm } from '../shared/dialogs';
import { money, pct } from '../../domain/core/format';
import { useRefusal } from '../shared/refusal';
import { projectTone, usePipelineForm } from './common';
import { QuotesCard } from './OpportunityPage';
import { RecordsSection } from './RecordsSection';
import { t } from '../i18n';

/** 项目: fields, actual cost and amount with the profit, maintenance records, quotes; terminate, copy as opportunity. */
export function ProjectPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const navigate = useNavigate();
  const refusal = useRefusal();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const page = useRecordPage('projects', () => params.id!);
  const project = page.record;
  const quotes = createMemo(() => ctx.live('quotes').filter((q) => q.projectId === params.id));
  const violations = createMemo<Violation[]>(() => {
    ctx.version('maintenanceRecords')(); ctx.version('quotes')();
    const p = project();
    if (!p) return [];
    const out = parentViolations(ctx.ws, 'maintenanceRecords', p.id);
    const mismatch = stageModeMismatch(p, ctx.live('salesStages'));
    if (mismatch) out.push({ code: 'stageMode', ids: [p.id], message: mismatch });
    return out;
  });
  const writable = () => ctx.can('sales', 'write');
  const form = usePipelineForm();
  const [editing, setEditing] = createSignal(false);
  const [deleting, setDeleting] = createSignal(false);
  const plan = () => planDelete(ctx.ws, 'projects', [params.id!]);
  const copy = () => {
    const res = copyProjectAsOpportunity(ctx.ws, params.id!, ctx.userId());
    if (refusal.run(res, t('sales.copied'))) navigate(`${base}/opportunities/${res.value}`);
  };
  const newQuote = () => navigate(`${base}/quotes/${createQuoteFor(ctx.ws, ctx.userId(), project()!, 'projectId')}`);

  return (
    <section class="page sales-page">
      <RecordPageGate page={page}>
        {(p) => {
          const terminated = () => projectStatusOf(p()) === 'terminated';
          const rate = () => actualProfitRate(p());
          return (
            <>
              <div class="page-head wrap">
                <A href={`${base}/projects`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title" data-tone={projectTone(p())}>{title('projects', p())}</h1>
                <Badge tone={projectTone(p())}>{terminated() ? t('sales.status.terminated') : t('sales.status.active')}</Badge>
                <span class="grow" />
                <RecordPresence collection="projects" id={params.id!} />
                <div class="head-actions">
                  <button class="btn" disabled={!writable()} onClick={() => setEditing(true)}>{t('common.edit')}</button>
                  <Show when={terminated()} fallback={
                    <button class="btn" disabled={!writable()} onClick={() => refusal.run(changeProjectStatus(ctx.ws, p().id, 'terminated'), t('sales.terminated'))}>{t('sales.terminateProject')}</button>
                  }>
                    <button class="btn" disabled={!writable()} onClick={() => refusal.run(changeProjectStatus(ctx.ws, p().id, 'active'), t('sales.reenabled'))}>{t('sales.reenableProject')}</button>
                  </Show>
                  <button class="btn" disabled={!writable()} onClick={copy}>{t('sales.copyAsOpportunity')}</button>
                  <button class="btn danger" disabled={!writable()} onClick={() => setDeleting(true)}>{t('common.delete')}</button>
                </div>
              </div>
              <refusal.Banner />
              <ConflictNotice collection="projects" id={params.id!} writable={ctx.can('sales', 'write')} />
              <Violations list={violations()} />
              <div class="card">
                <h2>{t('sales.basicInfo')}</h2>
                <Show when={p().opportunityId}>
                  <p>{t('sales.fromOpportunity')}: <A href={`${base}/opportunities/${String(p().opportunityId)}`}>
                    {title('opportunities', p().opportunityId) || t('sales.deletedOpp')}</A></p>
                </Show>
                <FieldsView entity="projects" record={p()} skip={['note', 'opportunityId']} />
                <p class="kpi-line">{t('sales.actualProfit')}: <b>{money(actualProfit(p()))}</b> · {t('sales.actualProfitRate')}: <b>{pct(rate())}</b></p>
                <Show when={p().note}><p class="muted">{String(p().note)}</p></Show>
              </div>
              <RecordsSection kind="maintenanceRecords" parentId={p().id} parent={p()} refusal={refusal} flagged={new Set(violations().flatMap((v) => v.ids))}
                addBlocked={terminated() ? t('sales.terminatedNoRecords') : null} />
              <QuotesCard quotes={quotes()} disabled={!writable()} onNew={newQuote} />
              <RecordHistory collection="projects" id={params.id!} />
              <Show when={editing()}>
                <RecordForm entity="projects" record={p()} onClose={() => setEditing(false)} hooks={form.hooks} prepare={form.prepare} validate={form.validate} />
              </Show>
              <Show when={deleting()}>
                <Confirm title={t('common.delete')} danger okLabel={t('common.delete')} onClose={() => setDeleting(false)}
                  onOk={() => { deleteWithPlan(ctx.ws, plan()); navigate(`${base}/projects`); }}>
                  <p>{t('sales.confirmDeleteProject', { n: planSize(plan()) })}</p>
                </Confirm>
              </Show>
            </>
          );
        }}
      </RecordPageGate>
    </section>
  );
}
