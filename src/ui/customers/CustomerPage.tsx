import { For, Show, createSignal, lazy } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { makePrimaryContact } from '../../store/customers/contacts';
import { RecordList } from '../shared/RecordList';
import { RecordForm } from '../shared/RecordForm';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { FieldsView } from '../shared/RecordView';
import { dateTime } from '../../domain/core/format';
import { shownTime } from '../../store/core/clock';
import { lang, t } from '../i18n';
import { customerSections, useModules } from '../shared/module';
import { RecordPresence } from '../sync/RecordPresence';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { plainText } from '../sync/state';
import { MergeDialog } from './MergeDialog';

// the timeline loads with the page's first render, not with the app (first-load JavaScript)
const CustomerTimeline = lazy(async () => ({ default: (await import('./CustomerTimeline')).CustomerTimeline }));

/** One customer: its archive fields, its contacts (with the primary one), its timeline, other modules' sections, who changed it and when. */
export function CustomerPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const sections = customerSections(useModules()); // other modules' sections (their UI manifests)
  const page = useRecordPage('customers', () => params.id!);
  const [editing, setEditing] = createSignal(false);
  const [merging, setMerging] = createSignal(false);
  const title = useTitles();
  const userName = (id: unknown) => title('users', id) || '?';

  const makePrimary = (contactId: string) => makePrimaryContact(ctx.ws, params.id!, contactId);

  return (
    <section class="page">
      <RecordPageGate page={page}>
        {(c) => (
          <>
            <div class="page-head">
              <A href={`/w/${ctx.ws.id}/customers`} end class="btn ghost">← {t('common.back')}</A>
              <h1 class="page-title">{title('customers', c())} <span class="muted">{plainText(c().code)}</span></h1>
              <span class="grow" />
              <RecordPresence collection="customers" id={params.id!} />
              <button class="btn" onClick={() => setMerging(true)} disabled={!ctx.can('customers', 'write')}>{t('merge.button')}</button>
              <button class="btn primary" onClick={() => setEditing(true)} disabled={!ctx.can('customers', 'write')}>{t('common.edit')}</button>
            </div>
            <ConflictNotice collection="customers" id={params.id!} writable={ctx.can('customers', 'write')} />
            <div class="card">
              <h2>{t('customer.info')}</h2>
              <FieldsView entity="customers" record={c()} />
              <p class="muted small">
                {t('customer.createdBy', { who: userName(c().createdBy), when: dateTime(shownTime(c().createdAt), lang()) })} ·
                {' '}{t('customer.updatedBy', { who: userName(c().updatedBy), when: dateTime(shownTime(c().updatedAt), lang()) })}
              </p>
            </div>
            <div class="card">
              <h2>{t('customer.contacts')}</h2>
              <RecordList entity="contacts" embedded checkDuplicates parent={{ field: 'customerId', id: params.id! }}
                defaults={{ customerId: params.id }}
                actions={(sel) => (
                  <button class="btn" disabled={sel().length !== 1 || !ctx.can('customers', 'write')} onClick={() => makePrimary(sel()[0].id)}>
                    {t('customer.setPrimary')}</button>
                )} />
            </div>
            <CustomerTimeline customerId={params.id!} />
            <For each={sections}>{(Section) => <Section customerId={params.id!} />}</For>
            <RecordHistory collection="customers" id={params.id!} />
            <Show when={editing()}><RecordForm entity="customers" record={c()} onClose={() => setEditing(false)} /></Show>
            <Show when={merging()}><MergeDialog keep={c()} onClose={() => setMerging(false)} /></Show>
          </>
        )}
      </RecordPageGate>
    </section>
  );
}
