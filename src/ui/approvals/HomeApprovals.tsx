import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { money } from '../../domain/core/format';
import { asNumber } from '../../domain/core/numbers';
import { CARD_TYPES, inboxOf } from '../../store/approvals/inbox';
import { APPROVAL_DOC_TYPES } from '../../domain/registry';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { L, t } from '../i18n';
import { trackApprovals } from './ApprovalPanel';
import { DOC_PATH } from './InboxSection';

const SHOWN = 5;
/** Quotes and orders have their own home cards (sales, orders); this one lists the rest: contracts, expenses… */
const TYPES = APPROVAL_DOC_TYPES.map((d) => d.entity).filter((e) => !CARD_TYPES.includes(e));

/** A manager's home card: contracts, expenses and the other engine documents waiting for this user, each opening its page. */
export function HomeDocApprovals() {
  const ctx = useWorkspace();
  const title = useTitles();
  const base = `/w/${ctx.ws.id}`;
  const items = createMemo(() => {
    for (const c of TYPES) ctx.version(c)();
    trackApprovals(ctx, 'company');
    return inboxOf(ctx.ws, ctx.userId(), 'pending', TYPES);
  });
  return (
    <div class="card home-card" data-testid="home-doc-approvals">
      <h2><A href={`${base}/approvals`}>{t('approvals.homeTitle')}</A> <span class="n-badge">{items().length}</span></h2>
      <Show when={items().length} fallback={<p class="muted">{t('approvals.empty')}</p>}>
        <ul class="home-list">
          <For each={items().slice(0, SHOWN)}>{(it) => (
            <li data-id={it.doc.id}>
              <span class="muted">{L(it.approval.dt.noun)} </span>
              <A href={`${base}/${DOC_PATH[it.entity]?.(it.doc.id) ?? 'approvals'}`}>{title(it.entity, it.doc) || '—'}</A>
              <span class="muted"> · {money(asNumber(it.doc.amount) ?? 0, 0)}</span>
            </li>
          )}</For>
        </ul>
      </Show>
      <A class="more-link" href={`${base}/approvals`}>{t('approvals.homeMore')}</A>
    </div>
  );
}
