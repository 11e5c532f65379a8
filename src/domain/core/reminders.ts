import { addDays, differenceInCalendarDays, format, isLeapYear, isValid, parseISO } from 'date-fns';

/**
 * 提醒中心: one list of what asks for the user's attention today. Each module turns its records
 * into reminders (its manifest's `reminders`); this file holds the shape, the date rules they share
 * and the per-user marks (dismissed, snoozed) that hide one.
 */
export type ReminderTone = 'overdue' | 'due' | 'soon' | 'info';

export interface Reminder {
  /** Stable per occurrence (`kind:id:day`): a dismissed birthday comes back next year, a moved task anew. */
  key: string;
  /** Which kind (its label and filter): birthday, contactDue, activity, instalment, target… */
  kind: string;
  /** The day it is about (birthday, due date, next contact). */
  day: string;
  /** Days from today to `day`: negative when overdue. */
  days: number;
  tone: ReminderTone;
  /** The record's name as the user knows it. */
  subject: string;
  /** Workspace-relative path of the page that opens its record. */
  href: string;
  /** A short extra (an amount, a customer's name), already formatted. */
  detail?: string;
  /** Whose it is (a user id): set by the centre, which reads each person of a manager's team apart. */
  owner?: string;
}

const DAY = 'yyyy-MM-dd';

/** A valid 'YYYY-MM-DD' (or ISO text starting with one), else null. */
export function dayOf(v: unknown): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return null;
  const d = parseISO(v.slice(0, 10));
  return isValid(d) ? format(d, DAY) : null;
}

export function plusDays(day: string, n: number): string {
  return format(addDays(parseISO(day), n), DAY);
}

export function daysFrom(today: string, day: string): number {
  return differenceInCalendarDays(parseISO(day), parseISO(today));
}

/** How a date compares to today: past → overdue, today → due, within `soonDays` → soon. */
export function toneOf(days: number, soonDays: number): ReminderTone | null {
  if (days < 0) return 'overdue';
  if (days === 0) return 'due';
  return days <= soonDays ? 'soon' : null;
}

/**
 * The next birthday on or after `today`. Someone born on 29 February celebrates on the 28th in a
 * year without one (the usual Chinese and English practice); a birthday earlier in the year than
 * today falls next year, so late December looks across the year end.
 */
export function nextBirthday(birthday: unknown, today: string): string | null {
  const born = dayOf(birthday);
  if (!born) return null;
  const md = born.slice(5);
  const inYear = (y: number) => (md === '02-29' && !isLeapYear(new Date(y, 0, 1)) ? `${y}-02-28` : `${y}-${md}`);
  const year = Number(today.slice(0, 4));
  const thisYear = inYear(year);
  return thisYear >= today ? thisYear : inYear(year + 1);
}

// ---- marks: dismissed and snoozed, per user on this device ---------------------------------------

export type ReminderMark = { dismissed: true } | { until: string };
export type ReminderMarks = Readonly<Record<string, ReminderMark>>;
export type MarkAction = 'dismiss' | 'snoozeDay' | 'snoozeWeek';

/** The marks after an action on one reminder: a snooze hides it until that day. */
export function markReminder(marks: ReminderMarks, key: string, action: MarkAction, today: string): ReminderMarks {
  const mark: ReminderMark = action === 'dismiss' ? { dismissed: true } : { until: plusDays(today, action === 'snoozeDay' ? 1 : 7) };
  return { ...marks, [key]: mark };
}

/** Marks that still hide something: a passed snooze is dropped so the stored list does not grow. */
export function liveMarks(marks: ReminderMarks, today: string): ReminderMarks {
  return Object.fromEntries(Object.entries(marks).filter(([, m]) => 'dismissed' in m || m.until > today));
}

const TONE_ORDER: Record<ReminderTone, number> = { overdue: 0, due: 1, soon: 2, info: 3 };

/** What the centre shows: without dismissed and snoozed ones, overdue first, then by day. */
export function activeReminders(list: readonly Reminder[], marks: ReminderMarks, today: string): Reminder[] {
  return list
    .filter((r) => { const m = marks[r.key]; return !m || (!('dismissed' in m) && m.until <= today); })
    .sort((a, b) => TONE_ORDER[a.tone] - TONE_ORDER[b.tone] || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || (a.key < b.key ? -1 : 1));
}
