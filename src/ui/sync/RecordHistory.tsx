import { For, Show, createMemo, createSignal } from 'solid-js';
import type { HistoryItem } from '../../store/sync/history';
import { useWorkspace } from '../shared/context';
import { L, lang, t } from '../i18n';
import { formatTime, plainText } from './state';
import { useHistory } from './history-ui';
import './sync.css';

/** Text of a logged value with the field's definition when there is one; anything odd is shown as data. */
export function useValueText(collection: () => string) {
  const ctx = useWorkspace();
  return (field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '∅';
    if (field === 'deleted') return v === true ? t('history.inBin') : t('history.notInBin');
    const f = ctx.def(collection())?.fields.find((x) => x.key === field);
    const shown = f ? ctx.display(f, v) : '';
    if (shown && shown !== '⚠') return shown;
    return typeof v === 'string' ? v : JSON.stringify(v).slice(0, 200);
  };
}

export function useFieldLabel(collection: () => string) {
  const ctx = useWorkspace();
  return (field: string): string => {
    if (field === 'deleted') return t('history.binField');
    const f = ctx.def(collection())?.fields.find((x) => x.key === field);
    return f ? L(f.label) : field;
  };
}

/** A record's history: every change (field, old → new, who, when), values lost in a concurrent edit marked. */
export function RecordHistory(props: { collection: string; id: string }) {
  const ctx = useWorkspace();
  const { log, version } = useHistory(ctx.ws);
  const [all, setAll] = createSignal(false);
  const items = createMemo(() => {
    version();
    ctx.version(props.collection)();
    return log.forRecord(props.collection, props.id, ctx.ws.collection(props.collection).get(props.id));
  });
  const userName = (id: string) => (plainText(ctx.ws.collection('users').get(id)?.name) || id || '?');
  const label = useFieldLabel(() => props.collection);
  const text = useValueText(() => props.collection);
  const shown = () => (all() ? items() : items().slice(0, 20));
  return (
    <div class="card record-history no-print">
      <h2>{t('history.title')}</h2>
      <ul class="history-list">
        <For each={shown()}>{(it: HistoryItem) => (
          <li>
            <span class="muted">{formatTime(it.at, lang())}</span> · <strong>{userName(it.by)}</strong>{' '}
            <Show when={it.kind === 'create'}>{t('history.created')}</Show>
            <Show when={it.kind === 'purge'}>{t('history.purged')}</Show>
            <For each={it.changes}>{(ch) => (
              <div classList={{ change: true, lost: ch.lost }}>
                {label(ch.field)}: <span class="old">{text(ch.field, ch.old)}</span> → <Show when={ch.lost} fallback={<span class="new">{text(ch.field, ch.value)}</span>}>
                  <s>{text(ch.field, ch.value)}</s> <span class="lost-note">({t('history.lost')})</span></Show>
              </div>
            )}</For>
          </li>
        )}</For>
      </ul>
      <Show when={items().length > 20 && !all()}><button class="btn ghost" onClick={() => setAll(true)}>{t('history.showAll', { n: items().length })}</button></Show>
    </div>
  );
}
