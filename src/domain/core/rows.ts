import { asNumber } from './numbers';
import type { Values } from './read';

/*
 * Child rows (quote lines, approval steps, complaint steps) are records of their own collection,
 * one per row, so rows added on two devices while apart are both kept by the merge. Their order
 * must be the same on every peer: rows carry `seq` (their position when added); rows that got the
 * same `seq` on two devices are ordered by their time (`at`, when they have one), then by id.
 * A complaint's timeline is ordered by time first (`sortSteps`), as it always was.
 */

const idText = (r: Values) => (typeof r.id === 'string' ? r.id : '');
const seqOf = (r: Values) => asNumber(r.seq) ?? Number.MAX_SAFE_INTEGER;
const atOf = (r: Values) => asNumber(r.at) ?? Number.MAX_SAFE_INTEGER;
const byId = (a: Values, b: Values) => (idText(a) < idText(b) ? -1 : idText(a) > idText(b) ? 1 : 0);

/** Rows in display order: by `seq`, then time (`at`), then id. */
export function sortRows<T extends Values>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => seqOf(a) - seqOf(b) || atOf(a) - atOf(b) || byId(a, b));
}

/** Steps in timeline order: by time (`at`), then `seq`, then id. A step without a readable time goes last. */
export function sortSteps<T extends Values>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => atOf(a) - atOf(b) || seqOf(a) - seqOf(b) || byId(a, b));
}

/** The `seq` of a row added after these: one more than the largest (0 for the first). */
export function nextSeq(rows: readonly Values[]): number {
  let max = -1;
  for (const r of rows) {
    const s = asNumber(r.seq);
    if (s !== null && Number.isSafeInteger(s) && s > max) max = s;
  }
  return max + 1;
}
