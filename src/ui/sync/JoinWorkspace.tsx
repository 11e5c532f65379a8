import { For, Show, createEffect, createSignal } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import { decodeInvite } from '../../store/sync/codes';
import { joinWorkspace, workspaceInRoom } from '../../store/sync/workspaces';
import { SyncFileError, readSyncFile, restoreAsNew } from '../../store/sync/file';
import { saveIdentity } from '../../store/org/setup';
import { t, type MessageKey } from '../i18n';
import './sync.css';

/** The chunks a joined workspace needs before it can sync (the recovery watch, which sync waits for, and the WebRTC provider). */
function preloadSync(): void {
  void import('../recovery/state').catch(() => undefined);
  void import('../../store/sync/webrtc').catch(() => undefined);
}

/** Welcome page: join a group's workspace by its code (or QR link), or restore a backup file. */
export function JoinWorkspace() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const initial = typeof params.join === 'string' ? params.join : '';
  const [mode, setMode] = createSignal<'none' | 'join' | 'restore'>(initial ? 'join' : 'none');
  // while the code and password are typed, the code that syncs a workspace is fetched and
  // compiled: the joined workspace's sync starts at once instead of loading it first
  createEffect(() => { if (mode() === 'join') preloadSync(); });
  const [code, setCode] = createSignal(initial);
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const join = async () => {
    const inv = decodeInvite(code());
    if (!inv) return setError(t('sync.codeInvalid'));
    if (!password().trim()) return setError(t('sync.passwordRequired'));
    const existing = await workspaceInRoom(inv.room);
    if (existing) return navigate(`/w/${existing.id}`);
    setBusy(true);
    const entry = await joinWorkspace(inv, password().trim());
    navigate(`/w/${entry.id}`);
  };

  const [file, setFile] = createSignal<Uint8Array | null>(null);
  const [name, setName] = createSignal('');
  const [users, setUsers] = createSignal<{ id: string; name: string }[] | null>(null);
  const [restoredId, setRestoredId] = createSignal('');
  const pickFile = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (!f) return;
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const { header } = readSyncFile(bytes);
      if (header.kind === 'state') throw new SyncFileError('malformed');
      setFile(bytes);
      setName(header.workspace || '');
      setError('');
    } catch (e) {
      setError(t(`sync.fileError.${e instanceof SyncFileError ? e.code : 'malformed'}` as MessageKey));
    }
  };
  const restore = async () => {
    const bytes = file();
    if (!bytes) return;
    setBusy(true);
    try {
      const r = await restoreAsNew(bytes, name().trim(), password().trim() || undefined);
      setRestoredId(r.entry.id);
      setUsers(r.users);
    } catch (e) {
      setError(t(`sync.fileError.${e instanceof SyncFileError ? e.code : 'malformed'}` as MessageKey));
    } finally {
      setBusy(false);
    }
  };
  const actAs = async (userId: string) => {
    await saveIdentity(restoredId(), userId);
    navigate(`/w/${restoredId()}`);
  };

  return (
    <div class="join-entry">
      <Show when={mode() === 'none'}>
        <div class="row-inline wrap">
          <button class="btn" onClick={() => { setMode('join'); setError(''); }}>{t('sync.join')}</button>
          <button class="btn" onClick={() => { setMode('restore'); setError(''); }}>{t('sync.restore')}</button>
        </div>
      </Show>
      <Show when={mode() === 'join'}>
        <form class="wizard" onSubmit={(e) => { e.preventDefault(); void join(); }}>
          <h3>{t('sync.join')}</h3>
          <p class="muted">{t('sync.joinHint')}</p>
          <label class="field"><span class="field-label">{t('sync.joinCode')}</span>
            <textarea id="join-code" rows="3" value={code()} onInput={(e) => setCode(e.currentTarget.value)} /></label>
          <label class="field"><span class="field-label">{t('sync.password')}</span>
            <input id="join-password" type="password" autocomplete="off" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} /></label>
          <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
          <div class="row-inline">
            <button class="btn" type="button" onClick={() => setMode('none')}>{t('common.cancel')}</button>
            <button class="btn primary" type="submit" disabled={busy()}>{t('sync.joinButton')}</button>
          </div>
        </form>
      </Show>
      <Show when={mode() === 'restore'}>
        <form class="wizard" onSubmit={(e) => { e.preventDefault(); void restore(); }}>
          <h3>{t('sync.restore')}</h3>
          <p class="muted">{t('sync.restoreHint')}</p>
          <Show when={!users()}>
            <label class="field"><span class="field-label">{t('sync.backupFile')}</span>
              <input id="restore-file" type="file" accept=".keyuan,application/octet-stream" onChange={(e) => void pickFile(e.currentTarget)} /></label>
            <label class="field"><span class="field-label">{t('welcome.workspaceName')}</span>
              <input id="restore-name" value={name()} onInput={(e) => setName(e.currentTarget.value)} /></label>
            <label class="field"><span class="field-label">{t('sync.restorePassword')}</span>
              <input id="restore-password" type="password" autocomplete="off" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} /></label>
            <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
            <div class="row-inline">
              <button class="btn" type="button" onClick={() => setMode('none')}>{t('common.cancel')}</button>
              <button class="btn primary" type="submit" disabled={busy() || !file()}>{t('sync.restoreButton')}</button>
            </div>
          </Show>
          <Show when={users()}>
            <p>{t('sync.restoredWho')}</p>
            <ul class="user-pick">
              <For each={users()!}>{(u) => <li><button class="btn" type="button" onClick={() => void actAs(u.id)}>{u.name}</button></li>}</For>
            </ul>
          </Show>
        </form>
      </Show>
    </div>
  );
}
