import { For, Show, createResource, createSignal } from 'solid-js';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { Modal } from '../shared/Modal';
import { t } from '../i18n';
import { encodeInvite } from '../../store/sync/codes';
import { canIssue, createWorkspaceKey, issueTokenFor, tokenHolders, type TokenHolder } from '../../store/sync/access-keys';
import { workspaceKeyIn } from '../../store/sync/access';
import { session, status } from './state';

const copy = (text: string) => void navigator.clipboard?.writeText(text).then(() => notify(t('sync.copied')), () => undefined);

/**
 * 系统设置 → 同步 → 服务器访问令牌: the administrator makes the workspace key once (its private half
 * stays on this device), then issues each person a token to copy, or a join code that carries
 * the server and the token. Writes follow each person's role (read-only roles read only).
 */
export function ServerAccess() {
  const ctx = useWorkspace();
  const isAdmin = () => ctx.role()?.admin === true;
  const [issuer, { refetch }] = createResource(() => ctx.version('users')() + ctx.version('roles')(), () => canIssue(ctx.ws, ctx.entry));
  const holders = () => { ctx.version('users')(); ctx.version('roles')(); return tokenHolders(ctx.ws); };
  const keyElsewhere = () => { ctx.version('users')(); return !issuer() && !!workspaceKeyIn(ctx.ws.doc); };
  const [issued, setIssued] = createSignal<{ who: TokenHolder; token: string } | null>(null);

  const makeKey = async () => {
    await createWorkspaceKey(ctx.ws, ctx.entry);
    await refetch();
    notify(t('sync.keyCreated'));
  };
  const issue = async (who: TokenHolder) => setIssued({ who, token: await issueTokenFor(ctx.ws, ctx.entry, who, false) });
  /** The administrator's own token (it fixes the workspace key on a new server), saved in this device's settings. */
  const useOwn = async () => {
    const s = session();
    const me = ctx.user();
    if (!s || !me) return;
    const token = await issueTokenFor(ctx.ws, ctx.entry, { id: me.id, name: String(me.name ?? me.id) }, true);
    await s.applySettings({ ...s.getSettings(), token });
    notify(t('sync.tokenSaved'));
  };
  const joinCode = (token: string) => {
    const st = status()?.settings;
    return encodeInvite({ name: ctx.entry.name, room: ctx.entry.room, signaling: st?.signaling ?? [], websocket: st?.websocket || undefined, iceServers: st?.iceServers, server: st?.server || undefined, token });
  };

  return (
    <section class="card sync-section" data-testid="server-access">
      <h3>{t('sync.access')}</h3>
      <p class="muted">{t('sync.accessHint')}</p>
      <Show when={isAdmin()} fallback={<p class="muted">{t('sync.accessAdminOnly')}</p>}>
        <Show when={issuer()} fallback={
          <Show when={keyElsewhere()} fallback={<button class="btn primary" onClick={() => void makeKey()}>{t('sync.keyCreate')}</button>}>
            <p class="warn">{t('sync.keyElsewhere')}</p>
          </Show>
        }>
          <p><button class="btn" data-testid="own-token" onClick={() => void useOwn()}>{t('sync.tokenOwn')}</button></p>
          <table class="sync-table token-table">
            <thead><tr><th>{t('sync.tokenUser')}</th><th>{t('sync.tokenRights')}</th><th /></tr></thead>
            <tbody>
              <For each={holders()}>{(h) => (
                <tr data-user={h.id}>
                  <td>{h.name}</td>
                  <td>{h.writes ? t('sync.rightsWrite') : t('sync.rightsRead')}</td>
                  <td><button class="btn small-btn" onClick={() => void issue(h)}>{t('sync.tokenIssue')}</button></td>
                </tr>
              )}</For>
            </tbody>
          </table>
          <p class="muted small">{t('sync.moduleRightsLocal')}</p>
        </Show>
      </Show>
      <Show when={issued()}>{(x) => (
        <Modal open wide title={t('sync.tokenFor', { name: x().who.name })} onClose={() => setIssued(null)}>
          <p>{x().who.writes ? t('sync.rightsWrite') : t('sync.rightsRead')}</p>
          <p class="join-code" data-testid="issued-token">{x().token}</p>
          <div class="row-inline wrap">
            <button class="btn" onClick={() => copy(x().token)}>{t('sync.tokenCopy')}</button>
            <button class="btn" data-testid="copy-join-token" onClick={() => copy(joinCode(x().token))}>{t('sync.tokenCopyJoin')}</button>
          </div>
          <p class="muted small">{t('sync.tokenKeep')}</p>
        </Modal>
      )}</Show>
    </section>
  );
}
