import { HashRouter, Route } from '@solidjs/router';
import type { ParentProps } from 'solid-js';
import { Welcome } from './shell/Welcome';
import { Shell } from './shell/Shell';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { ToastRegion } from './shared/toast';
import { ModulesProvider } from './shared/module';
import { UI_MODULES } from './modules';

/** Every module's pages under the workspace, from the UI manifests (ui/modules.ts). */
const ROUTES = UI_MODULES.flatMap((m) => m.routes ?? []);

/**
 * Start loading the page an address names (`#/w/<id>/customers/…`) now, beside the workspace's
 * own load from IndexedDB, instead of once the shell has rendered its route: a cold open and the
 * `?demo` link land on a lazy page.
 */
export function preloadPage(hash: string): void {
  const segs = hash.replace(/^#\/w\/[^/?]+/, '').split('?')[0].split('/').filter(Boolean);
  const route = ROUTES.find((r) => {
    const parts = r.path.split('/').filter(Boolean);
    return parts.length === segs.length && parts.every((p, i) => p.startsWith(':') || p === segs[i]);
  });
  void (route?.component as { preload?: () => Promise<unknown> } | undefined)?.preload?.()?.catch?.(() => undefined);
}

function Root(props: ParentProps) {
  return (
    <ModulesProvider value={UI_MODULES}>
      {props.children}
      <UpdatePrompt />
      <ToastRegion />
    </ModulesProvider>
  );
}

/** Hash routes keep the app working from any static host and sub-path. */
export function App() {
  return (
    <HashRouter root={Root}>
      <Route path="/" component={Welcome} />
      <Route path="/w/:wsId" component={Shell}>
        {ROUTES.map((r) => <Route path={r.path} component={r.component} />)}
      </Route>
    </HashRouter>
  );
}
