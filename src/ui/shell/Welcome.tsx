import { For, Show, Suspense, createResource, createSignal } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createWorkspace, listWorkspaces } from '../../store/org/setup';
import { LangSwitch } from './LangSwitch';
import { page } from '../shared/module';
import { dateTime } from '../../domain/core/format';
import { lang, t } from '../i18n';

// joining and restoring read codes and backup files: their code loads when the chooser is shown, not with the app
const JoinWorkspace = page(() => import('../sync/JoinWorkspace'), 'JoinWorkspace');

/** First run and workspace chooser: create a workspace → name yourself → land on the home page. */
export function Welcome() {
  const navigate = useNavigate();
  const [list] = createResource(listWorkspaces);
  const [search] = useSearchParams();
  // ?create=1: the demo's 创建我自己的工作区 lands on the wizard's first step
  const [step, setStep] = createSignal<0 | 1 | 2>(search.create ? 1 : 0);
  const [wsName, setWsName] = createSignal('');
  const [userName, setUserName] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const next = () => {
    if (!wsName().trim()) return setError(t('welcome.nameRequired'));
    setError('');
    setStep(2);
  };
  const create = async () => {
    if (!userName().trim()) return setError(t('welcome.nameRequired'));
    setBusy(true);
    // ask the browser not to evict this data (Safari clears site data after 7 days without a visit)
    void navigator.storage?.persist?.().catch(() => false);
    const { entry, ws } = await createWorkspace(wsName().trim(), userName().trim());
    await ws.close();
    navigate(`/w/${entry.id}`);
  };

  return (
    <div class="welcome">
      <header class="welcome-head">
        <h1><img src="./favicon.svg" alt="" width="32" height="32" /> {t('app.name')}</h1>
        <LangSwitch />
      </header>
      <p class="tagline">{t('app.tagline')}</p>
      <section class="card">
        <h2>{t('welcome.workspaces')}</h2>
        <Show when={list()?.length} fallback={<p class="muted">{t('welcome.noWorkspaces')}</p>}>
          <ul class="ws-list">
            <For each={list()}>{(w) => (
              <li><a href={`#/w/${w.id}`} class="ws-link">{w.name}</a>
                <span class="muted">{dateTime(w.lastOpenedAt, lang())}</span></li>
            )}</For>
          </ul>
        </Show>
        <Show when={step() === 0}>
          <button class="btn primary" onClick={() => setStep(1)}>+ {t('welcome.create')}</button>
          <Suspense><JoinWorkspace /></Suspense>
        </Show>
        <Show when={step() === 1}>
          <form class="wizard" onSubmit={(e) => { e.preventDefault(); next(); }}>
            <h3>{t('welcome.step1')}</h3>
            <label class="field"><span class="field-label">{t('welcome.workspaceName')}</span>
              <input id="ws-name" autofocus value={wsName()} onInput={(e) => setWsName(e.currentTarget.value)} /></label>
            <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
            <button class="btn primary" type="submit">{t('welcome.next')}</button>
          </form>
        </Show>
        <Show when={step() === 2}>
          <form class="wizard" onSubmit={(e) => { e.preventDefault(); void create(); }}>
            <h3>{t('welcome.step2')}</h3>
            <label class="field"><span class="field-label">{t('welcome.yourName')}</span>
              <input id="user-name" autofocus value={userName()} onInput={(e) => setUserName(e.currentTarget.value)} /></label>
            <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
            <button class="btn primary" type="submit" disabled={busy()}>{t('welcome.create')}</button>
          </form>
        </Show>
      </section>
    </div>
  );
}
