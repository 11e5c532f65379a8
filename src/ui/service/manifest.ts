import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';

export const SERVICE_GROUP: NavGroup = { key: 'service', label: 'nav.groupService', order: 30 };

/** 客户服务: every page loads on first visit (the analysis page brings uPlot). */
export const serviceUi = defineUiModule({
  key: 'service',
  homeCards: [{ order: 60, for: ['manager'], needsData: true, component: page(() => import('./HomeComplaints'), 'HomeComplaints') }],
  routes: [
    { path: '/service/records', component: page(() => import('./ServiceRecordsPage'), 'ServiceRecordsPage') },
    { path: '/service/complaints', component: page(() => import('./ComplaintsPage'), 'ComplaintsPage') },
    { path: '/service/complaints/:id', component: page(() => import('./ComplaintPage'), 'ComplaintPage') },
    { path: '/service/knowledge', component: page(() => import('./KnowledgePage'), 'KnowledgePage') },
    { path: '/service/analysis', component: lazy(() => import('./ServiceAnalysisPage')) },
  ],
  nav: [
    { path: 'service/records', label: 'nav.serviceRecords', group: SERVICE_GROUP, order: 10 },
    { path: 'service/complaints', label: 'nav.complaints', group: SERVICE_GROUP, order: 20 },
    { path: 'service/knowledge', label: 'nav.knowledge', group: SERVICE_GROUP, order: 30 },
    { path: 'service/analysis', label: 'nav.serviceAnalysis', group: SERVICE_GROUP, order: 40 },
  ],
  // loaded with the customer page's first render, not with the app
  customerSections: [{ order: 20, component: lazy(async () => ({ default: (await import('./CustomerService')).CustomerService })) }],
});
