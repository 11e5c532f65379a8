import { For, Show, createEffect, createMemo, createSignal, onCleanup, type JSX } from 'solid-js';
import { A, useLocation } from '@solidjs/router';
import { SyncSession, type SyncPhase, type SyncStatus } from '../../store/sync/session';
import { backupAgeDays } from '../../store/org/setup';
import { ALL_COLLECTIONS } from '../../domain/registry';
import { addMember, setIdentity } from '../../store/org/setup';
import { recoveryStarted } from '../recovery/lazy';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { dateTime } from '../../domain/core/format';
import { lang, t, type MessageKey } from '../i18n';
import { attachSession, editing, online, plainText, session, status, trackStop } from './state';
import './sync.css';

/** The phase shown: the session's, or before it has started, offline when the browser says so. */
export function phaseOf(s: SyncStatus | undefined): SyncPhase {
  return s?.phase ?? (online() ? 'starting' : 'offline');
}

/** What the chip says for a status. */
export function phaseText(s: SyncStatus | undefined): string {
  const base = t(`sync.phase.${phaseOf(s)}` as MessageKey, { n: s?.peers ?? 0 });
  return s?.tabs ? `${base} · ${t('sync.tabs', { n: s.tabs })}` : base;
}

/**
 * What the user can do about the phase, in their words; the technical cause (server addresses,
 * `npm start`) folded away below it, with any further detail (`children`: the status table).
 * Offline names no server: the network is the whole story.
 */
function PhaseAdvice(props: { phase: SyncPhase; signaling: readonly string[]; children?: JSX.Element }) {
  const tech = () => (props.phase === 'unreachable' ? t('sync.unreachableTech')
    : props.phase === 'no-server' ? t('sync.noServerTech', { url: props.signaling.join(', ') || '—' }) : '');
  return (
    <>
      <Show when={props.phase === 'offline'}><p class="notice" data-advice="offline">{t('sync.offlineLong')}</p></Show>
      <Show when={props.phase === 'unreachable'}><p class="warn" data-advice="unreachable">{t('sync.unreachableLong')}</p></Show>
      <Show when={props.phase === 'no-server'}><p class="notice" data-advice="no-server">{t('sync.noServerLong')}</p></Show>
      <Show when={props.phase === 'denied'}><p class="warn" data-advice="denied">{t('sync.deniedLong')}</p></Show>
      <Show when={tech() || props.children}>
        <details class="sync-tech"><summary>{t('sync.technical')}</summary>
          <Show when={tech()}><p class="muted small">{tech()}</p></Show>
          {props.children}
        </details>
      </Show>
    </>
  );
}

/**
 * The top bar's sync corner: starts and stops the workspace's sync session, shows who is online
 * (name, role, colour), the honest status, a backup reminder, and asks a device that joined
 * without an identity who it is.
 */
