import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';

export const MARKETING_GROUP: NavGroup = { key: 'marketing', label: 'nav.groupMarketing', order: 15 };

const section = <K extends string>(load: () => Promise<Record<K, unknown>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] as never }));

/** 市场管理: activities, tasks and the analysis (every page loads on first visit); a customer's participations; task reminders. */
export const marketingUi = defineUiModule({
  key: 'marketing',
  routes: [
    { path: '/marketing/activities', component: page(() => import('./ListPages'), 'MarketActivitiesPage') },
    { path: '/marketing/activities/:id', component: page(() => import('./ActivityPage'), 'ActivityPage') },
    { path: '/marketing/tasks', component: page(() => import('./ListPages'), 'MarketTasksPage') },
    { path: '/marketing/tasks/:id', component: page(() => import('./TaskPage'), 'TaskPage') },
    { path: '/marketing/analysis', component: page(() => import('./AnalysisPage'), 'MarketingAnalysisPage') },
  ],
  nav: [
    { path: 'marketing/activities', label: 'nav.marketActivities', group: MARKETING_GROUP, order: 10 },
    { path: 'marketing/tasks', label: 'nav.marketTasks', group: MARKETING_GROUP, order: 20 },
    { path: 'marketing/analysis', label: 'nav.marketAnalysis', group: MARKETING_GROUP, order: 30 },
  ],
  search: [
    { entity: 'marketActivities', fields: ['name'], open: (r) => `marketing/activities/${r.id}` },
    { entity: 'marketTasks', fields: ['title'], open: (r) => `marketing/tasks/${r.id}` },
  ],
  actions: [
    { entity: 'marketActivities', path: 'marketing/activities', order: 60, label: 'marketing.newActivity' },
    { entity: 'marketTasks', path: 'marketing/tasks', order: 61, label: 'marketing.newTask' },
  ],
  customerSections: [{ order: 50, component: section(() => import('./CustomerParticipations'), 'CustomerParticipations') }],
  timeline: [
    { kind: 'activityParticipants', entity: 'activityParticipants', label: 'marketing.tl.participations', order: 110,
      customer: { field: 'customerId' }, when: ['date'], who: [], details: ['status', 'contactId', 'feedback'],
      href: (r) => (typeof r.activityId === 'string' ? `marketing/activities/${r.activityId}` : null) },
  ],
  reminders: [{ kind: 'marketTask', label: 'reminders.marketTask', order: 45, load: async () => (await import('./reminders')).marketTasks }],
});
