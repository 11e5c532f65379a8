import { For, Show, createResource, createSignal, type ParentProps } from 'solid-js';
import { setIdentity } from '../../store/org/setup';
import { checkPin, hasPin, setPin } from '../../store/org/pin';
import { pinProblem } from '../../domain/org/pin';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { plainText } from '../sync/state';
import { t } from '../i18n';

const unlockedKey = (wsId: string, userId: string) => `keyuan.unlocked.${wsId}.${userId}`;

/** A PIN entry box that calls `onPin` on Enter or with its button. */
function PinInput(props: { label: string; error?: string; onPin: (pin: string) => void; action: string }) {
  const [pin, setPinText] = createSignal('');
  return (
    <form class="pin-entry" onSubmit={(e) => { e.preventDefault(); props.onPin(pin()); }}>
      <label class={`field ${props.error ? 'has-error' : ''}`}>
        <span class="field-label">{props.label}</span>
        <input type="password" inputmode="numeric" autocomplete="off" maxLength={8} value={pin()}
          onInput={(e) => setPinText(e.currentTarget.value)} ref={(el) => setTimeout(() => el.focus())} />
        <Show when={props.error}><span class="field-error">{props.error}</span></Show>
      </label>
      <button class="btn primary" type="submit">{props.action}</button>
    </form>
  );
}

/** 更改用户: act as another user of the workspace, asking for that user's PIN if they set one here. */
export function ChangeUserDialog(props: { onClose: () => void }) {
  const ctx = useWorkspace();
  const [target, setTarget] = createSignal<string>();
  const [error, setError] = createSignal('');
  const [editingPin, setEditingPin] = createSignal(false);
  const switchTo = async (userId: string) => {
    await setIdentity(ctx.ws, userId);
    sessionStorage.setItem(unlockedKey(ctx.ws.id, userId), '1');
    ctx.setUserId(userId);
    props.onClose();
  };
  const pick = async (userId: string) => {
    const unlocked = sessionStorage.getItem(unlockedKey(ctx.ws.id, userId));
    if (!unlocked && (await hasPin(ctx.ws.id, userId))) { setError(''); setTarget(userId); return; }
    await switchTo(userId);
  };
  const tryPin = async (pin: string) => {
    const id = target();
    if (id && (await checkPin(ctx.ws.id, id, pin))) await switchTo(id);
    else setError(t('pin.wrong'));
  };
  const name = (id?: string) => plainText(ctx.get('users', id ?? '')?.name) || '?';
  return (
    <Modal open title={editingPin() ? t('pin.title') : t('shell.changeUser')} onClose={props.onClose}>
      <Show when={!editingPin()} fallback={<PinForm onDone={props.onClose} />}>
        <Show when={target()} fallback={
          <>
            <p class="muted">{t('shell.chooseUser')}</p>
            <ul class="user-pick">
              <For each={ctx.live('users').filter((u) => u.active !== false)}>{(u) => (
                <li><button class="btn" classList={{ primary: u.id === ctx.userId() }} onClick={() => void pick(u.id)}>
                  {plainText(u.name)} <span class="muted">{plainText(ctx.get('roles', plainText(u.roleId))?.name)}</span>
                </button></li>
              )}</For>
            </ul>
            <p><button class="btn ghost" onClick={() => setEditingPin(true)}>{t('pin.change')}</button></p>
          </>
        }>
          <PinInput label={t('pin.enterFor', { name: name(target()) })} error={error()} onPin={(p) => void tryPin(p)} action={t('shell.changeUser')} />
          <p><button class="btn ghost" onClick={() => setTarget(undefined)}>{t('common.back')}</button></p>
        </Show>
      </Show>
    </Modal>
  );
}

/** 更改密码: set, change or remove the current user's PIN on this device. */
function PinForm(props: { onDone: () => void }) {
  const ctx = useWorkspace();
  const [has] = createResource(() => ctx.userId(), (id) => hasPin(ctx.ws.id, id));
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [error, setError] = createSignal('');
  const save = async (remove: boolean) => {
    if (has() && !(await checkPin(ctx.ws.id, ctx.userId(), current()))) { setError(t('pin.wrong')); return; }
    const problem = remove ? null : pinProblem(next(), repeat());
    if (problem) { setError(t(problem)); return; }
    await setPin(ctx.ws.id, ctx.userId(), remove ? '' : next());
    sessionStorage.setItem(unlockedKey(ctx.ws.id, ctx.userId()), '1');
    notify(remove ? t('pin.removed') : t('pin.saved'));
    props.onDone();
  };
  const box = (label: string, value: () => string, set: (v: string) => void) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input type="password" inputmode="numeric" autocomplete="off" maxLength={8} value={value()} onInput={(e) => set(e.currentTarget.value)} />
    </label>
  );
  return (
    <form class="pin-form" onSubmit={(e) => { e.preventDefault(); void save(false); }}>
      <p class="muted">{t('pin.explain')}</p>
      <Show when={has()}>{box(t('pin.current'), current, setCurrent)}</Show>
      {box(t('pin.new'), next, setNext)}
      {box(t('pin.repeat'), repeat, setRepeat)}
      <Show when={error()}><p class="field-error" role="alert">{error()}</p></Show>
      <div class="row-actions">
        <button class="btn primary" type="submit">{t('common.save')}</button>
        <Show when={has()}><button class="btn" type="button" onClick={() => void save(true)}>{t('pin.remove')}</button></Show>
      </div>
    </form>
  );
}

/**
 * Opening a workspace as a user with a PIN on this device asks for it once per tab; until then
 * nothing of the workspace is shown. Someone else may change to a user without a PIN instead.
 */
export function PinGate(props: ParentProps) {
  const ctx = useWorkspace();
  const [locked, { mutate }] = createResource(() => ctx.userId(), async (id) =>
    !sessionStorage.getItem(unlockedKey(ctx.ws.id, id)) && (await hasPin(ctx.ws.id, id)));
  const [error, setError] = createSignal('');
  const [choosing, setChoosing] = createSignal(false);
  const unlock = async (pin: string) => {
    if (!(await checkPin(ctx.ws.id, ctx.userId(), pin))) { setError(t('pin.wrong')); return; }
    sessionStorage.setItem(unlockedKey(ctx.ws.id, ctx.userId()), '1');
    mutate(false);
  };
  return (
    <Show when={locked() === false} fallback={
      <Show when={locked()}>
        <div class="pin-gate">
          <div class="card">
            <h2>{ctx.entry.name}</h2>
            <PinInput label={t('pin.enterFor', { name: plainText(ctx.user()?.name) || '?' })} error={error()} onPin={(p) => void unlock(p)} action={t('pin.unlock')} />
            <p><button class="btn ghost" onClick={() => setChoosing(true)}>{t('shell.changeUser')}</button></p>
          </div>
          <Show when={choosing()}><ChangeUserDialog onClose={() => setChoosing(false)} /></Show>
        </div>
      </Show>
    }>
      {props.children}
    </Show>
  );
}
