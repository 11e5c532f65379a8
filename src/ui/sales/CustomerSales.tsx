import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { statusOf, projectStatusOf } from '../../domain/sales';
import { RecordForm } from '../shared/RecordForm';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge } from '../shared/RecordView';
import { money } from '../../domain/core/format';
import { opportunityTone, projectTone, useNames } from './common';
import { QuoteTable, STATUS_KEY } from './OpportunityPage';
import { L, t } from '../i18n';

/** On the customer's page: its leads, opportunities, quotes and projects (客户全貌, the sales part). */
export function CustomerSales(props: { customerId: string }) {
  const ctx = useWorkspace();
  const names = useNames();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const of = (c: string) => createMemo(() => ctx.where(c, 'customerId', props.customerId));
  const leads = of('leads');
  const opps = of('opportunities');
  const quotes = of('quotes');
  const projects = of('projects');
  // new records for this customer start with its owner as their owner (the entities' defaults, SPEC B)
  const [adding, setAdding] = createSignal<'leads' | 'opportunities' | 'activities' | null>(null);
  const newTitle = (entity: string) => t('form.newTitle', { entity: L(ctx.def(entity).label) });
  return (
    <div class="card customer-sales">
      <div class="card-head">
        <h2>{t('sales.customerSales')}</h2><span class="grow" />
        <button class="btn" disabled={!ctx.can('sales', 'write')} onClick={() => setAdding('leads')}>+ {t('sales.newLead')}</button>
        <button class="btn new-opportunity" disabled={!ctx.can('sales', 'write')} onClick={() => setAdding('opportunities')}>+ {newTitle('opportunities')}</button>
        <button class="btn new-activity" disabled={!ctx.can('sales', 'write')} onClick={() => setAdding('activities')}>+ {newTitle('activities')}</button>
      </div>
      <h4>{t('nav.leads')} ({leads().length})</h4>
      <ul class="plain-list">
        <For each={leads()} fallback={<li class="muted">{t('sales.noneYet')}</li>}>{(l) => (
          <li><span>{String(l.subject ?? '')} <span class="muted small">{String(l.date ?? '')}</span></span>
            <span>{names.dict('leadStatus', l.status)}
              <Show when={l.opportunityId}> · <A href={`${base}/opportunities/${String(l.opportunityId)}`}>{t('sales.openOpportunity')}</A></Show></span></li>
        )}</For>
      </ul>
      <h4>{t('nav.opportunities')} ({opps().length})</h4>
      <ul class="plain-list">
        <For each={opps()} fallback={<li class="muted">{t('sales.noneYet')}</li>}>{(o) => (
          <li data-tone={opportunityTone(o)}><A href={`${base}/opportunities/${o.id}`}>{title('opportunities', o)}</A>
            <span>{names.stage(o.stageId)} · {money(o.amount)} <Badge tone={opportunityTone(o)}>{t(STATUS_KEY[statusOf(o)])}</Badge></span></li>
        )}</For>
      </ul>
      <h4>{t('nav.quotes')} ({quotes().length})</h4>
      <QuoteTable quotes={quotes()} />
      <h4>{t('nav.projects')} ({projects().length})</h4>
      <ul class="plain-list">
        <For each={projects()} fallback={<li class="muted">{t('sales.noneYet')}</li>}>{(p) => (
          <li><A href={`${base}/projects/${p.id}`}>{title('projects', p)}</A>
            <span>{money(p.actualAmount)} <Show when={projectStatusOf(p) === 'terminated'}><Badge tone={projectTone(p)}>{t('sales.status.terminated')}</Badge></Show></span></li>
        )}</For>
      </ul>
      <Show when={adding()}>{(entity) => (
        <RecordForm entity={entity()} defaults={{ customerId: props.customerId }}
          onClose={() => setAdding(null)} />
      )}</Show>
    </div>
  );
}
