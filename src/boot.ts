import { preopenWorkspace } from './store/org/setup';

// Imported first by main.tsx, so this runs before the UI modules are evaluated: the workspace
// named in the URL (#/w/<id>/…) starts loading from IndexedDB in the meantime.
const inUrl = /^#\/w\/([^/?]+)/.exec(location.hash);
if (inUrl) preopenWorkspace(decodeURIComponent(inUrl[1]));

// A `?demo` link (a static site's "try it"): the sample workspace is made (or found) in a chunk of
// its own while the UI modules are evaluated; main.tsx renders once its id is known.
// Its worker starts at once, so the sample's generator loads beside the app's code, not after it.
const wantsDemo = !inUrl && new URLSearchParams(location.search).has('demo');
const demoWorker = wantsDemo ? startDemoWorker() : null;
export const demo: Promise<string> | null = wantsDemo
  ? import('./store/classroom/demo').then((m) => m.openDemo(demoWorker))
  : null;

function startDemoWorker(): Worker | null {
  try {
    return new Worker(new URL('./store/classroom/demo.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null; // no module workers here: the page builds the demo itself
  }
}

// English chosen on this device: its message table (a chunk of its own) starts loading now too, in
// parallel with the workspace. ui/i18n's setLang('en') shares this load, and main.tsx awaits it
// before the first render (a failure is handled there).
if (localStorage.getItem('keyuan.lang') === 'en') import('./ui/messages.en').catch(() => {});
