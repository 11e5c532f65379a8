import type { Workspace } from '../core/workspace';
import type { HistoryLog } from '../sync/history';
import type { CustomerTouch, StageChange } from '../../domain/customers/analysis';
import { asDay, asText } from '../../domain/sales/read';

/**
 * What the customer analyses (domain/customers/analysis.ts) read from a workspace: every day
 * something happened with a customer — a transaction (an approved order, a receipt) or a contact
 * (a contact record, a finished activity, a service record, a note) — and the lifecycle stages
 * each customer had, from the record history.
 */
export function customerTouches(ws: Workspace): CustomerTouch[] {
  const out: CustomerTouch[] = [];
  const add = (customerId: unknown, day: unknown) => {
    const c = asText(customerId);
    const d = asDay(day);
    if (c && d) out.push({ customerId: c, day: d });
  };
  const live = (c: string) => ws.collection(c).live();
  for (const o of live('orders')) if (['approved', 'executing', 'completed'].includes(String(o.status))) add(o.customerId, o.approvedAt ?? o.date);
  for (const r of live('receipts')) add(r.customerId, r.date);
  const oppCustomer = new Map(live('opportunities').map((o) => [o.id, o.customerId]));
  for (const r of live('contactRecords')) add(oppCustomer.get(String(r.opportunityId)), r.date);
  for (const a of live('activities')) if (a.doneDate) add(a.customerId, a.doneDate);
  for (const s of live('serviceRecords')) add(s.customerId, s.start);
  for (const n of live('customerNotes')) add(n.customerId, n.createdAt);
  return out;
}

/** Each customer's lifecycle stage from its creation on: its first stage, then every change logged. */
export function lifecycleChanges(ws: Workspace, log: HistoryLog): StageChange[] {
  const out: StageChange[] = [];
  for (const c of ws.collection('customers').live()) {
    const changes = log.forRecord('customers', c.id).reverse() // oldest first
      .flatMap((item) => item.changes.filter((ch) => ch.field === 'lifecycle' && !ch.lost).map((ch) => ({ at: item.at, ...ch })));
    const created = asDay(c.createdAt) ?? '0000-01-01';
    out.push({ customerId: c.id, day: created, stage: asText(changes.length ? changes[0].old : c.lifecycle) });
    for (const ch of changes) { const day = asDay(ch.at); if (day) out.push({ customerId: c.id, day, stage: asText(ch.value) }); }
  }
  return out;
}
