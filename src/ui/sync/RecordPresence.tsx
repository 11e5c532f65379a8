import { For, Show, createMemo } from 'solid-js';
import { status } from './state';
import { t } from '../i18n';
import './sync.css';

/** Who else is looking at (or editing) this record right now. */
export function RecordPresence(props: { collection: string; id: string }) {
  const here = createMemo(() => (status()?.people ?? []).filter((p) => p.online && p.at?.c === props.collection && p.at.id === props.id));
  return (
    <Show when={here().length}>
      <span class="record-presence" role="status">
        <For each={here()}>{(p) => (
          <span class="who" style={{ background: p.color }}>{p.name} · {p.at?.editing ? t('presence.editing') : t('presence.viewing')}</span>
        )}</For>
      </span>
    </Show>
  );
}
