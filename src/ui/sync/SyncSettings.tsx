import { For, Show, createEffect, createMemo, createSignal, on, onMount } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { checkServerUrl, formatIceServers, parseIceServers, type SyncSettings as Settings } from '../../store/sync/settings';
import { encodeInvite, inviteLink } from '../../store/sync/codes';
import { isToken } from '../../store/sync/token';
import { backupAgeDays } from '../../store/org/setup';
import { SyncFileError, exportDiff, exportFull, exportState, importFile, peerVectors, type Sections } from '../../store/sync/file';
import { leaveWorkspace, removeLocalCopy, setRoomPassword } from '../../store/sync/workspaces';
import { useWorkspace } from '../shared/context';
import { download, today } from '../shared/download';
import { notify } from '../shared/toast';
import { Modal } from '../shared/Modal';
import { dateTime } from '../../domain/core/format';
import { lang, t, type MessageKey } from '../i18n';
import { plainText, session, status } from './state';
import { SyncDetails } from './SyncBar';
import { ServerAccess } from './ServerAccess';
import './sync.css';

const fileName = (name: string, kind: string) => `${name.replace(/[\\/:*?"<>|\s]+/g, '_')}-${kind}-${today()}.keyuan`;

/** 系统设置 → 同步: servers, invite, file sync and backup, leaving. */
export function SyncSettings() {
  return (
    <div class="sync-settings">
      <section class="card sync-section"><h3>{t('sync.status')}</h3><SyncDetails /></section>
      <Invite />
      <Servers />
      <ServerAccess />
      <Files />
      <Leave />
    </div>
  );
}

function Invite() {
  const ctx = useWorkspace();
  const [open, setOpen] = createSignal(false);
  const [showPw, setShowPw] = createSignal(false);
  const code = createMemo(() => {
    const s = status()?.settings;
    return encodeInvite({ name: ctx.entry.name, room: ctx.entry.room, signaling: s?.signaling ?? [], websocket: s?.websocket || undefined, iceServers: s?.iceServers, server: s?.server || undefined });
  });
  let canvas: HTMLCanvasElement | undefined;
  const drawQr = async () => {
    if (!canvas) return;
    const QR = await import('qrcode');
    await QR.toCanvas(canvas, inviteLink(code()), { width: 220, margin: 1 });
  };
  return (
    <section class="card sync-section">
      <h3>{t('sync.invite')}</h3>
      <p class="muted">{t('sync.inviteHint')}</p>
      <button class="btn primary" onClick={() => { setOpen(true); }}>{t('sync.inviteShow')}</button>
      <Show when={open()}>
        <Modal open wide title={t('sync.invite')} onClose={() => setOpen(false)}>
          <div class="row-inline wrap" style={{ 'align-items': 'flex-start', gap: '16px' }}>
            <canvas class="qr" ref={(el) => { canvas = el; void drawQr(); }} aria-label={t('sync.qr')} />
            <div style={{ flex: '1', 'min-width': '260px' }}>
              <p>{t('sync.joinCode')}</p>
              <p class="join-code" data-testid="join-code">{code()}</p>
              <button class="btn" onClick={() => void navigator.clipboard?.writeText(code()).then(() => notify(t('sync.copied')), () => undefined)}>{t('sync.copy')}</button>
              <p>{t('sync.passwordSeparately')}</p>
              <p>
                <code class="join-code" data-testid="room-password">{showPw() ? ctx.entry.password : '••••••••'}</code>{' '}
                <button class="btn ghost" onClick={() => setShowPw(!showPw())}>{showPw() ? t('sync.hide') : t('sync.show')}</button>
              </p>
              <Show when={!(status()?.settings.signaling.length) && !status()?.settings.websocket}>
                <p class="warn">{t('sync.noServerInInvite')}</p>
              </Show>
            </div>
          </div>
        </Modal>
      </Show>
    </section>
  );
}

