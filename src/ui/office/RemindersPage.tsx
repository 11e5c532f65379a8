import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import type { MarkAction, Reminder } from '../../domain/core/reminders';
import { useWorkspace } from '../shared/context';
import { useModules } from '../shared/module';
import { notify } from '../shared/toast';
import { t } from '../i18n';
import { activeFor, canNotify, reminderSources, setAside } from './reminders';
import { teamOf } from '../../domain/org/team';
import { useTitles } from '../shared/titles';
import './office.css';

/** 提醒中心: every module's reminders for the user in one list, each opening its record; dismiss or snooze per user on this device. */
export function RemindersPage() {
  const ctx = useWorkspace();
  const modules = useModules();
  const [params, setParams] = useSearchParams();
  const base = `/w/${ctx.ws.id}`;
  const title = useTitles();
  // a department's manager (负责人) also sees their team's reminders, on a tab of their own
  const team = createMemo(() => teamOf(ctx.userId(), ctx.live('departments'), ctx.live('users')));
  const onTeam = () => params.who === 'team' && team().length > 0;
  const list = createMemo(() => activeFor(ctx, modules, onTeam() ? team() : undefined));
  const kinds = () => reminderSources(modules);
  const kind = () => (typeof params.kind === 'string' ? params.kind : '');
  const shown = () => (kind() ? list().filter((r) => r.kind === kind()) : list());
  const countOf = (k: string) => list().filter((r) => r.kind === k).length;
  const label = (k: string) => { const s = kinds().find((x) => x.kind === k); return s ? t(s.label) : k; };
  const act = (r: Reminder, a: MarkAction) =>
    void setAside(ctx, r.key, a).then(() => notify(`${r.subject}: ${t(a === 'dismiss' ? 'reminders.done' : 'reminders.later')}`));
  return (
    <section class="page office-page reminders-page">
      <div class="page-head">
        <h1 class="page-title">{t('reminders.title')}</h1>
        <span class="grow" />
        <NotifyButton />
      </div>
      <Show when={team().length}>
        <div class="seg-tabs reminder-who" role="tablist" aria-label={t('reminders.whose')}>
          <button class="btn" role="tab" aria-selected={!onTeam()} classList={{ active: !onTeam() }} onClick={() => setParams({ who: undefined }, { replace: true })}>{t('reminders.mine')}</button>
          <button class="btn" role="tab" aria-selected={onTeam()} classList={{ active: onTeam() }} onClick={() => setParams({ who: 'team' }, { replace: true })}>
            {t('reminders.team', { n: team().length })}</button>
        </div>
      </Show>
      <div class="seg-tabs" role="tablist">
        <button class="btn" role="tab" aria-selected={!kind()} classList={{ active: !kind() }} onClick={() => setParams({ kind: undefined }, { replace: true })}>
          {t('reminders.all')} <span class="n-badge">{list().length}</span></button>
        <For each={kinds()}>{(s) => (
          <button class="btn" role="tab" aria-selected={kind() === s.kind} classList={{ active: kind() === s.kind }}
            onClick={() => setParams({ kind: s.kind }, { replace: true })}>{t(s.label)} <span class="n-badge">{countOf(s.kind)}</span></button>
        )}</For>
      </div>
      <Show when={shown().length} fallback={<p class="muted empty-note">{t('reminders.none')}</p>}>
        <ul class="reminder-list">
          <For each={shown()}>{(r) => (
            <li class={`reminder tone-${r.tone}`} data-kind={r.kind} data-key={r.key}>
              <div class="reminder-main">
                <span class="reminder-kind">{label(r.kind)}</span>
                <Show when={onTeam() && r.owner}><span class="reminder-owner">{title('users', r.owner!) || '?'}</span></Show>
                <A class="reminder-subject" href={`${base}/${r.href}`}>{r.subject || '—'}</A>
                <Show when={r.detail}><span class="muted small">{r.detail}</span></Show>
              </div>
              <div class="reminder-when">
                <span>{r.day}</span>
                <span class="small">{r.days < 0 ? t('reminders.overdueDays', { n: -r.days }) : r.days === 0 ? t('reminders.today') : t('reminders.inDays', { n: r.days })}</span>
              </div>
              <div class="reminder-actions">
                <button class="btn small-btn" onClick={() => act(r, 'snoozeDay')}>{t('reminders.snoozeDay')}</button>
                <button class="btn small-btn" onClick={() => act(r, 'snoozeWeek')}>{t('reminders.snoozeWeek')}</button>
                <button class="btn small-btn ghost" onClick={() => act(r, 'dismiss')}>{t('reminders.dismiss')}</button>
              </div>
            </li>
          )}</For>
        </ul>
      </Show>
      <p class="muted small">{t('reminders.hint')}</p>
    </section>
  );
}

/** Asks for the browser's permission only when the user presses it — never on load. */
function NotifyButton() {
  const [state, setState] = createSignal(canNotify() ? Notification.permission : 'denied');
  const ask = () => void Notification.requestPermission().then(setState);
  return (
    <Show when={canNotify()}>
      <Show when={state() === 'default'} fallback={<span class="muted small">{t(state() === 'granted' ? 'reminders.notifyOn' : 'reminders.notifyDenied')}</span>}>
        <button class="btn" onClick={ask}>{t('reminders.notify')}</button>
      </Show>
    </Show>
  );
}
