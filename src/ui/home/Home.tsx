import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { t } from '../i18n';

/** 我的工作台: counts, recent customers, and the sample-company action for a fresh workspace. */
export function Home() {
  const ctx = useWorkspace();
  const count = (name: string) => createMemo(() => { ctx.version(name)(); return ctx.ws.collection(name).live().length; });
  const customers = count('customers');
  const contacts = count('contacts');
  const competitors = count('competitors');
  const recent = createMemo(() => {
    ctx.version('customers')();
    return ctx.ws.collection('customers').live().sort((a, b) => b.updatedAt - a.updatedAt).slice(0, 8);
  });
  const [loading, setLoading] = createSignal(false);
  const loadSample = async () => {
    setLoading(true);
    // the generator is loaded on demand: it is not part of the first-load JavaScript
    const { loadSampleCompany } = await import('../../store/sample/load');
    loadSampleCompany(ctx.ws);
    setLoading(false);
    notify(t('home.sampleLoaded'));
  };
  const base = `/w/${ctx.ws.id}`;
  return (
    <section class="page">
      <h1 class="page-title">{t('home.welcome', { name: String(ctx.user()?.name ?? '') })}</h1>
      <div class="kpis">
        <A class="kpi" href={`${base}/customers`}><b>{customers()}</b><span>{t('home.customers')}</span></A>
        <A class="kpi" href={`${base}/contacts`}><b>{contacts()}</b><span>{t('home.contacts')}</span></A>
        <A class="kpi" href={`${base}/competitors`}><b>{competitors()}</b><span>{t('home.competitors')}</span></A>
      </div>
      <div class="cards">
        <div class="card">
          <h2>{t('home.recent')}</h2>
          <ul class="plain-list">
            <For each={recent()}>{(c) => (
              <li><A href={`${base}/customers/${c.id}`}>{String(c.name ?? '')}</A>
                <span class="muted">{new Date(c.updatedAt).toLocaleDateString()}</span></li>
            )}</For>
          </ul>
        </div>
        <Show when={ctx.can('org', 'write')}>
          <div class="card">
            <h2>{t('home.sample')}</h2>
            <p class="muted">{t('home.sampleHint')}</p>
            <button class="btn" disabled={loading()} onClick={loadSample}>{loading() ? t('home.sampleLoading') : t('home.sample')}</button>
          </div>
        </Show>
      </div>
      <p class="muted small">{t('home.shortcuts')}</p>
    </section>
  );
}
