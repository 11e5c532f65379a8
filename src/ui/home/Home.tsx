import { For, Show, Suspense, createSignal, lazy } from 'solid-js';
import { A } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { ordered, useModules } from '../shared/module';
import { notify } from '../shared/toast';
import { t } from '../i18n';

// "my work" brings the sales rules: it loads right after the page, not with the first-load JavaScript
const MyWork = lazy(() => import('../work/MyWork').then((m) => ({ default: m.MyWork })));

/** 我的工作台: counts, "my work" (tasks with alerts, my opportunities, my target), and the sample-company action. */
export function Home() {
  const ctx = useWorkspace();
  // the figures the modules declare: what the user's data scope shows; unlimited, counted without parsing every record
  const counts = ordered(useModules(), 'homeCounts');
  // reminders other modules own (finance: overdue instalments), each a lazy component
  const cards = ordered(useModules(), 'homeCards');
  const count = (name: string) => (ctx.inScope(name) ? ctx.visible(name).length : ctx.count(name));
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
        <For each={counts}>{(c) => <A class="kpi" href={`${base}/${c.path}`}><b>{count(c.entity)}</b><span>{t(c.label)}</span></A>}</For>
      </div>
      <Suspense fallback={<p class="loading">{t('common.loading')}</p>}><MyWork /></Suspense>
      <Show when={cards.length}>
        <Suspense><div class="cards home-cards"><For each={cards}>{(c) => <c.component />}</For></div></Suspense>
      </Show>
      <div class="cards">
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
