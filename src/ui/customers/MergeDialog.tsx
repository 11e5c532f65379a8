import { For, Show, createMemo, createSignal } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import { findDuplicates } from '../../domain/customers/rules';
import { defaultChoices, differingFields, type MergeChoice, type MergeChoices } from '../../domain/customers/merge';
import { mergeCustomers, mergePreview } from '../../store/customers/merge';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { RefPicker } from '../shared/FieldInput';
import { useRefusal } from '../shared/refusal';
import { L, t } from '../i18n';
import { plainText } from '../sync/state';

/** 合并客户: pick the duplicate, choose per differing field which value stays, see what moves, confirm. */
export function MergeDialog(props: { keep: BaseRecord; onClose: () => void }) {
  const ctx = useWorkspace();
  const def = () => ctx.def('customers');
  const [dupId, setDupId] = createSignal('');
  const [choices, setChoices] = createSignal<MergeChoices>({});
  const refusal = useRefusal();
  const dup = createMemo(() => ctx.get('customers', dupId()));
  const suggestions = createMemo(() => findDuplicates(props.keep, ctx.live('customers'), props.keep.id).slice(0, 6));
  const fields = createMemo(() => (dup() ? differingFields(def(), props.keep, dup()!) : []));
  const moves = createMemo(() => { ctx.version('contacts')(); return dupId() ? mergePreview(ctx.ws, dupId()) : []; });

  const pick = (id: string) => {
    refusal.clear();
    setDupId(id === props.keep.id ? '' : id);
    const d = ctx.get('customers', id);
    setChoices(d ? defaultChoices(def(), props.keep, d) : {});
  };
  const choose = (key: string, c: MergeChoice) => setChoices({ ...choices(), [key]: c });
  const merge = () => {
    const res = mergeCustomers(ctx.ws, props.keep.id, dupId(), choices());
    if (refusal.run(res, t('merge.done', { n: res.ok ? res.value.moved : 0 }))) props.onClose();
  };
  const shown = (r: BaseRecord, key: string) => {
    const f = def().fields.find((x) => x.key === key)!;
    return ctx.display(f, r[key]) || '—';
  };

  return (
    <Modal open wide title={t('merge.title', { name: plainText(props.keep.name) })} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn danger" disabled={!dup()} onClick={merge}>{t('merge.confirm')}</button>
      </>}>
      <div class="merge-dialog">
        <label class="field">
          <span class="field-label">{t('merge.pickDup')}</span>
          <RefPicker id="merge-dup" entity="customers" value={dupId()} onChange={pick} />
        </label>
        <Show when={suggestions().length}>
          <p class="merge-suggest"><span class="muted">{t('merge.suggested')}:</span>
            <For each={suggestions()}>{(h) => (
              <button class="btn ghost small" classList={{ active: h.record.id === dupId() }} onClick={() => pick(h.record.id)}>
                {plainText(h.record.name)} <span class="muted">{plainText(h.record.code)}</span></button>
            )}</For>
          </p>
        </Show>
        <refusal.Banner />
        <Show when={dup()}>{(d) => (
          <>
            <Show when={fields().length} fallback={<p class="muted">{t('merge.same')}</p>}>
              <table class="grid simple merge-fields">
                <thead><tr><th>{t('merge.field')}</th>
                  <th>{t('merge.keep')} · {plainText(props.keep.code)}</th><th>{t('merge.dup')} · {plainText(d().code)}</th></tr></thead>
                <tbody>
                  <For each={fields()}>{(f) => (
                    <tr data-field={f.key}>
                      <td>{L(f.label)}</td>
                      <For each={['keep', 'dup'] as MergeChoice[]}>{(side) => (
                        <td classList={{ chosen: choices()[f.key] === side }}>
                          <label><input type="radio" name={`merge-${f.key}`} value={side} checked={choices()[f.key] === side}
                            onChange={() => choose(f.key, side)} /> {shown(side === 'keep' ? props.keep : d(), f.key)}</label>
                        </td>
                      )}</For>
                    </tr>
                  )}</For>
                </tbody>
              </table>
            </Show>
            <p class="merge-moves">
              {moves().length
                ? t('merge.moves', { list: moves().map((m) => `${L(m.entity)} ${m.count}`).join('、') })
                : t('merge.movesNone')}
            </p>
            <p class="notice">{t('merge.binNote')}</p>
          </>
        )}</Show>
      </div>
    </Modal>
  );
}
