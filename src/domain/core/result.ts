import type { Label } from './entity';
import type { Errors } from './validate';

/**
 * The one shape of an action's answer, in the domain and the store alike: the value it produced,
 * or why nothing was done. The UI shows a refusal one way (ui/shared/refusal.tsx).
 */
export interface Refusal {
  /** What to tell the user, zh and en. */
  message: Label;
  /** Per-field messages when values were refused (the form marks those fields). */
  fields?: Errors;
  /** A record the refusal points to (the article a service record already became). */
  recordId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Refused with a zh/en message (and optionally the fields and record it concerns). */
export function refuse<T = never>(message: Label, more: Omit<Refusal, 'message'> = {}): Result<T> {
  return { ok: false, refusal: { message, ...more } };
}

/** Refused because of these field messages; the message lists them all. */
export function refuseFields<T = never>(fields: Errors): Result<T> {
  const all = Object.values(fields);
  return refuse({ zh: all.map((m) => m.zh).join(';'), en: all.map((m) => m.en).join('; ') }, { fields });
}
