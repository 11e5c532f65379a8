import { useNavigate, useSearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import { contractStatusOf } from '../../domain/contracts/status';
import { contractFromOpportunity, contractFromOrder } from '../../store/approvals/contracts';
import { todayOf } from '../../domain/sales/activities';
import { useWorkspace } from '../shared/context';
import { RecordList } from '../shared/RecordList';
import { t, type MessageKey } from '../i18n';

/** Badge tones by status (ok / warn / red / gray) and list row tones (red / gray). */
export const CONTRACT_TONE: Record<string, string> = { pending: 'warn', active: 'ok', rejected: 'red', expired: 'gray', terminated: 'gray' };
const ROW_TONE: Record<string, string> = { rejected: 'red', expired: 'gray', terminated: 'gray' };

/** 合同管理: the list; `?order=` / `?opportunity=` / `?customer=` with `?new=1` opens the form filled from that record. */
export function ContractsPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const today = todayOf(Date.now());
  const defaults = createMemo(() => {
    const p = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : '');
    if (p('order')) return contractFromOrder(ctx.ws, p('order'));
    if (p('opportunity')) return contractFromOpportunity(ctx.ws, p('opportunity'));
    return p('customer') ? { customerId: p('customer') } : {};
  });
  const now = (r: BaseRecord) => contractStatusOf(r, today);
  return (
    <section class="page page-list contracts-page">
      <div class="page-head"><h1 class="page-title">{t('contracts.title')}</h1></div>
      <RecordList entity="contracts" defaults={defaults()} onOpen={(r) => navigate(`/w/${ctx.ws.id}/contracts/${r.id}`)}
        rowTone={(r) => ROW_TONE[now(r)]}
        extraColumns={[{ key: 'nowStatus', label: t('approvals.status'), width: 80, value: (r) => t(`contracts.status.${now(r)}` as MessageKey), tone: (r) => ROW_TONE[now(r)] }]} />
    </section>
  );
}
