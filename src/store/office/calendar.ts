import type { Workspace } from '../core/workspace';
import { editRecord } from '../core/records';
import type { SaveResult } from '../core/records';

/** Dragging an activity to another day on the calendar: its due date changes through the one save path (rules, history). */
export function rescheduleActivity(ws: Workspace, id: string, day: string, userId?: string): SaveResult {
  return editRecord(ws, 'activities', id, { dueDate: day }, userId);
}
