import { daysFrom, dayOf, toneOf, type Reminder } from '../core/reminders';
import { isLive, idOf, type Values } from '../sales/read';

/** How many days ahead a market task counts as due soon (the same window as sales activities). */
export const TASK_SOON_DAYS = 3;

/** A market task still to do: not done, not cancelled. */
export const taskOpen = (t: Values) => isLive(t) && t.status !== 'done' && t.status !== 'cancelled';

/** Overdue and due-soon market tasks (still to do) as reminders; each opens the task's page. */
export function marketTaskReminders(tasks: readonly Values[], today: string, soonDays = TASK_SOON_DAYS): Reminder[] {
  const out: Reminder[] = [];
  for (const task of tasks) {
    const day = dayOf(task.dueDate);
    if (!day || !taskOpen(task)) continue;
    const days = daysFrom(today, day);
    const tone = toneOf(days, soonDays);
    if (!tone) continue;
    out.push({
      key: `marketTask:${idOf(task)}:${day}`, kind: 'marketTask', day, days, tone,
      subject: typeof task.title === 'string' ? task.title : '', href: `marketing/tasks/${idOf(task)}`,
    });
  }
  return out;
}
