import { For, Match, Show, Switch, createMemo, createSignal, onCleanup } from 'solid-js';
import { useBeforeLeave, useNavigate, useParams } from '@solidjs/router';
import type { Refusal } from '../../domain/core/result';
import { displayName } from '../../domain/core/entity';
import { submitResponse } from '../../store/surveys/surveys';
import { useWorkspace } from '../shared/context';
import { Confirm } from '../shared/dialogs';
import { L, lang, t } from '../i18n';
import { AnswerForm, answerErrorsOf, useQuestions } from './common';
import { RESPONDENT } from './SurveysPage';
import { useRecordTitle } from '../shared/titles';
import './surveys.css';

/** How long the exit button must be held: a respondent's tap does not leave the kiosk. */
export const EXIT_HOLD_MS = 2000;
/** The thank-you screen turns into the next respondent's start after this long. */
const THANKS_MS = 8000;

/**
 * 自助答卷: the survey on a tablet handed to respondents, one after another — the whole screen
 * (a `bare` route: no navigation, no top bar), large touch targets, a thank-you, then the next.
 * Leaving takes holding the exit button and confirming; any other navigation is refused.
 */
export function KioskPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const navigate = useNavigate();
  const survey = createMemo(() => ctx.get('surveys', params.id));
  const questions = useQuestions(() => String(survey()?.templateId ?? ''));
  const who = () => RESPONDENT[String(survey()?.audience)] ?? RESPONDENT.customers;
  const [step, setStep] = createSignal<'start' | 'answer' | 'thanks'>('start');
  const [respondent, setRespondent] = createSignal<{ id: string; name: string } | null>(null);
  const [answers, setAnswers] = createSignal<Record<string, unknown>>({});
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const [changed, setChanged] = createSignal<ReadonlySet<string>>(new Set()); // answered again since the refusal: its mark goes
  const refused = (r: Refusal) => { setChanged(new Set<string>()); setRefusal(r); };
  const [asking, setAsking] = createSignal(false);
  let leaving = false;
  // the app's own navigation is refused…
  useBeforeLeave((e) => { if (!leaving && !e.defaultPrevented) e.preventDefault(); });
  // …and so is the browser's (back, an address typed): the router never hears of it, the address is put back
  const here = window.location.hash;
  const hold = (e: Event) => {
    if (leaving || window.location.hash === here) return;
    e.stopImmediatePropagation();
    history.replaceState(history.state, '', here);
  };
  for (const type of ['popstate', 'hashchange']) window.addEventListener(type, hold, true);
  onCleanup(() => { for (const type of ['popstate', 'hashchange']) window.removeEventListener(type, hold, true); });

  let thanksTimer: ReturnType<typeof setTimeout> | undefined;
  const next = () => { clearTimeout(thanksTimer); setRespondent(null); setAnswers({}); setRefusal(null); setStep('start'); window.scrollTo(0, 0); };
  onCleanup(() => clearTimeout(thanksTimer));
  const submit = () => {
    const r = respondent();
    const res = submitResponse(ctx.ws, params.id!, { [who().field]: r?.id, answers: answers(), channel: 'kiosk' }, ctx.userId());
    if (!res.ok) {
      refused(res.refusal);
      setTimeout(() => document.querySelector('.kiosk .question.invalid, .kiosk .error-banner')?.scrollIntoView({ block: 'center' }));
      return;
    }
    setStep('thanks');
    window.scrollTo(0, 0);
    thanksTimer = setTimeout(next, THANKS_MS);
  };
  const exit = () => {
    leaving = true;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    navigate(`/w/${ctx.ws.id}/surveys/${params.id}`);
  };
  const closed = () => survey()?.status === 'closed' || survey()?.deleted === true;
  // the browser tab names the survey and the kiosk ("2026 年度客户满意度调查 · 自助答卷 · 客缘")
  useRecordTitle(() => (survey() ? [displayName(ctx.def('surveys'), survey()!), t('surveys.kiosk')] : null));

  return (
    <div class="kiosk" lang={lang() === 'zh' ? 'zh-CN' : 'en'}>
      <ExitButton onHeld={() => setAsking(true)} />
      <Show when={survey()} fallback={<p class="kiosk-msg">{t('surveys.kioskMissing')}</p>}>
        {(s) => (
          <>
            <header class="kiosk-head"><h1>{String(s().name ?? '')}</h1>
              <Show when={s().description}><p class="muted">{String(s().description)}</p></Show></header>
            <Switch>
              <Match when={closed()}><p class="kiosk-msg">{t('surveys.kioskClosed')}</p></Match>
              <Match when={step() === 'start'}>
                <div class="kiosk-start">
                  <Who entity={who().entity} picked={respondent()} onPick={setRespondent} />
                  <button class="btn primary kiosk-go" onClick={() => { setStep('answer'); window.scrollTo(0, 0); }}>{t('surveys.kioskStart')}</button>
                </div>
              </Match>
              <Match when={step() === 'answer'}>
                <Show when={refusal()}><p class="error-banner" role="alert">{t('surveys.kioskFix')} {L(refusal()!.message)}</p></Show>
                <AnswerForm big idPrefix="kiosk" questions={questions()} answers={answers()} errors={answerErrorsOf(refusal(), changed())}
                  onChange={(q, v) => { setAnswers({ ...answers(), [q]: v }); setChanged(new Set([...changed(), q])); }} />
                <div class="kiosk-actions">
                  <button class="btn kiosk-back" onClick={next}>{t('surveys.kioskCancel')}</button>
                  <button class="btn primary kiosk-go" onClick={submit}>{t('surveys.submit')}</button>
                </div>
              </Match>
              <Match when={step() === 'thanks'}>
                <div class="kiosk-thanks" role="status">
                  <p class="big">{t('surveys.thanks')}</p>
                  <p class="muted">{t('surveys.thanksNext')}</p>
                  <button class="btn primary kiosk-go" onClick={next}>{t('surveys.nextRespondent')}</button>
                </div>
              </Match>
            </Switch>
          </>
        )}
      </Show>
      <Show when={asking()}>
        <Confirm title={t('surveys.exitKiosk')} okLabel={t('surveys.exitKiosk')} onOk={exit} onClose={() => setAsking(false)}>
          <p>{t('surveys.exitKioskBody')}</p>
        </Confirm>
      </Show>
    </div>
  );
}

