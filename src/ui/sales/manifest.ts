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
  // loaded with the customer page's first render, not with the app
  customerSections: [{ order: 10, component: lazy(async () => ({ default: (await import('./CustomerSales')).CustomerSales })) }],
});
