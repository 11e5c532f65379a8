import { defineUiModule, page, type NavGroup } from '../shared/module';

/** 课堂: a group of its own, after the analyses and before the system settings. */
export const CLASSROOM_GROUP: NavGroup = { key: 'classroom', label: 'nav.groupClassroom', order: 80 };

/** 课堂: the lab guide (实验指导) — the experiments page here, the panel beside every page in the shell (LabGuideDock). */
export const classroomUi = defineUiModule({
  key: 'classroom',
  routes: [
    { path: '/lab', component: page(() => import('./LabGuidePage'), 'LabGuidePage') },
  ],
  nav: [
    { path: 'lab', label: 'nav.labGuide', group: CLASSROOM_GROUP, order: 10 },
  ],
});