/** The respondent says who they are (optional): a name typed, then one of at most five matches; nothing is listed before two letters. */
function Who(props: { entity: string; picked: { id: string; name: string } | null; onPick: (p: { id: string; name: string } | null) => void }) {
  const ctx = useWorkspace();
  const [q, setQ] = createSignal('');
  const matches = createMemo(() => {
    const text = q().trim().toLowerCase();
    if (text.length < 2) return [];
    const def = ctx.def(props.entity);
    return ctx.live(props.entity).map((r) => ({ id: r.id, name: displayName(def, r, lang()) }))
      .filter((r) => r.name.toLowerCase().includes(text)).slice(0, 5);
  });
  return (
    <div class="kiosk-who">
      <Show when={props.picked} fallback={
        <>
          <label for="kiosk-who">{t(props.entity === 'customers' ? 'surveys.kioskWhoCompany' : 'surveys.kioskWhoName')}</label>
          <input id="kiosk-who" autocomplete="off" value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
          <ul class="kiosk-matches">
            <For each={matches()}>{(m) => <li><button class="btn" onClick={() => { props.onPick(m); setQ(''); }}>{m.name}</button></li>}</For>
          </ul>
        </>
      }>
        {(p) => <p class="kiosk-picked">{p().name} <button class="btn ghost" onClick={() => props.onPick(null)}>{t('surveys.kioskNotMe')}</button></p>}
      </Show>
    </div>
  );
}

/** Held for EXIT_HOLD_MS (pointer, or Enter/Space held on the keyboard) before it asks to leave. */
function ExitButton(props: { onHeld: () => void }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const [holding, setHolding] = createSignal(false);
  const start = () => { if (timer) return; setHolding(true); timer = setTimeout(() => { stop(); props.onHeld(); }, EXIT_HOLD_MS); };
  const stop = () => { clearTimeout(timer); timer = undefined; setHolding(false); };
  onCleanup(stop);
  return (
    <button class="kiosk-exit" classList={{ holding: holding() }} title={t('surveys.exitHold')} aria-label={t('surveys.exitHold')}
      onPointerDown={start} onPointerUp={stop} onPointerLeave={stop} onPointerCancel={stop} onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); start(); } }}
      onKeyUp={(e) => { if (e.key === 'Enter' || e.key === ' ') stop(); }}>
      {t('surveys.exit')}
    </button>
  );
}
