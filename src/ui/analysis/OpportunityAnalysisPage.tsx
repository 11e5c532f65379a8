import { For, Show, createMemo, createSignal, onMount } from 'solid-js';
import {
  OPPORTUNITY_STATUSES, opportunityAnalysis, projectAnalysis, type AnalysisFilter, type AnalysisRow, type GroupBy,
  type OpportunityStatus, type ProjectRow,
} from '../../domain/sales';
import { useWorkspace } from '../shared/context';
import { t } from '../i18n';
import { DrillDialog, type DrillSpec } from './Drill';
import { ModeSelect, OwnerSelect, PeriodInputs, stageName, useModeId, useParam, useStages } from './filters';
import { ReportTable, type ReportCol } from './ReportTable';
import { Guard } from './Guard';

/**
 * 客户机会分析 and 客户项目分析 (精财 §4.1, §4.2; SPEC K): opportunities or projects grouped by
 * customer or by employee with the seven formulas (plus the four actual figures for projects),
 * computed by domain/sales opportunityAnalysis() / projectAnalysis(). Each figure drills down.
 */

const profitCols = (): ReportCol<AnalysisRow>[] => [
  { key: 'count', label: t('analysis.count'), kind: 'int', get: (r) => r.count },
  { key: 'costTotal', label: t('analysis.costTotal'), kind: 'money', get: (r) => r.costTotal },
  { key: 'expectedTotal', label: t('analysis.expectedTotal'), kind: 'money', get: (r) => r.expectedTotal },
  { key: 'amountTotal', label: t('analysis.amountTotal'), kind: 'money', get: (r) => r.amountTotal },
  { key: 'expectedProfit', label: t('analysis.expectedProfit'), kind: 'money', get: (r) => r.expectedProfit },
  { key: 'expectedProfitRate', label: t('analysis.expectedProfitRate'), kind: 'pct', get: (r) => r.expectedProfitRate },
  { key: 'opportunityProfit', label: t('analysis.opportunityProfit'), kind: 'money', get: (r) => r.opportunityProfit },
  { key: 'opportunityProfitRate', label: t('analysis.opportunityProfitRate'), kind: 'pct', get: (r) => r.opportunityProfitRate },
];

const actualCols = (): ReportCol<ProjectRow>[] => [
  { key: 'actualCostTotal', label: t('analysis.actualCostTotal'), kind: 'money', get: (r) => r.actualCostTotal },
  { key: 'actualAmountTotal', label: t('analysis.actualAmountTotal'), kind: 'money', get: (r) => r.actualAmountTotal },
  { key: 'actualProfit', label: t('analysis.actualProfit'), kind: 'money', get: (r) => r.actualProfit },
  { key: 'actualProfitRate', label: t('analysis.actualProfitRate'), kind: 'pct', get: (r) => r.actualProfitRate },
];

function useReport(kind: 'opportunities' | 'projects') {
  const ctx = useWorkspace();
  const p = useParam();
  const by = (): GroupBy => (p.get('by') === 'owner' ? 'owner' : 'customer');
  const filter = createMemo((): AnalysisFilter => {
    const status = p.get('status');
    return {
      stageIds: p.get('stage') ? [p.get('stage')] : undefined,
      statuses: kind === 'opportunities' && (OPPORTUNITY_STATUSES as readonly string[]).includes(status) ? [status as OpportunityStatus] : undefined,
      ownerId: p.get('owner') || undefined,
      from: p.get('from') || undefined, to: p.get('to') || undefined,
    };
  });
  const nameOf = (key: string) => {
    if (!key) return t('analysis.unassigned');
    const rec = ctx.get(by() === 'customer' ? 'customers' : 'users', key);
    return rec ? String(rec.name ?? key) : `${key} ⚠`;
  };
  return { ctx, p, by, filter, nameOf };
}

