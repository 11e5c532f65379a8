import { For, Index, Show, Switch, Match, createSignal } from 'solid-js';
import { Modal } from '../shared/Modal';
import { useWorkspace } from '../shared/context';
import { useRefusal } from '../shared/refusal';
import { L, lang, t } from '../i18n';
import { EXPERIMENTS, experimentNo } from '../../domain/classroom/experiments';
import {
  EXERCISE_TEMPLATES, childRelations, describeSpec, exerciseEntities, parseSpec, type ExerciseSpec, type ExerciseTemplate,
} from '../../domain/classroom/exercises';
import { sortRows } from '../../domain/core/rows';
import { dictOptions } from '../../store/core/dictionaries';
import { saveExercise, type ExerciseStepInput } from '../../store/classroom/lab-exercises';

/** A spec of the template with sensible first choices (the customers, the first experiment step…). */
function startSpec(template: ExerciseTemplate): ExerciseSpec {
  switch (template) {
    case 'step': return { template, experiment: EXPERIMENTS[2].key, step: EXPERIMENTS[2].steps[0].key };
    case 'create': return { template, entity: 'customers', atLeast: 1 };
    case 'createWhere': return { template, entity: 'customers', field: 'kind', value: 'agent', atLeast: 1 };
    case 'children': return { template, entity: 'customers', child: 'contacts', field: 'customerId', atLeast: 2 };
    case 'edit': return { template, entity: 'customers', field: 'ownerId' };
  }
}

