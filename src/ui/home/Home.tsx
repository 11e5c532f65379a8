import { For, Show, Suspense, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { homeAudience, homeCardsFor, ordered, useModules } from '../shared/module';
import { notify } from '../shared/toast';
import { t } from '../i18n';

/**
 * 我的工作台: the figures the modules declare, then the cards of this role's home — a rep's
 * (reminders, my pipeline and target) or a manager's (reminders, the team's pipeline and targets,
 * approvals, open complaints): each module contributes its cards (homeCards) and says whose home
 * they are for; this page only picks by role. An administrator of an empty workspace sees the
 * first steps instead of the team's (empty) cards; the sample-company step goes once data exists.
 */
export function Home() {
  const ctx = useWorkspace();
  const modules = useModules();
  // the figures the modules declare: what the user's data scope shows; unlimited, counted without parsing every record
  const counts = ordered(modules, 'homeCounts');
  const count = (name: string) => (ctx.inScope(name) ? ctx.visible(name).length : ctx.count(name));
  const audience = createMemo(() => homeAudience(ctx.role()));
  const empty = createMemo(() => ctx.count('customers') === 0 && ctx.count('opportunities') === 0);
  const firstSteps = () => empty() && ctx.can('org', 'write');
  // while the workspace is empty the summaries of its records would all say "none": the first steps replace them
  const cards = createMemo(() => homeCardsFor(modules, audience()).filter((c) => !firstSteps() || !c.needsData));
  return (
    <section class="page home-page" data-home={audience()}>
      <h1 class="page-title">{t('home.welcome', { name: String(ctx.user()?.name ?? '') })}</h1>
      <div class="kpis">
        <For each={counts}>{(c) => <A class="kpi" href={`/w/${ctx.ws.id}/${c.path}`}><b>{count(c.entity)}</b><span>{t(c.label)}</span></A>}</For>
      </div>
      <Show when={firstSteps()}><FirstSteps /></Show>
      <Suspense fallback={<p class="loading">{t('common.loading')}</p>}>
        <div class="home-grid">
          <For each={cards()}>{(c) => <div class="home-slot" classList={{ wide: !!c.wide }}><c.component /></div>}</For>
        </div>
      </Suspense>
      <p class="muted small">{t('home.shortcuts')}</p>
    </section>
  );
}

/** The first steps of an empty workspace, each a link to where it is done; the sample company loads here. */
function FirstSteps() {
  const ctx = useWorkspace();
  const base = `/w/${ctx.ws.id}`;
  const [loading, setLoading] = createSignal(false);
  const loadSample = async () => {
    setLoading(true);
    // the generator is loaded on demand: it is not part of the first-load JavaScript
    const { loadSampleCompany } = await import('../../store/sample/load');
    loadSampleCompany(ctx.ws);
    setLoading(false);
    notify(t('home.sampleLoaded'));
  };
  return (
    <div class="card first-steps" data-testid="first-steps">
      <h2>{t('home.firstSteps')}</h2>
      <p class="muted">{t('home.firstStepsHint')}</p>
      <ol class="steps">
        <li><A href={`${base}/org`}>{t('home.stepOrg')}</A><span class="muted small">{t('home.stepOrgHint')}</span></li>
        <li><A href={`${base}/customers`}>{t('home.stepImport')}</A><span class="muted small">{t('home.stepImportHint')}</span></li>
        <li data-testid="sample-step">
          <button class="btn" disabled={loading()} onClick={loadSample}>{loading() ? t('home.sampleLoading') : t('home.sample')}</button>
          <span class="muted small">{t('home.stepSampleHint')}</span>
        </li>
        <li><A href={`${base}/settings?tab=sync`}>{t('home.stepInvite')}</A><span class="muted small">{t('home.stepInviteHint')}</span></li>
      </ol>
    </div>
  );
}
