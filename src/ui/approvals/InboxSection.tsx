import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { money, dateTime } from '../../domain/core/format';
import { decideDoc } from '../../store/approvals/engine';
import { CARD_TYPES, inboxOf, type InboxItem, type InboxView } from '../../store/approvals/inbox';
import { APPROVAL_DOC_TYPES } from '../../domain/registry';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge } from '../shared/RecordView';
import { TextPrompt } from '../shared/dialogs';
import { useRefusal } from '../shared/refusal';
import { L, lang, t, type MessageKey } from '../i18n';
import { PHASE_TONE, trackApprovals } from './ApprovalPanel';
import './approvals.css';

const VIEWS: InboxView[] = ['pending', 'decided', 'submitted'];
/** Where a document of each engine type opens. */
export const DOC_PATH: Record<string, (id: string) => string> = {
  quotes: (id) => `quotes/${id}`, orders: (id) => `orders/${id}`, expenses: (id) => `finance/expenses/${id}`, contracts: (id) => `contracts/${id}`,
  marketActivities: (id) => `marketing/activities/${id}`,
};
/** Waiting quotes and orders have their own detailed cards above; the other views list every type. */
const LISTED_WAITING = APPROVAL_DOC_TYPES.map((d) => d.entity).filter((e) => !CARD_TYPES.includes(e));

/** 审批箱 on the engine (a section of the 审批箱 page): one list of every engine document type, three views. */
export function EngineInbox() {
  const ctx = useWorkspace();
  const title = useTitles();
  const refusal = useRefusal();
  const [view, setView] = createSignal<InboxView>('pending');
  const [deciding, setDeciding] = createSignal<{ item: InboxItem; approve: boolean } | null>(null);
  const items = createMemo(() => {
    for (const c of [...APPROVAL_DOC_TYPES.map((d) => d.entity), 'quoteSteps', 'orderSteps']) ctx.version(c)();
    trackApprovals(ctx, 'company');
    return inboxOf(ctx.ws, ctx.userId(), view(), view() === 'pending' ? LISTED_WAITING : undefined);
  });
  const base = `/w/${ctx.ws.id}`;
  return (
    <div class="card engine-inbox" data-view={view()}>
      <h2>{t('approvals.engineInbox')} <Show when={view() === 'pending'}><span class="count-pill">{items().length}</span></Show></h2>
      <div class="view-tabs" role="group">
        <For each={VIEWS}>{(v) => <button class="btn small" aria-pressed={view() === v} onClick={() => setView(v)}>{t(`approvals.view.${v}` as MessageKey)}</button>}</For>
      </div>
      <refusal.Banner />
      <For each={items()} fallback={<p class="muted empty-line">{t('approvals.empty')}</p>}>{(it) => {
        const sub = () => it.approval.state.submission;
        return (
          <div class="inbox-row" data-id={it.doc.id} data-type={it.entity}>
            <div class="doc">
              <span class="muted small">{L(it.approval.dt.noun)} · </span>
              <A href={`${base}/${DOC_PATH[it.entity]?.(it.doc.id) ?? ''}`}>{title(it.entity, it.doc) || '—'}</A>
              <Show when={it.doc.customerId}><span class="muted"> · {title('customers', it.doc.customerId)}</span></Show>
            </div>
            <div class="facts">
              <span>{t('approvals.amount')} <b>{money(it.amount, 0)}</b></span>
              <span>{t('approvals.submittedBy')} {title('users', sub()?.by)}</span>
              <span class="muted">{dateTime(sub()?.at, lang())}</span>
              <Show when={sub()?.comment}><span>“{sub()!.comment}”</span></Show>
              <Badge tone={PHASE_TONE[it.approval.phase]}>{t(`approvals.phase.${it.approval.phase}` as MessageKey)}</Badge>
            </div>
            <Show when={view() === 'pending'}>
              <div class="acts">
                <button class="btn primary" onClick={() => setDeciding({ item: it, approve: true })}>{t('approvals.approve')}</button>
                <button class="btn danger" onClick={() => setDeciding({ item: it, approve: false })}>{t('approvals.reject')}</button>
              </div>
            </Show>
          </div>
        );
      }}</For>
      <Show when={deciding()}>{(d) => (
        <TextPrompt title={`${t(d().approve ? 'approvals.approve' : 'approvals.reject')} ${title(d().item.entity, d().item.doc)}`}
          label={t('approvals.comment')} required={!d().approve} okLabel={t(d().approve ? 'approvals.approve' : 'approvals.reject')}
          onOk={(text) => refusal.run(decideDoc(ctx.ws, d().item.entity, d().item.doc.id, ctx.userId(), d().approve, text), t(d().approve ? 'approvals.approved' : 'approvals.rejected'))}
          onClose={() => setDeciding(null)} />
      )}</Show>
    </div>
  );
}
