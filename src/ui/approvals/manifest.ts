import { lazy } from 'solid-js';
import { defineUiModule, page } from '../shared/module';
import { ORDERS_GROUP } from '../orders/manifest';

const sections = () => import('./sections');

/** 业务审批 (the engine's inbox section, panels, rules) and 合同管理. Every page loads on first visit. */
export const approvalsUi = defineUiModule({
  key: 'approvals',
  routes: [
    { path: '/contracts', component: page(() => import('./ContractsPage'), 'ContractsPage') },
    { path: '/contracts/:id', component: page(() => import('./ContractPage'), 'ContractPage') },
    { path: '/finance/expenses/:id', component: page(() => import('./ExpensePage'), 'ExpensePage') },
  ],
  nav: [{ path: 'contracts', label: 'nav.contracts', group: ORDERS_GROUP, order: 15 }],
  recordSections: [
    { entity: 'approvals', order: 20, component: page(() => import('./InboxSection'), 'EngineInbox') },
    { entity: 'orders', order: 30, component: lazy(async () => ({ default: (await sections()).OrderContracts })) },
    { entity: 'opportunities', order: 30, component: lazy(async () => ({ default: (await sections()).OpportunityContracts })) },
  ],
  customerSections: [{ order: 17, component: lazy(async () => ({ default: (await sections()).CustomerContracts })) }],
  settingsTabs: [{ key: 'approvals', label: 'approvals.rules', order: 25, component: page(() => import('./RulesTab'), 'ApprovalRulesTab') }],
  search: [{ entity: 'contracts', fields: ['code', 'title'], open: (r) => `contracts/${r.id}` }],
  actions: [{ entity: 'contracts', path: 'contracts', label: 'contracts.new', order: 75 }],
  // also in the top bar (issue 13): on a phone the side navigation, and its badge, is behind ☰
  navCounts: [{ path: 'approvals', topbar: 'nav.approvals', icon: 'M4 2.5h8v11H4z M6 8l1.6 1.6L10.5 6.5', load: async () => (await import('./approval-count')).pendingEngineDocs }],
  homeCards: [{ order: 57, for: ['manager'], needsData: true, component: page(() => import('./HomeApprovals'), 'HomeDocApprovals') }],
  reminders: [{ kind: 'contractEnd', label: 'reminders.contractEnd', order: 45, load: async () => (await import('./reminders')).contractEnds }],
  timeline: [
    { kind: 'contracts', entity: 'contracts', label: 'nav.contracts', order: 95, customer: { field: 'customerId' },
      when: ['signDate'], who: ['ownerId'], details: ['amount', 'status'], href: (r) => `contracts/${String(r.id)}` },
  ],
});
