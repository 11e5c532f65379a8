import { For, Show, createMemo, type Accessor } from 'solid-js';
import { readAnswer, RATING_MAX, RATING_MIN } from '../../domain/surveys/answers';
import { questionsOf, type Question } from '../../domain/surveys/questions';
import { ANSWER_ERROR_PREFIX } from '../../domain/surveys/rules';
import type { Refusal } from '../../domain/core/result';
import { useWorkspace } from '../shared/context';
import { L, t } from '../i18n';

/** The questions of a template version, in order, following edits (also a peer's). */
export function useQuestions(templateId: Accessor<string | undefined>): Accessor<Question[]> {
  const ctx = useWorkspace();
  return createMemo(() => {
    const id = templateId();
    return id ? questionsOf(ctx.where('surveyQuestions', 'templateId', id), id) : [];
  });
}

/** A stored answer as text: option names, "4 / 5", the text; a malformed one says so (never thrown on). */
export function answerText(q: Question, v: unknown): { text: string; malformed: boolean } {
  const a = readAnswer(q, v);
  const name = (id: string) => q.options.find((o) => o.id === id)?.text ?? id;
  switch (a.kind) {
    case 'none': return { text: '—', malformed: false };
    case 'single': return { text: name(a.option), malformed: false };
    case 'multiple': return { text: a.options.map(name).join('、'), malformed: false };
    case 'rating': return { text: `${a.value} / ${RATING_MAX}`, malformed: false };
    case 'text': return { text: a.text || '—', malformed: false };
    case 'malformed': return { text: `⚠ ${t('surveys.malformedAnswer')}: ${L(a.why)}`, malformed: true };
  }
}

/** A refusal of a response's save, by question id (the save path puts them under `answers.<id>`), less the questions answered again since. */
export function answerErrorsOf(refusal: Refusal | null, changed: ReadonlySet<string> = new Set()): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, m] of Object.entries(refusal?.fields ?? {})) {
    const q = k.slice(ANSWER_ERROR_PREFIX.length);
    if (k.startsWith(ANSWER_ERROR_PREFIX) && !changed.has(q)) out[q] = L(m);
  }
  return out;
}

const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/**
 * The questions as a form: options and scores as large tiles (real radio buttons and check boxes,
 * so keyboard and screen readers work), text as a text area. `big`: the kiosk's touch sizes.
 */
export function AnswerForm(props: {
  questions: Question[]; answers: Record<string, unknown>; onChange: (questionId: string, value: unknown) => void;
  errors: Record<string, string>; big?: boolean; idPrefix: string;
}) {
  const picked = (qid: string): string[] => { const v = props.answers[qid]; return Array.isArray(v) ? v as string[] : []; };
  return (
    <div class="answer-form" classList={{ big: props.big }}>
      <For each={props.questions}>{(q, i) => (
        <fieldset class="question" classList={{ invalid: !!props.errors[q.id] }} data-qid={q.id} aria-invalid={props.errors[q.id] ? 'true' : undefined}>
          <legend><span class="q-no">{i() + 1}.</span> {q.text}<Show when={q.required}> <span class="req" title={t('surveys.required')}>*</span></Show>
            <Show when={q.type === 'multiple'}> <span class="muted small">{t('surveys.pickAny')}</span></Show></legend>
          <Show when={q.type === 'single'}>
            <div class="tiles">
              <For each={q.options}>{(o) => (
                <label class="tile"><input type="radio" name={`${props.idPrefix}-${q.id}`} checked={props.answers[q.id] === o.id} onChange={() => props.onChange(q.id, o.id)} /><span>{o.text}</span></label>
              )}</For>
            </div>
          </Show>
          <Show when={q.type === 'multiple'}>
            <div class="tiles">
              <For each={q.options}>{(o) => (
                <label class="tile"><input type="checkbox" checked={picked(q.id).includes(o.id)}
                  onChange={(e) => props.onChange(q.id, e.currentTarget.checked ? [...picked(q.id), o.id] : picked(q.id).filter((x) => x !== o.id))} /><span>{o.text}</span></label>
              )}</For>
            </div>
          </Show>
          <Show when={q.type === 'rating'}>
            <div class="tiles rating">
              <For each={RATINGS}>{(n) => (
                <label class="tile"><input type="radio" name={`${props.idPrefix}-${q.id}`} checked={props.answers[q.id] === n} onChange={() => props.onChange(q.id, n)} />
                  <span><b>{n}</b><Show when={n === RATING_MIN || n === RATING_MAX}><small>{t(n === RATING_MIN ? 'surveys.ratingLow' : 'surveys.ratingHigh')}</small></Show></span></label>
              )}</For>
            </div>
          </Show>
          <Show when={q.type === 'text'}>
            <textarea rows={props.big ? 4 : 3} aria-label={q.text} value={typeof props.answers[q.id] === 'string' ? String(props.answers[q.id]) : ''} onInput={(e) => props.onChange(q.id, e.currentTarget.value)} />
          </Show>
          <Show when={props.errors[q.id]}><p class="field-error" role="alert">{props.errors[q.id]}</p></Show>
        </fieldset>
      )}</For>
    </div>
  );
}
