import { For, Show, Suspense, createResource, createSignal, lazy, onCleanup, type ParentProps } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { openWorkspace } from '../../store/org/setup';
import { createWorkspaceCtx, useWorkspace, WorkspaceProvider } from '../shared/context';
import { ChangeUserDialog, PinGate } from '../org/ChangeUser';
import { LangSwitch } from './LangSwitch';
import { SyncBar } from '../sync/SyncBar';
import { plainText } from '../sync/state';
import { t, type MessageKey } from '../i18n';
import { guardUnload } from './unload';
import { startRecoveryLazily } from '../recovery/lazy';

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

const NAV: { group: MessageKey; items: [string, MessageKey][] }[] = [
  { group: 'nav.home', items: [['', 'nav.home']] },
  { group: 'nav.groupCustomers', items: [['customers', 'nav.customers'], ['contacts', 'nav.contacts'], ['competitors', 'nav.competitors']] },
  { group: 'nav.groupSales', items: [['leads', 'nav.leads'], ['opportunities', 'nav.opportunities'], ['quotes', 'nav.quotes'], ['approvals', 'nav.approvals'], ['projects', 'nav.projects'], ['products', 'nav.products'], ['discounts', 'nav.discounts'], ['sales-modes', 'nav.salesModes']] },
  { group: 'nav.groupService', items: [['service/records', 'nav.serviceRecords'], ['service/complaints', 'nav.complaints'], ['service/knowledge', 'nav.knowledge'], ['service/analysis', 'nav.serviceAnalysis']] },
  { group: 'nav.groupPipeline', items: [['pipeline', 'nav.pipeline'], ['activities', 'nav.activities'], ['plans', 'nav.plans'], ['quota', 'nav.quota']] },
  { group: 'nav.groupAnalysis', items: [['analysis/funnel', 'nav.funnel'], ['analysis/forecast', 'nav.forecast'], ['analysis/opportunities', 'nav.oppAnalysis'], ['analysis/projects', 'nav.projectAnalysis'], ['analysis/quotes', 'nav.quoteDetails']] },
  { group: 'nav.groupSystem', items: [['org', 'nav.org'], ['settings', 'nav.settings'], ['bin', 'nav.bin']] },
];

function Frame(props: ParentProps) {
  const ctx = useWorkspace();
  const [choosing, setChoosing] = createSignal(false);
  const base = `/w/${ctx.ws.id}`;
  const roleName = () => plainText((ctx.role() as { name?: unknown } | undefined)?.name) || t('shell.noRole');
  return (
    <div class="shell">
      <nav class="sidebar" aria-label="main">
        <a class="brand" href="#/"><img src="./favicon.svg" alt="" width="22" height="22" /> {t('app.name')}</a>
        <div class="ws-name" title={ctx.entry.name}>{ctx.entry.name}</div>
        <For each={NAV}>{(g) => (
          <div class="nav-group">
            <Show when={g.items.length > 1}><div class="nav-group-title">{t(g.group)}</div></Show>
            <For each={g.items}>{([path, key]) => (
              <A href={path ? `${base}/${path}` : base} end={!path} class="nav-item" activeClass="active">{t(key)}</A>
            )}</For>
          </div>
        )}</For>
        <a class="nav-item muted" href="#/">{t('nav.workspaces')}</a>
      </nav>
      <div class="main">
        <header class="topbar">
          <span class="grow" />
          <SyncBar />
          <Show when={!ctx.ws.compatible}><span class="error-banner">{t('settings.incompatible')}</span></Show>
          <button class="btn ghost user-chip" onClick={() => setChoosing(true)} title={t('shell.changeUser')}>
            {plainText(ctx.user()?.name) || '?'} · <span class="muted">{roleName()}</span>
          </button>
          <LangSwitch />
        </header>
        <RecoveryBanner />
        <main class="content">
          <Suspense fallback={<p class="loading">{t('common.loading')}</p>}>{props.children}</Suspense>
        </main>
      </div>
      <Show when={choosing()}><ChangeUserDialog onClose={() => setChoosing(false)} /></Show>
    </div>
  );
}
