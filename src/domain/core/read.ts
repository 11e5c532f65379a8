/**
 * Defensive readers for record values shared by every module. Records may arrive from untrusted
 * peers, so a number, object or array where text or a flag belongs is treated as missing —
 * never thrown on, and never allowed to leak into a group key, a count or a message.
 */

/** Minimal shape of anything record-like (a stored record or form values). */
export type Values = Readonly<Record<string, unknown>>;

/** A trimmed non-empty string, or null. */
export function asText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/**
 * Only a real `true` counts as checked: a yes/no box left empty means "no" in the seeds' forms,
 * and a malformed value is treated like an empty box.
 */
export function asFlag(v: unknown): boolean {
  return v === true;
}

/** Whether the record sits in the recycle bin (anything but `true` means live). */
export function isDeleted(rec: Values): boolean {
  return rec.deleted === true;
}

/**
 * A datetime value as epoch milliseconds, or null. Epoch numbers are the stored form; ISO text
 * (the form's local `YYYY-MM-DDTHH:mm`, CSV import, older peers) is read too. Anything else counts
 * as missing.
 */
export function asTime(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const s = v.trim();
  // A bare digit string is an epoch value that went through text (CSV); Date.parse would misread it.
  const t = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
  return Number.isFinite(t) ? t : null;
}
