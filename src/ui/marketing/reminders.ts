import type { WorkspaceCtx } from '../shared/context';
import type { Reminder } from '../../domain/core/reminders';
import { marketTaskReminders } from '../../domain/marketing/reminders';

/** 市场任务: the person's overdue and due-soon market tasks. */
export function marketTasks(ctx: WorkspaceCtx, today: string, userId: string): Reminder[] {
  return ctx.can('marketing', 'read') ? marketTaskReminders(ctx.where('marketTasks', 'assigneeId', userId), today) : [];
}
