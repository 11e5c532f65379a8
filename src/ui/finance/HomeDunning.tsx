import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { money } from '../../domain/core/format';
import { dunningList } from '../../store/finance/reads';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { t } from '../i18n';
import { accountHref, today, useDues } from './common';

const SHOWN = 5;

/** Home card (homeCards): my customers' overdue instalments, oldest first, linking to 催款提醒. */
export function HomeDunning() {
  const ctx = useWorkspace();
  const name = useTitles();
  const dues = useDues();
  const mine = createMemo(() => dunningList(dues(), today()).filter((d) => d.ownerId === ctx.userId()));
  return (
    <Show when={ctx.can('finance', 'read')}>
      <div class="card work-card tone-red home-dunning" data-testid="home-dunning">
        <h2>{t('finance.homeDunning')} <span class="n-badge">{mine().length}</span></h2>
        <Show when={mine().length} fallback={<p class="muted">{t('finance.noOverdueMine')}</p>}>
          <ul class="task-list">
            <For each={mine().slice(0, SHOWN)}>{(d) => (
              <li class="task tone-red">
                <div class="task-main">
                  <div class="task-subject"><A href={accountHref(ctx.ws.id, d.orderId)}>{name('orders', d.orderId)}</A> · {name('customers', d.customerId)}</div>
                  <div class="muted small">{t('finance.unpaid')} {money(d.unpaid)}</div>
                </div>
                <div class="task-due"><div>{d.dueDate}</div><div class="small">{t('work.overdueDays', { n: d.daysOverdue })}</div></div>
              </li>
            )}</For>
          </ul>
          <A class="more-link" href={`/w/${ctx.ws.id}/finance/dunning`}>{t('finance.toDunning', { n: mine().length })}</A>
        </Show>
      </div>
    </Show>
  );
}
