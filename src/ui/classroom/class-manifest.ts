import { defineUiModule, page } from '../shared/module';
// 课堂: one group with the lab guide (its manifest declares it), the class view beside it
import { CLASSROOM_GROUP } from './manifest';

/** 班级看板 and 系统设置 → 工作区 (reset, fork). Both pages load on first visit. */
export const classViewUi = defineUiModule({
  key: 'classroom',
  routes: [{ path: '/class', component: page(() => import('./ClassViewPage'), 'ClassViewPage') }],
  nav: [{ path: 'class', label: 'nav.classView', group: CLASSROOM_GROUP, order: 20 }],
  settingsTabs: [{ key: 'workspace', label: 'classView.tab', order: 70, component: page(() => import('./ResetForkTab'), 'ResetForkTab') }],
});
