import { For, Show, createResource, createSignal } from 'solid-js';
import type { EntityDef } from '../../domain/core/entity';
import { opsFor, type Condition, type Filter } from '../../domain/core/filter';
import { deleteSavedFilter, saveFilter, savedFilters } from '../../store/core/saved-filters';
import { Modal } from './Modal';
import { notify } from './toast';
import { L, t, type MessageKey } from '../i18n';

/** The filter builder (过滤): rows of field / operator / value joined by and/or; named filters saved per device. */
export function FilterDialog(props: {
  def: EntityDef; workspaceId: string; initial: Filter; onApply: (f: Filter) => void; onClose: () => void;
}) {
  const [join, setJoin] = createSignal(props.initial.join);
  const [rows, setRows] = createSignal<Condition[]>(props.initial.conditions.length ? props.initial.conditions : [blank(props.def)]);
  const [name, setName] = createSignal('');
  const [saved, { refetch }] = createResource(() => savedFilters(props.workspaceId, props.def.key));

  const update = (i: number, patch: Partial<Condition>) => setRows(rows().map((r, j) => (j === i ? fixOp({ ...r, ...patch }) : r)));
  const fixOp = (c: Condition): Condition => {
    const f = props.def.fields.find((x) => x.key === c.field);
    return f && !opsFor(f).includes(c.op) ? { ...c, op: 'contains' } : c;
  };
  const current = (): Filter => ({ join: join(), conditions: rows() });
  const save = async () => {
    if (!name().trim()) return;
    await saveFilter(props.workspaceId, props.def.key, name().trim(), current());
    notify(t('filter.savedAs', { name: name().trim() }));
    setName('');
    refetch();
  };
  const load = (f: Filter) => { setJoin(f.join); setRows(f.conditions); };

  return (
    <Modal open wide title={t('filter.title')} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={() => { props.onApply({ join: 'and', conditions: [] }); props.onClose(); }}>{t('list.clearFilter')}</button>
        <button class="btn primary" onClick={() => { props.onApply(current()); props.onClose(); }}>{t('filter.apply')}</button>
      </>}>
      <div class="filter-join">
        <label><input type="radio" name="join" checked={join() === 'and'} onChange={() => setJoin('and')} /> {t('filter.and')}</label>
        <label><input type="radio" name="join" checked={join() === 'or'} onChange={() => setJoin('or')} /> {t('filter.or')}</label>
      </div>
      <table class="filter-rows">
        <thead><tr><th>{t('filter.field')}</th><th>{t('filter.op')}</th><th>{t('filter.value')}</th><th /></tr></thead>
        <tbody>
          <For each={rows()}>{(row, i) => {
            const field = () => props.def.fields.find((f) => f.key === row.field);
            return (
              <tr>
                <td><select aria-label={t('filter.field')} value={row.field} onChange={(e) => update(i(), { field: e.currentTarget.value })}>
                  <For each={props.def.fields}>{(f) => <option value={f.key}>{L(f.label)}</option>}</For>
                </select></td>
                <td><select aria-label={t('filter.op')} value={row.op} onChange={(e) => update(i(), { op: e.currentTarget.value as Condition['op'] })}>
                  <For each={field() ? opsFor(field()!) : []}>{(op) => <option value={op}>{t(`op.${op}` as MessageKey)}</option>}</For>
                </select></td>
                <td><input aria-label={t('filter.value')} type={field()?.type === 'date' ? 'date' : 'text'} value={row.value}
                  onInput={(e) => update(i(), { value: e.currentTarget.value })} /></td>
                <td><button class="icon-btn" onClick={() => setRows(rows().filter((_, j) => j !== i()))}>×</button></td>
              </tr>
            );
          }}</For>
        </tbody>
      </table>
      <button class="btn" onClick={() => setRows([...rows(), blank(props.def)])}>+ {t('filter.addRow')}</button>
      <div class="filter-saved">
        <div class="row-inline">
          <input placeholder={t('filter.saveName')} aria-label={t('filter.saveName')} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
          <button class="btn" disabled={!name().trim()} onClick={save}>{t('filter.save')}</button>
        </div>
        <h4>{t('filter.load')}</h4>
        <Show when={saved()?.length} fallback={<p class="muted">{t('filter.none')}</p>}>
          <ul class="saved-list">
            <For each={saved()}>{(s) => (
              <li>
                <button class="link" onClick={() => load(s.filter)}>{s.name}</button>
                <button class="icon-btn" aria-label={t('common.delete')} onClick={async () => { await deleteSavedFilter(s.id!); refetch(); }}>×</button>
              </li>
            )}</For>
          </ul>
        </Show>
      </div>
    </Modal>
  );
}

function blank(def: EntityDef): Condition {
  return { field: def.fields[0]?.key ?? '', op: 'contains', value: '' };
}
