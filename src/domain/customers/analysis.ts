import { asDay, asText, daysBetween, addDays, idOf, isLive, monthOf, pushTo, type Values } from '../sales/read';

/**
 * Customer analyses of SPEC K not tied to money: new and lost customers per rep and month, the
 * lifecycle-stage distribution over time, and competitors. Pure functions over records.
 *
 * New: a customer counts as new in the month of its first contact date (首次联系日期), else of
 * the day its record was created.
 * Lost (流失), on the day asked: its lifecycle is 流失, or nothing happened with it — no
 * transaction (order, receipt, won opportunity) and no contact (contact record, activity,
 * service) — for more than `silentDays` days since the last such day (or since it became new).
 * A silent customer counts as lost in the month its silence passed the limit; one set to 流失
 * in the month of its last touch (when the stage was set is not kept separately).
 */

/** Something that happened with a customer on a day: a transaction or a contact. */
export interface CustomerTouch { customerId: string; day: string }

export interface LossRule { silentDays: number; asOf: string }

export const DEFAULT_SILENT_DAYS = 180;

/** The latest touch per customer. */
export function lastTouches(touches: readonly CustomerTouch[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const t of touches) {
    const prev = last.get(t.customerId);
    if (!prev || t.day > prev) last.set(t.customerId, t.day);
  }
  return last;
}

/** The day a customer became new: its first contact date, else the day it was created. */
export function becameNew(customer: Values): string | null {
  const created = typeof customer.createdAt === 'number' ? asDay(customer.createdAt) : null;
  return asDay(customer.firstContact) ?? created;
}

export interface Loss { since: string; why: 'lifecycle' | 'silent' }

/** Whether (and since when) a customer is lost on `rule.asOf`; null while it is not. */
export function customerLoss(customer: Values, lastTouch: string | undefined, rule: LossRule): Loss | null {
  const from = lastTouch ?? becameNew(customer);
  if (asText(customer.lifecycle) === 'lost') return { since: from ?? rule.asOf, why: 'lifecycle' };
  if (!from || daysBetween(from, rule.asOf) <= rule.silentDays) return null;
  return { since: addDays(from, rule.silentDays + 1), why: 'silent' };
}

export interface RepMonthRow {
  ownerId: string;
  month: string;
  newIds: string[];
  lostIds: string[];
}

/** New and lost customers by owner (专管业务员) and month within [from, to] (days); busiest rep first, months in order. */
export function newAndLostByRep(customers: readonly Values[], touches: readonly CustomerTouch[], rule: LossRule, from: string, to: string): RepMonthRow[] {
  const last = lastTouches(touches);
  const rows = new Map<string, RepMonthRow>();
  const row = (ownerId: string, day: string) => {
    const month = monthOf(day);
    const key = `${ownerId}\n${month}`;
    let r = rows.get(key);
    if (!r) rows.set(key, (r = { ownerId, month, newIds: [], lostIds: [] }));
    return r;
  };
  const inRange = (day: string) => day >= from && day <= to;
  for (const c of customers) {
    if (!isLive(c)) continue;
    const owner = asText(c.ownerId) ?? '';
    const born = becameNew(c);
    if (born && inRange(born)) row(owner, born).newIds.push(idOf(c));
    const loss = customerLoss(c, last.get(idOf(c)), rule);
    if (loss && inRange(loss.since)) row(owner, loss.since).lostIds.push(idOf(c));
  }
  const total = new Map<string, number>();
  for (const r of rows.values()) total.set(r.ownerId, (total.get(r.ownerId) ?? 0) + r.newIds.length + r.lostIds.length);
  return [...rows.values()].sort((a, b) => (total.get(b.ownerId)! - total.get(a.ownerId)!) || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0) || (a.month < b.month ? -1 : 1));
}

/**
 * Lifecycle stages over time: at the end of each month, how many customers (those new by then)
 * were in each stage. Stages are read from the record history given as `changes` (customerId,
 * day, stage), the current stage standing for any time after its last change, and the first
 * recorded stage for the time before (nothing older is known).
 */
export interface StageChange { customerId: string; day: string; stage: string | null }

export function lifecycleOverTime(customers: readonly Values[], changes: readonly StageChange[], months: readonly string[]): { month: string; counts: Record<string, number>; ids: Record<string, string[]> }[] {
  const byCustomer = new Map<string, StageChange[]>();
  for (const ch of [...changes].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))) pushTo(byCustomer, ch.customerId, ch);
  return months.map((month) => {
    const end = `${month}-31`;
    const counts: Record<string, number> = {};
    const ids: Record<string, string[]> = {};
    for (const c of customers) {
      if (!isLive(c)) continue;
      const born = becameNew(c);
      if (born && born > end) continue;
      const history = byCustomer.get(idOf(c)) ?? [];
      const before = history.filter((h) => h.day <= end).at(-1);
      const stage = (before ? before.stage : history[0]?.stage ?? asText(c.lifecycle)) ?? '';
      counts[stage] = (counts[stage] ?? 0) + 1;
      (ids[stage] ??= []).push(idOf(c));
    }
    return { month, counts, ids };
  });
}

export interface CompetitorRow {
  competitorId: string;
  opportunityIds: string[];
  won: number;
  lost: number;
  open: number;
  /** won ÷ (won + lost) × 100; null when none is decided. */
  winRate: number | null;
  wonAmount: number;
  lostAmount: number;
}

/** Opportunities each competitor was in (商机.竞争对手), won and lost against them; most met first. */
export function competitorAnalysis(opportunities: readonly Values[], amountOf: (o: Values) => number): CompetitorRow[] {
  const rows = new Map<string, CompetitorRow>();
  for (const o of opportunities) {
    if (!isLive(o) || !Array.isArray(o.competitorIds)) continue;
    const status = asText(o.status);
    for (const cid of new Set(o.competitorIds.filter((x): x is string => typeof x === 'string' && x !== ''))) {
      let r = rows.get(cid);
      if (!r) rows.set(cid, (r = { competitorId: cid, opportunityIds: [], won: 0, lost: 0, open: 0, winRate: null, wonAmount: 0, lostAmount: 0 }));
      r.opportunityIds.push(idOf(o));
      if (status === 'won') { r.won++; r.wonAmount += amountOf(o); } else if (status === 'lost') { r.lost++; r.lostAmount += amountOf(o); } else if (status !== 'terminated') r.open++;
    }
  }
  for (const r of rows.values()) r.winRate = r.won + r.lost ? (r.won / (r.won + r.lost)) * 100 : null;
  return [...rows.values()].sort((a, b) => b.opportunityIds.length - a.opportunityIds.length || (a.competitorId < b.competitorId ? -1 : 1));
}
