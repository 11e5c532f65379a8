import { For, Show, Suspense, createEffect, createReaction, createResource, createSignal, lazy, on, onCleanup, type ParentProps } from 'solid-js';
import { A, useIsRouting, useLocation, useParams } from '@solidjs/router';
import { openWorkspace } from '../../store/org/setup';
import { createWorkspaceCtx, useWorkspace, WorkspaceProvider } from '../shared/context';
import { ChangeUserDialog, PinGate } from '../org/ChangeUser';
import { LangSwitch } from './LangSwitch';
import { plainText } from '../sync/state';
import { lang, t } from '../i18n';
import { displayName } from '../../domain/core/entity';
import type { BaseRecord } from '../../domain/core/record';
import { isBareRoute, navGroups, navItemFor, useModules, type UiManifest } from '../shared/module';
import { InstallButton } from '../pwa/InstallButton';
import { useDocumentTitle } from '../shared/titles';
import { guardUnload } from './unload';
import { startRecoveryLazily } from '../recovery/lazy';

// sync (its session, the status chip and details) loads beside the first page, not before it
const SyncBar = lazy(() => import('../sync/SyncBar').then((m) => ({ default: m.SyncBar })));
// the global search loads on first use (Ctrl+K / ⌘K or the top bar's 搜索)
const Palette = lazy(() => import('./Palette').then((m) => ({ default: m.Palette })));
const RecoveryBanner = lazy(() => import('../recovery/RecoveryBanner').then((m) => ({ default: m.RecoveryBanner })));
// the lab guide (实验指导): its toggle in the top bar and its panel beside the page, loaded after the first page
const LabGuideToggle = lazy(() => import('../classroom/LabGuideDock').then((m) => ({ default: m.LabGuideToggle })));
const LabGuidePanel = lazy(() => import('../classroom/LabGuideDock').then((m) => ({ default: m.LabGuidePanel })));
// the `?demo` workspace says it is one, with a way to a workspace of one's own
const DemoBanner = lazy(() => import('../classroom/DemoBanner').then((m) => ({ default: m.DemoBanner })));

/**
 * The frame's parts that load after the first page, loaded now: a `?demo` visit waits about a
 * second for its sample to be built, time in which they would otherwise not load at all.
 */
export function preloadShellParts(): void {
  for (const part of [SyncBar, RecoveryBanner, LabGuidePanel, DemoBanner]) void part.preload().catch(() => undefined);
}

/** Opens the workspace named in the URL and frames every page of it. */
export function Shell(props: ParentProps) {
  const params = useParams();
  const [opened] = createResource(() => params.wsId, openWorkspace);
  return (
    // keyed: going from one workspace to another (a fork, a group's read-only copy from the class
    // view) builds the frame again around the new one, and closes the old one
    <Show when={opened()} keyed fallback={<p class="loading">{opened.error ? String(opened.error) : t('common.loading')}</p>}>
      {(o) => {
        const ctx = createWorkspaceCtx(o.ws, o.entry, o.userId ?? '');
        onCleanup(() => void o.ws.close());
        onCleanup(guardUnload(o.ws)); // leaving while an edit is not yet on disk asks first
        onCleanup(startRecoveryLazily(o.ws)); // restore points: sync waits for it, so no received change goes unseen
        return (
          <WorkspaceProvider value={ctx}>
            <PinGate><Framed>{props.children}</Framed></PinGate>
          </WorkspaceProvider>
        );
      }}
    </Show>
  );
}

/** The app's frame around a page, or none for a `bare` route (a kiosk: the page is the whole screen). */
function Framed(props: ParentProps) {
  const modules = useModules();
  const location = useLocation();
  const params = useParams();
  const bare = () => isBareRoute(modules, location.pathname.slice(`/w/${params.wsId}`.length));
  return (
    <Show when={bare()} fallback={<Frame>{props.children}</Frame>}>
      <main class="bare-page" id="main-content"><BareTitle /><Suspense fallback={<p class="loading">{t('common.loading')}</p>}>{props.children}</Suspense></main>
    </Show>
  );
}

/** A bare page's browser tab: the record it names (useRecordTitle), else the product — in the chosen language, not index.html's. */
function BareTitle() {
  useDocumentTitle(() => '');
  return null;
}

