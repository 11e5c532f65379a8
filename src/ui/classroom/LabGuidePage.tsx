import { For, Show, createSignal } from 'solid-js';
import { useWorkspace } from '../shared/context';
import { Confirm } from '../shared/dialogs';
import { report } from '../shared/refusal';
import { lang, t } from '../i18n';
import { dateTime } from '../../domain/core/format';
import { mayTeach, removeExercise } from '../../store/classroom/lab-exercises';
import { missingFor } from '../../domain/classroom/progress';
import { useGuides, usePanelState, useStarts, type GuideView } from './labguide-model';
import { LabExerciseEditor } from './LabExerciseEditor';
import './labguide.css';

/** 实验指导: the eleven experiments and the teacher's exercises; opening one shows it in the guide panel beside the pages. */
export function LabGuidePage() {
  const ctx = useWorkspace();
  const guides = useGuides();
  const starts = useStarts();
  const state = usePanelState();
  const teacher = () => mayTeach(ctx.role()) && ctx.ws.compatible;
  const [editing, setEditing] = createSignal<string | null>(null); // '' = a new exercise
  const [removing, setRemoving] = createSignal<string | null>(null);
  const experiments = () => guides().filter((g) => !g.key.startsWith('ex:'));
  const exercises = () => guides().filter((g) => g.key.startsWith('ex:'));
  const card = (g: GuideView, exerciseId?: string) => (
    <article class="card lab-card" data-guide={g.key}>
      <h2 class="lab-title"><span class="lab-badge">{g.badge}</span> {g.title}</h2>
      <Show when={g.due}>{(d) => <div class="muted small">{t('lab.due', { due: d() })}</div>}</Show>
      <Show when={g.goal}>{(goal) => <p>{goal()}</p>}</Show>
      <Show when={g.steps.filter((s) => s.check && missingFor(s.check).length).length}>{(n) => <div class="lab-missing small">{t('lab.missingSteps', { n: n() })}</div>}</Show>
      <div class="lab-card-foot">
        <span class="muted small grow">{starts()[g.key] ? t('lab.startedAt', { at: dateTime(starts()[g.key], lang()) }) : t('lab.stepCount', { n: g.steps.length })}</span>
        <Show when={exerciseId && teacher()}>
          <button class="btn small" onClick={() => setEditing(exerciseId!)}>{t('lab.editExercise')}</button>
          <button class="btn small danger" onClick={() => setRemoving(exerciseId!)}>{t('lab.delete')}</button>
        </Show>
        <button class="btn small" classList={{ primary: !(state.open() && state.current() === g.key) }} onClick={() => state.show(g.key)}>{t('lab.open')} →</button>
      </div>
    </article>
  );
  return (
    <section class="page">
      <div class="page-head"><h1 class="page-title">{t('nav.labGuide')}</h1></div>
      <div class="lab-list">
        <For each={experiments()}>{(g) => card(g)}</For>
      </div>
      <div class="page-head">
        <h2 class="page-title">{t('lab.exercises')}</h2>
        <span class="grow" />
        <Show when={teacher()}><button class="btn primary" onClick={() => setEditing('')}>{t('lab.newExercise')}</button></Show>
      </div>
      <Show when={exercises().length} fallback={<p class="muted">{t('lab.noExercises')}</p>}>
        <div class="lab-list"><For each={exercises()}>{(g) => card(g, g.key.slice(3))}</For></div>
      </Show>
      <Show when={editing() !== null}>
        <LabExerciseEditor id={editing() || undefined} onClose={() => setEditing(null)} />
      </Show>
      <Show when={removing()}>{(id) => (
        <Confirm title={t('lab.delete')} danger okLabel={t('lab.delete')} onClose={() => setRemoving(null)}
          onOk={() => report(removeExercise(ctx.ws, ctx.role(), id()))}>
          {String(ctx.get('labExercises', id())?.title ?? '')}
        </Confirm>
      )}</Show>
    </section>
  );
}
