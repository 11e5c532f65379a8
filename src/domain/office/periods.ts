import { addDays, addMonths, addWeeks, addYears, lastDayOfMonth } from 'date-fns';
import type { Label } from '../core/entity';

/**
 * Time modes of work plans and summaries (工作计划/总结, 精财 员工中心, SPEC J). The end date
 * follows from the start and the mode, as the manual says: "设置开始日期为2010-12-15,选择时间
 * 模式“月”,结束日期会自动变为2011-01-14" — a period of n months ends the day before the same
 * day n months later. Where that day does not exist (31 January + 1 month) the month's last day
 * stands in for it (date-fns addMonths), so 2011-01-31 + 月 ends 2011-02-27.
 * A 旬 is a third of a month: 上旬 the 1st–10th, 中旬 the 11th–20th, 下旬 the 21st to the
 * month's last day; the mode 旬 ends the 旬 the start falls in. 自定义 (custom): the user picks the end.
 */
export type TimeMode = 'day' | 'week' | 'xun' | 'month' | 'quarter' | 'halfYear' | 'year' | 'custom';

export const TIME_MODES: readonly { mode: TimeMode; label: Label }[] = [
  { mode: 'day', label: { zh: '天', en: 'Day' } },
  { mode: 'week', label: { zh: '周', en: 'Week' } },
  { mode: 'xun', label: { zh: '上/中/下旬', en: 'Ten days (xun)' } },
  { mode: 'month', label: { zh: '月', en: 'Month' } },
  { mode: 'quarter', label: { zh: '季', en: 'Quarter' } },
  { mode: 'halfYear', label: { zh: '半年', en: 'Half year' } },
  { mode: 'year', label: { zh: '年', en: 'Year' } },
  { mode: 'custom', label: { zh: '自定义', en: 'Custom' } },
];

export const isTimeMode = (v: unknown): v is TimeMode => TIME_MODES.some((m) => m.mode === v);

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// the rules that use these load with the first page: date-fns' format and parseISO (and their
// locale) would add kilobytes for reading and writing 'YYYY-MM-DD'
const asDate = (day: string): Date | null => {
  const m = DAY.exec(day);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dayOf(d) === day ? d : null;
};
const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The last day of the period of `mode` that starts on `start`; null for custom or a malformed start. */
export function periodEnd(start: string, mode: TimeMode): string | null {
  const d = asDate(start);
  if (!d) return null;
  switch (mode) {
    case 'day': return start;
    case 'week': return dayOf(addDays(addWeeks(d, 1), -1));
    case 'xun': return xunEnd(d);
    case 'month': return dayOf(addDays(addMonths(d, 1), -1));
    case 'quarter': return dayOf(addDays(addMonths(d, 3), -1));
    case 'halfYear': return dayOf(addDays(addMonths(d, 6), -1));
    case 'year': return dayOf(addDays(addYears(d, 1), -1));
    default: return null;
  }
}

export type Xun = 'upper' | 'middle' | 'lower';

export const XUN_LABELS: Record<Xun, Label> = {
  upper: { zh: '上旬', en: 'Early month' }, middle: { zh: '中旬', en: 'Mid-month' }, lower: { zh: '下旬', en: 'Late month' },
};

/** Which 旬 a day is in. */
export function xunOf(day: string): Xun | null {
  const d = asDate(day);
  if (!d) return null;
  const n = d.getDate();
  return n <= 10 ? 'upper' : n <= 20 ? 'middle' : 'lower';
}

function xunEnd(d: Date): string {
  const n = d.getDate();
  if (n > 20) return dayOf(lastDayOfMonth(d));
  return dayOf(new Date(d.getFullYear(), d.getMonth(), n <= 10 ? 10 : 20));
}

/** A period as the plan list shows it: "2010-12-15 ~ 2011-01-14". */
export function periodText(start: string, end: string | null): string {
  return end && end !== start ? `${start} ~ ${end}` : start;
}
