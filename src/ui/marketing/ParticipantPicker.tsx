import { For, Show, createMemo, createSignal } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import { addParticipants, type ParticipantPick } from '../../store/marketing/marketing';
import { Modal } from '../shared/Modal';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { report } from '../shared/refusal';
import { lang, t } from '../i18n';
import { pickDetail, pickMatch } from '../../domain/core/pickers';

const SHOWN = 60;

/**
 * 添加参与者: find customers and contacts by name (a contact row also names its customer), tick
 * several, add them at once as invited. Who is already on the activity is not offered again.
 */
export function ParticipantPicker(props: { activityId: string; onClose: () => void }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const [q, setQ] = createSignal('');
  const [picked, setPicked] = createSignal<ReadonlyMap<string, ParticipantPick>>(new Map());
  const already = createMemo(() => new Set(ctx.where('activityParticipants', 'activityId', props.activityId)
    .map((p) => (p.contactId ? `k:${String(p.contactId)}` : `c:${String(p.customerId)}`))));
  // like every reference picker: by name, code or phone digits; each row says what tells two 陈刚 apart (company, phone)
  const refName = (entity: string, id: string) => title(entity, id);
  const detail = (entity: string, r: BaseRecord) => pickDetail(ctx.def(entity), r, refName);
  const options = createMemo(() => {
    const text = q().trim().toLowerCase();
    const out: { key: string; label: string; sub: string; pick: ParticipantPick }[] = [];
    for (const c of ctx.visible('customers')) {
      if (text && !pickMatch(ctx.def('customers'), c, text, lang())) continue;
      out.push({ key: `c:${c.id}`, label: title('customers', c), sub: [t('marketing.pickCustomer'), detail('customers', c)].filter(Boolean).join(' · '), pick: { customerId: c.id } });
      if (out.length >= SHOWN) break;
    }
    for (const k of ctx.visible('contacts')) {
      if (out.length >= SHOWN * 2) break;
      if (text && !pickMatch(ctx.def('contacts'), k, text, lang()) && !title('customers', k.customerId).toLowerCase().includes(text)) continue;
      out.push({ key: `k:${k.id}`, label: title('contacts', k), sub: detail('contacts', k) || title('customers', k.customerId), pick: { contactId: k.id, customerId: k.customerId as string | undefined } });
    }
    return out.filter((o) => !already().has(o.key));
  });
  const toggle = (o: { key: string; pick: ParticipantPick }) => {
    const next = new Map(picked());
    if (next.has(o.key)) next.delete(o.key); else next.set(o.key, o.pick);
    setPicked(next);
  };
  const add = () => {
    const res = addParticipants(ctx.ws, props.activityId, [...picked().values()], ctx.userId());
    if (report(res, t('marketing.participantsAdded', { n: res.ok ? res.value : 0 }))) props.onClose();
  };
  return (
    <Modal open wide title={t('marketing.addParticipants')} onClose={props.onClose} initialFocus="input"
      footer={<>
        <span class="muted small grow">{t('marketing.pickedN', { n: picked().size })}</span>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={!picked().size} onClick={add} data-testid="add-picked">{t('marketing.addPicked', { n: picked().size })}</button>
      </>}>
      <input type="search" class="mkt-pick-find" placeholder={t('marketing.pickFind')} aria-label={t('marketing.pickFind')} value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
      <ul class="mkt-pick-list" role="listbox" aria-multiselectable="true">
        <For each={options()}>{(o) => (
          <li>
            <label>
              <input type="checkbox" checked={picked().has(o.key)} onChange={() => toggle(o)} />
              <span>{o.label}</span><small class="muted">{o.sub}</small>
            </label>
          </li>
        )}</For>
        <Show when={!options().length}><li class="muted">{t('marketing.pickNone')}</li></Show>
      </ul>
    </Modal>
  );
}
