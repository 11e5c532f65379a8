import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';

export const ORDERS_GROUP: NavGroup = { key: 'orders', label: 'nav.groupOrders', order: 24 };

// sections load with the page that shows them (one chunk, ./sections), not with the app
const sections = () => import('./sections');

/** 订单管理: orders, deliveries and returns; sections on opportunities, quotes, the inbox and the customer page. */
export const ordersUi = defineUiModule({
  key: 'orders',
  homeCards: [{ order: 55, for: ['manager'], needsData: true, component: page(() => import('./HomeApprovals'), 'HomeOrderApprovals') }],
  routes: [
    { path: '/orders', component: page(() => import('./OrdersPage'), 'OrdersPage') },
    { path: '/orders/:id', component: page(() => import('./OrderPage'), 'OrderPage') },
    { path: '/deliveries', component: page(() => import('./OrdersPage'), 'DeliveriesPage') },
    { path: '/returns', component: page(() => import('./OrdersPage'), 'ReturnsPage') },
  ],
  nav: [
    { path: 'orders', label: 'nav.orders', group: ORDERS_GROUP, order: 10 },
    { path: 'deliveries', label: 'nav.deliveries', group: ORDERS_GROUP, order: 20 },
    { path: 'returns', label: 'nav.returns', group: ORDERS_GROUP, order: 30 },
  ],
  recordSections: [
    { entity: 'opportunities', order: 10, component: lazy(async () => ({ default: (await sections()).OpportunityOrders })) },
    { entity: 'quotes', order: 10, component: lazy(async () => ({ default: (await sections()).QuoteOrders })) },
    { entity: 'approvals', order: 10, component: lazy(async () => ({ default: (await sections()).OrderApprovals })) },
  ],
  timeline: [
    { kind: 'orders', entity: 'orders', label: 'orders.tl.orders', order: 90, customer: { field: 'customerId' },
      when: ['date'], who: ['ownerId'], details: ['amount', 'status'], href: (r) => `orders/${String(r.id)}` },
  ],
  search: [
    { entity: 'orders', fields: ['code'], open: (r) => `orders/${r.id}` },
    { entity: 'deliveries', fields: ['code'], open: (r) => `orders/${String(r.orderId ?? '')}` },
    { entity: 'returns', fields: ['code'], open: (r) => `orders/${String(r.orderId ?? '')}` },
  ],
  actions: [{ entity: 'orders', path: 'orders', label: 'orders.new', order: 70 }],
  // after the sales section (10), before service (20)
  customerSections: [{ order: 15, component: lazy(async () => ({ default: (await sections()).CustomerOrders })) }],
});
