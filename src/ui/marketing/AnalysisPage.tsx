import { Show, createMemo, createSignal } from 'solid-js';
import { sumResults, type ResultGroup } from '../../domain/marketing/results';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Guard } from '../analysis/Guard';
import { DrillDialog, type DrillEntity, type DrillSpec } from '../analysis/Drill';
import { PeriodInputs, useParam } from '../analysis/filters';
import { ReportTable, type ReportCol } from '../analysis/ReportTable';
import { analysisOf } from '../../store/marketing/marketing';
import { t } from '../i18n';
import { MarketChart } from './MarketChart';
import './marketing.css';

/** A column and the records its figure stands for. */
type Col = ReportCol<ResultGroup> & { drill: (r: ResultGroup) => { entity: DrillEntity; ids: string[]; also?: DrillSpec['also'] } };

const cols = (byType: boolean): Col[] => [
  ...(!byType ? [] : [{ key: 'count', label: t('marketing.activities'), kind: 'int', get: (r: ResultGroup) => r.ids.length, drill: (r: ResultGroup) => ({ entity: 'marketActivities' as const, ids: r.ids }) } satisfies Col]),
  { key: 'budget', label: t('marketing.budget'), kind: 'money', get: (r) => r.budget, drill: (r) => ({ entity: 'marketActivities', ids: r.ids }) },
  { key: 'actualCost', label: t('marketing.actualCost'), kind: 'money', get: (r) => r.actualCost,
    drill: (r) => ({ entity: 'expenses', ids: r.expenseIds, also: [{ entity: 'marketActivities', ids: r.ids }] }) },
  { key: 'leads', label: t('marketing.leads'), kind: 'int', get: (r) => r.leadIds.length, drill: (r) => ({ entity: 'leads', ids: r.leadIds }) },
  { key: 'opps', label: t('marketing.opportunities'), kind: 'int', get: (r) => r.opportunityIds.length, drill: (r) => ({ entity: 'opportunities', ids: r.opportunityIds }) },
  { key: 'won', label: t('marketing.won'), kind: 'int', get: (r) => r.wonIds.length, drill: (r) => ({ entity: 'opportunities', ids: r.wonIds }) },
  { key: 'wonAmount', label: t('marketing.wonAmount'), kind: 'money', get: (r) => r.wonAmount, drill: (r) => ({ entity: 'opportunities', ids: r.wonIds }) },
  { key: 'costPerLead', label: t('marketing.costPerLead'), kind: 'money', get: (r) => r.costPerLead, drill: (r) => ({ entity: 'leads', ids: r.leadIds }) },
  { key: 'roi', label: t('marketing.roi'), kind: 'pct', get: (r) => r.roi,
    drill: (r) => ({ entity: 'opportunities', ids: r.wonIds, also: [{ entity: 'expenses', ids: r.expenseIds }] }) },
  { key: 'leadToOpp', label: t('marketing.leadToOpp'), kind: 'pct', get: (r) => r.leadToOpp, drill: (r) => ({ entity: 'leads', ids: r.leadIds }) },
  { key: 'oppToWon', label: t('marketing.oppToWon'), kind: 'pct', get: (r) => r.oppToWon, drill: (r) => ({ entity: 'opportunities', ids: r.opportunityIds }) },
];

const CHART_BARS = 12;
/** An axis label: a name's leading year ("2026 华东智能制造展") says nothing when every bar has it. */
const chartLabel = (name: string) => name.replace(/^\d{4}\s*/, '');

/**
 * 市场分析: activities of a period (by start date) compared one by one or by type — budget, cost,
 * leads, opportunities, won amount, cost per lead, ROI, conversion — with a chart of cost against
 * won amount. Every figure (and every group of the chart) opens the records behind it.
 */
function MarketingAnalysis() {
  const ctx = useWorkspace();
  const p = useParam();
  const title = useTitles();
  const byType = () => p.get('by') === 'type';
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const report = createMemo(() => {
    for (const c of ['leads', 'opportunities', 'expenses']) ctx.version(c)();
    return analysisOf(ctx.ws, ctx.visible('marketActivities'), { from: p.get('from') || undefined, to: p.get('to') || undefined });
  });
  const typeField = () => ctx.def('marketActivities').fields.find((f) => f.key === 'type')!;
  const rows = createMemo((): ResultGroup[] => (byType() ? report().byType : report().rows.map((r) => sumResults(r.activityId, [r]))));
  const name = (r: ResultGroup) => (byType() ? ctx.display(typeField(), r.key) || t('marketing.noType') : title('marketActivities', r.key));
  const chartRows = createMemo(() => [...rows()].sort((a, b) => b.wonAmount + b.actualCost - (a.wonAmount + a.actualCost)).slice(0, CHART_BARS));
  const open = (r: ResultGroup, label: string, figure: string) => {
    const all = cols(byType());
    const col = all.find((c) => c.label === figure) ?? all[0];
    const d = col.drill(r);
    setDrill({ title: `${label} · ${figure}`, entity: d.entity, ids: d.ids, also: d.also, figure });
  };
  return (
    <section class="page analysis-page">
      <div class="page-head"><h1 class="page-title">{t('nav.marketAnalysis')}</h1></div>
      <div class="filter-bar">
        <div class="filter-item seg" role="radiogroup" aria-label={t('marketing.compare')}>
          <span>{t('marketing.compare')}</span>
          <button class="btn" role="radio" aria-checked={!byType()} classList={{ active: !byType() }} onClick={() => p.set({ by: '' })}>{t('marketing.byActivity')}</button>
          <button class="btn" role="radio" aria-checked={byType()} classList={{ active: byType() }} onClick={() => p.set({ by: 'type' })}>{t('marketing.byType')}</button>
        </div>
        <PeriodInputs label={t('marketing.period')} />
      </div>
      <Show when={chartRows().length}>
        <div class="card">
          <MarketChart ariaLabel={t('marketing.chartLabel')} categories={chartRows().map((r) => chartLabel(name(r)))}
            series={[
              { label: t('marketing.actualCost'), values: chartRows().map((r) => r.actualCost), color: 'rgba(214,158,46,.85)' },
              { label: t('marketing.wonAmount'), values: chartRows().map((r) => r.wonAmount), color: 'rgba(44,106,163,.8)' },
            ]}
            onPick={(i) => { const r = chartRows()[i]; if (r) open(r, name(r), t('marketing.wonAmount')); }} />
        </div>
      </Show>
      <div class="card table-card">
        <ReportTable testid="market-analysis" nameHeader={t(byType() ? 'marketing.type' : 'marketing.activity')}
          name={name} cols={cols(byType())} rows={rows()} total={report().total} onDrill={open} />
        <p class="muted small">{t('marketing.roiFormula')} {t('marketing.costRule')}</p>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export function MarketingAnalysisPage() {
  return <Guard module="marketing"><MarketingAnalysis /></Guard>;
}
