import { defineUiModule, page, prefetchWhenIdle, type NavGroup } from '../shared/module';

export const CUSTOMERS_GROUP: NavGroup = { key: 'customers', label: 'nav.groupCustomers', order: 10 };

const lists = () => import('./CustomersPage');
// the page most people open next: fetched while the browser is idle after the first page
prefetchWhenIdle(lists);

/** 客户管理: its lists and a customer's page load on first visit (the shared list, columns and tree code would put the first load over its budget). */
export const customersUi = defineUiModule({
  key: 'customers',
  routes: [
    { path: '/customers', component: page(lists, 'CustomersPage') },
    { path: '/customers/:id', component: page(() => import('./CustomerPage'), 'CustomerPage') },
    { path: '/contacts', component: page(lists, 'ContactsPage') },
    { path: '/competitors', component: page(lists, 'CompetitorsPage') },
  ],
  nav: [
    { path: 'customers', label: 'nav.customers', group: CUSTOMERS_GROUP, order: 10 },
    { path: 'contacts', label: 'nav.contacts', group: CUSTOMERS_GROUP, order: 20 },
    { path: 'competitors', label: 'nav.competitors', group: CUSTOMERS_GROUP, order: 30 },
  ],
  // 记一笔 writes these; the customer's own field changes are the timeline's built-in kind
  timeline: [
    { kind: 'customerNotes', entity: 'customerNotes', label: 'customer.tl.notes', order: 0, customer: { field: 'customerId' }, when: [], who: [], details: ['way'] },
  ],
  homeCounts: [
    { entity: 'customers', path: 'customers', label: 'nav.customers', order: 10 },
    { entity: 'contacts', path: 'contacts', label: 'nav.contacts', order: 20 },
    { entity: 'competitors', path: 'competitors', label: 'nav.competitors', order: 30 },
  ],
  search: [
    { entity: 'customers', fields: ['name', 'code', 'phone'], open: (r) => `customers/${r.id}` },
    { entity: 'contacts', fields: ['name', 'mobile', 'phone', 'email'], open: (r) => `customers/${String(r.customerId ?? '')}` },
    { entity: 'competitors', fields: ['name'], open: () => 'competitors' },
  ],
  actions: [
    { entity: 'customers', path: 'customers', label: 'customer.new', order: 10 },
    { entity: 'contacts', path: 'contacts', label: 'customer.newContact', order: 20 },
  ],
  reminders: [
    { kind: 'birthday', label: 'reminders.birthday', order: 30, load: async () => (await import('./reminders')).birthdays },
    { kind: 'contactDue', label: 'reminders.contactDue', order: 20, load: async () => (await import('./reminders')).contactsDue },
  ],
});
