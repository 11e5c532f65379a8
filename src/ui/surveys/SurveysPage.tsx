import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import type { Refusal } from '../../domain/core/result';
import { dateTime } from '../../domain/core/format';
import { answerMap } from '../../domain/surveys/answers';
import { responsesOf, submitResponse } from '../../store/surveys/surveys';
import { RecordList } from '../shared/RecordList';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Badge, FieldsView } from '../shared/RecordView';
import { RefPicker } from '../shared/FieldInput';
import { Modal } from '../shared/Modal';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { notify } from '../shared/toast';
import { Guard } from '../analysis/Guard';
import { L, lang, t } from '../i18n';
import { AnswerForm, answerErrorsOf, answerText, useQuestions } from './common';
import './surveys.css';

/** The respondent field of each audience (a contact's answer also names its customer: store rules). */
export const RESPONDENT: Record<string, { field: 'customerId' | 'contactId' | 'userId'; entity: string }> = {
  customers: { field: 'customerId', entity: 'customers' },
  contacts: { field: 'contactId', entity: 'contacts' },
  employees: { field: 'userId', entity: 'users' },
};

/** 调查活动: every survey; one opens its page. */
export function SurveysPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const open = (r: BaseRecord) => navigate(`/w/${ctx.ws.id}/surveys/${r.id}`);
  return (
    <Guard module="marketing">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.surveys')}</h1>
        <RecordList entity="surveys" onOpen={open} hooks={{ onSaved: open }} rowTone={(r) => (r.status === 'open' ? 'blue' : undefined)} />
      </section>
    </Guard>
  );
}

/** Enter full screen for the kiosk (a tap is the gesture it needs); a browser that refuses leaves the page as it is. */
export function enterFullscreen(): void {
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** One survey: what it is, its responses with their answers, entering one, the kiosk and the results. */
export function SurveyPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const navigate = useNavigate();
  const title = useTitles();
  const page = useRecordPage('surveys', () => params.id!);
  const questions = useQuestions(() => String(page.record()?.templateId ?? ''));
  const responses = createMemo(() => { ctx.version('surveyResponses')(); return responsesOf(ctx.ws, params.id!).reverse(); });
  const [entering, setEntering] = createSignal(false);
  const base = () => `/w/${ctx.ws.id}`;
  const open = () => page.record()?.status !== 'closed';
  const who = (r: BaseRecord) => title('contacts', r.contactId) || title('customers', r.customerId) || title('users', r.userId) || t('surveys.anonymous');
  return (
    <Guard module="marketing">
      <section class="page survey-page">
        <RecordPageGate page={page}>
          {(s) => (
            <>
              <div class="page-head wrap">
                <A href={`${base()}/surveys`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{title('surveys', s())}</h1>
                <Badge tone={s().status === 'open' ? 'blue' : 'gray'}>{ctx.display(ctx.def('surveys').fields.find((f) => f.key === 'status')!, s().status)}</Badge>
                <span class="grow" />
                <Show when={ctx.can('marketing', 'write') && open()}>
                  <button class="btn" onClick={() => setEntering(true)}>{t('surveys.enter')}</button>
                  <button class="btn" onClick={() => { enterFullscreen(); navigate(`${base()}/kiosk/${s().id}`); }}>{t('surveys.kiosk')}</button>
                </Show>
                <A class="btn primary" href={`${base()}/surveys/${s().id}/results`}>{t('surveys.results')}</A>
              </div>
              <div class="card">
                <FieldsView entity="surveys" record={s()} />
                <p class="small"><A href={`${base()}/surveys/templates/${String(s().templateId ?? '')}`}>{t('surveys.openTemplate')}</A></p>
              </div>
              <h2 class="section-title">{t('surveys.responses')} · {responses().length}</h2>
              <Show when={responses().length} fallback={<p class="muted">{t('surveys.noResponses')}</p>}>
                <ul class="response-list">
                  <For each={responses()}>{(r) => (
                    <li class="card response" data-testid="response">
                      <details>
                        <summary><b>{who(r)}</b> <span class="muted small">{dateTime(r.at, lang())} · {ctx.display(ctx.def('surveyResponses').fields.find((f) => f.key === 'channel')!, r.channel)} · {t('surveys.enteredBy')} {title('users', r.enteredBy)}</span></summary>
                        <AnswerList questions={questions()} answers={r.answers} />
                      </details>
                    </li>
                  )}</For>
                </ul>
              </Show>
              <Show when={entering()}>
                <StaffEntry survey={s()} onClose={() => setEntering(false)} />
              </Show>
            </>
          )}
        </RecordPageGate>
      </section>
    </Guard>
  );
}

/** A response's answers, question by question; a peer's malformed answer is shown as such. */
export function AnswerList(props: { questions: ReturnType<ReturnType<typeof useQuestions>>; answers: unknown }) {
  return (
    <dl class="answers">
      <For each={props.questions}>{(q, i) => {
        const a = () => answerText(q, answerMap(props.answers)[q.id]);
        return <div classList={{ malformed: a().malformed }}><dt>{i() + 1}. {q.text}</dt><dd>{a().text}</dd></div>;
      }}</For>
    </dl>
  );
}

/** A member of staff enters a respondent's answers (channel 员工录入). */
function StaffEntry(props: { survey: BaseRecord; onClose: () => void }) {
  const ctx = useWorkspace();
  const questions = useQuestions(() => String(props.survey.templateId ?? ''));
  const who = () => RESPONDENT[String(props.survey.audience)] ?? RESPONDENT.customers;
  const [respondent, setRespondent] = createSignal('');
  const [answers, setAnswers] = createSignal<Record<string, unknown>>({});
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set()); // answered again since the refusal: its mark goes
  const refused = (r: Refusal) => { setChanged(new Set<string>()); setRefusal(r); };
  const save = () => {
    const res = submitResponse(ctx.ws, props.survey.id, { [who().field]: respondent() || undefined, answers: answers(), channel: 'staff' }, ctx.userId());
    if (!res.ok) return refused(res.refusal);
    notify(t('surveys.saved'));
    props.onClose();
  };
  return (
    <Modal open title={t('surveys.enter')} onClose={props.onClose} wide sheet initialFocus="#f-respondent"
      footer={<><button class="btn" onClick={props.onClose}>{t('common.cancel')}</button><button class="btn primary" onClick={save}>{t('common.save')}</button></>}>
      <Show when={refusal()}><p class="error-banner" role="alert">{L(refusal()!.message)}</p></Show>
      <label class="field"><span>{t('surveys.respondent')} · {L(ctx.def(who().entity).noun ?? ctx.def(who().entity).label)}</span>
        <RefPicker id="f-respondent" entity={who().entity} value={respondent()} onChange={setRespondent} required /></label>
      <Show when={refusal()?.fields?.[who().field]}>{(m) => <p class="field-error">{L(m())}</p>}</Show>
      <AnswerForm idPrefix="staff" questions={questions()} answers={answers()} errors={answerErrorsOf(refusal(), changed())}
        onChange={(q, v) => { setAnswers({ ...answers(), [q]: v }); setChanged(new Set([...changed(), q])); }} />
    </Modal>
  );
}
