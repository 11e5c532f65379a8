import { For, Show, createMemo, createSignal } from 'solid-js';
import { openConflicts, type Conflict } from '../../store/sync/history';
import { dismissConflict, isConflictDismissed } from '../../store/sync/conflicts';
import { editRecord } from '../../store/core/records';
import { fieldDefOf, fieldLabel, valueText } from '../../domain/core/history-format';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { report } from '../shared/refusal';
import { notify } from '../shared/toast';
import { lang, t } from '../i18n';
import { useHistory, useNameEnv } from './history-ui';

/**
 * Above a record page: a same-field conflict the merge resolved (two people changed one field
 * while apart; the later write was kept on every device) — whose value was kept, whose was
 * overwritten — with "use the other value", which writes it as a new edit through the save path
 * (settling the conflict everywhere), and "got it", which hides it on this device.
 */
export function ConflictNotice(props: { collection: string; id: string; writable?: boolean }) {
  const ctx = useWorkspace();
  const { log, version } = useHistory(ctx.ws);
  const env = useNameEnv();
  const title = useTitles();
  const [dismissed, setDismissed] = createSignal(0);
  const conflicts = createMemo(() => {
    version(); dismissed();
    const rec = ctx.get(props.collection, props.id);
    return openConflicts(log.forRecord(props.collection, props.id), rec).filter((c) => !isConflictDismissed(c.key));
  });
  const def = () => ctx.def(props.collection);
  const text = (c: Conflict, v: unknown) => valueText(fieldDefOf(def(), c.field), v, env());
  const who = (id: string) => title('users', id) || '?';
  // reported once stored (as a form's save is), so a reload right after keeps it
  const useOther = async (c: Conflict) => {
    const res = editRecord(ctx.ws, props.collection, props.id, { [c.field]: c.lost.value }, ctx.userId());
    if (!res.ok) { report(res); return; }
    await ctx.ws.flushed().then(() => notify(t('conflict.used', { value: text(c, c.lost.value) })), (e: unknown) => notify(String(e), 'error'));
  };
  const dismiss = (c: Conflict) => { dismissConflict(c.key); setDismissed((n) => n + 1); };
  return (
    <For each={conflicts()}>{(c) => (
      <div class="notice warn conflict-notice" role="status" data-field={c.field}>
        <strong>{t('conflict.title')}</strong>
        <p>{t('conflict.text', { field: fieldLabel(def(), c.field, lang()), winner: who(c.kept.by), kept: text(c, c.kept.value), loser: who(c.lost.by), lost: text(c, c.lost.value) })}</p>
        <div class="row-inline">
          <Show when={props.writable !== false}>
            <button class="btn" onClick={() => useOther(c)}>{t('conflict.useOther')}</button>
          </Show>
          <button class="btn ghost" onClick={() => dismiss(c)}>{t('conflict.dismiss')}</button>
        </div>
      </div>
    )}</For>
  );
}
