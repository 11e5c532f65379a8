import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import {
  COMPLAINT_STATUSES, STATUS_LABELS, STEP_LABELS, asText, currentStatus, timeline, type ComplaintStep,
} from '../../domain/service';
import { complaintStepsOf, handlerChoices, takeComplaintStep, type StepRequest } from '../../store/service/service';
import { RecordForm } from '../shared/RecordForm';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { DictSelect } from '../shared/FieldInput';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { FieldsView } from '../shared/RecordView';
import { useRefusal } from '../shared/refusal';
import { dateTime } from '../../domain/core/format';
import { L, t, lang } from '../i18n';
import { ServiceGate, useComplaintForm } from './common';

/** One complaint: what it is about, where it stands, its timeline, and the next step for this user. */
export function ComplaintPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const page = useRecordPage('complaints', () => params.id!);
  const complaint = page.record;
  // its history: one row of complaintSteps per step
  const steps = createMemo(() => { ctx.version('complaintSteps')(); return complaintStepsOf(ctx.ws, params.id!); });
  const def = () => ctx.def('complaints');
  const [editing, setEditing] = createSignal(false);
  const form = useComplaintForm();
  const status = () => (complaint() ? currentStatus(complaint()!, steps()) : null);
  const title = useTitles();
  const customerName = () => title('customers', complaint()?.customerId);
  const base = `/w/${ctx.ws.id}`;
  // what the complaint is about first, then what the flow wrote
  const infoFields = () => {
    const shown = def().fields.filter((f) => form.showField(f, complaint() ?? {}));
    return [...shown.filter((f) => !f.readOnly), ...shown.filter((f) => f.readOnly)];
  };

  return (
    <section class="page">
      <ServiceGate>
        <RecordPageGate page={page}>
          {(c) => (
            <>
              <div class="page-head">
                <A href={`${base}/service/complaints`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{t('complaint.title')} · {customerName() || '—'}</h1>
                <Show when={status()}>{(s) => <span class={`status-badge svc-cap st-${s()}`}>{L(STATUS_LABELS[s()])}</span>}</Show>
                <span class="grow" />
                <RecordPresence collection="complaints" id={params.id!} />
                <Show when={typeof c().customerId === 'string' && c().customerId}>
                  <A class="btn" href={`${base}/customers/${String(c().customerId)}`}>{t('complaint.openCustomer')}</A>
                </Show>
                <button class="btn primary" disabled={!ctx.can('service', 'write') || status() === 'closed'} onClick={() => setEditing(true)}>
                  {t('common.edit')}</button>
              </div>
              <ConflictNotice collection="complaints" id={params.id!} writable={ctx.can('service', 'write')} />
              <Stepper status={status()} />
              <div class="complaint-layout">
                <div class="card">
                  <h2>{t('complaint.info')}</h2>
                  <FieldsView entity="complaints" record={c()} fields={infoFields().map((f) => f.key)} />
                </div>
                <div class="card">
                  <h2>{t('complaint.nextStep')}</h2>
                  <NextStep id={c().id} />
                  <h2 class="svc-mt">{t('complaint.timeline')}</h2>
                  <Timeline steps={timeline(steps())} />
                </div>
              </div>
              <RecordHistory collection="complaints" id={params.id!} />
              <Show when={editing()}>
                <RecordForm entity="complaints" record={c()} onClose={() => setEditing(false)}
                  prepare={form.prepare} validate={form.validate} showField={form.showField} hooks={form.hooks} />
              </Show>
            </>
          )}
        </RecordPageGate>
      </ServiceGate>
    </section>
  );
}

/** recorded → assigned → handled → revisited → closed, with the current one marked. */
function Stepper(props: { status: string | null }) {
  const at = () => (props.status ? COMPLAINT_STATUSES.indexOf(props.status as never) : -1);
  return (
    <ol class="svc-stepper" aria-label="status">
      <For each={COMPLAINT_STATUSES}>{(s, i) => (
        <li classList={{ done: i() < at(), current: i() === at() }} aria-current={i() === at() ? 'step' : undefined}>
          <span class="dot">{i() + 1}</span><span class="svc-cap">{L(STATUS_LABELS[s])}</span>
        </li>
      )}</For>
    </ol>
  );
}

function Timeline(props: { steps: ComplaintStep[] }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const userName = (id: string | undefined) => (id ? title('users', id) || id : '');
  const satisfaction = (code: string) => ctx.display({ key: 's', type: 'dict', dict: 'satisfaction', label: { zh: '', en: '' } }, code);
  return (
    <Show when={props.steps.length} fallback={<p class="muted">{t('complaint.noSteps')}</p>}>
      <ol class="svc-timeline">
        <For each={props.steps}>{(s) => (
          <li class={`tl-${s.kind}`}>
            <div class="tl-head">
              <b class="svc-cap">{L(STEP_LABELS[s.kind])}</b>
              <span>{userName(s.by)}</span>
              <span class="muted">{dateTime(s.at, lang())}</span>
            </div>
            <Show when={s.handlerId}><div>{t('complaint.handlerIs', { name: userName(s.handlerId) })}</div></Show>
            <Show when={s.result}><div class="svc-pre">{t('complaint.resultIs', { text: s.result! })}</div></Show>
            <Show when={s.satisfaction}><div>{t('complaint.satisfactionIs', { label: satisfaction(s.satisfaction!) })}</div></Show>
            <Show when={s.comment}><div class="muted svc-pre">{s.comment}</div></Show>
          </li>
        )}</For>
      </ol>
    </Show>
  );
}

