import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { AGEING_BUCKETS, arrearsBy } from '../../domain/finance/accounts';
import { snapshotTiers, tierLabels, tierRuleOf } from '../../domain/finance/pyramids';
import { money } from '../../domain/core/format';
import { roundMoney } from '../../domain/core/numbers';
import { orderSheet } from '../../store/finance/reads';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { L, t } from '../i18n';
import { accountHref, readFinance, today } from './common';

/**
 * On the customer's page: what its orders are owed (receivable, received, balance per order),
 * its arrears by age, and its value tier (revenue) month by month from the kept snapshots.
 */
export function CustomerMoney(props: { customerId: string }) {
  const ctx = useWorkspace();
  const name = useTitles();
  const sheets = createMemo(() => {
    readFinance(ctx);
    return ctx.where('orders', 'customerId', props.customerId).map((o) => orderSheet(ctx.ws, o.id)!).filter((s) => s && s.account.receivable > 0 || s?.account.received);
  });
  const sum = (f: (s: ReturnType<typeof sheets>[number]) => number) => roundMoney(sheets().reduce((a, s) => a + f(s), 0));
  const aged = createMemo(() => arrearsBy(sheets().flatMap((s) => s.dues), 'customerId', today())[0]);
  const tiers = createMemo(() => {
    ctx.version('valueSnapshots')();
    return ctx.live('valueSnapshots').filter((s) => s.measure === 'revenue').sort((a, b) => String(b.month).localeCompare(String(a.month)))
      .map((s) => {
        const i = snapshotTiers(s).findIndex((tier) => tier.customerIds.includes(props.customerId));
        const rule = tierRuleOf(s.rule);
        return { month: String(s.month), label: i < 0 ? '—' : rule ? L(tierLabels(rule)[i]) : String(i + 1), index: i };
      });
  });
  return (
    <Show when={ctx.can('finance', 'read')}>
      <div class="card customer-money" data-testid="customer-money">
        <div class="card-head"><h2>{t('finance.customerMoney')}</h2><span class="grow" />
          <Show when={tiers()[0]}>{(tier) => <span class="tier-badge" title={t('finance.tierOf', { month: tier().month })}>{t('finance.valueTier')}: {tier().label}</span>}</Show>
        </div>
        <div class="money-figs">
          <div class="money-fig"><span>{t('finance.receivable')}</span><b>{money(sum((s) => s.account.receivable))}</b></div>
          <div class="money-fig"><span>{t('finance.received')}</span><b>{money(sum((s) => s.account.received - s.account.refunded))}</b></div>
          <div class="money-fig strong"><span>{t('finance.balance')}</span><b>{money(sum((s) => s.account.balance))}</b></div>
          <For each={AGEING_BUCKETS.slice(1)}>{(b) => (
            <div class="money-fig" classList={{ warnfig: (aged()?.buckets[b.key] ?? 0) > 0 }}><span>{L(b.label)}</span><b>{money(aged()?.buckets[b.key] ?? 0)}</b></div>
          )}</For>
        </div>
        <Show when={sheets().length} fallback={<p class="muted">{t('finance.noOrdersMoney')}</p>}>
          <table class="grid simple">
            <thead><tr><th>{t('finance.order')}</th><th>{t('finance.rep')}</th><th class="num">{t('finance.receivable')}</th>
              <th class="num">{t('finance.received')}</th><th class="num">{t('finance.balance')}</th></tr></thead>
            <tbody>
              <For each={sheets()}>{(s) => (
                <tr><td><A href={accountHref(ctx.ws.id, s.account.orderId)}>{name('orders', s.account.orderId)}</A></td>
                  <td>{name('users', s.account.ownerId)}</td>
                  <td class="num">{money(s.account.receivable)}</td><td class="num">{money(s.account.received)}</td>
                  <td class="num" classList={{ late: s.account.overpaid > 0 }}>{money(s.account.balance)}</td></tr>
              )}</For>
            </tbody>
          </table>
        </Show>
        <Show when={tiers().length}>
          <h4>{t('finance.tierHistory')}</h4>
          <div class="tier-history">
            <For each={tiers().slice(0, 12)}>{(x) => <span class="chip" data-tier={x.index}>{x.month}: {x.label}</span>}</For>
          </div>
        </Show>
      </div>
    </Show>
  );
}
