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
  search: [
    { entity: 'complaints', fields: ['details'], open: (r) => `service/complaints/${r.id}` },
    { entity: 'knowledgeArticles', fields: ['title'], open: (r) => `service/knowledge?article=${r.id}` },
  ],
  actions: [
    { entity: 'serviceRecords', path: 'service/records', label: 'service.newRecord', order: 80 },
    { entity: 'complaints', path: 'service/complaints', label: 'service.newComplaint', order: 90 },
  ],
  // loaded with the customer page's first render, not with the app
  timeline: [
    { kind: 'serviceRecords', entity: 'serviceRecords', label: 'service.tl.records', order: 70, customer: { field: 'customerId' },
      when: ['start'], who: ['handlerId'], details: ['serviceType', 'completed'] },
    { kind: 'complaints', entity: 'complaints', label: 'service.tl.complaints', order: 80, customer: { field: 'customerId' },
      when: [], who: [], details: ['status', 'reason'], href: (r) => `service/complaints/${String(r.id)}` },
  ],
  customerSections: [{ order: 20, component: lazy(async () => ({ default: (await import('./CustomerService')).CustomerService })) }],
});
