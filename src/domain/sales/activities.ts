import { asDay, addDays, daysBetween, idOf, isLive, ok, refuse, type Result, type Values } from './read';
import type { Patch } from './opportunity';

/**
 * Activities and sales tasks (活动/销售任务; U8 实验二 "对于计划中活动可提供到期、超期预警").
 * An activity is planned or done; a planned one with a due date is, relative to today:
 *   overdue   — the due day is before today;
 *   dueSoon   — due today or within the next `soonDays` days (default 3);
 *   upcoming  — due later;
 *   undated   — no (readable) due date.
 * "Today" is always passed in (`now`), so the rule is testable and every page agrees.
 */

export type ActivityAlert = 'done' | 'overdue' | 'dueSoon' | 'upcoming' | 'undated';

export const DEFAULT_SOON_DAYS = 3;

export function isDone(a: Values): boolean {
  return a.status === 'done';
}

/** Today as 'YYYY-MM-DD' from a day string, a Date or epoch milliseconds (local calendar). */
export function todayOf(now: string | number | Date): string {
  return asDay(now) ?? asDay(Date.now())!;
}

export function activityAlert(a: Values, now: string | number | Date, soonDays = DEFAULT_SOON_DAYS): ActivityAlert {
  if (isDone(a)) return 'done';
  const due = asDay(a.dueDate);
  if (!due) return 'undated';
  const today = todayOf(now);
  if (due < today) return 'overdue';
  return due <= addDays(today, soonDays) ? 'dueSoon' : 'upcoming';
}

/** Days past due (positive) or left (negative: −2 = due in 2 days); null without a due date. */
export function daysOverdue(a: Values, now: string | number | Date): number | null {
  const due = asDay(a.dueDate);
  return due ? daysBetween(due, todayOf(now)) : null;
}

export type AlertGroups = Record<ActivityAlert, Values[]>;

/** Live activities grouped by alert, each group by due date then id (stable across peers). */
export function classifyActivities(list: readonly Values[], now: string | number | Date, soonDays = DEFAULT_SOON_DAYS): AlertGroups {
  const groups: AlertGroups = { overdue: [], dueSoon: [], upcoming: [], undated: [], done: [] };
  for (const a of list.filter(isLive)) groups[activityAlert(a, now, soonDays)].push(a);
  const key = (a: Values) => `${asDay(a.dueDate) ?? '9999-99-99'}|${idOf(a)}`;
  for (const g of Object.values(groups)) g.sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
  return groups;
}

/** Mark an activity done today. */
export function completeActivity(a: Values, today: string, result?: string): Result<Patch> {
  if (!isLive(a)) return refuse({ zh: '活动已删除', en: 'The activity is deleted' });
  if (isDone(a)) return refuse({ zh: '活动已完成', en: 'The activity is already done' });
  return ok(result ? { status: 'done', doneDate: today, result } : { status: 'done', doneDate: today });
}
