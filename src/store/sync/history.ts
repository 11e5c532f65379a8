import type * as Y from 'yjs';
import type { Stamp } from '../../domain/core/record';
import { compareStamps, isStamp } from '../../domain/core/record';
import { sameValue } from '../../domain/core/merge';
import { HISTORY, type HistoryEntry } from '../core/collection';
import type { Workspace } from '../core/workspace';

/*
 * Reading the change log that Collection.update and purge append to (store/core/collection.ts).
 * Entries come from peers, so each is checked before use. Same-field conflicts need no extra
 * writes: both writers' entries travel with their records; in stamp order, an entry whose new
 * value the next writer of that field never saw (its "old" differs) lost a concurrent edit.
 */

export interface FieldChange { field: string; old: unknown; value: unknown; lost: boolean }

export interface HistoryItem {
  collection: string;
  recordId: string;
  stamp: Stamp;
  at: number;
  by: string;
  kind: 'update' | 'purge' | 'sys' | 'create';
  changes: FieldChange[];
  name?: string;
  event?: string;
  params?: Record<string, string | number>;
}


/** An entry from the document as a checked value, or null when it is not one (garbage from a peer). */
export function readEntry(v: unknown): HistoryEntry | null {
  if (typeof v !== 'object' || v === null) return null;
  const e = v as Record<string, unknown>;
  if (typeof e.c !== 'string' || typeof e.r !== 'string' || !isStamp(e.s) || typeof e.u !== 'string') return null;
  if (e.f !== undefined && (typeof e.f !== 'object' || e.f === null || Array.isArray(e.f))) return null;
  if (e.f) for (const pair of Object.values(e.f)) if (!Array.isArray(pair) || pair.length !== 2) return null;
  if (e.k !== undefined && e.k !== 'purge' && e.k !== 'sys') return null;
  return e as unknown as HistoryEntry;
}

function toItem(e: HistoryEntry): HistoryItem {
  return {
    collection: e.c, recordId: e.r, stamp: e.s, at: e.s[0], by: e.u,
    kind: e.k === 'purge' ? 'purge' : e.k === 'sys' ? 'sys' : 'update',
    changes: Object.entries(e.f ?? {}).map(([field, [old, value]]) => ({ field, old, value, lost: false })),
    name: typeof e.n === 'string' ? e.n : undefined,
    event: typeof e.e === 'string' ? e.e : undefined,
    params: typeof e.p === 'object' && e.p !== null ? e.p : undefined,
  };
}

/** Mark, field by field, the values that a concurrent edit overwrote (items in ascending stamp order). */
export function markLost(items: HistoryItem[]): void {
  const last = new Map<string, FieldChange>();
  for (const it of items) {
    for (const ch of it.changes) {
      const prev = last.get(ch.field);
      if (prev && !sameValue(prev.value, ch.old)) prev.lost = true;
      last.set(ch.field, ch);
    }
  }
}

/**
 * The log of one workspace — each document group keeps the entries of its own collections —
 * indexed by record on first use and again after it changes.
 */
export class HistoryLog {
  private arrs: Y.Array<unknown>[];
  private byRecord?: Map<string, HistoryEntry[]>;
  private valid?: HistoryEntry[];
  private invalid = 0;

  constructor(source: Workspace | Y.Doc) {
    const docs = 'docs' in source ? [...source.docs.values()] : [source];
    this.arrs = docs.map((d) => d.getArray(HISTORY));
    for (const a of this.arrs) a.observe((ev) => this.follow(ev));
  }

  /**
   * Keep the index in step with an edit: the log only grows (an edit appends one entry), so the
   * new entries are added to it; rebuilding it all on every edit cost a peer's open record page
   * ~0.3 s per edit at company scale. A deletion (a log trimmed) rebuilds it on the next read.
   */
  private follow(ev: Y.YArrayEvent<unknown>): void {
    if (!this.byRecord) return;
    if (ev.changes.deleted.size > 0) { this.byRecord = undefined; this.valid = undefined; return; }
    for (const item of ev.changes.added) {
      if (!item.deleted) for (const v of item.content.getContent()) this.add(this.byRecord, this.valid ??= [], v);
    }
  }

  /** Call after any group's log changes (for components). */
  observe(fn: () => void): () => void {
    for (const a of this.arrs) a.observe(fn);
    return () => { for (const a of this.arrs) a.unobserve(fn); };
  }

  private add(m: Map<string, HistoryEntry[]>, valid: HistoryEntry[], v: unknown): void {
    const e = readEntry(v);
    if (!e) { this.invalid++; return; }
    valid.push(e);
    const k = `${e.c}/${e.r}`;
    const list = m.get(k);
    if (list) list.push(e); else m.set(k, [e]);
  }

