import { lazy } from 'solid-js';
import { defineUiModule } from '../shared/module';
import { PIPELINE_GROUP } from '../pipeline/manifest';

// the home cards bring the sales rules: they load right after the home page, not with the first-load JavaScript
const myWork = () => import('./MyWork');

/** My work: the activities page (loads on first visit); the home's reminders (a rep's first, a manager's last) and my pipeline (a rep). */
export const workUi = defineUiModule({
  key: 'work',
  // a rep starts the day with their tasks; a manager with the team's cards, their own tasks after them
  homeCards: [
    { order: 10, wide: true, for: ['rep'], component: lazy(async () => ({ default: (await myWork()).MyReminders })) },
    { order: 20, wide: true, for: ['rep'], component: lazy(async () => ({ default: (await myWork()).MyPipeline })) },
    { order: 90, wide: true, for: ['manager'], component: lazy(async () => ({ default: (await myWork()).MyReminders })) },
  ],
  routes: [{ path: '/activities', component: lazy(() => import('./ActivitiesPage')) }],
  reminders: [
    { kind: 'activity', label: 'reminders.activity', order: 10, load: async () => (await import('./reminders')).activities },
    { kind: 'target', label: 'reminders.target', order: 50, load: async () => (await import('./reminders')).targets },
  ],
  nav: [{ path: 'activities', label: 'nav.activities', group: PIPELINE_GROUP, order: 20 }],
});
