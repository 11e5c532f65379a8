import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';
import type { BaseRecord } from '../../domain/core/record';

export const FINANCE_GROUP: NavGroup = { key: 'finance', label: 'nav.groupFinance', order: 26 };

const section = <K extends string>(load: () => Promise<Record<K, unknown>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as never }));

const orderOr = (r: BaseRecord, list: string) => (typeof r.orderId === 'string' && r.orderId ? `orders/${r.orderId}` : list);

/** 财务: every page loads on first visit; the order, customer and home sections load with their page. */
export const financeUi = defineUiModule({
  key: 'finance',
  routes: [
    { path: '/finance/receipts', component: page(() => import('./ListPages'), 'ReceiptsPage') },
    { path: '/finance/payments', component: page(() => import('./ListPages'), 'PaymentsPage') },
    { path: '/finance/expenses', component: page(() => import('./ListPages'), 'ExpensesPage') },
    { path: '/finance/arrears', component: page(() => import('./ArrearsPage'), 'ArrearsPage') },
    { path: '/finance/dunning', component: page(() => import('./DunningPage'), 'DunningPage') },
    { path: '/finance/account/:id', component: page(() => import('./AccountPage'), 'AccountPage') },
    { path: '/finance/pyramid', component: page(() => import('./PyramidPage'), 'PyramidPage') },
  ],
  nav: [
    { path: 'finance/receipts', label: 'nav.receipts', group: FINANCE_GROUP, order: 10 },
    { path: 'finance/payments', label: 'nav.payments', group: FINANCE_GROUP, order: 20 },
    { path: 'finance/expenses', label: 'nav.expenses', group: FINANCE_GROUP, order: 30 },
    { path: 'finance/arrears', label: 'nav.arrears', group: FINANCE_GROUP, order: 40 },
    { path: 'finance/dunning', label: 'nav.dunning', group: FINANCE_GROUP, order: 50 },
    { path: 'finance/pyramid', label: 'nav.pyramid', group: FINANCE_GROUP, order: 60 },
  ],
  // a receipt or a payment opens its order's page (its money section), else its list
  search: [
    { entity: 'receipts', fields: ['code'], open: (r) => orderOr(r, 'finance/receipts') },
    { entity: 'payments', fields: ['code'], open: (r) => orderOr(r, 'finance/payments') },
    { entity: 'expenses', fields: ['code'], open: () => 'finance/expenses' },
  ],
  recordSections: [{ entity: 'orders', order: 20, component: section(() => import('./OrderMoney'), 'OrderMoney') }],
  customerSections: [{ order: 40, component: section(() => import('./CustomerMoney'), 'CustomerMoney') }],
  timeline: [
    { kind: 'receipts', entity: 'receipts', label: 'finance.tl.receipts', order: 100, customer: { field: 'customerId' },
      when: ['date'], who: ['ownerId'], details: ['amount', 'method'], href: (r) => (typeof r.orderId === 'string' ? `finance/account/${r.orderId}` : null) },
  ],
  homeCards: [{ order: 65, needsData: true, component: section(() => import('./HomeDunning'), 'HomeDunning') }],
  reminders: [{ kind: 'instalment', label: 'reminders.instalment', order: 40, load: async () => (await import('./reminders')).instalments }],
});