  private index(): Map<string, HistoryEntry[]> {
    if (this.byRecord) return this.byRecord;
    const m = new Map<string, HistoryEntry[]>();
    const valid: HistoryEntry[] = [];
    this.invalid = 0;
    for (const arr of this.arrs) arr.forEach((v) => this.add(m, valid, v));
    this.valid = valid;
    return (this.byRecord = m);
  }

  /** Entries that were not valid entries (shown as a count, never rendered). */
  invalidCount(): number {
    this.index();
    return this.invalid;
  }

  get length(): number {
    return this.arrs.reduce((n, a) => n + a.length, 0);
  }

  /** One record's history, newest first, with lost concurrent values marked. */
  forRecord(collection: string, id: string, record?: { createdAt?: unknown; createdBy?: unknown; _c?: unknown }): HistoryItem[] {
    const items = (this.index().get(`${collection}/${id}`) ?? []).map(toItem).sort((a, b) => compareStamps(a.stamp, b.stamp));
    markLost(items);
    if (record && typeof record.createdAt === 'number' && isStamp(record._c)) {
      items.unshift({ collection, recordId: id, stamp: record._c, at: record.createdAt, by: String(record.createdBy ?? ''), kind: 'create', changes: [] });
    }
    return items.reverse();
  }

  /** All entries (checked), oldest first in document order, group by group. */
  entries(): HistoryEntry[] {
    this.index();
    return this.valid ?? [];
  }
}

/**
 * The system log (系统日志): every logged change and system event plus each record's creation
 * (read from the records themselves), newest first.
 */
export function systemLog(ws: Workspace, log: HistoryLog, collections: string[], limit = 300): HistoryItem[] {
  const out: HistoryItem[] = log.entries().map(toItem);
  for (const c of collections) {
    for (const r of ws.collection(c).all()) {
      if (typeof r.createdAt !== 'number' || !isStamp(r._c)) continue;
      out.push({ collection: c, recordId: r.id, stamp: r._c, at: r.createdAt, by: String(r.createdBy ?? ''), kind: 'create', changes: [],
        name: typeof r.name === 'string' ? r.name : typeof r.title === 'string' ? r.title : typeof r.code === 'string' ? r.code : undefined });
    }
  }
  out.sort((a, b) => compareStamps(b.stamp, a.stamp));
  return out.slice(0, limit);
}

/** Record a system event (a file imported, a backup restored, a device joined) in the log. */
export function logEvent(ws: Workspace, event: string, params: Record<string, string | number> = {}): void {
  ws.transact(() => {
    ws.doc.getArray<HistoryEntry>(HISTORY).push([{ c: '', r: '', s: ws.clock.now(), u: ws.actorId, k: 'sys', e: event, p: params }]);
  });
}

/** A same-field conflict the merge resolved: the value kept (the later stamp) and the one overwritten. */
export interface Conflict {
  field: string;
  kept: { value: unknown; by: string; at: number };
  lost: { value: unknown; by: string; at: number };
  /** Names this conflict on every device (for "dismissed"): record, field and the overwritten write's stamp. */
  key: string;
}

/**
 * The conflicts of one record still standing (`items` newest first, as `forRecord` gives them):
 * a value marked lost whose winner is still the field's latest write and still its value. A later
 * edit of the field — "use the other value" is one — settles it.
 */
export function openConflicts(items: readonly HistoryItem[], record: Readonly<Record<string, unknown>> | undefined): Conflict[] {
  const asc = [...items].reverse();
  const out: Conflict[] = [];
  const seen = new Set<string>();
  for (let i = asc.length - 1; i >= 0; i--) {
    for (const ch of asc[i].changes) {
      if (!ch.lost || seen.has(ch.field)) continue;
      // the next write of the field after the lost one is the one that was kept
      const later = asc.slice(i + 1).flatMap((it) => it.changes.filter((c) => c.field === ch.field).map((c) => ({ it, c })));
      seen.add(ch.field);
      if (later.length !== 1 || !record || !sameValue(record[ch.field] ?? null, later[0].c.value ?? null)) continue;
      const won = later[0];
      out.push({
        field: ch.field,
        kept: { value: won.c.value, by: won.it.by, at: won.it.at },
        lost: { value: ch.value, by: asc[i].by, at: asc[i].at },
        key: `${asc[i].collection}/${asc[i].recordId}/${ch.field}/${asc[i].stamp[0]}.${asc[i].stamp[1]}`,
      });
    }
  }
  return out;
}
