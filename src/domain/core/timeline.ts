import { asTime, type Values } from './read';

/*
 * The customer 360 timeline (客户全貌 · 时间线): one time-ordered stream of everything about a
 * customer. Modules contribute their kinds as data (`TimelineSource`, declared in their UI
 * manifests), so this file knows no module; the builder is pure: records in, sorted items out.
 */

/** How a record of a source names its customer: a field of its own, or a field of its parent. */
export type CustomerLink =
  | { field: string }
  | { via: { field: string; entity: string; customerField: string } };

export interface TimelineSource {
  /** The kind's key (filters, CSS): usually the entity, a part of it for a sub-kind (tasks of activities). */
  kind: string;
  /** The collection read. */
  entity: string;
  customer: CustomerLink;
  /** When it happened: the first of these fields holding a time or date; else the record's creation. */
  when: readonly string[];
  /** Who did it: the first of these fields holding a user id; else who created it. */
  who: readonly string[];
  /** Fields shown under the title (their display values), in order. */
  details?: readonly string[];
  /** Only records this accepts (tasks: activities of kind `task`). */
  accept?: (rec: Values) => boolean;
}

/** One logged field change of the customer itself (from the change log). */
export interface TimelineChange { id: string; at: number; by: string; fields: readonly { field: string; old: unknown; value: unknown }[] }

export const CHANGES_KIND = 'changes';

export interface TimelineItem {
  kind: string;
  /** The collection of the record (`customers` for a field change). */
  entity: string;
  /** The record's id (the change's id for a field change). */
  id: string;
  at: number;
  /** True when `at` came from a date without a time (shown as a day). */
  dateOnly: boolean;
  who: string;
  record?: Values;
  changes?: TimelineChange['fields'];
}

/** Reads the records of an entity whose `field` holds `value` (live ones; the page's subscribing reader). */
export type FindRecords = (entity: string, field: string, value: string) => readonly Values[];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** When a record happened: the first time-like field of `fields`, else its creation. */
export function whenOf(rec: Values, fields: readonly string[]): { at: number; dateOnly: boolean } | null {
  for (const f of fields) {
    const v = rec[f];
    const at = asTime(v);
    // a day is placed at local midnight, so the day shown is the day typed
    if (at !== null) return typeof v === 'string' && DAY.test(v.trim()) ? { at: asTime(`${v.trim()}T00:00`)!, dateOnly: true } : { at, dateOnly: false };
  }
  const created = asTime(rec.createdAt);
  return created === null ? null : { at: created, dateOnly: false };
}

function whoOf(rec: Values, fields: readonly string[]): string {
  for (const f of fields) if (typeof rec[f] === 'string' && rec[f] !== '') return rec[f] as string;
  return typeof rec.createdBy === 'string' ? rec.createdBy : '';
}

/** The records of one source that belong to the customer. */
function recordsOf(source: TimelineSource, customerId: string, find: FindRecords): readonly Values[] {
  const link = source.customer;
  if ('field' in link) return find(source.entity, link.field, customerId);
  const parents = find(link.via.entity, link.via.customerField, customerId);
  return parents.flatMap((p) => (typeof p.id === 'string' ? find(source.entity, link.via.field, p.id) : []));
}

/** Every item about one customer, newest first (ties: kind, then id — the same on every device). */
export function buildTimeline(sources: readonly TimelineSource[], customerId: string, find: FindRecords, changes: readonly TimelineChange[] = []): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const s of sources) {
    for (const rec of recordsOf(s, customerId, find)) {
      if (typeof rec.id !== 'string' || rec.deleted === true || (s.accept && !s.accept(rec))) continue;
      const when = whenOf(rec, s.when);
      if (!when) continue;
      out.push({ kind: s.kind, entity: s.entity, id: rec.id, ...when, who: whoOf(rec, s.who), record: rec });
    }
  }
  for (const c of changes) {
    const fields = c.fields.filter((f) => f.field !== 'deleted');
    if (fields.length) out.push({ kind: CHANGES_KIND, entity: 'customers', id: c.id, at: c.at, dateOnly: false, who: c.by, changes: fields });
  }
  return out.sort((a, b) => b.at - a.at || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface TimelineFilter {
  /** Kinds shown; empty = all. */
  kinds?: ReadonlySet<string>;
  /** A user id; empty = everybody. */
  who?: string;
  /** Inclusive days `YYYY-MM-DD` (local). */
  from?: string;
  to?: string;
}

/** The items the filter keeps (by kind, person, and day range). */
export function filterTimeline(items: readonly TimelineItem[], f: TimelineFilter): TimelineItem[] {
  const from = f.from ? asTime(`${f.from}T00:00`) : null;
  const to = f.to ? asTime(`${f.to}T00:00`) : null;
  const end = to === null ? null : to + 86_400_000;
  return items.filter((it) => (!f.kinds?.size || f.kinds.has(it.kind)) && (!f.who || it.who === f.who)
    && (from === null || it.at >= from) && (end === null || it.at < end));
}

/** The people who appear in the items (for the person filter), first appearance first. */
export function peopleOf(items: readonly TimelineItem[]): string[] {
  return [...new Set(items.map((i) => i.who).filter((w) => w !== ''))];
}
