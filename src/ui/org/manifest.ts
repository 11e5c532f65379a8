import { defineUiModule, page } from '../shared/module';
import { SYSTEM_GROUP } from '../settings/manifest';

/** 企业设置: departments, roles and users (loads on first visit). */
export const orgUi = defineUiModule({
  key: 'org',
  routes: [{ path: '/org', component: page(() => import('./OrgPage'), 'OrgPage') }],
  nav: [{ path: 'org', label: 'nav.org', group: SYSTEM_GROUP, order: 10 }],
});
