import { daysFrom, type Reminder } from '../core/reminders';
import { activityAlert, DEFAULT_SOON_DAYS } from './activities';
import { asDay, idOf, isLive, type Values } from './read';

/**
 * Overdue and due-soon activities (not done) as reminders, by the same rule as 我的提醒 and the
 * activities page (`activityAlert`), so the three always agree. Each opens its form on the list.
 */
export function activityReminders(activities: readonly Values[], today: string, soonDays = DEFAULT_SOON_DAYS): Reminder[] {
  const out: Reminder[] = [];
  for (const a of activities) {
    if (!isLive(a)) continue;
    const alert = activityAlert(a, today, soonDays);
    if (alert !== 'overdue' && alert !== 'dueSoon') continue;
    const day = asDay(a.dueDate)!;
    const days = daysFrom(today, day);
    out.push({
      key: `activity:${idOf(a)}:${day}`, kind: 'activity', day, days,
      tone: alert === 'overdue' ? 'overdue' : days === 0 ? 'due' : 'soon',
      subject: typeof a.subject === 'string' ? a.subject : '', href: `activities?open=${idOf(a)}`,
    });
  }
  return out;
}