function Filters(props: { statuses: boolean }) {
  const ctx = useWorkspace();
  const p = useParam();
  const modeId = useModeId();
  const stages = useStages(modeId);
  return (
    <div class="filter-bar">
      <div class="filter-item seg" role="radiogroup" aria-label={t('analysis.groupBy')}>
        <span>{t('analysis.groupBy')}</span>
        <button class="btn" role="radio" aria-checked={p.get('by') !== 'owner'} classList={{ active: p.get('by') !== 'owner' }}
          onClick={() => p.set({ by: '' })}>{t('analysis.byCustomer')}</button>
        <button class="btn" role="radio" aria-checked={p.get('by') === 'owner'} classList={{ active: p.get('by') === 'owner' }}
          onClick={() => p.set({ by: 'owner' })}>{t('analysis.byOwner')}</button>
      </div>
      <ModeSelect />
      <label class="filter-item">
        <span>{t('analysis.stage')}</span>
        <select aria-label={t('analysis.stage')} value={p.get('stage')} onChange={(e) => p.set({ stage: e.currentTarget.value })}>
          <option value="">{t('common.all')}</option>
          <For each={stages()}>{(s) => <option value={s.id}>{stageName(s)}</option>}</For>
        </select>
      </label>
      <Show when={props.statuses}>
        <label class="filter-item">
          <span>{t('analysis.status')}</span>
          <select aria-label={t('analysis.status')} value={p.get('status')} onChange={(e) => p.set({ status: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            <For each={OPPORTUNITY_STATUSES}>{(s) => <option value={s}>{ctx.display({ key: 'status', type: 'dict', dict: 'opportunityStatus', label: { zh: '', en: '' } }, s)}</option>}</For>
          </select>
        </label>
      </Show>
      <OwnerSelect />
      <PeriodInputs label={t('analysis.startPeriod')} />
    </div>
  );
}

function OpportunityAnalysis() {
  const { ctx, by, filter, nameOf } = useReport('opportunities');
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const report = createMemo(() => {
    const t0 = performance.now();
    const opps = ctx.visible('opportunities');
    const t1 = performance.now();
    const r = opportunityAnalysis(opps, by(), filter());
    performance.measure('keyuan:opp-analysis-read', { start: t0, end: t1 });
    performance.measure('keyuan:opp-analysis-compute', { start: t1, end: performance.now() });
    return r;
  });
  onMount(() => requestAnimationFrame(() => performance.mark('keyuan:opp-analysis-painted')));
  return (
    <section class="page analysis-page">
      <div class="page-head"><h1 class="page-title">{t('nav.oppAnalysis')}</h1></div>
      <Filters statuses />
      <div class="card table-card">
        <ReportTable testid="opp-analysis" nameHeader={t(by() === 'customer' ? 'analysis.customer' : 'analysis.employee')}
          name={(r) => nameOf(r.key)} cols={profitCols()} rows={report().rows} total={report().total}
          onDrill={(r, label, figure) => setDrill({ title: t('analysis.oppDrill', { name: label }), entity: 'opportunities', ids: r.ids, figure })} />
        <p class="muted small">{t('analysis.oppFormulas')}</p>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

function ProjectAnalysis() {
  const { ctx, by, filter, nameOf } = useReport('projects');
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const report = createMemo(() => projectAnalysis(ctx.visible('projects'), by(), filter()));
  const cols = (): ReportCol<ProjectRow>[] => [...(profitCols() as ReportCol<ProjectRow>[]), ...actualCols()];
  return (
    <section class="page analysis-page">
      <div class="page-head"><h1 class="page-title">{t('nav.projectAnalysis')}</h1></div>
      <Filters statuses={false} />
      <div class="card table-card">
        <ReportTable testid="project-analysis" nameHeader={t(by() === 'customer' ? 'analysis.customer' : 'analysis.employee')}
          name={(r) => nameOf(r.key)} cols={cols()} rows={report().rows} total={report().total}
          onDrill={(r, label, figure) => setDrill({ title: t('analysis.projectDrill', { name: label }), entity: 'projects', ids: r.ids, figure })} />
        <p class="muted small">{t('analysis.projectFormulas')}</p>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export default function OpportunityAnalysisPage() {
  return <Guard module="analysis"><OpportunityAnalysis /></Guard>;
}

export function ProjectAnalysisPage() {
  return <Guard module="analysis"><ProjectAnalysis /></Guard>;
}
