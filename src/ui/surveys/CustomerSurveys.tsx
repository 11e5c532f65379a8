import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { dateTime } from '../../domain/core/format';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { lang, t } from '../i18n';
import { useQuestions } from './common';
import { AnswerList } from './SurveysPage';
import './surveys.css';

/** On the customer's page: the customer's (and its contacts') survey answers, newest first. */
export function CustomerSurveys(props: { customerId: string }) {
  const ctx = useWorkspace();
  const rows = createMemo(() => (ctx.can('marketing', 'read') ? ctx.where('surveyResponses', 'customerId', props.customerId) : [])
    .slice().sort((a, b) => (Number(b.at) || 0) - (Number(a.at) || 0)));
  return (
    <Show when={rows().length}>
      <div class="card customer-surveys" data-testid="customer-surveys">
        <h2>{t('surveys.customerAnswers')} · {rows().length}</h2>
        <For each={rows()}>{(r) => <CustomerResponse response={r} />}</For>
      </div>
    </Show>
  );
}

function CustomerResponse(props: { response: Readonly<Record<string, unknown>> & { id: string } }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const survey = () => ctx.get('surveys', props.response.surveyId);
  const questions = useQuestions(() => String(survey()?.templateId ?? ''));
  return (
    <details class="customer-response">
      <summary><A href={`/w/${ctx.ws.id}/surveys/${String(props.response.surveyId ?? '')}`}>{title('surveys', survey()) || String(props.response.title ?? '')}</A>
        {' '}<span class="muted small">{dateTime(props.response.at, lang())}<Show when={props.response.contactId}> · {title('contacts', props.response.contactId)}</Show></span></summary>
      <AnswerList questions={questions()} answers={props.response.answers} />
    </details>
  );
}