/** The form for the step this user may take now, or who the complaint is waiting for. */
function NextStep(props: { id: string }) {
  const ctx = useWorkspace();
  const complaint = createMemo(() => ctx.get('complaints', props.id));
  const status = () => (complaint() ? currentStatus(complaint()!) : null);
  const supervisor = () => ctx.can('service', 'approve');
  const handlerId = () => asText(complaint()?.handlerId) ?? '';
  const isHandler = () => handlerId() !== '' && handlerId() === ctx.userId();
  const title = useTitles();
  const userName = (id: string) => title('users', id) || id;

  const [handler, setHandler] = createSignal('');
  const [text, setText] = createSignal('');
  const [comment, setComment] = createSignal('');
  const [satisfaction, setSatisfaction] = createSignal('');
  const refusal = useRefusal();

  const choices = createMemo(() => {
    ctx.version('users')(); ctx.version('roles')(); ctx.version('customers')();
    return complaint() ? handlerChoices(ctx.ws, complaint()!) : [];
  });
  const chosen = () => choices().find((c) => c.person.id === handler());

  const act = (req: StepRequest, done: string) => {
    if (!refusal.run(takeComplaintStep(ctx.ws, props.id, req, ctx.userId()), done)) return;
    setText(''); setComment(''); setHandler(''); setSatisfaction('');
  };

  const AssignForm = (p: { again?: boolean }) => (
    <div class="step-form">
      <label class="field">
        <span class="field-label">{p.again ? t('complaint.reassignTo') : t('complaint.assignTo')}</span>
        <select id="step-handler" value={handler()} onChange={(e) => { setHandler(e.currentTarget.value); refusal.clear(); }}>
          <option value="">{t('form.pick')}</option>
          <For each={choices()}>{(c) => (
            <option value={c.person.id}>{c.person.name ?? c.person.id}{c.problem ? ` (${t('complaint.cannotSee')})` : ''}</option>
          )}</For>
        </select>
      </label>
      <Show when={chosen()?.problem}>{(p) => <p class="error-banner" role="alert">{L(p())}</p>}</Show>
      <label class="field">
        <span class="field-label">{t('complaint.comment')}</span>
        <input id="step-comment" type="text" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button class="btn primary" disabled={!handler() || !!chosen()?.problem}
        onClick={() => act({ kind: 'assign', handlerId: handler(), comment: comment() }, t('complaint.assigned', { name: userName(handler()) }))}>
        {p.again ? t('complaint.doReassign') : t('complaint.doAssign')}</button>
    </div>
  );

  const Waiting = (p: { text: string }) => <p class="muted waiting">{p.text}</p>;

  return (
    <div class="next-step">
      <Show when={ctx.ws.compatible} fallback={<Waiting text={t('settings.incompatible')} />}>
        <Switch>
          <Match when={status() === 'recorded'}>
            <Show when={supervisor()} fallback={<Waiting text={t('complaint.waitAssign')} />}><AssignForm /></Show>
          </Match>
          <Match when={status() === 'assigned'}>
            <Show when={isHandler()} fallback={<Waiting text={t('complaint.waitHandle', { name: userName(handlerId()) })} />}>
              <div class="step-form">
                <label class="field">
                  <span class="field-label">{t('complaint.result')}</span>
                  <textarea id="step-result" rows={3} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
                </label>
                <label class="field">
                  <span class="field-label">{t('complaint.comment')}</span>
                  <input id="step-comment" type="text" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
                </label>
                <button class="btn primary" disabled={!text().trim()}
                  onClick={() => act({ kind: 'handle', result: text(), comment: comment() }, t('complaint.handled'))}>{t('complaint.doHandle')}</button>
              </div>
            </Show>
            <Show when={supervisor() && !isHandler()}>
              <details class="reassign"><summary>{t('complaint.reassign')}</summary><AssignForm again /></details>
            </Show>
          </Match>
          <Match when={status() === 'handled'}>
            <Show when={supervisor()} fallback={<Waiting text={t('complaint.waitRevisit')} />}>
              <div class="step-form">
                <label class="field">
                  <span class="field-label">{t('complaint.revisitSatisfaction')}</span>
                  <DictSelect id="step-satisfaction" dict="satisfaction" value={satisfaction()} onChange={setSatisfaction} />
                </label>
                <label class="field">
                  <span class="field-label">{t('complaint.revisitNote')}</span>
                  <input id="step-comment" type="text" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
                </label>
                <button class="btn primary" disabled={!satisfaction()}
                  onClick={() => act({ kind: 'revisit', satisfaction: satisfaction(), comment: comment() }, t('complaint.revisited'))}>{t('complaint.doRevisit')}</button>
              </div>
            </Show>
          </Match>
          <Match when={status() === 'revisited'}>
            <Show when={supervisor()} fallback={<Waiting text={t('complaint.waitClose')} />}>
              <div class="step-form">
                <label class="field">
                  <span class="field-label">{t('complaint.comment')}</span>
                  <input id="step-comment" type="text" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
                </label>
                <button class="btn primary" onClick={() => act({ kind: 'close', comment: comment() }, t('complaint.closed'))}>{t('complaint.doClose')}</button>
              </div>
            </Show>
          </Match>
          <Match when={status() === 'closed'}><Waiting text={t('complaint.isClosed')} /></Match>
        </Switch>
      </Show>
      <refusal.Banner />
    </div>
  );
}
