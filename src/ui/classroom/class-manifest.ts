import { defineUiModule, page, type NavGroup } from '../shared/module';

/** 课堂: the teacher's class view (班级看板); the lab guide joins this group. */
export const CLASSROOM_GROUP: NavGroup = { key: 'classroom', label: 'classView.navGroup', order: 80 };

/** 班级看板 and 系统设置 → 工作区 (reset, fork). Both pages load on first visit. */
export const classViewUi = defineUiModule({
  key: 'classroom',
  routes: [{ path: '/class', component: page(() => import('./ClassViewPage'), 'ClassViewPage') }],
  nav: [{ path: 'class', label: 'nav.classView', group: CLASSROOM_GROUP, order: 20 }],
  settingsTabs: [{ key: 'workspace', label: 'classView.tab', order: 70, component: page(() => import('./ResetForkTab'), 'ResetForkTab') }],
});
