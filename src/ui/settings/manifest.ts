import { defineUiModule, page, type NavGroup } from '../shared/module';

/** 系统: organisation (ui/org), settings and the recycle bin. */
export const SYSTEM_GROUP: NavGroup = { key: 'system', label: 'nav.groupSystem', order: 90 };

/** System settings and the recycle bin: load on first visit. */
export const settingsUi = defineUiModule({
  key: 'settings',
  routes: [
    { path: '/settings', component: page(() => import('./SettingsPage'), 'SettingsPage') },
    { path: '/bin', component: page(() => import('./BinPage'), 'BinPage') },
  ],
  nav: [
    { path: 'settings', label: 'nav.settings', group: SYSTEM_GROUP, order: 20 },
    { path: 'bin', label: 'nav.bin', group: SYSTEM_GROUP, order: 30 },
  ],
  settingsTabs: [
    { key: 'dicts', label: 'settings.dictionaries', order: 10, component: page(() => import('./SettingsPage'), 'Dictionaries') },
    { key: 'fields', label: 'settings.customFields', order: 20, component: page(() => import('./SettingsPage'), 'CustomFields') },
    { key: 'storage', label: 'settings.storage', order: 30, component: page(() => import('./SettingsPage'), 'Storage') },
  ],
});
