import { preopenWorkspace } from './store/org/setup';

// Imported first by main.tsx, so this runs before the UI modules are evaluated: the workspace
// named in the URL (#/w/<id>/…) starts loading from IndexedDB in the meantime.
const inUrl = /^#\/w\/([^/?]+)/.exec(location.hash);
if (inUrl) preopenWorkspace(decodeURIComponent(inUrl[1]));

// English chosen on this device: its message table (a chunk of its own) starts loading now too, in
// parallel with the workspace. ui/i18n's setLang('en') shares this load, and main.tsx awaits it
// before the first render (a failure is handled there).
if (localStorage.getItem('keyuan.lang') === 'en') import('./ui/messages.en').catch(() => {});
