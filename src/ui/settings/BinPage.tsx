import { For, Show, createMemo, createSignal } from 'solid-js';
import { ENTITIES } from '../../domain/registry';
import type { BaseRecord } from '../../domain/core/record';
import { displayName } from '../../domain/core/entity';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { report } from '../shared/refusal';
import { notify } from '../shared/toast';
import { restoreFromBin } from '../../store/customers/references';
import { purgeWithChildren } from '../../store/core/cascade';
import { dateTime } from '../../domain/core/format';
import { L, lang, t } from '../i18n';

/**
 * 回收站: every deleted record of every entity, restorable; purge deletes for good. What went to
 * the bin with a record (its children: `deletedWith`) is not listed on its own: it comes back,
 * or goes for good, with that record (store/core/cascade.ts). Rows that live only inside their
 * parent's page (quote lines, steps) are never entries of their own.
 */
export function BinPage() {
  const ctx = useWorkspace();
  const rows = createMemo(() => Object.values(ENTITIES).filter((d) => !d.embedded).flatMap((d) => {
    ctx.version(d.key)();
    return ctx.ws.collection(d.key).bin().filter((r) => !r.deletedWith).map((r) => ({ def: d, r }));
  }).sort((a, b) => b.r.updatedAt - a.r.updatedAt));
  const [purging, setPurging] = createSignal<{ entity: string; r: BaseRecord } | null>(null);
  const title = useTitles();
  const customerName = (id: unknown) => title('customers', id) || '?';
  const userName = (id: unknown) => title('users', id) || '?';
  return (
    <section class="page">
      <h1 class="page-title">{t('bin.title')}</h1>
      <Show when={rows().length} fallback={<p class="empty">{t('bin.empty')}</p>}>
        <table class="grid simple">
          <thead><tr><th>{t('bin.entity')}</th><th>{t('common.name')}</th><th>{t('bin.deletedAt')}</th><th>{t('bin.by')}</th><th /></tr></thead>
          <tbody>
            <For each={rows()}>{({ def, r }) => (
              <tr>
                <td>{L(def.label)}</td>
                <td>{displayName(def, r) || r.id}
                  <Show when={typeof r.mergedInto === 'string'}>
                    <span class="muted small"> · {t('bin.mergedInto', { name: customerName(r.mergedInto) })}</span></Show></td>
                <td>{dateTime(r.updatedAt, lang())}</td>
                <td>{userName(r.updatedBy)}</td>
                <td class="actions">
                  <button class="btn" disabled={!ctx.can(def.module, 'write')} onClick={() => { restoreFromBin(ctx.ws, def.key, r.id); notify(t('bin.restored')); }}>{t('common.restore')}</button>
                  <button class="btn danger" disabled={!ctx.can(def.module, 'write')} onClick={() => setPurging({ entity: def.key, r })}>{t('bin.purge')}</button>
                </td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </Show>
      <Show when={purging()}>{(p) => (
        <Modal open title={t('bin.purge')} onClose={() => setPurging(null)}
          footer={<>
            <button class="btn" onClick={() => setPurging(null)}>{t('common.cancel')}</button>
            <button class="btn danger" onClick={() => {
              report(purgeWithChildren(ctx.ws, p().entity, p().r.id));
              setPurging(null);
            }}>{t('bin.purge')}</button>
          </>}>
          <p>{t('bin.confirmPurge')}</p>
        </Modal>
      )}</Show>
    </section>
  );
}
