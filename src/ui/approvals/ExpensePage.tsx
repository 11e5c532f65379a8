import { A, useParams } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { FieldsView } from '../shared/RecordView';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { t } from '../i18n';
import { ApprovalPanel } from './ApprovalPanel';

/** One expense (费用报销): its fields, its approval on the engine (submit, decide, withdraw, history) and its readable change history. */
export function ExpensePage() {
  const params = useParams();
  const ctx = useWorkspace();
  const page = useRecordPage('expenses', () => params.id!);
  return (
    <section class="page expense-page">
      <RecordPageGate page={page}>{(e) => (
        <>
          <div class="page-head wrap">
            {/* `end`: the list's path is a prefix of this page's, and the router would mark the link as the current page */}
            <A class="btn ghost" end href={`/w/${ctx.ws.id}/finance/expenses`}>← {t('nav.expenses')}</A>
            <h1 class="page-title">{String(e().code ?? '')}</h1><span class="grow" />
          </div>
          <ConflictNotice collection="expenses" id={params.id!} writable={ctx.can('finance', 'write')} />
          <div class="card"><FieldsView entity="expenses" record={e()} skip={['code']} /></div>
          <ApprovalPanel entity="expenses" doc={e()} canSubmit={ctx.can('finance', 'write')} />
          <RecordHistory collection="expenses" id={params.id!} />
        </>
      )}</RecordPageGate>
    </section>
  );
}
