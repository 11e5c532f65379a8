import { defineUiModule, page } from '../shared/module';

/** 同步: its settings and the system log are tabs of 系统设置 (the sync bar is part of the shell). */
export const syncUi = defineUiModule({
  key: 'sync',
  settingsTabs: [
    { key: 'sync', label: 'sync.tab', order: 40, component: page(() => import('./SyncSettings'), 'SyncSettings') },
    { key: 'log', label: 'log.tab', order: 50, component: page(() => import('./SystemLog'), 'SystemLog') },
  ],
});