function Servers() {
  const ctx = useWorkspace();
  const current = () => session()?.getSettings();
  const [enabled, setEnabled] = createSignal(true);
  const [signaling, setSignaling] = createSignal('');
  const [ice, setIce] = createSignal('');
  const [websocket, setWebsocket] = createSignal('');
  const [server, setServer] = createSignal('');
  const [token, setToken] = createSignal('');
  const [backupDays, setBackupDays] = createSignal('7');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<string[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  const load = (s: Settings) => {
    setEnabled(s.enabled);
    setSignaling(s.signaling.join('\n'));
    setIce(formatIceServers(s.iceServers));
    setWebsocket(s.websocket);
    setServer(s.server);
    setToken(s.token);
    setBackupDays(String(s.backupDays));
    setPassword(ctx.entry.password);
    setLoaded(true);
  };
  onMount(() => { const s = current(); if (s) load(s); });
  // a token saved by the access section below (the administrator's own) shows here at once
  createEffect(on(() => status()?.settings.token, (tok) => { if (tok !== undefined) setToken(tok); }, { defer: true }));
  createMemo(() => { const s = current(); if (s && !loaded()) load(s); });

  const save = async () => {
    const errs: string[] = [];
    const urls = signaling().split(/[\n,]/).map((u) => u.trim()).filter(Boolean);
    for (const u of urls) { const e = checkServerUrl(u); if (e) errs.push(`${u}: ${t(e)}`); }
    const wsUrl = websocket().trim();
    if (wsUrl) { const e = checkServerUrl(wsUrl); if (e) errs.push(`${wsUrl}: ${t(e)}`); }
    const hpUrl = server().trim();
    if (hpUrl) { const e = checkServerUrl(hpUrl); if (e) errs.push(`${hpUrl}: ${t(e)}`); }
    const tok = token().trim();
    if (tok && !isToken(tok)) errs.push(`${t('sync.token')}: ${t('sync.tokenInvalid')}`);
    const { servers, bad } = parseIceServers(ice());
    for (const b of bad) errs.push(`${b}: ${t('sync.iceInvalid')}`);
    const days = Number(backupDays());
    if (!Number.isFinite(days) || days < 0) errs.push(`${t('sync.backupDays')}: ${t('sync.numberInvalid')}`);
    if (!password().trim()) errs.push(`${t('sync.password')}: ${t('common.required')}`);
    setErrors(errs);
    if (errs.length) return;
    const s = session();
    if (!s) return;
    if (password().trim() !== ctx.entry.password) await setRoomPassword(ctx.entry, password().trim());
    await s.applySettings({ enabled: enabled(), signaling: urls, iceServers: servers, websocket: wsUrl, server: hpUrl, token: tok, backupDays: days });
    notify(t('sync.saved'));
  };

  return (
    <section class="card sync-section">
      <h3>{t('sync.servers')}</h3>
      <form class="sync-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label for="sync-enabled">{t('sync.enabled')}</label>
        <span><input id="sync-enabled" type="checkbox" checked={enabled()} onChange={(e) => setEnabled(e.currentTarget.checked)} /> <span class="muted">{t('sync.enabledHint')}</span></span>
        <label for="sync-signaling">{t('sync.signalingList')}</label>
        <span><textarea id="sync-signaling" value={signaling()} onInput={(e) => setSignaling(e.currentTarget.value)} />
          <span class="muted small">{t('sync.signalingHint')}</span></span>
        <label for="sync-password">{t('sync.password')}</label>
        <span><input id="sync-password" type="password" autocomplete="off" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
          <span class="muted small"> {t('sync.passwordHint')}</span></span>
        <label for="sync-ice">{t('sync.iceServers')}</label>
        <span><textarea id="sync-ice" value={ice()} placeholder="stun:stun.example.edu:3478" onInput={(e) => setIce(e.currentTarget.value)} />
          <span class="muted small">{t('sync.iceHint')}</span></span>
        <label for="sync-websocket">{t('sync.websocket')}</label>
        <span><input id="sync-websocket" value={websocket()} placeholder="wss://yjs.example.edu" onInput={(e) => setWebsocket(e.currentTarget.value)} />
          <span class="muted small">{t('sync.websocketHint')}</span></span>
        <label for="sync-server">{t('sync.hocuspocus')}</label>
        <span><input id="sync-server" value={server()} placeholder="wss://crm-sync.example.edu" onInput={(e) => setServer(e.currentTarget.value)} />
          <span class="muted small">{t('sync.hocuspocusHint')}</span></span>
        <label for="sync-token">{t('sync.token')}</label>
        <span><input id="sync-token" type="password" autocomplete="off" spellcheck={false} value={token()} onInput={(e) => setToken(e.currentTarget.value)} />
          <span class="muted small">{t('sync.tokenHint')}</span></span>
        <label for="sync-backup-days">{t('sync.backupDays')}</label>
        <span><input id="sync-backup-days" type="number" min="0" value={backupDays()} onInput={(e) => setBackupDays(e.currentTarget.value)} /></span>
        <span />
        <span><button class="btn primary" type="submit">{t('common.save')}</button></span>
      </form>
      <Show when={errors().length}>
        <ul class="field-error" role="alert"><For each={errors()}>{(e) => <li>{e}</li>}</For></ul>
      </Show>
    </section>
  );
}

function Files() {
  const ctx = useWorkspace();
  const [peerSv, setPeerSv] = createSignal<{ name: string; sv: Sections } | null>(null);
  const who = () => plainText(ctx.user()?.name);
  const [backupAt, setBackupAt] = createSignal(ctx.entry.lastBackupAt);
  const remembered = createMemo(() => { status(); return session()?.rememberedPeers().filter((p) => p.stateVector) ?? []; });

  const backup = async () => {
    const bytes = await exportFull(ctx.ws, ctx.entry, who());
    download(fileName(ctx.entry.name, 'backup'), bytes, 'application/octet-stream');
    setBackupAt(ctx.entry.lastBackupAt);
    notify(t('sync.exported', { size: Math.ceil(bytes.length / 1024) }));
  };
  const forPeer = (name: string, sv: Sections) => {
    const bytes = exportDiff(ctx.ws, ctx.entry, sv, who(), name);
    download(fileName(ctx.entry.name, 'for-' + name), bytes, 'application/octet-stream');
    notify(t('sync.exported', { size: Math.ceil(bytes.length / 1024) }));
  };
  const myState = () => download(fileName(ctx.entry.name, 'state'), exportState(ctx.ws, ctx.entry, who()), 'application/octet-stream');
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const r = importFile(ctx.ws, ctx.entry, new Uint8Array(await file.arrayBuffer()));
      if (r.kind === 'state') {
        setPeerSv({ name: r.header.by || '?', sv: r.stateVectors! });
        notify(t('sync.stateRead', { name: r.header.by || '?' }));
      } else {
        notify(t('sync.imported', { n: r.changed }));
      }
    } catch (e) {
      const code = e instanceof SyncFileError ? e.code : 'malformed';
      notify(t(`sync.fileError.${code}` as MessageKey), 'error');
    }
  };

  return (
    <section class="card sync-section">
      <h3>{t('sync.files')}</h3>
      <p class="muted">{t('sync.filesHint')}</p>
      <p>{t('sync.lastBackup')}: <span data-testid="last-backup">{dateTime(backupAt(), lang(), { seconds: true })}</span>
        <Show when={(status()?.settings.backupDays ?? 0) > 0 && backupAgeDays({ ...ctx.entry, lastBackupAt: backupAt() }) > (status()?.settings.backupDays ?? 0)}>
          {' '}<span class="warn">{t('sync.backupDue')}</span></Show></p>
      <div class="row-inline wrap">
        <button class="btn primary" onClick={() => void backup()}>{t('sync.exportFull')}</button>
        <button class="btn" onClick={myState}>{t('sync.exportState')}</button>
        <label class="btn">{t('sync.importFile')}
          <input type="file" accept=".keyuan,application/octet-stream" style={{ display: 'none' }} data-testid="import-file" onChange={(e) => void onFile(e.currentTarget)} /></label>
      </div>
      <Show when={peerSv()}>{(p) => (
        <p class="ok-banner">{t('sync.stateRead', { name: p().name })}{' '}
          <button class="btn" onClick={() => forPeer(p().name, p().sv)}>{t('sync.exportForThem', { name: p().name })}</button></p>
      )}</Show>
      <Show when={remembered().length}>
        <p>{t('sync.exportForPeerHint')}</p>
        <ul>
          <For each={remembered()}>{(p) => (
            <li>{p.name} <span class="muted">({t('sync.lastSynced')}: {dateTime(p.lastSyncedAt, lang(), { seconds: true })})</span>{' '}
              <button class="btn ghost" onClick={() => forPeer(p.name, peerVectors(p))}>{t('sync.exportForPeer')}</button></li>
          )}</For>
        </ul>
      </Show>
    </section>
  );
}

