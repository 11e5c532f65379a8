import { Show, createSignal } from 'solid-js';
import type { Refusal, Result } from '../../domain/core/result';
import { notify } from './toast';
import { L, t } from '../i18n';

/** Show a refusal as an error toast (a success as a toast when `done` is given); true when the action went through. */
export function report<T>(res: Result<T>, done?: string): res is { ok: true; value: T } {
  if (!res.ok) notify(L(res.refusal.message), 'error');
  else if (done) notify(done);
  return res.ok;
}

/** The last refusal shown on a page as a banner (it stays until the next action); successes as a toast. */
export function useRefusal() {
  const [refusal, setRefusal] = createSignal<Refusal | null>(null);
  const run = <T,>(res: Result<T>, done?: string): res is { ok: true; value: T } => {
    setRefusal(res.ok ? null : res.refusal);
    if (res.ok && done) notify(done);
    return res.ok;
  };
  const Banner = () => (
    <Show when={refusal()}>
      <p class="error-banner refusal" role="alert">{L(refusal()!.message)}
        <button class="icon-btn" aria-label={t('common.close')} onClick={() => setRefusal(null)}>×</button></p>
    </Show>
  );
  return { run, Banner, clear: () => setRefusal(null) };
}
