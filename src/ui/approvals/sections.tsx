import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { contractStatusOf } from '../../domain/contracts/status';
import { money } from '../../domain/core/format';
import { asNumber } from '../../domain/core/numbers';
import { todayOf } from '../../domain/sales/activities';
import { useWorkspace } from '../shared/context';
import { Badge } from '../shared/RecordView';
import { t, type MessageKey } from '../i18n';
import { CONTRACT_TONE } from './ContractsPage';

/* Sections contracts add to other pages: the customer page, an order's and an opportunity's page. */

function ContractList(props: { field: 'customerId' | 'orderId' | 'opportunityId'; id: string; make: string; makeLabel: MessageKey }) {
  const ctx = useWorkspace();
  const base = `/w/${ctx.ws.id}`;
  const today = todayOf(Date.now());
  const list = createMemo(() => ctx.where('contracts', props.field, props.id));
  return (
    <Show when={ctx.can('orders', 'read')}>
      <div class="card contracts-section" data-of={props.field}>
        <div class="card-head">
          <h2>{t('contracts.ofOrder')} <span class="count-pill">{list().length}</span></h2><span class="grow" />
          <Show when={ctx.can('orders', 'write')}><A class="btn make-contract" href={`${base}/contracts?new=1&${props.make}`}>{t(props.makeLabel)}</A></Show>
        </div>
        <ul class="home-list">
          <For each={list()} fallback={<li class="muted">{t('contracts.none')}</li>}>{(c) => {
            const s = contractStatusOf(c, today);
            return (
              <li data-id={c.id}><A href={`${base}/contracts/${c.id}`}>{String(c.code ?? '')}</A> <span>{String(c.title ?? '')}</span>
                <Badge tone={CONTRACT_TONE[s]}>{t(`contracts.status.${s}` as MessageKey)}</Badge>
                <span class="num">{money(asNumber(c.amount) ?? 0, 0)}</span></li>
            );
          }}</For>
        </ul>
      </div>
    </Show>
  );
}

export function CustomerContracts(props: { customerId: string }) {
  return <ContractList field="customerId" id={props.customerId} make={`customer=${props.customerId}`} makeLabel="contracts.new" />;
}
export function OrderContracts(props: { recordId: string }) {
  return <ContractList field="orderId" id={props.recordId} make={`order=${props.recordId}`} makeLabel="contracts.fromOrder" />;
}
export function OpportunityContracts(props: { recordId: string }) {
  return <ContractList field="opportunityId" id={props.recordId} make={`opportunity=${props.recordId}`} makeLabel="contracts.fromOpportunity" />;
}