function Frame(props: ParentProps) {
  const ctx = useWorkspace();
  const [choosing, setChoosing] = createSignal(false);
  const routing = useIsRouting();
  const base = `/w/${ctx.ws.id}`;
  const nav = navGroups(useModules()); // groups and entries from the UI manifests (ui/modules.ts)
  const roleName = () => displayName(ctx.def('roles'), ctx.role() as BaseRecord | undefined, lang()) || t('shell.noRole');
  // Below 900 px the sidebar is a drawer over the page (styles.css): a choice, Escape or a tap
  // beside it closes it. On wider screens `menuOpen` changes nothing.
  const [menuOpen, setMenuOpen] = createSignal(false);
  const location = useLocation();
  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  const [searching, setSearching] = createSignal(false);
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen()) setMenuOpen(false);
    else if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') { e.preventDefault(); setMenuOpen(false); setSearching(true); }
  };
  const count = navCounts(useModules());
  // entries whose count also shows in the top bar (提醒中心's bell)
  const bells = useModules().flatMap((m) => m.navCounts ?? []).filter((c) => c.topbar);
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
              <A href={item.path ? `${base}/${item.path}` : base} end={!item.path} class="nav-item" activeClass="active">{t(item.label)}
                <Show when={count(item.path)}>{(n) => <span class="nav-badge" title={t('shell.pending', { n: n() })}>{n()}</span>}</Show>
              </A>
            )}</For>
          </div>
        )}</For>
        <a class="nav-item muted" href="#/">{t('nav.workspaces')}</a>
      </nav>
      <div class="main">
        <header class="topbar">
          <button class="btn ghost menu-btn" aria-label={t('shell.menu')} aria-controls="main-nav" aria-expanded={menuOpen()}
            onClick={() => setMenuOpen(!menuOpen())}>☰</button>
          <button class="btn ghost search-btn" onClick={() => setSearching(true)} title="Ctrl+K / ⌘K" aria-label={t('shell.search')} aria-haspopup="dialog">
            <span aria-hidden="true">⌕</span><span class="search-label">{t('shell.search')}</span><kbd>Ctrl K</kbd>
          </button>
          <span class="grow" />
          <For each={bells}>{(b) => (
            <A class="btn ghost bell" data-path={b.path} href={`${base}/${b.path}`} aria-label={`${t(b.topbar!)} ${count(b.path)}`} title={t(b.topbar!)}>
              {/* drawn, not an emoji: some systems have no emoji font (a box would show) */}
              <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4">
                <Show when={b.icon} fallback={<><path d="M4 11V7a4 4 0 0 1 8 0v4l1.2 1.5H2.8z" stroke-linejoin="round" /><path d="M6.5 14a1.6 1.6 0 0 0 3 0" /></>}>
                  <path d={b.icon} stroke-linejoin="round" stroke-linecap="round" />
                </Show>
              </svg>
              <Show when={count(b.path)}>{(n) => <span class="nav-badge" data-testid={b.icon ? `count-${b.path}` : 'bell-count'}>{n()}</span>}</Show>
            </A>
          )}</For>
          <Suspense><LabGuideToggle /></Suspense>
          <InstallButton />
          <Suspense fallback={<span class="sync-chip" data-phase="starting">{t('shell.syncStarting')}</span>}><SyncBar /></Suspense>
          <Show when={!ctx.ws.compatible}><span class="error-banner">{t('settings.incompatible')}</span></Show>
          <Show when={ctx.ws.readOnly}><span class="error-banner" data-testid="read-only-banner" title={t('classView.readOnlyBanner')}>{t('classView.readOnlyShort')}</span></Show>
          <button class="btn ghost user-chip" onClick={() => setChoosing(true)} title={t('shell.changeUser')}>
            {plainText(ctx.user()?.name) || '?'}<span class="muted role-name"> · {roleName()}</span>
          </button>
          <LangSwitch />
        </header>
        <RecoveryBanner />
        <Show when={ctx.entry.demo}><Suspense><DemoBanner /></Suspense></Show>
        {/* the previous page stays on screen while the next one's code loads; aria-busy says so
            (and tests wait for it to clear before they click) */}
        <main class="content" id="main-content" tabIndex={-1} ref={main} aria-busy={routing() ? 'true' : undefined}>
          <Suspense fallback={<p class="loading">{t('common.loading')}</p>}>{props.children}</Suspense>
        </main>
      </div>
      <Suspense><LabGuidePanel /></Suspense>
      <Show when={searching()}><Suspense><Palette onClose={() => setSearching(false)} /></Suspense></Show>
      <Show when={choosing()}><ChangeUserDialog onClose={() => setChoosing(false)} /></Show>
    </div>
  );
}

/**
 * The badges of the navigation (`navCounts` of the manifests: 审批箱's pending approvals), summed
 * per entry. The counting code loads after the first page; until then, and at zero, no badge.
 */
function navCounts(modules: readonly UiManifest[]): (path: string) => number {
  const ctx = useWorkspace();
  const wanted = modules.flatMap((m) => m.navCounts ?? []);
  type Counter = { path: string; count: (c: typeof ctx, m: readonly UiManifest[]) => number };
  const [counters, setCounters] = createSignal<Counter[]>([]); // a signal, not a resource: nothing suspends for it
  const load = () => Promise.all(wanted.map(async (c) => ({ path: c.path, count: await c.load() }))).then(setCounters, (e) => console.error(e));
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 300));
  idle(() => void load());
  // counted a moment after what they read changes, not inside the change: at company scale the
  // reminders read tens of thousands of records, which held up a peer's edit reaching the page
  // and a keystroke in a list; edits in a burst are counted once
  const [sums, setSums] = createSignal(new Map<string, number>());
  let timer: ReturnType<typeof setTimeout> | undefined;
  const track = createReaction(() => { clearTimeout(timer); timer = setTimeout(recount, 400); });
  const recount = () => {
    const out = new Map<string, number>();
    track(() => { for (const c of counters()) out.set(c.path, (out.get(c.path) ?? 0) + c.count(ctx, modules)); });
    setSums(out);
  };
  recount();
  onCleanup(() => clearTimeout(timer));
  return (path) => sums().get(path) ?? 0;
}
