import { useNavigate } from '@solidjs/router';
import { Show, createSignal } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import { money } from '../../domain/core/format';
import { decideExpense, expenseLimitOf, saveExpenseLimit, submitExpense } from '../../store/finance/expenses';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { report } from '../shared/refusal';
import { Guard } from '../analysis/Guard';
import { t } from '../i18n';
import './finance.css';

/** 收款单: every receipt; a new one names its order (the form fills the customer and rep from it; above the balance is refused). */
export function ReceiptsPage() {
  return (
    <Guard module="finance">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.receipts')}</h1>
        <RecordList entity="receipts" />
      </section>
    </Guard>
  );
}

/** 付款单: refunds for returns and other payments back to customers. */
export function PaymentsPage() {
  return (
    <Guard module="finance">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.payments')}</h1>
        <RecordList entity="payments" rowTone={(r) => (r.kind === 'refund' ? 'blue' : undefined)} />
      </section>
    </Guard>
  );
}

const TONE: Record<string, string> = { submitted: 'yellow', approved: 'green', rejected: 'red' };

/** 费用: submit (approved at once up to the limit), approve or reject above it; the limit is a setting. */
export function ExpensesPage() {
  const ctx = useWorkspace();
  const limit = () => expenseLimitOf(ctx.get('company', 'company'));
  const [editing, setEditing] = createSignal<string | null>(null);
  const one = (sel: () => BaseRecord[]) => (sel().length === 1 ? sel()[0] : null);
  const navigate = useNavigate();
  // approve here; a rejection needs a comment: the expense's page asks for it (with its approval history)
  const decide = (r: BaseRecord, approve: boolean) => (approve
    ? report(decideExpense(ctx.ws, r.id, true, ctx.userId()), t('finance.expenseApproved'))
    : navigate(`/w/${ctx.ws.id}/finance/expenses/${r.id}`));
  const actions = (sel: () => BaseRecord[]) => (
    <>
      <button class="btn primary" disabled={!ctx.can('finance', 'write') || !one(sel) || !['draft', 'rejected', undefined].includes(one(sel)!.status as string)}
        onClick={() => report(submitExpense(ctx.ws, one(sel)!.id, ctx.userId()), t('finance.expenseSubmitted'))}>{t('finance.submit')}</button>
      <button class="btn" disabled={!ctx.can('finance', 'approve') || one(sel)?.status !== 'submitted'} onClick={() => decide(one(sel)!, true)}>{t('finance.approve')}</button>
      <button class="btn" disabled={!ctx.can('finance', 'approve') || one(sel)?.status !== 'submitted'} onClick={() => decide(one(sel)!, false)}>{t('finance.reject')}</button>
    </>
  );
  const saveLimit = () => {
    if (report(saveExpenseLimit(ctx.ws, editing() ?? ''), t('common.saved'))) setEditing(null);
  };
  return (
    <Guard module="finance">
      <section class="page page-list">
        <div class="page-head">
          <h1 class="page-title">{t('nav.expenses')}</h1>
          <span class="grow" />
          <Show when={editing() !== null} fallback={
            <span class="muted">{t('finance.expenseLimit')}: {money(limit(), 0)}
              <Show when={ctx.can('finance', 'approve')}> <button class="link" onClick={() => setEditing(String(limit()))}>{t('finance.change')}</button></Show></span>
          }>
            <label class="row-inline">{t('finance.expenseLimit')}
              <input class="num-input" aria-label={t('finance.expenseLimit')} value={editing()!} onInput={(e) => setEditing(e.currentTarget.value)} />
              <button class="btn primary" onClick={saveLimit}>{t('common.save')}</button>
              <button class="btn" onClick={() => setEditing(null)}>{t('common.cancel')}</button></label>
          </Show>
        </div>
        <RecordList entity="expenses" actions={actions} onOpen={(r) => navigate(`/w/${ctx.ws.id}/finance/expenses/${r.id}`)} rowTone={(r) => TONE[String(r.status)]} />
      </section>
    </Guard>
  );
}
