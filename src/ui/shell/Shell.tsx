import { For, Show, Suspense, createEffect, createResource, createSignal, lazy, on, onCleanup, type ParentProps } from 'solid-js';
import { A, useIsRouting, useLocation, useParams } from '@solidjs/router';
import { openWorkspace } from '../../store/org/setup';
import { createWorkspaceCtx, useWorkspace, WorkspaceProvider } from '../shared/context';
import { ChangeUserDialog, PinGate } from '../org/ChangeUser';
import { LangSwitch } from './LangSwitch';
import { plainText } from '../sync/state';
import { t } from '../i18n';
import { navGroups, navItemFor, useModules } from '../shared/module';
import { useDocumentTitle } from '../shared/titles';
import { guardUnload } from './unload';
import { startRecoveryLazily } from '../recovery/lazy';

// sync (its session, the status chip and details) loads beside the first page, not before it
const SyncBar = lazy(() => import('../sync/SyncBar').then((m) => ({ default: m.SyncBar })));
const RecoveryBanner = lazy(() => import('../recovery/RecoveryBanner').then((m) => ({ default: m.RecoveryBanner })));

/** Opens the workspace named in the URL and frames every page of it. */
export function Shell(props: ParentProps) {
  const params = useParams();
  const [opened] = createResource(() => params.wsId, openWorkspace);
  return (
    <Show when={opened()} fallback={<p class="loading">{opened.error ? String(opened.error) : t('common.loading')}</p>}>
      {(o) => {
        const ctx = createWorkspaceCtx(o().ws, o().entry, o().userId ?? '');
        onCleanup(() => void o().ws.close());
        onCleanup(guardUnload(o().ws)); // leaving while an edit is not yet on disk asks first
        onCleanup(startRecoveryLazily(o().ws)); // restore points: sync waits for it, so no received change goes unseen
        return (
          <WorkspaceProvider value={ctx}>
            <PinGate><Frame>{props.children}</Frame></PinGate>
          </WorkspaceProvider>
        );
      }}
    </Show>
  );
}

function Frame(props: ParentProps) {
  const ctx = useWorkspace();
  const [choosing, setChoosing] = createSignal(false);
  const routing = useIsRouting();
  const base = `/w/${ctx.ws.id}`;
  const nav = navGroups(useModules()); // groups and entries from the UI manifests (ui/modules.ts)
  const roleName = () => plainText((ctx.role() as { name?: unknown } | undefined)?.name) || t('shell.noRole');
  // Below 900 px the sidebar is a drawer over the page (styles.css): a choice, Escape or a tap
  // beside it closes it. On wider screens `menuOpen` changes nothing.
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape' && menuOpen()) setMenuOpen(false); };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));
  // the tab names the page (a record page names its record: shared/titles.ts)
  const navItem = () => navItemFor(nav.flatMap((g) => g.items), location.pathname.slice(base.length));
  useDocumentTitle(() => { const item = navItem(); return item ? t(item.label) : ''; });
  let main!: HTMLElement;
  return (
    <div class="shell" classList={{ 'menu-open': menuOpen() }}>
      {/* a link, not an anchor to #main: the router owns the URL's hash */}
      <a class="skip-link" href="#" onClick={(e) => { e.preventDefault(); main.focus(); }}>{t('shell.skipToMain')}</a>
      <Show when={menuOpen()}><div class="menu-backdrop" onClick={() => setMenuOpen(false)} /></Show>
      <nav class="sidebar" id="main-nav" aria-label="main" onClick={(e) => (e.target as HTMLElement).closest('a') && setMenuOpen(false)}>
        <a class="brand" href="#/"><img src="./favicon.svg" alt="" width="22" height="22" /> {t('app.name')}</a>
        <div class="ws-name" title={ctx.entry.name}>{ctx.entry.name}</div>
        <For each={nav}>{(g) => (
          <div class="nav-group">
            <Show when={g.items.length > 1}><div class="nav-group-title">{t(g.group.label)}</div></Show>
            <For each={g.items}>{(item) => (
              <A href={item.path ? `${base}/${item.path}` : base} end={!item.path} class="nav-item" activeClass="active">{t(item.label)}</A>
            )}</For>
          </div>
        )}</For>
        <a class="nav-item muted" href="#/">{t('nav.workspaces')}</a>
      </nav>
      <div class="main">
        <header class="topbar">
          <button class="btn ghost menu-btn" aria-label={t('shell.menu')} aria-controls="main-nav" aria-expanded={menuOpen()}
            onClick={() => setMenuOpen(!menuOpen())}>☰</button>
          <span class="grow" />
          <Suspense fallback={<span class="sync-chip" data-phase="starting">{t('shell.syncStarting')}</span>}><SyncBar /></Suspense>
          <Show when={!ctx.ws.compatible}><span class="error-banner">{t('settings.incompatible')}</span></Show>
          <button class="btn ghost user-chip" onClick={() => setChoosing(true)} title={t('shell.changeUser')}>
            {plainText(ctx.user()?.name) || '?'}<span class="muted role-name"> · {roleName()}</span>
          </button>
          <LangSwitch />
        </header>
        <RecoveryBanner />
        {/* the previous page stays on screen while the next one's code loads; aria-busy says so
            (and tests wait for it to clear before they click) */}
        <main class="content" id="main-content" tabIndex={-1} ref={main} aria-busy={routing() ? 'true' : undefined}>
          <Suspense fallback={<p class="loading">{t('common.loading')}</p>}>{props.children}</Suspense>
        </main>
      </div>
      <Show when={choosing()}><ChangeUserDialog onClose={() => setChoosing(false)} /></Show>
    </div>
  );
}
