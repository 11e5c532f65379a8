import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { QuestionType } from '../../domain/surveys/entities';
import { QUESTION_TYPES } from '../../domain/surveys/entities';
import { isChoice, type Question } from '../../domain/surveys/questions';
import type { Result } from '../../domain/core/result';
import {
  addOption, addQuestion, editQuestion, editTemplate, moveQuestion, publishTemplate, removeOption, removeQuestion, renameOption,
  templateHasAnswers, versionsOf, type TemplateEdit,
} from '../../store/surveys/surveys';
import { RecordList } from '../shared/RecordList';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Badge } from '../shared/RecordView';
import { DictSelect } from '../shared/FieldInput';
import { Confirm } from '../shared/dialogs';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { report } from '../shared/refusal';
import { notify } from '../shared/toast';
import { Guard } from '../analysis/Guard';
import { t } from '../i18n';
import { useQuestions } from './common';
import './surveys.css';

/** 问卷模板: every version; a new one opens in the editor. */
export function TemplatesPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const open = (id: string) => navigate(`/w/${ctx.ws.id}/surveys/templates/${id}`);
  return (
    <Guard module="marketing">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.surveyTemplates')}</h1>
        <RecordList entity="surveyTemplates" onOpen={(r) => open(r.id)} hooks={{ onSaved: (r) => open(r.id) }}
          rowTone={(r) => (r.status === 'published' ? 'blue' : undefined)} />
      </section>
    </Guard>
  );
}

/**
 * The template editor: name and description, questions in order (move with the arrows or
 * Alt+↑/↓), their type, whether they must be answered, a choice question's options. A template
 * some survey has answers for is not changed: the first edit makes its next version, and the
 * editor moves there (store/surveys `onWritable`).
 */
