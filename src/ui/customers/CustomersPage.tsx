import { For, Show, createSignal } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { customerDeleteBlocker } from '../../store/customers/references';
import { assignCustomers } from '../../store/customers/assign';
import { t } from '../i18n';

export function CustomersPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [assigning, setAssigning] = createSignal<BaseRecord[] | null>(null);
  const reps = () => ctx.live('users').filter((u) => u.active !== false);

  const setOwner = (rows: BaseRecord[], ownerId: string | undefined) => {
    const n = assignCustomers(ctx.ws, rows.map((r) => r.id), ownerId, ctx.userId());
    notify(t(ownerId ? 'list.assigned' : 'list.reclaimed', { n }));
  };
  // 客户资源分配 on many selected rows at once: assign to a rep, or reclaim to the public pool
  const actions = (selected: () => BaseRecord[]) => (
    <>
      <button class="btn" disabled={!selected().length || !ctx.can('customers', 'write')} onClick={() => setAssigning(selected())}>{t('list.assign')}</button>
      <button class="btn" disabled={!selected().length || !ctx.can('customers', 'write')} onClick={() => setOwner(selected(), undefined)}>{t('list.reclaim')}</button>
    </>
  );
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.customers')}</h1>
      <RecordList entity="customers" checkDuplicates actions={actions}
        onOpen={(r) => navigate(`/w/${ctx.ws.id}/customers/${r.id}`)}
        deleteBlocker={(r) => customerDeleteBlocker(ctx.ws, r)}
        onFirstPaint={() => performance.mark('keyuan:list-painted')} />
      <Show when={assigning()}>{(rows) => (
        <Modal open title={`${t('list.assignTo')} (${rows().length})`} onClose={() => setAssigning(null)}>
          <ul class="user-pick">
            <For each={reps()}>{(u) => (
              <li><button class="btn" onClick={() => { setOwner(rows(), u.id); setAssigning(null); }}>{String(u.name)}</button></li>
            )}</For>
          </ul>
        </Modal>
      )}</Show>
    </section>
  );
}

export function ContactsPage() {
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.contacts')}</h1>
      <RecordList entity="contacts" checkDuplicates />
    </section>
  );
}

export function CompetitorsPage() {
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.competitors')}</h1>
      <RecordList entity="competitors" />
    </section>
  );
}
