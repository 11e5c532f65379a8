import type { Label } from '../core/entity';
import { asNumber } from '../core/numbers';

/**
 * Defensive readers and small shared types of the sales domain.
 *
 * Records reach this code from untrusted peers (y-webrtc accepts any update), so every value is
 * read as `unknown` and anything of the wrong shape counts as missing — never thrown on, never
 * allowed to turn a sum into NaN or a group key into "[object Object]".
 */

import { isDeleted, type Values } from '../core/read';
export { type Values, asText, asFlag, asTime, isDeleted } from '../core/read';

/** An action's answer: the values to write, or why it is refused (the one result type, core/result.ts). */
export { type Result, type Refusal, ok, refuse } from '../core/result';

/** A rule broken in stored data (typically by two peers acting while apart); shown, never auto-fixed. */
export interface Violation {
  code: string;
  /** Records involved, in display order, for drill-down. */
  ids: string[];
  message: Label;
}

/** Not in the recycle bin. */
export function isLive(rec: Values): boolean {
  return !isDeleted(rec);
}

/** A number, or 0 when missing/malformed: for sums, where "missing" must not poison the total. */
export function num0(v: unknown): number {
  return asNumber(v) ?? 0;
}

/** Record id as text ('' when malformed, so it can still be listed). */
export function idOf(rec: Values): string {
  return typeof rec.id === 'string' ? rec.id : '';
}

/** Append to the list under `key` (linear, unlike re-spreading the list each time). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Round a rate (0–1) to 6 decimals so 0.9 × 0.95 compares equal to 0.855. */
export function roundRate(r: number): number {
  return Math.round(r * 1e6) / 1e6;
}

// ---- dates ---------------------------------------------------------------------------------

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;

/**
 * A calendar day 'YYYY-MM-DD', or null. `date` fields are stored as 'YYYY-MM-DD' (core
 * validate.ts); ISO datetimes and epoch numbers (from other peers, CSV) are accepted too and
 * read in local time, the user's calendar.
 */
export function asDay(v: unknown): string | null {
  if (typeof v === 'string') {
    // a stored day is read as it is, once checked (epochDay keeps what it checked)
    if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45) return epochDay(v) === null ? null : v;
    // Only ISO text: Date.parse also reads things like "1" (as 2001-01-01), which is not a date.
    const s = v.trim();
    const m = DAY_RE.exec(s);
    if (!m) return null;
    if (s.length === 10) return validDay(m[0]);
    const t = Date.parse(s);
    return Number.isFinite(t) ? localDay(t) : null;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return localDay(v);
  if (v instanceof Date && Number.isFinite(v.getTime())) return localDay(v.getTime());
  return null;
}

/**
 * Days seen, by text: the analyses read the same few hundred days hundreds of thousands of times
 * (sorting receipts, ageing instalments) and a Date per call was most of their time. Bounded:
 * cleared when it grows past 20,000 days.
 */
const DAYS = new Map<string, number | null>();
function epochDay(s: string): number | null {
  let n = DAYS.get(s);
  if (n === undefined) {
    const t = Date.parse(s + 'T00:00:00Z');
    n = Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s ? Math.round(t / DAY_MS) : null;
    if (DAYS.size > 20_000) DAYS.clear();
    DAYS.set(s, n);
  }
  return n;
}

function validDay(s: string): string | null {
  return epochDay(s) === null ? null : s;
}

function localDay(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The day `n` days after `day` (calendar arithmetic in UTC, so no DST surprises). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(day + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const x = epochDay(a);
  const y = epochDay(b);
  if (x !== null && y !== null) return y - x;
  return Math.round((Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z')) / DAY_MS);
}

/** 'YYYY-MM' of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** Whether a day lies in an optional inclusive period (open ends allowed). */
export function inPeriod(day: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!day) return false;
  return (!from || day >= from) && (!to || day <= to);
}