export function TemplatePage() {
  const ctx = useWorkspace();
  const params = useParams();
  const navigate = useNavigate();
  const title = useTitles();
  const page = useRecordPage('surveyTemplates', () => params.id!);
  const questions = useQuestions(() => params.id);
  const ids = createMemo(() => questions().map((q) => q.id)); // keyed by id: a moved question keeps its DOM (and focus)
  const byId = createMemo(() => new Map(questions().map((q) => [q.id, q])));
  const writable = () => ctx.can('marketing', 'write');
  const answered = createMemo(() => { ctx.version('surveyResponses')(); ctx.version('surveys')(); return templateHasAnswers(ctx.ws, params.id!); });
  const versions = createMemo(() => { ctx.version('surveyTemplates')(); return versionsOf(ctx.ws, params.id!); });
  const [newType, setNewType] = createSignal<QuestionType>('single');
  const [newText, setNewText] = createSignal('');

  /** After an edit: a refusal as a toast; a new version announced and opened. */
  const done = (res: Result<TemplateEdit>, focusQuestion?: (edit: TemplateEdit) => string | undefined): boolean => {
    if (!report(res)) return false;
    if (res.value.forked) {
      const v = ctx.ws.collection('surveyTemplates').get(res.value.templateId)?.version;
      notify(t('surveys.newVersionMade', { v: String(v ?? '') }));
      navigate(`/w/${ctx.ws.id}/surveys/templates/${res.value.templateId}`);
    }
    const q = focusQuestion?.(res.value);
    if (q) setTimeout(() => document.querySelector<HTMLElement>(`.q-card[data-qid="${q}"] .q-handle`)?.focus());
    return true;
  };
  const move = (q: Question, dir: -1 | 1) => done(moveQuestion(ctx.ws, q.id, dir, ctx.userId()), (e) => e.questionId);
  const add = () => {
    if (done(addQuestion(ctx.ws, params.id!, newType(), newText(), ctx.userId()))) setNewText('');
  };
  const publish = () => report(publishTemplate(ctx.ws, params.id!, ctx.userId()), t('surveys.published'));

  return (
    <Guard module="marketing">
      <section class="page survey-page">
        <RecordPageGate page={page}>
          {(tpl) => (
            <>
              <div class="page-head wrap">
                <A href={`/w/${ctx.ws.id}/surveys/templates`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{title('surveyTemplates', tpl())}</h1>
                <Badge tone="gray">v{String(tpl().version ?? 1)}</Badge>
                <Badge tone={tpl().status === 'published' ? 'blue' : 'gray'}>{ctx.display(ctx.def('surveyTemplates').fields.find((f) => f.key === 'status')!, tpl().status)}</Badge>
                <span class="grow" />
                <Show when={writable() && tpl().status !== 'published'}>
                  <button class="btn primary" onClick={publish}>{t('surveys.publish')}</button>
                </Show>
              </div>
              <Show when={answered()}>
                <p class="notice" data-testid="answered-notice">{t('surveys.answeredNotice', { v: String((Number(tpl().version) || 1) + 1) })}</p>
              </Show>
              <Show when={versions().length > 1}>
                <p class="versions muted small">{t('surveys.versions')}:{' '}
                  <For each={versions()}>{(v) => (
                    <Show when={v.id !== tpl().id} fallback={<b>v{String(v.version ?? '')} </b>}>
                      <A href={`/w/${ctx.ws.id}/surveys/templates/${v.id}`}>v{String(v.version ?? '')}</A>{' '}
                    </Show>
                  )}</For>
                </p>
              </Show>
              <div class="card tpl-head">
                <label class="field"><span>{t('surveys.templateName')}</span>
                  <input id="tpl-name" value={String(tpl().name ?? '')} disabled={!writable()}
                    onChange={(e) => { if (!done(editTemplate(ctx.ws, tpl().id, { name: e.currentTarget.value }, ctx.userId()))) e.currentTarget.value = String(tpl().name ?? ''); }} /></label>
                <label class="field"><span>{t('surveys.description')}</span>
                  <textarea rows={2} value={String(tpl().description ?? '')} disabled={!writable()}
                    onChange={(e) => done(editTemplate(ctx.ws, tpl().id, { description: e.currentTarget.value }, ctx.userId()))} /></label>
              </div>
              <h2 class="section-title">{t('surveys.questions')} · {questions().length}</h2>
              <Show when={questions().length} fallback={<p class="muted">{t('surveys.noQuestions')}</p>}>
                <ol class="q-list">
                  <For each={ids()}>{(id, i) => (
                    <Show when={byId().get(id)}>{(q) => (
                      <QuestionCard q={q()} index={i()} last={i() === ids().length - 1} writable={writable()} onMove={(d) => move(q(), d)} done={done} />
                    )}</Show>
                  )}</For>
                </ol>
              </Show>
              <Show when={writable()}>
                <div class="card add-question">
                  <h3>{t('surveys.addQuestion')}</h3>
                  <div class="row-form">
                    <DictSelect id="new-q-type" dict="surveyQuestionType" value={newType()} required onChange={(v) => setNewType((v || 'single') as QuestionType)} />
                    <input id="new-q-text" placeholder={t('surveys.questionText')} value={newText()} onInput={(e) => setNewText(e.currentTarget.value)}
                      onKeyDown={(e) => { if (e.key === 'Enter') add(); }} />
                    <button class="btn" onClick={add}>{t('surveys.add')}</button>
                  </div>
                </div>
              </Show>
            </>
          )}
        </RecordPageGate>
      </section>
    </Guard>
  );
}

function QuestionCard(props: {
  q: Question; index: number; last: boolean; writable: boolean; onMove: (dir: -1 | 1) => void;
  done: (res: Result<TemplateEdit>, focus?: (e: TemplateEdit) => string | undefined) => boolean;
}) {
  const ctx = useWorkspace();
  const [option, setOption] = createSignal('');
  const [removing, setRemoving] = createSignal(false);
  const uid = () => ctx.userId();
  const keys = (e: KeyboardEvent) => {
    if (!props.writable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    props.onMove(e.key === 'ArrowUp' ? -1 : 1);
  };
  const addOpt = () => { if (props.done(addOption(ctx.ws, props.q.id, option(), uid()))) setOption(''); };
  return (
    <li class="card q-card" data-qid={props.q.id} onKeyDown={keys}>
      <div class="q-top">
        <span class="q-handle" tabIndex={0} title={t('surveys.moveHint')} aria-label={`${t('surveys.question')} ${props.index + 1} · ${t('surveys.moveHint')}`}>{props.index + 1}</span>
        <input class="q-text" aria-label={t('surveys.questionText')} value={props.q.text} disabled={!props.writable}
          onChange={(e) => { if (!props.done(editQuestion(ctx.ws, props.q.id, { text: e.currentTarget.value }, uid()))) e.currentTarget.value = props.q.text; }} />
        <div class="q-tools">
          <button class="icon-btn" aria-label={t('surveys.moveUp')} title={t('surveys.moveUp')} disabled={!props.writable || props.index === 0} onClick={() => props.onMove(-1)}>↑</button>
          <button class="icon-btn" aria-label={t('surveys.moveDown')} title={t('surveys.moveDown')} disabled={!props.writable || props.last} onClick={() => props.onMove(1)}>↓</button>
          <button class="icon-btn danger" aria-label={t('surveys.removeQuestion')} title={t('surveys.removeQuestion')} disabled={!props.writable}
            onClick={() => setRemoving(true)}>×</button>
        </div>
      </div>
      <div class="q-meta">
        <label>{t('surveys.type')} <select value={props.q.type} disabled={!props.writable} aria-label={t('surveys.type')}
          onChange={(e) => props.done(editQuestion(ctx.ws, props.q.id, { type: e.currentTarget.value as QuestionType }, uid()))}>
          <For each={QUESTION_TYPES}>{(type) => <option value={type}>{t(`surveys.type.${type}`)}</option>}</For>
        </select></label>
        <label class="check"><input type="checkbox" checked={props.q.required} disabled={!props.writable}
          onChange={(e) => props.done(editQuestion(ctx.ws, props.q.id, { required: e.currentTarget.checked }, uid()))} /> {t('surveys.required')}</label>
      </div>
      <Show when={isChoice(props.q.type)}>
        <ul class="opt-list">
          <For each={props.q.options}>{(o) => (
            <li>
              <input aria-label={t('surveys.option')} value={o.text} disabled={!props.writable}
                onChange={(e) => { if (!props.done(renameOption(ctx.ws, props.q.id, o.id, e.currentTarget.value, uid()))) e.currentTarget.value = o.text; }} />
              <button class="icon-btn" aria-label={`${t('surveys.removeOption')} ${o.text}`} disabled={!props.writable}
                onClick={() => props.done(removeOption(ctx.ws, props.q.id, o.id, uid()))}>×</button>
            </li>
          )}</For>
        </ul>
        <Show when={props.writable}>
          <div class="row-form">
            <input class="new-option" placeholder={t('surveys.newOption')} value={option()} onInput={(e) => setOption(e.currentTarget.value)}
              onKeyDown={(e) => { if (e.key === 'Enter') addOpt(); }} />
            <button class="btn small" onClick={addOpt}>{t('surveys.addOption')}</button>
          </div>
        </Show>
      </Show>
      <Show when={removing()}>
        <Confirm title={t('surveys.removeQuestion')} danger okLabel={t('surveys.removeQuestion')} onClose={() => setRemoving(false)}
          onOk={() => { setRemoving(false); props.done(removeQuestion(ctx.ws, props.q.id, uid())); }}>
          <p>{t('surveys.removeQuestionAsk', { n: String(props.index + 1), text: props.q.text })}</p>
        </Confirm>
      </Show>
    </li>
  );
}
