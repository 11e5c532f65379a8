/**
 * The base shape every stored record shares, whatever its module.
 *
 * Records are plain, immutable objects (never mutate one you read: the store hands out the
 * very object the Yjs document holds). Each field carries a version stamp so that two peers
 * editing different fields of the same record while apart both keep their edit — see
 * `merge.ts` and docs/ARCHITECTURE.md ("data shape").
 */

/** A hybrid-logical-clock stamp: [milliseconds (monotonic per device), writer's Yjs client id]. */
export type Stamp = readonly [number, number];

export interface BaseRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
  /** In the recycle bin (回收站) when true; purged records disappear from the document. */
  readonly deleted?: boolean;
  /** Stamp of the record's creation: the version of every field that has no entry in `_s`. */
  readonly _c: Stamp;
  /** Stamps of fields written after creation. */
  readonly _s?: Readonly<Record<string, Stamp>>;
  readonly [field: string]: unknown;
}

/** Fields managed by the store, never edited through a form. */
export const SYSTEM_FIELDS = new Set([
  'id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deleted', '_c', '_s',
]);

/** The user-visible values of a record (what a form edits). */
export type RecordValues = Record<string, unknown>;

export function compareStamps(a: Stamp, b: Stamp): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** The largest time a stamp may carry (~ year 144,000): leaves room for every later edit to go after it. */
export const MAX_STAMP_MS = 2 ** 52;

/** A well-formed stamp: [time, Yjs client id], non-negative integers. Anything else came from a broken or hostile peer. */
export function isStamp(v: unknown): v is Stamp {
  return Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1])
    && v[0] >= 0 && v[0] <= MAX_STAMP_MS && v[1] >= 0 && v[1] <= 0xffffffff;
}

/** What a malformed stamp counts as: before every real one, so it never wins a merge. */
export const NO_STAMP: Stamp = [0, 0];

/** The record's creation stamp, or NO_STAMP when a peer sent a malformed one. */
export function createdStamp(rec: BaseRecord): Stamp {
  return isStamp(rec._c) ? rec._c : NO_STAMP;
}

/**
 * The version of one field: its own stamp (also kept for a cleared field — a tombstone), else the
 * creation stamp. A malformed own stamp counts as NO_STAMP (it loses to every well-formed one).
 */
export function fieldStamp(rec: BaseRecord, field: string): Stamp {
  const stamps = rec._s as Record<string, unknown> | undefined;
  if (typeof stamps !== 'object' || stamps === null || !Object.hasOwn(stamps, field)) return createdStamp(rec);
  const own = stamps[field];
  return isStamp(own) ? own : NO_STAMP;
}
