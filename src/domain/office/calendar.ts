import { addDays, eachDayOfInterval, endOfMonth, endOfWeek, format, parseISO, startOfMonth, startOfWeek } from 'date-fns';

/**
 * 日历: which days a view shows and which items fall on each. Pure, so placement is tested apart
 * from the page; the page only reads records into `CalendarItem`s and draws.
 */
export type CalendarView = 'month' | 'week' | 'day';

export interface CalendarItem {
  /** Unique in the view: kind and record id. */
  key: string;
  kind: string;
  title: string;
  /** First and last day (the same for a one-day item; a work plan spans its period). */
  start: string;
  end: string;
  /** Workspace-relative path that opens the record. */
  href: string;
  /** Dragging it to another day reschedules it (activities). */
  movable?: boolean;
}

const DAY = 'yyyy-MM-dd';
const WEEK = { weekStartsOn: 1 as const }; // Monday, as Chinese calendars begin the week
const iso = (d: Date) => format(d, DAY);

/** The days a view shows around `day`: whole weeks covering the month, the week, or the day. */
export function viewDays(view: CalendarView, day: string): string[] {
  const d = parseISO(day);
  if (view === 'day') return [day];
  const [from, to] = view === 'week'
    ? [startOfWeek(d, WEEK), endOfWeek(d, WEEK)]
    : [startOfWeek(startOfMonth(d), WEEK), endOfWeek(endOfMonth(d), WEEK)];
  return eachDayOfInterval({ start: from, end: to }).map(iso);
}

/** Each shown day's items, in start order (longer first on the same start, then title); an item spanning days is on each. */
export function placeItems(items: readonly CalendarItem[], days: readonly string[]): Map<string, CalendarItem[]> {
  const out = new Map<string, CalendarItem[]>(days.map((d) => [d, []]));
  if (!days.length) return out;
  const first = days[0];
  const last = days[days.length - 1];
  const sorted = [...items].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0) || (a.end > b.end ? -1 : a.end < b.end ? 1 : 0) || a.title.localeCompare(b.title));
  for (const it of sorted) {
    const end = it.end < it.start ? it.start : it.end; // a period ending before it starts shows on its first day
    if (end < first || it.start > last) continue;
    for (const d of days) if (d >= it.start && d <= end) out.get(d)!.push(it);
  }
  return out;
}

/** The day the keyboard moves to: ←/→ a day, ↑/↓ a week. null for other keys. */
export function keyMove(day: string, key: string): string | null {
  const step = ({ ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 } as Record<string, number>)[key];
  return step === undefined ? null : iso(addDays(parseISO(day), step));
}

/** The day `n` months, weeks or days from `day` (the 上一页/下一页 buttons). */
export function stepView(view: CalendarView, day: string, n: number): string {
  const d = parseISO(day);
  if (view === 'day') return iso(addDays(d, n));
  if (view === 'week') return iso(addDays(d, 7 * n));
  const m = new Date(d.getFullYear(), d.getMonth() + n, 1);
  return iso(m);
}
