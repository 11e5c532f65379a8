import { A, useParams } from '@solidjs/router';
import { money } from '../../domain/core/format';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Guard } from '../analysis/Guard';
import { t } from '../i18n';
import { OrderMoney } from './OrderMoney';
import { customerHref, orderHref } from './common';

/**
 * 订单账目: one order's money on a page of finance's own — where arrears, dunning and the customer
 * page drill to — the same section the order page shows (recordSections), under the order's head.
 */
export function AccountPage() {
  const ctx = useWorkspace();
  const name = useTitles();
  const params = useParams();
  const page = useRecordPage('orders', () => params.id!);
  return (
    <Guard module="finance">
      <section class="page finance-page">
        <RecordPageGate page={page}>{(order) => (
          <>
            <div class="page-head">
              <h1 class="page-title">{t('finance.accountOf', { order: name('orders', order()) })}</h1>
              <span class="muted">
                <A href={customerHref(ctx.ws.id, String(order().customerId ?? ''))}>{name('customers', order().customerId)}</A>
                {' · '}{name('users', order().ownerId)} · {ctx.display(ctx.def('orders').fields.find((f) => f.key === 'status')!, order().status)}
                {' · '}{String(order().approvedAt ?? order().date ?? '')} · {money(order().amount)}
              </span>
              <span class="grow" />
              <A class="btn" href={orderHref(ctx.ws.id, order().id)}>{t('finance.openOrder')}</A>
            </div>
            <OrderMoney recordId={order().id} />
          </>
        )}</RecordPageGate>
      </section>
    </Guard>
  );
}
