import type { Label } from '../core/entity';
import type { Values } from './read';
import { asTime } from '../core/read';
export { asTime };

/**
 * Time spent on a service (花费时间): derived from start and end, never typed by hand, so that
 * the figure used to assess service staff cannot disagree with the times recorded.
 */

const MINUTE_MS = 60_000;

/** Whole minutes from start to end; null when either is missing or the end is before the start. */
export function minutesSpent(start: unknown, end: unknown): number | null {
  const s = asTime(start);
  const e = asTime(end);
  if (s === null || e === null || e < s) return null;
  return Math.round((e - s) / MINUTE_MS);
}

/**
 * A message for the form when the times cannot be right; null when they are fine or simply not
 * filled in yet (whether a field is required is the generic form's job, not this one's).
 */
export function validateServiceTimes(start: unknown, end: unknown): Label | null {
  if (unreadable(start)) return { zh: '开始时间格式无效', en: 'The start time is not a valid date and time' };
  if (unreadable(end)) return { zh: '结束时间格式无效', en: 'The end time is not a valid date and time' };
  const s = asTime(start);
  const e = asTime(end);
  if (s !== null && e !== null && e < s) {
    return { zh: '结束时间不能早于开始时间', en: 'The end time cannot be earlier than the start time' };
  }
  return null;
}

/** Something was entered but it is not a time (an empty value is "not yet", not "wrong"). */
function unreadable(v: unknown): boolean {
  const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  return !empty && asTime(v) === null;
}

/** The values with `minutesSpent` recomputed; call before saving a service record. */
export function withMinutesSpent<T extends Values>(values: T): T & { minutesSpent: number | null } {
  return { ...values, minutesSpent: minutesSpent(values.start, values.end) };
}
