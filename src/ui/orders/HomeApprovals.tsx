import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { trackedOrderInbox } from './approval-count';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { t } from '../i18n';

const SHOWN = 5;

/** A manager's home card: orders waiting for this user's approval (the 审批箱's order list), each opening the order. */
export function HomeOrderApprovals() {
  const ctx = useWorkspace();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const inbox = createMemo(() => trackedOrderInbox(ctx));
  return (
    <Show when={ctx.can('orders', 'approve')}>
      <div class="card home-card" data-testid="home-order-approvals">
        <h2><A href={`${base}/approvals`}>{t('orders.homeApprovals')}</A> <span class="n-badge">{inbox().length}</span></h2>
        <Show when={inbox().length} fallback={<p class="muted">{t('orders.inboxEmpty')}</p>}>
          <ul class="home-list">
            <For each={inbox().slice(0, SHOWN)}>{(o) => (
              <li data-id={o.id}><A href={`${base}/orders/${o.id}`}>{t('orders.order')} {title('orders', o)}</A>
                <span class="muted"> · {title('customers', o.customerId)}</span></li>
            )}</For>
          </ul>
        </Show>
        <A class="more-link" href={`${base}/approvals`}>{t('sales.homeToApprovals')}</A>
      </div>
    </Show>
  );
}
