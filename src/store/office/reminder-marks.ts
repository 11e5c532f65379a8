import { localDb } from '../core/local-db';
import { liveMarks, markReminder, type MarkAction, type ReminderMarks } from '../../domain/core/reminders';

/**
 * Dismissed and snoozed reminders, per workspace and user on this device (Dexie `settings`, never
 * synced: what one person set aside is not hidden from another, nor pushed to their phone).
 */
const key = (workspaceId: string, userId: string) => `reminders:${workspaceId}:${userId}`;

export async function loadMarks(workspaceId: string, userId: string, today: string): Promise<ReminderMarks> {
  const row = await localDb().settings.get(key(workspaceId, userId));
  const value = row?.value;
  return value && typeof value === 'object' ? liveMarks(value as ReminderMarks, today) : {};
}

/** Applies one action and stores the marks still in force; returns them. */
export async function saveMark(workspaceId: string, userId: string, reminderKey: string, action: MarkAction, today: string): Promise<ReminderMarks> {
  const marks = markReminder(await loadMarks(workspaceId, userId, today), reminderKey, action, today);
  await localDb().settings.put({ key: key(workspaceId, userId), value: marks });
  return marks;
}
