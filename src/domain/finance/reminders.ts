import type { Reminder } from '../core/reminders';
import type { OverdueInstalment } from './accounts';

/**
 * Overdue instalments (催款提醒) as reminders. The list comes from `overdueInstalments`, so the
 * centre shows exactly what the dunning page does; `name` gives an order's code.
 */
export function instalmentReminders(overdue: readonly OverdueInstalment[], name: (orderId: string) => string): Reminder[] {
  return overdue.map((d) => ({
    key: `instalment:${d.orderId}:${d.instalmentId ?? 'rest'}:${d.dueDate}`, kind: 'instalment', day: d.dueDate,
    days: -d.daysOverdue, tone: 'overdue' as const, subject: name(d.orderId), href: `finance/account/${d.orderId}`,
    detail: d.unpaid.toFixed(2),
  }));
}
