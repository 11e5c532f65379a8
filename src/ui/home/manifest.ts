import { defineUiModule, type NavGroup } from '../shared/module';
import { Home } from './Home';

export const HOME_GROUP: NavGroup = { key: 'home', label: 'nav.home', order: 0 };

/** 首页: the workspace's home (figures, my work); in the first-load JavaScript. */
export const homeUi = defineUiModule({
  key: 'home',
  routes: [{ path: '/', component: Home }],
  nav: [{ path: '', label: 'nav.home', group: HOME_GROUP, order: 0 }],
});