export function SyncBar() {
  const ctx = useWorkspace();
  const location = useLocation();
  let disposed = false;
  // after the recovery watch runs: every received change is seen by it
  const starting = recoveryStarted(ctx.ws).then(() => SyncSession.start(ctx.ws, ctx.entry));
  starting.then((s) => { if (!disposed) attachSession(s); }).catch((e) => console.error('[keyuan sync] could not start', e));
  onCleanup(() => {
    disposed = true;
    attachSession(undefined);
    // stopped once started, however far it got; the next workspace's rooms wait for it (sessionsStopped)
    trackStop(starting.then((s) => s.stop()));
  });

  createEffect(() => {
    const s = session();
    if (!s) return;
    s.setIdentity({ id: ctx.userId(), name: plainText(ctx.user()?.name), role: plainText(ctx.role()?.name) });
  });
  // where this person is: a record page (…/collection/id) and whether its form is open
  createEffect(() => {
    const s = session();
    if (!s) return;
    const segs = location.pathname.split('/').filter(Boolean).slice(2);
    const ed = editing();
    if (ed) s.setLocation({ c: ed.c, id: ed.id, editing: true });
    else if (segs.length >= 2 && ALL_COLLECTIONS.includes(segs[segs.length - 2])) s.setLocation({ c: segs[segs.length - 2], id: segs[segs.length - 1], editing: false });
    else s.setLocation(null);
  });

  const [details, setDetails] = createSignal(false);
  const online = createMemo(() => (status()?.people ?? []).filter((p) => p.online));
  const backupDue = createMemo(() => {
    const days = status()?.settings.backupDays ?? 0;
    return days > 0 && backupAgeDays(ctx.entry) > days;
  });
  const needsIdentity = createMemo(() => !ctx.ws.readOnly && (!ctx.userId() || !ctx.get('users', ctx.userId())));

  return (
    <div class="sync-bar">
      <div class="presence" aria-label={t('sync.online')}>
        <For each={online().slice(0, 6)}>{(p) => (
          <span class="avatar" style={{ background: p.color }} title={`${p.name}${p.role ? ` · ${p.role}` : ''}`} data-user={p.name}>
            {p.name.slice(0, 1)}
          </span>
        )}</For>
        <Show when={online().length > 6}><span class="badge">+{online().length - 6}</span></Show>
      </div>
      <Show when={backupDue()}>
        <A class="warn backup-due" href={`/w/${ctx.ws.id}/settings?tab=sync`} title={t('sync.backupDueLong', { days: Math.floor(backupAgeDays(ctx.entry)) })}>
          {t('sync.backupDue')}
        </A>
      </Show>
      <button class="sync-chip" data-phase={phaseOf(status())} data-sent={status()?.bytesSent ?? 0} onClick={() => setDetails(true)} title={t('sync.details')}>
        {phaseText(status())}
      </button>
      <Show when={details()}>
        <Modal open wide title={t('sync.details')} onClose={() => setDetails(false)}
          footer={<A class="btn" href={`/w/${ctx.ws.id}/settings?tab=sync`} onClick={() => setDetails(false)}>{t('sync.openSettings')}</A>}>
          <SyncDetails />
        </Modal>
      </Show>
      <Show when={needsIdentity()}><IdentityPrompt /></Show>
    </div>
  );
}

