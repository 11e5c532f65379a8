import { defineUiModule, page } from '../shared/module';

/** 数据恢复: a tab of 系统设置 (the warning banner and the watch are started by the shell). */
export const recoveryUi = defineUiModule({
  key: 'recovery',
  settingsTabs: [{ key: 'recovery', label: 'recovery.tab', order: 60, component: page(() => import('./RecoveryTab'), 'RecoveryTab') }],
});
