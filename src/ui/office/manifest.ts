import { lazy } from 'solid-js';
import { defineUiModule, page, type NavGroup } from '../shared/module';
import { ANALYSIS_GROUP } from '../analysis/manifest';

export const OFFICE_GROUP: NavGroup = { key: 'office', label: 'nav.groupOffice', order: 45 };

/** 员工中心: the reminder centre (a bell in the top bar), plans and summaries, announcements (a home card); the customer analyses beside the other analyses. */
export const officeUi = defineUiModule({
  key: 'office',
  routes: [
    { path: '/office/plans', component: page(() => import('./PlansPage'), 'PlansPage') },
    { path: '/office/plans/:id', component: page(() => import('./PlansPage'), 'PlanPage') },
    { path: '/office/announcements', component: page(() => import('./AnnouncementsPage'), 'AnnouncementsPage') },
    { path: '/office/announcements/:id', component: page(() => import('./AnnouncementsPage'), 'AnnouncementPage') },
    { path: '/office/calendar', component: page(() => import('./CalendarPage'), 'CalendarPage') },
    { path: '/office/reminders', component: page(() => import('./RemindersPage'), 'RemindersPage') },
    { path: '/analysis/customers', component: lazy(() => import('./CustomerAnalysisPage')) },
  ],
  nav: [
    { path: 'office/reminders', label: 'nav.reminders', group: OFFICE_GROUP, order: 5 },
    { path: 'office/calendar', label: 'nav.calendar', group: OFFICE_GROUP, order: 7 },
    { path: 'office/plans', label: 'nav.workPlans', group: OFFICE_GROUP, order: 10 },
    { path: 'office/announcements', label: 'nav.announcements', group: OFFICE_GROUP, order: 20 },
    { path: 'analysis/customers', label: 'nav.customerAnalysis', group: ANALYSIS_GROUP, order: 60 },
  ],
  search: [
    { entity: 'workPlans', fields: ['title', 'content'], open: (r) => `office/plans/${r.id}` },
    { entity: 'announcements', fields: ['title'], open: (r) => `office/announcements/${r.id}` },
  ],
  actions: [
    { entity: 'workPlans', path: 'office/plans', label: 'office.newPlan', order: 80 },
    { entity: 'announcements', path: 'office/announcements', label: 'office.newAnnouncement', order: 90 },
  ],
  // the reminder centre's count: in the navigation and, as a bell, in the top bar
  navCounts: [{ path: 'office/reminders', topbar: 'reminders.bell', load: async () => (await import('./reminder-count')).reminderCount }],
  homeCards: [{ order: 5, wide: true, component: page(() => import('./AnnouncementsPage'), 'HomeAnnouncements') }],
});
