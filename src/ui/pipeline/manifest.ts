import { lazy } from 'solid-js';
import { defineUiModule, type NavGroup } from '../shared/module';

/** 销售过程: the board, plans and quotas here; the activities page (ui/work) joins this group. */
export const PIPELINE_GROUP: NavGroup = { key: 'pipeline', label: 'nav.groupPipeline', order: 40 };

/** Pipeline board, sales plans and stage quotas: load on first visit (uPlot, SVG funnel). */
const homeCards = () => import('./HomeCards');

export const pipelineUi = defineUiModule({
  key: 'pipeline',
  // a manager's home: the team's pipeline by stage and each rep's target of the month
  homeCards: [
    { order: 30, for: ['manager'], needsData: true, component: lazy(async () => ({ default: (await homeCards()).TeamPipeline })) },
    { order: 40, for: ['manager'], needsData: true, component: lazy(async () => ({ default: (await homeCards()).TeamTargets })) },
  ],
  routes: [
    { path: '/pipeline', component: lazy(() => import('./KanbanPage')) },
    { path: '/plans', component: lazy(() => import('./PlansPage')) },
    { path: '/quota', component: lazy(() => import('./QuotaPage')) },
  ],
  nav: [
    { path: 'pipeline', label: 'nav.pipeline', group: PIPELINE_GROUP, order: 10 },
    { path: 'plans', label: 'nav.plans', group: PIPELINE_GROUP, order: 30 },
    { path: 'quota', label: 'nav.quota', group: PIPELINE_GROUP, order: 40 },
  ],
});
