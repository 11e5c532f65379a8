import { lazy } from 'solid-js';
import { defineUiModule } from '../shared/module';
import { PIPELINE_GROUP } from '../pipeline/manifest';

/** My work: the activities page (loads on first visit); the home page's part is lazy in Home.tsx. */
export const workUi = defineUiModule({
  key: 'work',
  routes: [{ path: '/activities', component: lazy(() => import('./ActivitiesPage')) }],
  nav: [{ path: 'activities', label: 'nav.activities', group: PIPELINE_GROUP, order: 20 }],
});
