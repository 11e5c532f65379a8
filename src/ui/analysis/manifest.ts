import { lazy } from 'solid-js';
import { defineUiModule, type NavGroup } from '../shared/module';

export const ANALYSIS_GROUP: NavGroup = { key: 'analysis', label: 'nav.groupAnalysis', order: 50 };

/** 分析决策: every page loads on first visit (uPlot only in the forecast chunk). */
export const analysisUi = defineUiModule({
  key: 'analysis',
  routes: [
    { path: '/analysis/funnel', component: lazy(() => import('./FunnelPage')) },
    { path: '/analysis/forecast', component: lazy(() => import('./ForecastPage')) },
    { path: '/analysis/opportunities', component: lazy(() => import('./OpportunityAnalysisPage')) },
    { path: '/analysis/projects', component: lazy(() => import('./OpportunityAnalysisPage').then((m) => ({ default: m.ProjectAnalysisPage }))) },
    { path: '/analysis/quotes', component: lazy(() => import('./QuoteDetailsPage')) },
  ],
  nav: [
    { path: 'analysis/funnel', label: 'nav.funnel', group: ANALYSIS_GROUP, order: 10 },
    { path: 'analysis/forecast', label: 'nav.forecast', group: ANALYSIS_GROUP, order: 20 },
    { path: 'analysis/opportunities', label: 'nav.oppAnalysis', group: ANALYSIS_GROUP, order: 30 },
    { path: 'analysis/projects', label: 'nav.projectAnalysis', group: ANALYSIS_GROUP, order: 40 },
    { path: 'analysis/quotes', label: 'nav.quoteDetails', group: ANALYSIS_GROUP, order: 50 },
  ],
});
