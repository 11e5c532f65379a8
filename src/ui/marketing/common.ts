import { createMemo } from 'solid-js';
import { indexResults } from '../../domain/marketing/results';
import type { BaseRecord } from '../../domain/core/record';
import { useWorkspace } from '../shared/context';

/** The results' index over the live leads, opportunities and expenses; follows their changes (also a peer's). */
export function useResultIndex() {
  const ctx = useWorkspace();
  return createMemo(() => indexResults({ leads: ctx.live('leads'), opportunities: ctx.live('opportunities'), expenses: ctx.live('expenses') }));
}

const ACTIVITY_TONE: Record<string, string> = { running: 'blue', cancelled: 'gray' };
export const activityTone = (r: BaseRecord | undefined) => (r ? ACTIVITY_TONE[String(r.status)] : undefined);

const TASK_TONE: Record<string, string> = { done: 'gray', cancelled: 'gray', inProgress: 'blue' };
export const taskTone = (r: BaseRecord | undefined, today: string) =>
  (r && r.status !== 'done' && r.status !== 'cancelled' && typeof r.dueDate === 'string' && r.dueDate < today ? 'red' : r ? TASK_TONE[String(r.status)] : undefined);

/** Workspace-relative paths of the module's pages. */
export const activityPath = (id: unknown) => `marketing/activities/${String(id)}`;
export const taskPath = (id: unknown) => `marketing/tasks/${String(id)}`;
