import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import type { FieldDef } from '../../domain/core/entity';
import { num, pct } from '../../domain/core/format';
import { RATING_MAX } from '../../domain/surveys/answers';
import { filterByGroup, GROUP_DIMENSIONS, groupValues, respondentFacts, satisfactionIndex, surveyResults, type QuestionResult } from '../../domain/surveys/results';
import { responsesOf } from '../../store/surveys/surveys';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { MiniBars } from '../shared/MiniBars';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Guard } from '../analysis/Guard';
import { L, t } from '../i18n';
import { useQuestions } from './common';
import './surveys.css';

/**
 * 调查结果: per question — choice distributions, rating averages and distributions, text answers —
 * and the satisfaction index, for every respondent or one group (the respondent's type, the
 * channel, the customer's category, kind, industry or region, the employee's department).
 * Figures are domain/surveys/results.ts; malformed answers from a peer are counted apart.
 */
export function ResultsPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const title = useTitles();
  const page = useRecordPage('surveys', () => params.id!);
  const questions = useQuestions(() => String(page.record()?.templateId ?? ''));
  const all = createMemo(() => { ctx.version('surveyResponses')(); return responsesOf(ctx.ws, params.id!); });
  const facts = createMemo(() => all().map((r) => respondentFacts(r, (e, id) => ctx.get(e, id))));
  const [dimension, setDimension] = createSignal('');
  const [value, setValue] = createSignal<string | null>(null);
  const values = createMemo(() => (dimension() ? groupValues(facts(), dimension()) : []));
  const shown = createMemo(() => filterByGroup(all(), facts(), dimension() || null, value()));
  const results = createMemo(() => surveyResults(questions(), shown()));
  const index = createMemo(() => satisfactionIndex(questions(), shown()));
  const customerField = (key: string): FieldDef | undefined => ctx.def('customers').fields.find((f) => f.key === key);
  /** A group value as people read it. */
  const valueLabel = (v: string | null): string => {
    if (v === null) return t('surveys.unknownGroup');
    switch (dimension()) {
      case 'kind': return t(`surveys.kind.${v as 'customer'}`);
      case 'channel': return ctx.display(ctx.def('surveyResponses').fields.find((f) => f.key === 'channel')!, v);
      case 'department': return title('departments', v);
      case 'customerKind': return ctx.display(customerField('kind')!, v);
      default: return ctx.display(customerField(dimension())!, v) || v;
    }
  };
  const pickDimension = (d: string) => { setDimension(d); setValue(d ? groupValues(facts(), d)[0]?.value ?? null : null); };
  return (
    <Guard module="marketing">
      <section class="page survey-page survey-results">
        <RecordPageGate page={page}>
          {(s) => (
            <>
              <div class="page-head wrap">
                <A href={`/w/${ctx.ws.id}/surveys/${s().id}`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{t('surveys.resultsOf', { name: title('surveys', s()) })}</h1>
              </div>
              <div class="card results-head">
                <div class="figure" data-testid="response-count"><span class="muted">{t('surveys.responses')}</span><b>{shown().length}</b>
                  <Show when={shown().length !== all().length}><span class="muted small"> / {all().length}</span></Show></div>
                <div class="figure" data-testid="satisfaction-index" title={t('surveys.indexHint')}><span class="muted">{t('surveys.index')}</span><b>{index() === null ? '—' : num(index(), 1)}</b>
                  <span class="muted small">{t('surveys.indexHint')}</span></div>
                <div class="group-filter">
                  <label>{t('surveys.groupBy')}
                    <select id="group-dim" value={dimension()} onChange={(e) => pickDimension(e.currentTarget.value)}>
                      <option value="">{t('surveys.everyone')}</option>
                      <For each={GROUP_DIMENSIONS}>{(d) => <option value={d.key}>{L(d.label)}</option>}</For>
                    </select></label>
                  <Show when={dimension()}>
                    <select id="group-value" aria-label={t('surveys.groupValue')} value={String(values().findIndex((v) => v.value === value()))}
                      onChange={(e) => setValue(values()[Number(e.currentTarget.value)]?.value ?? null)}>
                      <For each={values()}>{(v, i) => <option value={String(i())}>{valueLabel(v.value)} ({v.count})</option>}</For>
                    </select>
                  </Show>
                </div>
              </div>
              <Show when={questions().length} fallback={<p class="muted">{t('surveys.noQuestions')}</p>}>
                <div class="result-grid">
                  <For each={results()}>{(r, i) => <ResultCard r={r} n={i() + 1} />}</For>
                </div>
              </Show>
            </>
          )}
        </RecordPageGate>
      </section>
    </Guard>
  );
}

function ResultCard(props: { r: QuestionResult; n: number }) {
  const q = () => props.r.question;
  return (
    <div class="card result" data-qid={q().id} data-testid="result">
      <h3>{props.n}. {q().text}</h3>
      <p class="muted small">{t(`surveys.type.${q().type}`)} · {t('surveys.answeredBy', { n: String(props.r.answered) })}
        <Show when={q().type === 'multiple'}> · {t('surveys.multiplePct')}</Show></p>
      <Show when={props.r.malformed}>
        <p class="notice small" data-testid="malformed">{t('surveys.malformedCount', { n: String(props.r.malformed) })}</p>
      </Show>
      <Switch>
        <Match when={q().type === 'single' || q().type === 'multiple'}>
          <MiniBars label={q().text} empty={t('surveys.noAnswers')}
            items={props.r.choices.map((c) => ({ key: c.optionId, label: c.label, value: c.count, note: pct(c.pct) }))} />
        </Match>
        <Match when={q().type === 'rating'}>
          <p class="rating-avg" data-testid="rating-average">{t('surveys.average')} <b>{props.r.average === null ? '—' : num(props.r.average, 2)}</b> / {RATING_MAX}</p>
          <MiniBars label={q().text} empty={t('surveys.noAnswers')}
            items={props.r.ratings.map((c) => ({ key: c.optionId, label: `${c.label} ${t('surveys.points')}`, value: c.count, note: pct(c.pct) }))} />
        </Match>
        <Match when={q().type === 'text'}>
          <Show when={props.r.texts.length} fallback={<p class="muted">{t('surveys.noAnswers')}</p>}>
            <ul class="text-answers"><For each={props.r.texts}>{(x) => <li>{x.text}</li>}</For></ul>
          </Show>
        </Match>
      </Switch>
    </div>
  );
}
