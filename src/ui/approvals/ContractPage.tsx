import { Show, createSignal } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { contractEditBlocker, contractStatusOf } from '../../domain/contracts/status';
import { daysFrom } from '../../domain/core/reminders';
import { asDay } from '../../domain/sales/read';
import { todayOf } from '../../domain/sales/activities';
import { terminateContract } from '../../store/approvals/contracts';
import { useWorkspace } from '../shared/context';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Badge, FieldsView, WhyDisabled, readOnlyWhy } from '../shared/RecordView';
import { RecordForm } from '../shared/RecordForm';
import { Confirm } from '../shared/dialogs';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { RecordPresence } from '../sync/RecordPresence';
import { useRefusal } from '../shared/refusal';
import { useTitles } from '../shared/titles';
import { L, t, type MessageKey } from '../i18n';
import { ApprovalPanel } from './ApprovalPanel';
import { CONTRACT_TONE } from './ContractsPage';
import './approvals.css';

/** A contract: its parties, amount and dates, the attachment reference, 终止, and its approval on the engine. */
export function ContractPage() {
  const params = useParams();
  const ctx = useWorkspace();
  const title = useTitles();
  const refusal = useRefusal();
  const page = useRecordPage('contracts', () => params.id!);
  const [asking, setAsking] = createSignal(false);
  const [editing, setEditing] = createSignal(false);
  const writable = () => ctx.can('orders', 'write');
  const today = todayOf(Date.now());
  const base = `/w/${ctx.ws.id}`;
  return (
    <section class="page contract-page">
      <RecordPageGate page={page}>{(c) => {
        const status = () => contractStatusOf(c(), today);
        // a pending or terminated contract keeps its terms: the page says so beside 编辑, not only the form's greyed fields
        const locked = () => contractEditBlocker(c());
        const left = () => { const end = asDay(c().endDate); return end ? daysFrom(today, end) : null; };
        return (
          <>
            <div class="page-head wrap">
              <A href={`${base}/contracts`} end class="btn ghost">← {t('common.back')}</A>
              <h1 class="page-title">{String(c().code ?? '')} {String(c().title ?? '')}</h1>
              <Badge tone={CONTRACT_TONE[status()]}>{t(`contracts.status.${status()}` as MessageKey)}</Badge>
              <Show when={status() === 'active' && left() !== null && left()! <= 30}><span class="warn small">{t('contracts.daysLeft', { n: left()! })}</span></Show>
              <span class="grow" />
              <RecordPresence collection="contracts" id={params.id!} />
              <div class="head-actions">
                {/* the form itself keeps a pending or terminated contract's terms read-only and says why */}
                <button class="btn" disabled={!writable()} onClick={() => setEditing(true)}>{t('common.edit')}</button>
                <Show when={writable() && (status() === 'active' || status() === 'expired')}>
                  <button class="btn danger" data-action="terminate" onClick={() => setAsking(true)}>{t('contracts.terminate')}</button>
                </Show>
                <WhyDisabled reasons={[!writable() && readOnlyWhy(ctx.ws), writable() && locked() && L(locked()!)]} />
              </div>
            </div>
            <ConflictNotice collection="contracts" id={params.id!} writable={writable()} />
            <refusal.Banner />
            <div class="card">
              <FieldsView entity="contracts" record={c()} skip={['code', 'title', 'status', 'attachmentName', 'attachmentNote']} />
              <p class="small"><b>{t('contracts.attachment')}:</b>{' '}
                <Show when={c().attachmentName} fallback={<span class="muted">{t('contracts.noAttachment')}</span>}>
                  {String(c().attachmentName)} <span class="muted">{String(c().attachmentNote ?? '')}</span>
                </Show></p>
              <Show when={c().orderId}><p class="small"><A href={`${base}/orders/${String(c().orderId)}`}>{title('orders', c().orderId)}</A></p></Show>
            </div>
            <ApprovalPanel entity="contracts" doc={c()} canSubmit={writable()} />
            <RecordHistory collection="contracts" id={params.id!} />
            <Show when={editing()}><RecordForm entity="contracts" record={c()} onClose={() => setEditing(false)} /></Show>
            <Show when={asking()}>
              <Confirm title={t('contracts.terminate')} danger okLabel={t('contracts.terminate')}
                onOk={() => refusal.run(terminateContract(ctx.ws, c().id, ctx.userId()), t('contracts.terminated'))} onClose={() => setAsking(false)}>
                <p>{t('contracts.terminateAsk')}</p>
              </Confirm>
            </Show>
          </>
        );
      }}</RecordPageGate>
    </section>
  );
}
