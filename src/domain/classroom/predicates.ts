/**
 * The lab guide's checks (实验指导 · 自动检查), written as data: every step of an experiment and of a
 * teacher's exercise names one `Check`; `evaluate` decides it over the workspace's records and
 * this device's events. Pure: the store hands in the tables, the UI shows the answer, and the
 * teacher's class view can run the same function over a group's workspace.
 *
 * The start time (`since`, when the group pressed 开始实验) bounds every check: only records
 * created — or, for `edited`, changed — at or after it count, so the sample company or work done
 * before the experiment never ticks a step.
 */
import type { BaseRecord } from '../core/record';
import { isStamp } from '../core/record';
import { approvedCollections, approvedReferences, evalApproved, type ApprovedCheck } from './approval-check';

/** A value test on one field: equal to a value, or one of the operators. */
export type FieldTest =
  | string | number | boolean
  | { in: readonly (string | number | boolean)[] }
  | { not: string | number | boolean }
  | { filled: boolean }
  | { atLeast: number }
  | { below: number };

/** Field → test; every test must hold. */
export type Where = Readonly<Record<string, FieldTest>>;

/** Records of `entity` whose `field` names the counted record, at least `atLeast` (default 1), `some` of them matching. */
export interface Having { entity: string; field: string; where?: Where; atLeast?: number; some?: Where }

export type Check =
  /**
   * At least `atLeast` (default 1) records of `entity` created since the start and matching
   * `where`, each with its `having` children; with `per`, that many in ONE group of the field
   * (two contacts of one customer), `some` of the group matching.
   */
  | { kind: 'count'; entity: string; where?: Where; atLeast?: number; per?: string; some?: Where; having?: readonly Having[] }
  /**
   * A record of `entity` (old or new) whose field among `fields` was changed — written after the
   * record's creation — since the start, now filled and matching `where`: a customer reassigned,
   * an opportunity audited. A value a record was created with is not a change.
   */
  | { kind: 'edited'; entity: string; fields: readonly string[]; where?: Where }
  /**
   * Within one group of `per`, a record matching `where` whose `order` field is later than an
   * earlier matching one's: a contact record completed after an earlier one of the opportunity.
   */
  | { kind: 'sequence'; entity: string; per: string; order: string; where?: Where }
  /** Something no record proves, recorded on this device (`store/classroom/events.ts`): a page viewed with a setting. */
  | { kind: 'event'; event: string; params?: Readonly<Record<string, string>> }
  /**
   * A document of `entity` made since the start, submitted and approved through the approval
   * engine (its approvalSteps); with `discountBelowLimit`, its discount below the position limit
   * of the person it is for (approval-check.ts).
   */
  | ApprovedCheck;

export type CheckKind = Check['kind'];
export const CHECK_KINDS: readonly CheckKind[] = ['count', 'edited', 'sequence', 'event', 'approved'];

/** A device-local event: what was done, with which settings, when and by whom. */
export interface LabEvent { event: string; params?: Readonly<Record<string, string>>; at: number; by: string }

/** What the checks read: live records by collection (the store may leave out records untouched since the start), and this device's events. */
export interface LabData {
  tables: Readonly<Record<string, readonly BaseRecord[] | undefined>>;
  /** Whole collections a check reads as context, older records too (`checkReferences`: who a quote is for, their role's limit). */
  refs?: Readonly<Record<string, readonly BaseRecord[] | undefined>>;
  events?: readonly LabEvent[];
}

/** A check's answer: done or not, who did it (user ids, for the records that satisfy it) and how far it got. */
export interface CheckResult { done: boolean; by: string[]; at?: number; have: number; need: number }

/** The collections a check reads: a step whose collection the product lacks cannot be done yet (模块尚未提供). */
export function checkCollections(c: Check): string[] {
  switch (c.kind) {
    case 'count': return [c.entity, ...(c.having ?? []).map((h) => h.entity)];
    case 'edited': case 'sequence': return [c.entity];
    case 'event': return [];
    case 'approved': return approvedCollections(c);
  }
}

/** The collections a check reads whole, records older than the start included (context, never counted as work). */
export function checkReferences(c: Check): string[] {
  return c.kind === 'approved' ? approvedReferences(c) : [];
}

export function evaluate(check: Check, data: LabData, since: number): CheckResult {
  switch (check.kind) {
    case 'count': return evalCount(check, data, since);
    case 'edited': return evalEdited(check, data, since);
    case 'sequence': return evalSequence(check, data, since);
    case 'event': return evalEvent(check, data, since);
    case 'approved': return evalApproved(check, data, (r) => created(r, since));
  }
}

// --- field tests -------------------------------------------------------------------------------

export function matches(rec: Readonly<Record<string, unknown>>, where: Where | undefined): boolean {
  if (!where) return true;
  for (const [field, test] of Object.entries(where)) if (!passes(rec[field], test)) return false;
  return true;
}

function passes(v: unknown, test: FieldTest): boolean {
  if (typeof test !== 'object' || test === null) return v === test;
  if ('in' in test) return test.in.some((x) => x === v);
  if ('not' in test) return v !== test.not;
  if ('filled' in test) return filled(v) === test.filled;
  if ('atLeast' in test) return typeof v === 'number' && v >= test.atLeast;
  if ('below' in test) return typeof v === 'number' && v < test.below;
  return false;
}

function filled(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '' && v !== false && !(Array.isArray(v) && v.length === 0);
}

// --- time and authorship -------------------------------------------------------------------------

function live(data: LabData, entity: string): readonly BaseRecord[] {
  return (data.tables[entity] ?? []).filter((r) => r && r.deleted !== true);
}

