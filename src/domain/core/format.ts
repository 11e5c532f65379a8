import type { Lang } from './entity';
import { asNumber } from './numbers';
import { asTime } from './read';

/**
 * The one way figures and times are written for people. A missing or malformed value (a rate over
 * a zero base, a field a peer filled with junk) is "—", never NaN, Infinity or "Invalid Date".
 */
export const DASH = '—';

const LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** `v` rounded to `digits` decimals, with −0 turned into 0 (a rounded-up 0 quota). */
function rounded(v: unknown, digits: number): number | null {
  const n = asNumber(v);
  if (n === null) return null;
  const f = 10 ** digits;
  return Math.round(n * f) / f + 0;
}

/**
 * An amount with thousands separators and `digits` decimals: 1,234.50 (`digits` 0: 1,235, for
 * column heads and chart axes). Written the same in both languages.
 */
export function money(v: unknown, digits = 2): string {
  const n = rounded(v, digits);
  return n === null ? DASH : n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A count or figure with thousands separators and up to `digits` decimals (12,345; 12.35 with 2). */
export function num(v: unknown, digits = 3): string {
  const n = rounded(v, digits);
  return n === null ? DASH : n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

/** A percentage (0–100) with `digits` decimals, e.g. "42.5%". */
export function pct(v: unknown, digits = 1): string {
  const n = rounded(v, digits);
  return n === null ? DASH : `${n.toFixed(digits)}%`;
}

/**
 * A discount rate (a price factor: 0.9 = 10% off) as the share of the price paid, to at most two
 * decimals: 0.993103 → "99.31%", 0.85 → "85%". A stored rate of six decimals means nothing to a reader.
 */
export function ratePct(v: unknown): string {
  const n = rounded(v, 6);
  if (n === null) return DASH;
  return `${Math.round(n * 10000) / 100}%`;
}

/**
 * A date and time in the user's language, to the minute (`seconds` for logs): 2024/01/02 09:05 in
 * zh, 02/01/2024, 09:05 in en. Takes the stored forms: epoch ms or the form's local ISO text.
 */
export function dateTime(v: unknown, lang: Lang, opts: { seconds?: boolean } = {}): string {
  const t = asTime(v);
  if (t === null) return DASH;
  return new Date(t).toLocaleString(LOCALE[lang], {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    ...(opts.seconds ? { second: '2-digit' } : {}), hour12: false,
  });
}

/** A day in the user's language: 2024/01/02 in zh, 02/01/2024 in en. Takes `YYYY-MM-DD` (the stored form) or a time. */
export function day(v: unknown, lang: Lang): string {
  const s = typeof v === 'string' ? v.trim() : v;
  const t = typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? asTime(`${s}T00:00`) : asTime(s);
  if (t === null) return DASH;
  return new Date(t).toLocaleDateString(LOCALE[lang], { year: 'numeric', month: '2-digit', day: '2-digit' });
}
