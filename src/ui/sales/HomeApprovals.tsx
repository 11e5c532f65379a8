import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { quoteTotals } from '../../domain/sales';
import { trackedQuoteInbox } from './approval-count';
import { money } from '../../domain/core/format';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { t } from '../i18n';

const SHOWN = 5;

/** A manager's home card: quotes waiting for this user's approval (the 审批箱's list), each opening the quote. */
export function HomeApprovals() {
  const ctx = useWorkspace();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const inbox = createMemo(() => trackedQuoteInbox(ctx));
  return (
    <Show when={ctx.can('sales', 'approve')}>
      <div class="card home-card" data-testid="home-approvals">
        <h2><A href={`${base}/approvals`}>{t('sales.homeApprovals')}</A> <span class="n-badge">{inbox().length}</span></h2>
        <Show when={inbox().length} fallback={<p class="muted">{t('sales.inboxEmpty')}</p>}>
          <ul class="home-list">
            <For each={inbox().slice(0, SHOWN)}>{(q) => (
              <li data-id={q.id}><A href={`${base}/quotes/${q.id}`}>{title('quotes', q) || '—'}</A>
                <span class="muted"> · {title('customers', q.customerId)}</span>
                <span class="num">{money(quoteTotals(q.lines).discountedAmount, 0)}</span></li>
            )}</For>
          </ul>
        </Show>
        <A class="more-link" href={`${base}/approvals`}>{t('sales.homeToApprovals')}</A>
      </div>
    </Show>
  );
}
