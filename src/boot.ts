import { preopenWorkspace } from './store/org/setup';

// Imported first by main.tsx, so this runs before the UI modules are evaluated: the workspace
// named in the URL (#/w/<id>/…) starts loading from IndexedDB in the meantime.
const inUrl = /^#\/w\/([^/?]+)/.exec(location.hash);
if (inUrl) preopenWorkspace(decodeURIComponent(inUrl[1]));
