import { A, useParams } from '@solidjs/router';
import { useWorkspace } from '../shared/context';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { FieldsView } from '../shared/RecordView';
import { t } from '../i18n';
import { ApprovalPanel } from './ApprovalPanel';

/** One expense (费用报销): its fields and its approval on the engine (submit, decide, withdraw, history). */
export function ExpensePage() {
  const params = useParams();
  const ctx = useWorkspace();
  const page = useRecordPage('expenses', () => params.id!);
  return (
    <section class="page expense-page">
      <RecordPageGate page={page}>{(e) => (
        <>
          <div class="page-head wrap">
            <h1 class="page-title">{String(e().code ?? '')}</h1><span class="grow" />
            <A class="btn" href={`/w/${ctx.ws.id}/finance/expenses`}>{t('nav.expenses')}</A>
          </div>
          <div class="card"><FieldsView entity="expenses" record={e()} skip={['code']} /></div>
          <ApprovalPanel entity="expenses" doc={e()} canSubmit={ctx.can('finance', 'write')} />
        </>
      )}</RecordPageGate>
    </section>
  );
}