/** Every fact the status rests on: servers, peers and when each last synced, refused messages. */
export function SyncDetails() {
  const s = () => status();
  const ago = (ms?: number) => (ms ? Math.max(0, Math.round((ms - Date.now()) / 1000)) : 0);
  return (
    <Show when={s()} fallback={<><p>{phaseText(undefined)}</p><PhaseAdvice phase={phaseOf(undefined)} signaling={[]} /></>}>
      {(st) => (
        <div class="sync-details">
          <p class="sync-status-line" data-phase={st().phase}><strong>{phaseText(st())}</strong></p>
          <Show when={st().phase === 'wrong-password' || (st().wrongPasswordAt && Date.now() - st().wrongPasswordAt! < 60_000)}>
            <p class="error-banner" role="alert">{t('sync.wrongPasswordLong')}</p>
          </Show>
          <Show when={st().server?.readOnly}><p class="notice" data-advice="read-only">{t('sync.readOnlyServer')}</p></Show>
          <Show when={st().server?.unsynced}>{(n) => <p class="muted" data-unsynced={n()}>{t('sync.unsyncedEdits', { n: n() })}</p>}</Show>
          <PhaseAdvice phase={st().phase} signaling={st().settings.signaling}>
          <table class="sync-table">
            <tbody>
              <For each={st().signaling}>{(g) => (
                <tr><td>{t('sync.signaling')}</td><td>{g.url}</td>
                  <td>{g.connected ? t('sync.sigConnected') : g.nextRetryAt ? t('sync.sigRetry', { s: ago(g.nextRetryAt) }) : g.failures ? t('sync.sigFailed') : t('sync.sigConnecting')}</td></tr>
              )}</For>
              <Show when={st().server}>{(sv) => (
                <tr><td>{t('sync.server')}</td><td>{sv().url}</td>
                  <td>{t(`sync.server.${sv().status}` as MessageKey)}{sv().synced ? ` · ${t('sync.inSync')}` : ''} · {t('sync.lastSynced')}: {dateTime(sv().syncedAt, lang(), { seconds: true })}</td></tr>
              )}</Show>
              <tr><td>{t('sync.traffic')}</td><td colSpan={2} data-sent={st().bytesSent} data-received={st().bytesReceived}>
                {t('sync.trafficValue', { sent: kb(st().bytesSent), received: kb(st().bytesReceived) })}</td></tr>
            </tbody>
          </table>
          </PhaseAdvice>
          <h3>{t('sync.people')}</h3>
          <Show when={st().people.length} fallback={<p class="muted">{t('sync.noPeople')}</p>}>
            <table class="sync-table peers-table">
              <thead><tr><th>{t('sync.person')}</th><th>{t('sync.personState')}</th><th>{t('sync.lastSynced')}</th></tr></thead>
              <tbody>
                <For each={st().people}>{(p) => (
                  <tr><td><span class="avatar" style={{ background: p.color, 'margin-left': '0' }}>{p.name.slice(0, 1)}</span> {p.name} <span class="muted">{p.role}</span></td>
                    <td>{p.online ? t('sync.personOnline', { n: p.devices }) : t('sync.personOffline')}</td>
                    <td>{dateTime(p.lastSyncedAt, lang(), { seconds: true })}</td></tr>
                )}</For>
              </tbody>
            </table>
          </Show>
          <Show when={st().rejections.length}>
            <h3>{t('sync.rejected')}</h3>
            <ul class="muted small">
              <For each={st().rejections}>{(r) => <li>{dateTime(r.at, lang(), { seconds: true })} · {t(`sync.reject.${r.reason}` as MessageKey)} {r.detail ?? ''}</li>}</For>
            </ul>
          </Show>
          <Show when={st().settings.enabled}>
            <button class="btn" onClick={() => session()?.retryNow()}>{t('sync.retryNow')}</button>
          </Show>
        </div>
      )}
    </Show>
  );
}

function kb(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A device that joined a group has no identity yet: pick an existing user or add yourself. */
function IdentityPrompt() {
  const ctx = useWorkspace();
  const [name, setName] = createSignal('');
  const [error, setError] = createSignal('');
  const [dismissed, setDismissed] = createSignal(false);
  const users = createMemo(() => ctx.live('users').filter((u) => u.active !== false));
  const pick = async (id: string) => { await setIdentity(ctx.ws, id); ctx.setUserId(id); };
  const addMe = async () => {
    const n = name().trim();
    if (!n) return setError(t('welcome.nameRequired'));
    const id = crypto.randomUUID().replace(/-/g, '').slice(0, 16);
    addMember(ctx.ws, n, id);
    await pick(id);
  };
  return (
    <Show when={!dismissed()}>
      <Modal open title={t('sync.whoAreYou')} onClose={() => setDismissed(true)}>
        <p class="muted">{t('sync.whoAreYouHint')}</p>
        <Show when={status()?.phase === 'wrong-password'}><p class="error-banner" role="alert">{t('sync.wrongPasswordLong')}</p></Show>
        <PhaseAdvice phase={phaseOf(status())} signaling={status()?.settings.signaling ?? []} />
        <Show when={users().length} fallback={<p class="warn" role="status">{t('sync.waitingForData')} — {phaseText(status())}</p>}>
          <ul class="user-pick">
            <For each={users()}>{(u) => (
              <li><button class="btn" onClick={() => void pick(u.id)}>{plainText(u.name)} <span class="muted">{plainText(ctx.get('roles', plainText(u.roleId))?.name)}</span></button></li>
            )}</For>
          </ul>
        </Show>
        <form class="row-inline" onSubmit={(e) => { e.preventDefault(); void addMe(); }}>
          <input id="new-member-name" placeholder={t('sync.newMemberName')} aria-label={t('sync.newMemberName')} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <button class="btn primary" type="submit">{t('sync.addMe')}</button>
        </form>
        <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      </Modal>
    </Show>
  );
}
