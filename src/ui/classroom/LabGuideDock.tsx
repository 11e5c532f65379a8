import { For, Show, createEffect, createMemo, createSignal, on } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { useModules, type UiManifest } from '../shared/module';
import { Confirm } from '../shared/dialogs';
import { report } from '../shared/refusal';
import { lang, t } from '../i18n';
import { dateTime } from '../../domain/core/format';
import type { GuideProgress, StepProgress } from '../../domain/classroom/progress';
import type { Check } from '../../domain/classroom/predicates';
import { EXPERIMENTS } from '../../domain/classroom/experiments';
import { startGuide } from '../../store/classroom/lab-runs';
import { recordLabEvent } from '../../store/classroom/lab-events';
import { useGuideProgress, useGuides, useLabEvents, usePanelState, useStarts, type GuideView } from './labguide-model';
import './labguide.css';

/**
 * The lab guide beside the page (实验指导): the top bar's toggle and the panel. From 1100 px the
 * panel sits beside the page; narrower it lies over the page's right side; on a phone it is a
 * full-screen sheet (labguide.css). Loaded after the first page (Shell.tsx mounts it lazily).
 */
export function LabGuideToggle() {
  const state = usePanelState();
  recordVisits();
  return (
    <button class="btn ghost lab-toggle" classList={{ active: state.open() }} aria-expanded={state.open()} aria-controls="lab-guide"
      onClick={() => state.setOpen(!state.open())}>
      <svg aria-hidden="true" width="15" height="15" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.4">
        <path d="M6 1.5h4M7 1.5v4.2L2.8 13a1 1 0 0 0 .9 1.5h8.6a1 1 0 0 0 .9-1.5L9 5.7V1.5" stroke-linejoin="round" /><path d="M4.6 10h6.8" />
      </svg>
      <span class="lab-toggle-label">{t('lab.toggle')}</span>
    </button>
  );
}