/** When the record was created (its creation stamp's time; createdAt for records without a readable stamp). */
function createdTime(r: BaseRecord): number {
  return isStamp(r._c) ? r._c[0] : typeof r.createdAt === 'number' ? r.createdAt : 0;
}

/** When one field was last changed after the record's creation (its own stamp), or -1. */
function editTime(r: BaseRecord, field: string): number {
  const own = (r._s as Record<string, unknown> | undefined)?.[field];
  return isStamp(own) ? own[0] : -1;
}

function created(r: BaseRecord, since: number): boolean {
  return createdTime(r) >= since;
}

/** Who made the record count: its creator for a record made since the start, else whoever wrote it last. */
function authorOf(r: BaseRecord, since: number): string {
  const who = created(r, since) ? r.createdBy : r.updatedBy;
  return typeof who === 'string' ? who : '';
}

function done(records: readonly BaseRecord[], since: number, need: number, time: (r: BaseRecord) => number = createdTime,
  author: (r: BaseRecord) => string = (r) => authorOf(r, since)): CheckResult {
  const by = [...new Set(records.map(author).filter(Boolean))];
  return { done: true, by, at: Math.max(...records.map(time)), have: need, need };
}

// --- the kinds -----------------------------------------------------------------------------------

function evalCount(c: Extract<Check, { kind: 'count' }>, data: LabData, since: number): CheckResult {
  const need = Math.max(1, c.atLeast ?? 1);
  const children = (c.having ?? []).map((h) => childCounter(h, data));
  const fits = live(data, c.entity).filter((r) => created(r, since) && matches(r, c.where) && children.every((ok) => ok(r.id)));
  if (!c.per) {
    return fits.length >= need ? done(fits.slice(0, need), since, need) : { done: false, by: [], have: fits.length, need };
  }
  const groups = new Map<string, BaseRecord[]>();
  for (const r of fits) {
    const key = r[c.per];
    if (typeof key !== 'string' || !key) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let best = 0;
  for (const rows of groups.values()) {
    const some = !c.some || rows.some((r) => matches(r, c.some));
    if (some && rows.length >= need) return done(rows, since, need);
    best = Math.max(best, some ? rows.length : Math.min(rows.length, need - 1));
  }
  return { done: false, by: [], have: best, need };
}

/** Whether a record has the children `h` asks for (any age: a new parent's children are newer still). */
function childCounter(h: Having, data: LabData): (parentId: string) => boolean {
  const byParent = new Map<string, BaseRecord[]>();
  for (const r of live(data, h.entity)) {
    const p = r[h.field];
    if (typeof p === 'string' && matches(r, h.where)) byParent.set(p, [...(byParent.get(p) ?? []), r]);
  }
  const need = Math.max(1, h.atLeast ?? 1);
  return (id) => {
    const rows = byParent.get(id) ?? [];
    return rows.length >= need && (!h.some || rows.some((r) => matches(r, h.some)));
  };
}

function evalEdited(c: Extract<Check, { kind: 'edited' }>, data: LabData, since: number): CheckResult {
  const latest = (r: BaseRecord) => Math.max(...c.fields.map((f) => editTime(r, f)));
  const fits = live(data, c.entity).filter((r) => c.fields.some((f) => editTime(r, f) >= since && filled(r[f])) && matches(r, c.where));
  if (!fits.length) return { done: false, by: [], have: 0, need: 1 };
  const first = fits.reduce((a, b) => (latest(b) < latest(a) ? b : a));
  const who = typeof first.updatedBy === 'string' ? first.updatedBy : '';
  return { done: true, by: who ? [who] : [], at: latest(first), have: 1, need: 1 };
}

function evalSequence(c: Extract<Check, { kind: 'sequence' }>, data: LabData, since: number): CheckResult {
  const groups = new Map<string, { t: number; r: BaseRecord }[]>();
  for (const r of live(data, c.entity)) {
    const key = r[c.per];
    const t = r[c.order];
    if (typeof key !== 'string' || typeof t !== 'number' || !matches(r, c.where)) continue;
    groups.set(key, [...(groups.get(key) ?? []), { t, r }]);
  }
  // done since the start: the record, or its `order` or `where` fields, written since — by the
  // stamps, on the start's clock (`order` holds the wall clock, which after a burst of writes such
  // as the sample company runs seconds behind the workspace's clock the start is read from)
  const fields = [c.order, ...Object.keys(c.where ?? {})];
  const doneSince = (r: BaseRecord) => created(r, since) || fields.some((f) => editTime(r, f) >= since);
  let have = 0;
  for (const rows of groups.values()) {
    rows.sort((a, b) => a.t - b.t);
    // the later one done since the start, after an earlier one (which may predate it)
    const later = rows.findIndex((x, i) => i > 0 && doneSince(x.r) && x.t > rows[0].t);
    // whoever completed it: the record's latest writer
    if (later > 0) return done([rows[later].r], since, 2, () => rows[later].t, (r) => (typeof r.updatedBy === 'string' ? r.updatedBy : ''));
    have = Math.max(have, Math.min(rows.filter((x) => doneSince(x.r)).length, 1));
  }
  return { done: false, by: [], have, need: 2 };
}

function evalEvent(c: Extract<Check, { kind: 'event' }>, data: LabData, since: number): CheckResult {
  const hit = (data.events ?? []).find((e) => e.event === c.event && e.at >= since
    && Object.entries(c.params ?? {}).every(([k, v]) => e.params?.[k] === v));
  return hit ? { done: true, by: hit.by ? [hit.by] : [], at: hit.at, have: 1, need: 1 } : { done: false, by: [], have: 0, need: 1 };
}
