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

export function fieldStamp(rec: BaseRecord, field: string): Stamp {
  return rec._s?.[field] ?? rec._c;
}