/** 布置练习: an exercise's title, due date and steps, each chosen from the check library with its parameters. */
export function LabExerciseEditor(props: { id?: string; onClose: () => void }) {
  const ctx = useWorkspace();
  const refusal = useRefusal();
  const old = props.id ? ctx.get('labExercises', props.id) : undefined;
  const shown = props.id ? sortRows(ctx.where('labExerciseSteps', 'exerciseId', props.id)) : [];
  const [title, setTitle] = createSignal(String(old?.title ?? ''));
  const [due, setDue] = createSignal(String(old?.due ?? ''));
  const [note, setNote] = createSignal(String(old?.note ?? ''));
  // a signal of rows drawn with <Index> (a row keeps its inputs while its values change), not a
  // solid-js/store: that would join the first-load JavaScript
  const [steps, setStepList] = createSignal<ExerciseStepInput[]>(shown.flatMap((s) => {
    const spec = parseSpec(s.spec);
    return spec ? [{ id: s.id, text: String(s.text ?? ''), spec }] : [];
  }));
  const setStep = (i: number, p: Partial<ExerciseStepInput>) => setStepList((list) => list.map((x, k) => (k === i ? { ...x, ...p } : x)));
  const [error, setError] = createSignal('');
  const entities = exerciseEntities();
  const fieldsOf = (entity: string) => ctx.def(entity).fields.filter((f) => !f.readOnly);
  /** A dictionary value named by its option's label (客户类型「代理商」, not agent), a yes/no as 是/否. */
  const valueLabel = (spec: ExerciseSpec): string | undefined => {
    if (spec.template !== 'createWhere') return undefined;
    const f = ctx.def(spec.entity).fields.find((x) => x.key === spec.field);
    return f ? ctx.display(f, spec.value) || undefined : undefined;
  };
  const setSpec = (i: number, spec: ExerciseSpec) => setStep(i, { spec });
  const patch = (i: number, p: Record<string, unknown>) => setSpec(i, { ...steps()[i].spec, ...p } as ExerciseSpec);

  const save = () => {
    if (!steps().length) return setError(t('lab.needSteps'));
    setError('');
    const list = steps().map((s) => ({ ...s, text: s.text.trim() || describeSpec(s.spec, lang(), valueLabel(s.spec)) }));
    const values = { title: title().trim(), due: due() || undefined, note: note().trim() || undefined };
    if (refusal.run(saveExercise(ctx.ws, ctx.role(), ctx.userId(), values, list, props.id, shown.map((s) => s.id)), t('lab.published'))) props.onClose();
  };

  /** Options carry `selected`: a select's `value` does not follow when its options are drawn after it. */
  const entitySelect = (value: string, onPick: (entity: string) => void, label = t('lab.entity')) => (
    <label>{label}
      <select value={value} onChange={(e) => onPick(e.currentTarget.value)}>
        <For each={entities}>{(d) => <option value={d.key} selected={d.key === value}>{L(d.label)}</option>}</For>
      </select>
    </label>
  );
  const atLeast = (i: number, value: number) => (
    <label>{t('lab.atLeast')}<input type="number" min="1" max="1000" value={value}
      onChange={(e) => patch(i, { atLeast: Math.max(1, Math.min(1000, Math.round(Number(e.currentTarget.value)) || 1)) })} /></label>
  );

  return (
    <Modal open sheet wide title={props.id ? t('lab.editExercise') : t('lab.newExercise')} onClose={props.onClose} initialFocus="#lx-title"
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" onClick={save}>{t('common.save')}</button>
      </>}>
      <div class="form-grid">
        <label class="field"><span class="field-label">{ctx.def('labExercises').fields[0] ? L(ctx.def('labExercises').fields[0].label) : ''} *</span>
          <input id="lx-title" value={title()} onInput={(e) => setTitle(e.currentTarget.value)} aria-required="true" /></label>
        <label class="field"><span class="field-label">{L(ctx.def('labExercises').fields[1].label)}</span>
          <input id="lx-due" type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} /></label>
        <label class="field span2"><span class="field-label">{L(ctx.def('labExercises').fields[2].label)}</span>
          <textarea rows="2" value={note()} onInput={(e) => setNote(e.currentTarget.value)} /></label>
      </div>
      <refusal.Banner />
      <h3>{t('lab.steps')}</h3>
      <Index each={steps()}>{(row, index) => {
        const s = { get spec() { return row().spec; }, get text() { return row().text; } };
        const i = () => index;
        return (
        <div class="lab-spec" data-testid="lab-spec">
          <label class="wide">{t('lab.template')}
            <select value={s.spec.template} onChange={(e) => setSpec(i(), startSpec(e.currentTarget.value as ExerciseTemplate))}>
              <For each={EXERCISE_TEMPLATES}>{(tp) => <option value={tp.key}>{L(tp.label)}</option>}</For>
            </select>
          </label>
          <Switch>
            <Match when={s.spec.template === 'step' && s.spec}>{(sp) => {
              const spec = () => sp() as Extract<ExerciseSpec, { template: 'step' }>;
              const exp = () => EXPERIMENTS.find((e) => e.key === spec().experiment) ?? EXPERIMENTS[0];
              return <>
                <label>{t('lab.experiment')}
                  <select value={spec().experiment} onChange={(e) => { const x = EXPERIMENTS.find((y) => y.key === e.currentTarget.value)!; patch(i(), { experiment: x.key, step: x.steps[0].key }); }}>
                    <For each={EXPERIMENTS}>{(x) => <option value={x.key}>{experimentNo(x.no, lang())} {L(x.title)}</option>}</For>
                  </select></label>
                <label>{t('lab.step')}
                  <select value={spec().step} onChange={(e) => patch(i(), { step: e.currentTarget.value })}>
                    <For each={exp().steps}>{(x) => <option value={x.key} selected={x.key === spec().step}>{L(x.text)}</option>}</For>
                  </select></label>
              </>;
            }}</Match>
            <Match when={s.spec.template === 'create' && s.spec}>{(sp) => {
              const spec = () => sp() as Extract<ExerciseSpec, { template: 'create' }>;
              return <>{entitySelect(spec().entity, (entity) => patch(i(), { entity }))}{atLeast(i(), spec().atLeast)}</>;
            }}</Match>
            <Match when={s.spec.template === 'createWhere' && s.spec}>{(sp) => {
              const spec = () => sp() as Extract<ExerciseSpec, { template: 'createWhere' }>;
              const fields = () => fieldsOf(spec().entity).filter((f) => f.type === 'dict' || f.type === 'bool' || f.type === 'text');
              const field = () => fields().find((f) => f.key === spec().field);
              return <>
                {entitySelect(spec().entity, (entity) => { const f = fieldsOf(entity).find((x) => x.type === 'dict' || x.type === 'bool'); patch(i(), { entity, field: f?.key ?? 'name', value: f?.type === 'bool' ? true : '' }); })}
                {atLeast(i(), spec().atLeast)}
                <label>{t('lab.field')}
                  <select value={spec().field} onChange={(e) => { const f = fields().find((x) => x.key === e.currentTarget.value); patch(i(), { field: f?.key, value: f?.type === 'bool' ? true : '' }); }}>
                    <For each={fields()}>{(f) => <option value={f.key} selected={f.key === spec().field}>{L(f.label)}</option>}</For>
                  </select></label>
                <label>{t('lab.value')}
                  <Switch fallback={<input value={String(spec().value)} onInput={(e) => patch(i(), { value: e.currentTarget.value })} />}>
                    <Match when={field()?.type === 'bool'}>
                      <select value={String(spec().value)} onChange={(e) => patch(i(), { value: e.currentTarget.value === 'true' })}>
                        <option value="true">{t('common.yes')}</option><option value="false">{t('common.no')}</option>
                      </select>
                    </Match>
                    <Match when={field()?.type === 'dict'}>
                      <select class="lab-value" value={String(spec().value)} onChange={(e) => patch(i(), { value: e.currentTarget.value })}>
                        <option value="" />
                        <For each={(ctx.version('dictOptions')(), dictOptions(ctx.ws, field()!.dict ?? ''))}>{(o) => <option value={o.code} selected={o.code === spec().value}>{L(o.label)}</option>}</For>
                      </select>
                    </Match>
                  </Switch></label>
              </>;
            }}</Match>
            <Match when={s.spec.template === 'children' && s.spec}>{(sp) => {
              const spec = () => sp() as Extract<ExerciseSpec, { template: 'children' }>;
              const relations = () => childRelations(spec().entity);
              return <>
                {entitySelect(spec().entity, (entity) => { const r = childRelations(entity)[0]; patch(i(), { entity, child: r?.child ?? '', field: r?.field ?? '' }); })}
                {atLeast(i(), spec().atLeast)}
                <label class="wide">{t('lab.child')}
                  <select value={`${spec().child}.${spec().field}`} onChange={(e) => { const [child, field] = e.currentTarget.value.split('.'); patch(i(), { child, field }); }}>
                    <For each={relations()}>{(r) => <option value={`${r.child}.${r.field}`} selected={r.child === spec().child && r.field === spec().field}>{L(r.label)}</option>}</For>
                  </select></label>
              </>;
            }}</Match>
            <Match when={s.spec.template === 'edit' && s.spec}>{(sp) => {
              const spec = () => sp() as Extract<ExerciseSpec, { template: 'edit' }>;
              return <>
                {entitySelect(spec().entity, (entity) => patch(i(), { entity, field: fieldsOf(entity)[0]?.key ?? 'name' }))}
                <label>{t('lab.field')}
                  <select value={spec().field} onChange={(e) => patch(i(), { field: e.currentTarget.value })}>
                    <For each={fieldsOf(spec().entity)}>{(f) => <option value={f.key} selected={f.key === spec().field}>{L(f.label)}</option>}</For>
                  </select></label>
              </>;
            }}</Match>
          </Switch>
          <label class="wide">{t('lab.stepText')}
            <input value={s.text} placeholder={describeSpec(s.spec, lang(), valueLabel(s.spec))} onInput={(e) => setStep(i(), { text: e.currentTarget.value })} /></label>
          <div class="wide"><button class="btn small danger" onClick={() => setStepList((list) => list.filter((_, k) => k !== i()))}>{t('lab.removeStep')}</button></div>
        </div>
        );
      }}</Index>
      <Show when={error()}><p class="error-banner">{error()}</p></Show>
      <button class="btn" onClick={() => setStepList((list) => [...list, { text: '', spec: startSpec('step') }])}>+ {t('lab.addStep')}</button>
    </Modal>
  );
}
