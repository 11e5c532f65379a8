import { For, Match, Show, Switch, createMemo, createSignal } from 'solid-js';
import { displayName, type FieldDef } from '../../domain/core/entity';
import { pickDetail, rankPicks } from '../../domain/core/pickers';
import type { BaseRecord } from '../../domain/core/record';
import { parseInput } from '../../domain/core/validate';
import { dictOptions } from '../../store/core/dictionaries';
import { useWorkspace } from './context';
import { L, lang, t } from '../i18n';

/** One input for one field, chosen by the field's type. Emits typed values (numbers stay text if malformed). */
export function FieldInput(props: { field: FieldDef; value: unknown; onChange: (v: unknown) => void; disabled?: boolean; id?: string; near?: PickNear; required?: boolean }) {
  const f = () => props.field;
  const text = () => (props.value === undefined || props.value === null ? '' : typeof props.value === 'object' ? '' : String(props.value));
  const set = (raw: string) => props.onChange(parseInput(f(), raw));
  return (
    <Switch fallback={<input id={props.id} type={inputType(f().type)} value={text()} disabled={props.disabled} aria-required={props.required || undefined} onInput={(e) => set(e.currentTarget.value)} />}>
      <Match when={f().type === 'longtext'}>
        <textarea id={props.id} rows={3} value={text()} disabled={props.disabled} aria-required={props.required || undefined} onInput={(e) => set(e.currentTarget.value)} />
      </Match>
      <Match when={f().type === 'bool'}>
        <input id={props.id} type="checkbox" checked={props.value === true} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.checked)} />
      </Match>
      <Match when={f().type === 'dict'}>
        <DictSelect id={props.id} dict={f().dict ?? ''} value={text()} disabled={props.disabled} required={props.required} onChange={(v) => props.onChange(v || undefined)} />
      </Match>
      <Match when={f().type === 'ref'}>
        <RefPicker id={props.id} entity={f().ref ?? ''} value={text()} disabled={props.disabled} required={props.required} near={props.near} onChange={(v) => props.onChange(v || undefined)} />
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

export function DictSelect(props: { dict: string; value: string; onChange: (v: string) => void; disabled?: boolean; id?: string; required?: boolean }) {
  const ctx = useWorkspace();
  const options = createMemo(() => { ctx.version('dictOptions')(); return dictOptions(ctx.ws, props.dict); });
  const depth = (code: string | undefined, n = 0): number => {
    const p = options().find((o) => o.code === code)?.parent;
    return p && n < 10 ? depth(p, n + 1) : n;
  };
  return (
    <select id={props.id} value={props.value} disabled={props.disabled} aria-required={props.required || undefined} onChange={(e) => props.onChange(e.currentTarget.value)}>
      <option value="">{t('form.pick')}</option>
      <For each={options()}>{(o) => <option value={o.code}>{'\u3000'.repeat(depth(o.code))}{L(o.label)}</option>}</For>
    </select>
  );
}

/** A detail line whose parts (company, phone) wrap between them, never inside a phone number. */
function Detail(props: { text: string }) {
  return <For each={props.text.split(' · ')}>{(part, i) => <>{i() ? ' · ' : ''}<span class="nowrap">{part}</span></>}</For>;
}

/** What a picker prefers: records whose `field` is `value` (the chosen customer's contacts), or `only` those. */
export interface PickNear { field: string; only?: boolean; value?: string }

/**
 * Pick a record of another entity by typing part of its name, code or phone (works with 20,000
 * customers). Each option shows what tells two 陈刚 apart (`pickDetail`: company, phone); the
 * records that fit this one (`near`) come first (`rankPicks`, domain/core/pickers.ts).
 */
export function RefPicker(props: { entity: string; value: string; onChange: (v: string) => void; disabled?: boolean; id?: string; near?: PickNear; required?: boolean }) {
  const ctx = useWorkspace();
  const [query, setQuery] = createSignal<string | null>(null);
  const def = () => ctx.def(props.entity);
  const picked = () => (props.value ? ctx.get(props.entity, props.value) : undefined); // subscribed: the name follows a rename
  const refName = (entity: string, id: string) => ctx.display({ key: '', type: 'ref', ref: entity, label: { zh: '', en: '' } }, id);
  const detail = (r: BaseRecord) => pickDetail(def(), r, refName);
  const matches = createMemo(() => {
    const q = query();
    if (q === null) return [];
    // a rep picks among the records their data scope shows
    return rankPicks(def(), ctx.visible(props.entity), q, props.near, 30, lang()).map((o) => ({ id: o.record.id, name: o.name, detail: detail(o.record), near: o.near }));
  });
  // where the others start, when some fit this record: a heading tells the two groups apart
  const firstOther = () => (matches()[0]?.near ? matches().findIndex((m) => !m.near) : -1);
  // called on mousedown with its default prevented: moving the focus let the field's <label>
  // refocus the input on click, which reopened the list over the choice just made
  const choose = (id: string) => { props.onChange(id); setQuery(null); };
  return (
    <div class="ref-picker">
      <input id={props.id} type="text" value={query() ?? displayName(def(), picked(), lang())} placeholder={t('form.typeToSearch')} disabled={props.disabled} aria-required={props.required || undefined}
        autocomplete="off" onFocus={() => setQuery('')} onInput={(e) => setQuery(e.currentTarget.value)}
        onBlur={() => setTimeout(() => setQuery(null), 150)}
        onKeyDown={(e) => { if (e.key === 'Enter' && matches()[0]) { e.preventDefault(); choose(matches()[0].id); } }} />
      <Show when={query() === null && picked()}>{(r) => <Show when={detail(r())}><small class="pick-current"><Detail text={detail(r())} /></small></Show>}</Show>
      <Show when={query() !== null && matches().length}>
        <ul class="ref-options" role="listbox">
          <li role="option" onMouseDown={(e) => { e.preventDefault(); choose(''); }}>{t('common.none')}</li>
          <For each={matches()}>{(m, i) => (<>
            <Show when={i() === firstOther()}><li class="pick-group" role="presentation">{t('form.pickOthers')}</li></Show>
            <li role="option" classList={{ near: m.near }} onMouseDown={(e) => { e.preventDefault(); choose(m.id); }}>
              <span class="pick-name">{m.name}</span><Show when={m.detail}><span class="pick-detail"><Detail text={m.detail} /></span></Show>
            </li>
          </>)}</For>
        </ul>
      </Show>
    </div>
  );
}
