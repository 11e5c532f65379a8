import { daysFrom, type Reminder } from '../core/reminders';
import type { CalendarItem } from '../office/calendar';
import { asDay, asText, isDeleted, type Values } from '../sales/read';

/* Contract expiries as reminders and calendar items (read by lazy pages only: date-fns stays out of the first load). */

/** Days before the end date a contract in force is reminded of. */
export const EXPIRY_NOTICE_DAYS = 30;

/** 合同到期提醒: contracts in force ending within the notice (or ended in the last week, still active). */
export function contractExpiryReminders(contracts: readonly Values[], today: string, name: (c: Values) => string, notice = EXPIRY_NOTICE_DAYS): Reminder[] {
  const out: Reminder[] = [];
  for (const c of contracts) {
    if (isDeleted(c) || c.status !== 'active') continue;
    const end = asDay(c.endDate);
    if (!end) continue;
    const days = daysFrom(today, end);
    if (days > notice || days < -7) continue;
    out.push({
      key: `contractEnd:${String(c.id)}:${end}`, kind: 'contractEnd', day: end, days,
      tone: days < 0 ? 'overdue' : days === 0 ? 'due' : 'soon', subject: name(c), href: `contracts/${String(c.id)}`,
      detail: asText(c.title) ?? undefined,
    });
  }
  return out.sort((a, b) => a.days - b.days);
}

/** Contract end dates as calendar items (contracts in force, expired or not yet). */
export function contractCalendarItems(contracts: readonly Values[], name: (c: Values) => string): CalendarItem[] {
  const out: CalendarItem[] = [];
  for (const c of contracts) {
    const end = asDay(c.endDate);
    if (isDeleted(c) || !end || c.status !== 'active') continue;
    out.push({ key: `contractEnd:${String(c.id)}`, kind: 'contractEnd', title: name(c), start: end, end, href: `contracts/${String(c.id)}` });
  }
  return out;
}
