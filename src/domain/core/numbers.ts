/** Division that yields null instead of NaN/Infinity; the UI shows null as "—". */
export function safeDiv(num: number, den: number): number | null {
  return den === 0 || !Number.isFinite(num) || !Number.isFinite(den) ? null : num / den;
}

/** A percentage (0–100) or null when the denominator is zero. */
export function percent(num: number, den: number): number | null {
  const r = safeDiv(num, den);
  return r === null ? null : r * 100;
}

/** Round money to cents without binary-fraction surprises (0.1 + 0.2). */
export function roundMoney(n: number): number {
  return Math.round((n + Number.EPSILON) * 100) / 100;
}

/** Read a value as a finite number, or null (malformed records must not poison sums). */
export function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
