/**
 * Number formats of the pipeline and analysis pages. A missing figure (a rate over a zero base,
 * a quota nobody set) is null and shows as "—", never NaN or Infinity.
 */
export const DASH = '—';

export function money(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v)
    ? (v + 0).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    : DASH;
}

/** Whole currency units with thousands separators (column heads, chart axes). */
export function money0(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? (Math.round(v) + 0).toLocaleString('zh-CN') : DASH;
}

/** A percentage with one decimal, e.g. "42.5%". */
export function pct(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(Math.round(v * 10) / 10 + 0).toFixed(1)}%` : DASH;
}

export function int(v: number | null | undefined): string {
  // `+ 0` turns −0 (a rounded-up 0 quota) into 0
  return typeof v === 'number' && Number.isFinite(v) ? (v + 0).toLocaleString('zh-CN') : DASH;
}

/** A figure with up to two decimals (quota helper intermediate values). */
export function dec(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? (Math.round(v * 100) / 100 + 0).toLocaleString('zh-CN') : DASH;
}