function Leave() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [confirm, setConfirm] = createSignal<'leave' | 'remove' | null>(null);
  const [typed, setTyped] = createSignal('');
  const leave = async () => {
    const s = session();
    await leaveWorkspace(ctx.entry);
    if (s) await s.applySettings({ ...s.getSettings(), enabled: false });
    setConfirm(null);
    notify(t('sync.left'));
  };
  const remove = async () => {
    const id = ctx.ws.id;
    // stop syncing and close the document's storage first, then delete it, then leave
    await session()?.stop();
    await ctx.ws.close();
    await removeLocalCopy(id);
    navigate('/');
    notify(t('sync.removed'));
  };
  return (
    <section class="card sync-section danger-zone">
      <h3>{t('sync.leaveTitle')}</h3>
      <div class="row-inline wrap">
        <button class="btn" onClick={() => setConfirm('leave')}>{t('sync.leave')}</button>
        <button class="btn danger" onClick={() => { setTyped(''); setConfirm('remove'); }}>{t('sync.remove')}</button>
      </div>
      <Show when={confirm() === 'leave'}>
        <Modal open title={t('sync.leave')} onClose={() => setConfirm(null)}
          footer={<><button class="btn" onClick={() => setConfirm(null)}>{t('common.cancel')}</button><button class="btn primary" onClick={() => void leave()}>{t('sync.leave')}</button></>}>
          <p>{t('sync.leaveWarning')}</p>
        </Modal>
      </Show>
      <Show when={confirm() === 'remove'}>
        <Modal open title={t('sync.remove')} onClose={() => setConfirm(null)}
          footer={<><button class="btn" onClick={() => setConfirm(null)}>{t('common.cancel')}</button>
            <button class="btn danger" disabled={typed().trim() !== ctx.entry.name} onClick={() => void remove()}>{t('sync.removeConfirm')}</button></>}>
          <p class="error-banner" role="alert">{t('sync.removeWarning', { last: dateTime(ctx.entry.lastBackupAt, lang(), { seconds: true }), peers: (status()?.people ?? []).filter((p) => p.online).length })}</p>
          <label class="field"><span class="field-label">{t('sync.typeName', { name: ctx.entry.name })}</span>
            <input id="remove-confirm-name" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} /></label>
        </Modal>
      </Show>
    </section>
  );
}
