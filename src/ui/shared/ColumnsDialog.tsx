import { For, Show, createResource, createSignal } from 'solid-js';
import type { EntityDef } from '../../domain/core/entity';
import { heldLayout, loadLayout, saveLayout, type Layout } from '../../store/core/layouts';
import { Modal } from './Modal';
import { L, t } from '../i18n';

export type { Layout };

/** The default layout: the definition's order, its hidden fields hidden, the first column locked. */
export function defaultLayout(def: EntityDef): Layout {
  return { order: def.fields.map((f) => f.key), hidden: def.fields.filter((f) => f.hidden).map((f) => f.key), locked: 1 };
}

/** Where a form's layout is kept: beside the list layouts, under its own key. */
export const formLayoutKey = (entity: string) => `${entity}@form`;

/** The default form: every field in the definition's order but those marked formHidden. */
export function defaultFormLayout(def: EntityDef): Layout {
  return { order: def.fields.map((f) => f.key), hidden: def.fields.filter((f) => f.formHidden && !f.required).map((f) => f.key), locked: 0 };
}

/**
 * A layout kept on this device (Dexie `layouts`), for a list (`entity`) or a form
 * (`formLayoutKey(entity)`): the saved one, else `fallback`; `save` shows it at once and stores it.
 */
export function useLayout(workspaceId: string, key: () => string, fallback: () => Layout) {
  // read with the workspace (store/core/layouts.ts): answered at once, so a list paints in its first render
  const [layout, { mutate }] = createResource(key, (k): Layout | Promise<Layout> => {
    const held = heldLayout(workspaceId, k);
    return held ? held.layout ?? fallback() : loadLayout(workspaceId, k).then((l) => l ?? fallback());
  });
  const save = (l: Layout) => {
    mutate(l);
    void saveLayout(workspaceId, key(), l);
  };
  return [layout, save] as const;
}

/** Fields in layout order; fields added since the layout was saved (custom fields) come last, shown. */
export function orderedKeys(def: EntityDef, layout: Layout): string[] {
  const known = def.fields.map((f) => f.key);
  return [...layout.order.filter((k) => known.includes(k)), ...known.filter((k) => !layout.order.includes(k))];
}

/**
 * Show/hide, reorder and lock a list's columns, or (form) show/hide and reorder a form's fields —
 * required fields stay on the form; "clear layout" (清除格式配置) restores the default.
 */
export function ColumnsDialog(props: { def: EntityDef; layout: Layout; onSave: (l: Layout) => void; onClose: () => void; form?: boolean }) {
  const fallback = () => (props.form ? defaultFormLayout(props.def) : defaultLayout(props.def));
  const required = (k: string) => !!props.form && !!props.def.fields.find((f) => f.key === k)?.required;
  const [order, setOrder] = createSignal(orderedKeys(props.def, props.layout));
  const [hidden, setHidden] = createSignal(new Set(props.layout.hidden));
  const [locked, setLocked] = createSignal(props.layout.locked);
  const move = (i: number, d: number) => {
    const o = [...order()];
    if (i + d < 0 || i + d >= o.length) return;
    [o[i], o[i + d]] = [o[i + d], o[i]];
    setOrder(o);
  };
  const toggle = (k: string) => { const h = new Set(hidden()); if (h.has(k)) h.delete(k); else h.add(k); setHidden(h); };
  const label = (k: string) => L(props.def.fields.find((f) => f.key === k)?.label);
  return (
    <Modal open title={t(props.form ? 'form.layout' : 'columns.title')} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={() => { props.onSave(fallback()); props.onClose(); }}>{t('columns.reset')}</button>
        <button class="btn primary" onClick={() => { props.onSave({ order: order(), hidden: [...hidden()], locked: locked() }); props.onClose(); }}>{t('common.save')}</button>
      </>}>
      <Show when={!props.form} fallback={<p class="muted">{t('form.layoutHint')}</p>}>
        <label class="row-inline">{t('columns.locked')}
          <input type="number" min="0" max="5" value={locked()} style={{ width: '4em' }} onInput={(e) => setLocked(Math.max(0, Math.min(5, Number(e.currentTarget.value) || 0)))} />
        </label>
      </Show>
      <ul class="column-list">
        <For each={order()}>{(k, i) => (
          <li>
            <label><input type="checkbox" checked={required(k) || !hidden().has(k)} disabled={required(k)} onChange={() => toggle(k)} /> {label(k)}</label>
            <span>
              <button class="icon-btn" aria-label={t('columns.up')} onClick={() => move(i(), -1)}>↑</button>
              <button class="icon-btn" aria-label={t('columns.down')} onClick={() => move(i(), 1)}>↓</button>
            </span>
          </li>
        )}</For>
      </ul>
    </Modal>
  );
}
