import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { displayName, type FieldDef } from '../../domain/core/entity';
import type { BaseRecord } from '../../domain/core/record';
import { parseInput } from '../../domain/core/validate';
import { dictOptions } from '../../store/core/dictionaries';
import { useWorkspace } from './context';
import { L, t } from '../i18n';

/** One input for one field, chosen by the field's type. Emits typed values (numbers stay text if malformed). */
export function FieldInput(props: { field: FieldDef; value: unknown; onChange: (v: unknown) => void; disabled?: boolean; id?: string }) {
  const f = () => props.field;
  const text = () => (props.value === undefined || props.value === null ? '' : typeof props.value === 'object' ? '' : String(props.value));
  const set = (raw: string) => props.onChange(parseInput(f(), raw));
  return (
    <Switch fallback={<input id={props.id} type={inputType(f().type)} value={text()} disabled={props.disabled} onInput={(e) => set(e.currentTarget.value)} />}>
      <Match when={f().type === 'longtext'}>
        <textarea id={props.id} rows={3} value={text()} disabled={props.disabled} onInput={(e) => set(e.currentTarget.value)} />
      </Match>
      <Match when={f().type === 'bool'}>
        <input id={props.id} type="checkbox" checked={props.value === true} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      </Match>
      <Match when={f().type === 'dict'}>
        <DictSelect id={props.id} dict={f().dict ?? ''} value={text()} disabled={props.disabled} onChange={(v) => props.onChange(v || undefined)} />
      </Match>
      <Match when={f().type === 'ref'}>
        <RefPicker id={props.id} entity={f().ref ?? ''} value={text()} disabled={props.disabled} onChange={(v) => props.onChange(v || undefined)} />
      </Match>
    </Switch>
  );
}

function inputType(type: FieldDef['type']): string {
  if (type === 'date') return 'date';
  if (type === 'datetime') return 'datetime-local';
  if (type === 'email') return 'email';
  if (type === 'phone') return 'tel';
  // numbers are typed as text so a malformed entry reaches validation and gets a message
  return 'text';
}

export function DictSelect(props: { dict: string; value: string; onChange: (v: string) => void; disabled?: boolean; id?: string }) {
  const ctx = useWorkspace();
  const options = createMemo(() => { ctx.version('dictOptions')(); return dictOptions(ctx.ws, props.dict); });
  const depth = (code: string | undefined, n = 0): number => {
    const p = options().find((o) => o.code === code)?.parent;
    return p && n < 10 ? depth(p, n + 1) : n;
  };
  return (
    <select id={props.id} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{t('form.pick')}</option>
      <For each={options()}>{(o) => <option value={o.code}>{'\u3000'.repeat(depth(o.code))}{L(o.label)}</option>}</For>
    </select>
  );
}

/** Pick a record of another entity by typing part of its name (works with 20,000 customers). */
export function RefPicker(props: { entity: string; value: string; onChange: (v: string) => void; disabled?: boolean; id?: string }) {
  const ctx = useWorkspace();
  const [query, setQuery] = createSignal<string | null>(null);
  const title = (r: BaseRecord | undefined) => displayName(ctx.def(props.entity), r);
  const current = () => {
    const r = props.value ? ctx.get(props.entity, props.value) : undefined; // subscribed: the name follows a rename
    return title(r);
  };
  const matches = createMemo(() => {
    const q = query();
    if (q === null) return [];
    const needle = q.trim().toLowerCase();
    const out = [];
    for (const r of ctx.visible(props.entity)) { // a rep picks among the records their data scope shows
      const name = title(r);
      if (!needle || name.toLowerCase().includes(needle) || String(r.code ?? '').toLowerCase().includes(needle)) out.push({ id: r.id, name });
      if (out.length >= 30) break;
    }
    return out;
  });
  return (
    <div class="ref-picker">
      <input id={props.id} type="text" value={query() ?? current()} placeholder={t('form.typeToSearch')} disabled={props.disabled}
        onFocus={() => setQuery('')} onInput={(e) => setQuery(e.currentTarget.value)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => { if (e.key === 'Enter' && matches()[0]) { e.preventDefault(); props.onChange(matches()[0].id); setQuery(null); } }} />
      <Show when={query() !== null && matches().length}>
        <ul class="ref-options" role="listbox">
          <li role="option" onMouseDown={() => { props.onChange(''); setQuery(null); }}>{t('common.none')}</li>
          <For each={matches()}>{(m) => <li role="option" onMouseDown={() => { props.onChange(m.id); setQuery(null); }}>{m.name}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}
