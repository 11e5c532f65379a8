import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';

export const SALES_GROUP: NavGroup = { key: 'sales', label: 'nav.groupSales', order: 20 };

/** 销售管理 and 产品管理: every page loads on first visit. */
export const salesUi = defineUiModule({
  key: 'sales',
  homeCards: [{ order: 50, for: ['manager'], needsData: true, component: page(() => import('./HomeApprovals'), 'HomeApprovals') }],
  routes: [
    { path: '/products', component: page(() => import('./ProductsPage'), 'ProductsPage') },
    { path: '/discounts', component: page(() => import('./ProductsPage'), 'DiscountsPage') },
    { path: '/sales-modes', component: page(() => import('./SalesModesPage'), 'SalesModesPage') },
    { path: '/leads', component: page(() => import('./LeadsPage'), 'LeadsPage') },
    { path: '/opportunities', component: page(() => import('./OpportunitiesPage'), 'OpportunitiesPage') },
    { path: '/opportunities/:id', component: page(() => import('./OpportunityPage'), 'OpportunityPage') },
    { path: '/quotes', component: page(() => import('./OpportunitiesPage'), 'QuotesPage') },
    { path: '/quotes/:id', component: page(() => import('./QuotePage'), 'QuotePage') },
    { path: '/approvals', component: page(() => import('./ApprovalsPage'), 'ApprovalsPage') },
    { path: '/projects', component: page(() => import('./OpportunitiesPage'), 'ProjectsPage') },
    { path: '/projects/:id', component: page(() => import('./ProjectPage'), 'ProjectPage') },
  ],
  nav: [
    { path: 'leads', label: 'nav.leads', group: SALES_GROUP, order: 10 },
    { path: 'opportunities', label: 'nav.opportunities', group: SALES_GROUP, order: 20 },
    { path: 'quotes', label: 'nav.quotes', group: SALES_GROUP, order: 30 },
    { path: 'approvals', label: 'nav.approvals', group: SALES_GROUP, order: 40 },
    { path: 'projects', label: 'nav.projects', group: SALES_GROUP, order: 50 },
    { path: 'products', label: 'nav.products', group: SALES_GROUP, order: 60 },
    { path: 'discounts', label: 'nav.discounts', group: SALES_GROUP, order: 70 },
    { path: 'sales-modes', label: 'nav.salesModes', group: SALES_GROUP, order: 80 },
  ],
  search: [
    { entity: 'opportunities', fields: ['subject'], open: (r) => `opportunities/${r.id}` },
    { entity: 'projects', fields: ['subject'], open: (r) => `projects/${r.id}` },
    { entity: 'quotes', fields: ['code'], open: (r) => `quotes/${r.id}` },
    { entity: 'leads', fields: ['subject'], open: () => 'leads' },
    { entity: 'products', fields: ['name', 'code'], open: () => 'products' },
  ],
  actions: [
    { entity: 'opportunities', path: 'opportunities', label: 'sales.newOpportunity', order: 30 },
    { entity: 'leads', path: 'leads', label: 'sales.newLead', order: 40 },
    { entity: 'quotes', path: 'quotes', label: 'sales.newQuote', order: 50 },
    { entity: 'projects', path: 'projects', label: 'sales.newProject', order: 60 },
  ],
  // loaded with the customer page's first render, not with the app
  // what the customer's timeline shows of sales (ui/customers/CustomerTimeline.tsx)
  timeline: [
    { kind: 'contactRecords', entity: 'contactRecords', label: 'sales.tl.contactRecords', order: 10,
      customer: { via: { entity: 'opportunities', customerField: 'customerId', field: 'opportunityId' } },
      when: ['date'], who: ['ownerId'], details: ['way', 'stageId', 'rate'], href: (r) => (typeof r.opportunityId === 'string' ? `opportunities/${r.opportunityId}` : null) },
    { kind: 'activities', entity: 'activities', label: 'sales.tl.activities', order: 20, customer: { field: 'customerId' },
      when: ['doneDate', 'dueDate'], who: ['ownerId'], details: ['kind', 'status'], accept: (r) => r.kind !== 'task' },
    { kind: 'tasks', entity: 'activities', label: 'sales.tl.tasks', order: 30, customer: { field: 'customerId' },
      when: ['doneDate', 'dueDate'], who: ['ownerId'], details: ['status', 'dueDate'], accept: (r) => r.kind === 'task' },
    { kind: 'opportunities', entity: 'opportunities', label: 'sales.tl.opportunities', order: 40, customer: { field: 'customerId' },
      when: ['startDate'], who: ['ownerId'], details: ['stageId', 'amount'], href: (r) => `opportunities/${String(r.id)}` },
    { kind: 'quotes', entity: 'quotes', label: 'sales.tl.quotes', order: 50, customer: { field: 'customerId' },
      when: ['date'], who: ['ownerId'], details: ['status'], href: (r) => `quotes/${String(r.id)}` },
    { kind: 'projects', entity: 'projects', label: 'sales.tl.projects', order: 60, customer: { field: 'customerId' },
      when: ['startDate'], who: ['ownerId'], details: ['stageId', 'actualAmount'], href: (r) => `projects/${String(r.id)}` },
  ],
  customerSections: [{ order: 10, component: lazy(async () => ({ default: (await import('./CustomerSales')).CustomerSales })) }],
});