/** Route patterns of the manifests and whether one of them takes `path` ('/customers/cu1' ← '/customers/:id'). */
function routeOf(modules: readonly UiManifest[], path: string): string | undefined {
  const fits = (pattern: string) => new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`).test(path);
  return modules.flatMap((m) => m.routes ?? []).map((r) => r.path).find(fits);
}

/** Pages viewed count for "open the funnel" steps: a visit is recorded while an experiment that asks for it runs. */
function recordVisits() {
  const ctx = useWorkspace();
  const modules = useModules();
  const location = useLocation();
  const starts = useStarts();
  const wanted = new Set(EXPERIMENTS.flatMap((e) => e.steps.flatMap((s) => (s.check.kind === 'event' && s.check.event === 'visit' ? [s.check.params?.route ?? ''] : []))));
  createEffect(on(() => location.pathname, (pathname) => {
    const route = routeOf(modules, pathname.slice(`/w/${ctx.ws.id}`.length) || '/');
    if (!route || !wanted.has(route) || !Object.keys(starts()).length) return;
    void recordLabEvent(ctx.ws, ctx.userId(), 'visit', { route }).catch(() => undefined);
  }));
}

export function LabGuidePanel() {
  const state = usePanelState();
  const guides = useGuides();
  const guide = createMemo(() => guides().find((g) => g.key === state.current()) ?? guides()[0]);
  return (
    <Show when={state.open()}>
      <aside class="lab-guide" id="lab-guide" aria-label={t('lab.toggle')}>
        <header class="lab-head">
          <select class="lab-pick" aria-label={t('lab.choose')} onChange={(e) => state.show(e.currentTarget.value)}>
            {/* selected per option: the options are rebuilt when the language changes, and a select's value would not follow */}
            <For each={guides()}>{(g) => <option value={g.key} selected={g.key === guide()?.key}>{g.badge} {g.title}</option>}</For>
          </select>
          <A class="btn ghost small" activeClass="lab-here" href={`/w/${useWorkspace().ws.id}/lab`} onClick={() => { if (window.matchMedia('(max-width: 600px)').matches) state.setOpen(false); }}>{t('lab.all')}</A>
          <button class="icon-btn" aria-label={t('lab.close')} onClick={() => state.setOpen(false)}>×</button>
        </header>
        <Show when={guide()} keyed>{(g) => <GuideSteps guide={g} />}</Show>
      </aside>
    </Show>
  );
}

/** One experiment or exercise: goal, tasks, the start, and its steps ticked as the group does them. */
export function GuideSteps(props: { guide: GuideView }) {
  const ctx = useWorkspace();
  const modules = useModules();
  const panelState = usePanelState();
  // on a phone the guide is a full-screen sheet: going to the page closes it, the toggle brings it back
  const leaveSheet = () => { if (window.matchMedia('(max-width: 600px)').matches) panelState.setOpen(false); };
  const events = useLabEvents();
  const starts = useStarts();
  const result = useGuideProgress(() => props.guide, events);
  const since = () => starts()[props.guide.key];
  const [asking, setAsking] = createSignal(false);
  const start = () => report(startGuide(ctx.ws, props.guide.key, ctx.userId()));
  const stepOf = (key: string): StepProgress | undefined => result()?.steps.find((s) => s.key === key);
  const names = (ids: readonly string[]) => ids.map((id) => String(ctx.get('users', id)?.name ?? id)).join('、');
  return (
    <div class="lab-body" data-guide={props.guide.key}>
      <h2 class="lab-title"><span class="lab-badge">{props.guide.badge}</span> {props.guide.title}</h2>
      <Show when={props.guide.due}>{(d) => <div class="muted small">{t('lab.due', { due: d() })}</div>}</Show>
      <Show when={props.guide.goal}>{(goal) => <section><h3>{t('lab.goal')}</h3><p class="lab-goal">{goal()}</p></section>}</Show>
      <Show when={props.guide.tasks.length}>
        <section><h3>{t('lab.tasks')}</h3><ul class="lab-tasks"><For each={props.guide.tasks}>{(task) => <li>{task}</li>}</For></ul></section>
      </Show>
      <div class="lab-run">
        <Show when={since()} fallback={<>
          <p class="muted small">{t('lab.notStarted')}</p>
          <button class="btn primary" onClick={start}>{t('lab.start')}</button>
        </>}>{(at) => <>
          <span class="lab-count" data-testid="lab-count">{t('lab.doneOf', { done: result()?.done ?? 0, total: result()?.available ?? props.guide.steps.length })}</span>
          <span class="muted small">{t('lab.startedAt', { at: dateTime(at(), lang()) })}</span>
          <span class="grow" />
          <button class="btn small" onClick={() => setAsking(true)}>{t('lab.restart')}</button>
        </>}</Show>
      </div>
      <h3>{t('lab.steps')}</h3>
      <ol class="lab-steps">
        <For each={props.guide.steps}>{(s) => {
          const p = () => stepOf(s.key);
          const href = () => stepHref(s, modules, `/w/${ctx.ws.id}`);
          return (
            <li class="lab-step" data-step={s.key} data-status={p()?.status ?? 'open'}>
              <span class="lab-mark" aria-hidden="true">{p()?.status === 'done' ? '✓' : p()?.status === 'unavailable' ? '–' : ''}</span>
              <div class="lab-step-main">
                <div class="lab-step-text">{s.text}</div>
                <div class="lab-step-meta small">
                  <Show when={p()?.status === 'unavailable'}><span class="lab-missing">{t('lab.missing')}</span></Show>
                  <Show when={p()?.status === 'done' && p()?.result?.by.length}>
                    <span class="lab-by" data-testid="lab-by">{t('lab.by', { names: names(p()!.result!.by) })}</span>
                  </Show>
                  <Show when={p()?.status !== 'unavailable' && href()}>{(h) => <A class="lab-go" href={h()} onClick={leaveSheet}>{t('lab.goThere')} →</A>}</Show>
                </div>
              </div>
            </li>
          );
        }}</For>
      </ol>
      <Show when={asking()}>
        <Confirm title={t('lab.restart')} okLabel={t('lab.restart')} onOk={start} onClose={() => setAsking(false)}>{t('lab.restartAsk')}</Confirm>
      </Show>
    </div>
  );
}

/**
 * Where a step is done: its route, else the list that adds its records (the manifests' "new
 * record" actions) — so a step of a module that lands later links to it — and only a route the
 * manifests have.
 */
export function stepHref(step: { route?: string; check: Check | null }, modules: readonly UiManifest[], base: string): string | null {
  let route = step.route;
  if (route === undefined && step.check && step.check.kind !== 'event') {
    const entity = step.check.entity;
    route = modules.flatMap((m) => m.actions ?? []).find((a) => a.entity === entity)?.path;
  }
  if (route === undefined) return null;
  if (!routeOf(modules, `/${route.split('?')[0]}`)) return null;
  return route ? `${base}/${route}` : base;
}

export type { GuideProgress };
