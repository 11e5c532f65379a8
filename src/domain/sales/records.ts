import type { Label } from '../core/entity';
import { asNumber } from '../core/numbers';
import { compareStamps, isStamp, type Stamp } from '../core/record';
import { opportunityAmount, type Patch } from './opportunity';
import { asDay, asFlag, asText, asTime, idOf, isLive, ok, refuse, type Result, type Values, type Violation } from './read';

/**
 * Sequential records: contact records (联系记录, per opportunity) and maintenance records (维护
 * 记录, per project) follow the same rules (精财 §3.1/§3.3, SPEC G):
 *  1. They are ordered by date, then creation time (then id, so every peer agrees on ties).
 *  2. A record can be marked completed only when every record before it is completed.
 *  3. A completed record is read-only — delete it and add it again to change it — except the
 *     manager's comment (批复), which is written after the fact by design.
 *  4. The LAST completed record back-fills its parent: stage, completion %, cost, expected amount,
 *     opportunity amount and dates. This is why rule 3 exists: the parent's figures must always be
 *     the figures of a record nobody can change any more.
 *
 * All functions take the records of ONE parent (see `recordsOf`); deleted ones are ignored.
 * Two peers working apart can still break these rules between them; `checkSequence` finds such
 * breaks and describes them, and nothing here silently repairs them.
 */

/** Fields still writable on a completed record. */
export const WRITABLE_WHEN_COMPLETED = new Set(['reply', 'replyBy']);

/** Fields written by the completion itself or by the store, never "content". */
const NON_CONTENT = new Set([
  'id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', '_c', '_s', 'deleted',
  'completed', 'completedAt', 'completedBy', ...WRITABLE_WHEN_COMPLETED,
]);

/** Live records of one parent: `parentField` is 'opportunityId' or 'projectId'. */
export function recordsOf(all: readonly Values[], parentField: string, parentId: string): Values[] {
  return all.filter((r) => isLive(r) && r[parentField] === parentId);
}

interface Key { day: string; created: number; id: string }

/** Undated records sort last (a draft not yet placed in time). */
function keyOf(rec: Values): Key {
  return { day: asDay(rec.date) ?? '\uffff', created: asNumber(rec.createdAt) ?? 0, id: idOf(rec) };
}

