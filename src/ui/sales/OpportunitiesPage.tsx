import { Show } from 'solid-js';
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { allowedActions, projectStatusOf, statusOf, type Result } from '../../domain/sales';
import {
  auditOpportunity, binSalesRecords, changeOpportunityStatus, changeProjectStatus, copyProjectAsOpportunity,
  unauditOpportunity,
} from '../../store/sales/ops';
import { newQuoteDefaults } from '../../store/sales/quotes';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { report } from '../shared/refusal';
import { opportunityTone, projectTone, usePipelineForm } from './common';
import { quoteTone } from './QuotePage';
import { t } from '../i18n';

/** 商机管理: the list (terminated red, won blue) with the menu actions of 精财 §3.1; `?stage=` keeps the active ones of one stage (a home card's link). */
export function OpportunitiesPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const stage = () => (typeof params.stage === 'string' && params.stage ? params.stage : null);
  const inStage = () => { const s = stage(); return s ? (r: BaseRecord) => r.stageId === s && statusOf(r) === 'active' : undefined; };
  const form = usePipelineForm();
  const writable = () => ctx.can('sales', 'write');
  const approver = () => ctx.can('sales', 'approve');
  /** Run an action on each selected row; refusals are shown, successes counted. */
  const each = (sel: BaseRecord[], run: (r: BaseRecord) => Result<unknown>) => {
    const n = sel.map(run).filter((res) => report(res)).length;
    if (n) report({ ok: true, value: null }, t('sales.doneN', { n }));
  };
  const actions = (sel: () => BaseRecord[]) => (
    <>
      <button class="btn" disabled={!writable() || !sel().some((r) => allowedActions(r).includes('terminate'))}
        onClick={() => each(sel().filter((r) => allowedActions(r).includes('terminate')), (r) => changeOpportunityStatus(ctx.ws, r.id, 'terminate'))}>{t('sales.terminate')}</button>
      <button class="btn" disabled={!writable() || !sel().some((r) => allowedActions(r).includes('reenable'))}
        onClick={() => each(sel().filter((r) => allowedActions(r).includes('reenable')), (r) => changeOpportunityStatus(ctx.ws, r.id, 'reenable'))}>{t('sales.reenable')}</button>
      <button class="btn" disabled={!approver() || !sel().some((r) => r.audited !== true)}
        onClick={() => each(sel().filter((r) => r.audited !== true), (r) => auditOpportunity(ctx.ws, r.id, ctx.userId()))}>{t('sales.audit')}</button>
      <button class="btn" disabled={!approver() || !sel().some((r) => r.audited === true)}
        onClick={() => each(sel().filter((r) => r.audited === true), (r) => unauditOpportunity(ctx.ws, r.id))}>{t('sales.unaudit')}</button>
    </>
  );
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.opportunities')} <span class="legend"><i data-tone="red" />{t('sales.status.terminated')} <i data-tone="blue" />{t('sales.status.won')} <i data-tone="gray" />{t('sales.status.lost')}</span></h1>
      <Show when={stage()}>{(s) => (
        <p class="notice stage-filter" data-testid="stage-filter">{t('sales.stageFilter', { stage: String(ctx.get('salesStages', s())?.name ?? s()) })}
          {' '}<A href={`/w/${ctx.ws.id}/opportunities`}>{t('sales.clearFilter')}</A></p>
      )}</Show>
      <RecordList entity="opportunities" actions={actions} filterBase={inStage()}
        onOpen={(r) => navigate(`/w/${ctx.ws.id}/opportunities/${r.id}`)}
        rowTone={opportunityTone}
        prepare={form.prepare} validate={form.validate}
        hooks={{ ...form.hooks, onSaved: (r) => navigate(`/w/${ctx.ws.id}/opportunities/${r.id}`) }}
        toBin={binSalesRecords} />
    </section>
  );
}

/** 项目管理: terminated projects red; terminate / re-enable; copy as a new opportunity. */
export function ProjectsPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const form = usePipelineForm();
  const writable = () => ctx.can('sales', 'write');
  const one = (sel: () => BaseRecord[]) => (sel().length === 1 ? sel()[0] : null);
  const actions = (sel: () => BaseRecord[]) => (
    <>
      <button class="btn" disabled={!writable() || !sel().some((r) => projectStatusOf(r) === 'active')}
        onClick={() => sel().filter((r) => projectStatusOf(r) === 'active').forEach((r) => report(changeProjectStatus(ctx.ws, r.id, 'terminated')))}>{t('sales.terminateProject')}</button>
      <button class="btn" disabled={!writable() || !sel().some((r) => projectStatusOf(r) === 'terminated')}
        onClick={() => sel().filter((r) => projectStatusOf(r) === 'terminated').forEach((r) => report(changeProjectStatus(ctx.ws, r.id, 'active')))}>{t('sales.reenableProject')}</button>
      <button class="btn" disabled={!writable() || !one(sel)}
        onClick={() => { const res = copyProjectAsOpportunity(ctx.ws, one(sel)!.id, ctx.userId()); if (report(res, t('sales.copied'))) navigate(`/w/${ctx.ws.id}/opportunities/${res.value}`); }}>
        {t('sales.copyAsOpportunity')}</button>
    </>
  );
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.projects')}</h1>
      <RecordList entity="projects" actions={actions}
        onOpen={(r) => navigate(`/w/${ctx.ws.id}/projects/${r.id}`)}
        rowTone={projectTone}
        prepare={form.prepare} validate={form.validate}
        hooks={{ ...form.hooks, onSaved: (r) => navigate(`/w/${ctx.ws.id}/projects/${r.id}`) }}
        toBin={binSalesRecords} />
    </section>
  );
}

/** 报价管理: every quote; a new one opens its page to add lines. */
export function QuotesPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.quotes')}</h1>
      <RecordList entity="quotes"
        defaults={{ code: newQuoteDefaults(ctx.ws, ctx.userId()).code }}
        onOpen={(r) => navigate(`/w/${ctx.ws.id}/quotes/${r.id}`)}
        rowTone={quoteTone}
        toBin={binSalesRecords}
        hooks={{ onSaved: (r) => navigate(`/w/${ctx.ws.id}/quotes/${r.id}`) }} />
    </section>
  );
}