function compareKeys(a: Key, b: Key): number {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Live records in sequence order. */
export function sortRecords(records: readonly Values[]): Values[] {
  return records.filter(isLive).map((r) => ({ r, k: keyOf(r) })).sort((a, b) => compareKeys(a.k, b.k)).map((x) => x.r);
}

export function isCompleted(rec: Values): boolean {
  return asFlag(rec.completed);
}

// ---- single-user rules ---------------------------------------------------------------------

/** Why the record cannot be marked completed now, or null. */
export function completeBlocker(records: readonly Values[], id: string): Label | null {
  const list = sortRecords(records);
  const idx = list.findIndex((r) => idOf(r) === id);
  if (idx < 0) return { zh: '记录不存在或已删除', en: 'The record does not exist or is deleted' };
  if (isCompleted(list[idx])) return { zh: '记录已完成', en: 'The record is already completed' };
  if (list.slice(0, idx).some((r) => !isCompleted(r))) {
    return { zh: '请先将前一条记录设为“已完成”', en: 'Complete the previous record first' };
  }
  return null;
}

/** Mark a record completed: the patch (who and when, for `checkSequence`), or why not. */
export function complete(records: readonly Values[], id: string, userId: string, now: number): Result<Patch> {
  const why = completeBlocker(records, id);
  return why ? refuse(why) : ok({ completed: true, completedAt: now, completedBy: userId });
}

const READ_ONLY: Label = {
  zh: '已完成的记录不能修改;如需修改,请删除后重新添加', en: 'A completed record is read-only; delete it and add it again to change it',
};

/** Why these fields of the record cannot be edited, or null (only 批复 stays open once completed). */
export function editBlocker(rec: Values, fields: readonly string[]): Label | null {
  if (!isCompleted(rec)) return null;
  return fields.every((f) => WRITABLE_WHEN_COMPLETED.has(f)) ? null : READ_ONLY;
}

/**
 * Why a record dated `date` (a new one, or `selfId` moved to that date) cannot go there: it would
 * sit before a completed record, which breaks rule 2 after the fact. Null when fine.
 */
export function placementBlocker(records: readonly Values[], date: unknown, selfId?: string): Label | null {
  const self = selfId ? records.find((r) => idOf(r) === selfId) : undefined;
  // A new record is created after every existing one, so it sorts last within its day.
  const key: Key = { day: asDay(date) ?? '\uffff', created: self ? keyOf(self).created : Infinity, id: selfId ?? '\uffff' };
  const later = sortRecords(records).filter((r) => idOf(r) !== selfId && isCompleted(r) && compareKeys(keyOf(r), key) > 0);
  return later.length
    ? { zh: '日期不能早于已完成的记录', en: 'The date cannot be earlier than a completed record' }
    : null;
}

// ---- back-fill -----------------------------------------------------------------------------

export function lastCompleted(records: readonly Values[]): Values | null {
  const done = sortRecords(records).filter(isCompleted);
  return done[done.length - 1] ?? null;
}

/**
 * The values the parent takes from its last completed record, or null when there is none (the
 * parent then keeps its own). Unreadable values on the record are skipped rather than copied;
 * the opportunity amount is recomputed from the resulting expected amount and rate.
 */
export function backfill(parent: Values, records: readonly Values[]): Patch | null {
  const last = lastCompleted(records);
  if (!last) return null;
  const patch: Patch = {};
  const stageId = asText(last.stageId);
  if (stageId) patch.stageId = stageId;
  for (const k of ['rate', 'cost', 'expectedAmount'] as const) {
    const v = asNumber(last[k]);
    if (v !== null) patch[k] = v;
  }
  for (const k of ['startDate', 'plannedDate', 'actualDate'] as const) {
    const d = asDay(last[k]);
    if (d) patch[k] = d;
  }
  patch.amount = opportunityAmount(patch.expectedAmount ?? parent.expectedAmount, patch.rate ?? parent.rate);
  return patch;
}

/** Values of a new record, pre-filled from the parent so the rep only changes what moved. */
export function newRecordValues(parent: Values, parentField: string, today: string): Patch {
  const v: Patch = { [parentField]: idOf(parent), date: today, completed: false };
  for (const k of ['stageId', 'rate', 'cost', 'expectedAmount', 'startDate', 'plannedDate', 'actualDate']) {
    if (parent[k] !== undefined && parent[k] !== null) v[k] = parent[k];
  }
  v.amount = opportunityAmount(v.expectedAmount, v.rate);
  return v;
}

// ---- concurrent breaks -----------------------------------------------------------------------

/** The stamp of a field: its own, else the creation stamp; null when the record carries none. */
function stampOf(rec: Values, field: string): Stamp | null {
  const own = (rec._s as Record<string, unknown> | undefined)?.[field];
  if (isStamp(own)) return own;
  return isStamp(rec._c) ? rec._c : null;
}

/** Content fields written after the record's completion (by a peer who still saw it open). */
function editedAfterCompletion(rec: Values): string[] {
  const done = stampOf(rec, 'completed');
  const stamps = rec._s;
  if (!done || typeof stamps !== 'object' || stamps === null) return [];
  return Object.entries(stamps as Record<string, unknown>)
    .filter(([f, s]) => !NON_CONTENT.has(f) && isStamp(s) && compareStamps(s, done) > 0)
    .map(([f]) => f);
}

const name = (rec: Values): string => asDay(rec.date) ?? '(无日期)';
const nameEn = (rec: Values): string => asDay(rec.date) ?? '(no date)';

/**
 * Breaks of the sequence rules in stored data, in order. They arise when peers act while apart,
 * e.g. one completes record 2 while another adds an earlier record 1, or changes the date of a
 * record the first one completed. Each violation names its records (for drill-down) and says what
 * is wrong; resolving it (complete, re-date or delete and re-add) is left to a person.
 *  - completedAfterIncomplete: a completed record follows one that is not completed;
 *  - completedOutOfOrder: of two completed records, the later one in the sequence was completed
 *    first (so the back-fill follows a record that was not the last one completed);
 *  - editedAfterCompletion: content of a completed record was written after its completion
 *    (by field stamps; an edit stamped BEFORE the completion but not yet seen by the peer who
 *    completed cannot be told apart from an ordinary earlier edit — a known limit of stamps);
 *  - malformedFlag: the completed flag is not a yes/no value (it is read as "not completed").
 */
export function checkSequence(records: readonly Values[]): Violation[] {
  const list = sortRecords(records);
  const out: Violation[] = [];
  let firstOpen: Values | null = null;
  let prevDone: Values | null = null;
  for (const rec of list) {
    if (rec.completed !== undefined && rec.completed !== null && typeof rec.completed !== 'boolean') {
      out.push(v('malformedFlag', [rec], `${name(rec)} 的记录“是否完成”格式错误,按未完成处理`, `The record of ${nameEn(rec)} has a malformed "completed" flag; it is read as not completed`));
    }
    if (!isCompleted(rec)) {
      firstOpen ??= rec;
      continue;
    }
    if (firstOpen) {
      out.push(v('completedAfterIncomplete', [firstOpen, rec],
        `${name(rec)} 的记录已完成,但排在它前面的 ${name(firstOpen)} 的记录未完成`,
        `The record of ${nameEn(rec)} is completed although the earlier record of ${nameEn(firstOpen)} is not`));
    }
    const tPrev = prevDone ? asTime(prevDone.completedAt) : null;
    const tCur = asTime(rec.completedAt);
    if (prevDone && tPrev !== null && tCur !== null && tPrev > tCur) {
      out.push(v('completedOutOfOrder', [prevDone, rec],
        `${name(rec)} 的记录先于排在它前面的 ${name(prevDone)} 的记录完成,反填可能不是最后完成的数据`,
        `The record of ${nameEn(rec)} was completed before the earlier record of ${nameEn(prevDone)}; the back-fill may not reflect the last completion`));
    }
    const edited = editedAfterCompletion(rec);
    if (edited.length) {
      out.push(v('editedAfterCompletion', [rec],
        `${name(rec)} 的记录在完成后被修改(${edited.join('、')})`,
        `The record of ${nameEn(rec)} was changed after completion (${edited.join(', ')})`));
    }
    prevDone = rec;
  }
  return out;
}

function v(code: string, recs: Values[], zh: string, en: string): Violation {
  return { code, ids: recs.map(idOf), message: { zh, en } };
}

