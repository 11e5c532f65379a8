import { createSignal } from 'solid-js';
import { activeReminders, type MarkAction, type Reminder, type ReminderMarks } from '../../domain/core/reminders';
import { todayOf } from '../../domain/sales';
import { loadMarks, saveMark } from '../../store/office/reminder-marks';
import type { WorkspaceCtx } from '../shared/context';
import type { MessageKey } from '../i18n';
import { t } from '../i18n';
import type { ReminderRead, UiManifest } from '../shared/module';

/**
 * The reminder centre's state, shared by the top bar's bell and the page: the kinds the modules
 * contribute (their manifests' `reminders`, loaded once, after the first page) and this user's
 * dismissed/snoozed marks on this device.
 */
export interface LoadedSource { kind: string; label: MessageKey; order: number; read: ReminderRead }

const [sources, setSources] = createSignal<LoadedSource[]>([]);
let loading: Promise<void> | null = null;

function loadSources(modules: readonly UiManifest[]): void {
  loading ??= Promise.all(modules.flatMap((m) => m.reminders ?? []).map(async (s) => ({ kind: s.kind, label: s.label, order: s.order, read: await s.load() })))
    .then((list) => { setSources(list.sort((a, b) => a.order - b.order)); }, (e) => console.error(e));
}

export function reminderSources(modules: readonly UiManifest[]): LoadedSource[] {
  loadSources(modules);
  return sources();
}

const [marks, setMarks] = createSignal<{ owner: string; marks: ReminderMarks }>({ owner: '', marks: {} });
let asked = '';

/** This user's marks; the first read for a workspace and user loads them (until then nothing is hidden). */
function marksOf(ctx: WorkspaceCtx, today: string): ReminderMarks {
  const owner = `${ctx.ws.id}:${ctx.userId()}`;
  const m = marks();
  if (m.owner === owner) return m.marks;
  if (asked !== owner) {
    asked = owner;
    void loadMarks(ctx.ws.id, ctx.userId(), today).then((x) => setMarks({ owner, marks: x }));
  }
  return {};
}

export const reminderToday = () => todayOf(Date.now());

/**
 * Every kind's reminders of `people` (the user by default; a manager's team on the centre's 团队
 * tab), each marked with whose it is, without those this user set aside, overdue first.
 */
export function activeFor(ctx: WorkspaceCtx, modules: readonly UiManifest[], people: readonly string[] = [ctx.userId()]): Reminder[] {
  const today = reminderToday();
  const all = people.flatMap((owner) => reminderSources(modules).flatMap((s) => s.read(ctx, today, owner).map((r) => ({ ...r, owner }))));
  return activeReminders(all, marksOf(ctx, today), today);
}

/** Dismiss or snooze one reminder for this user on this device. */
export async function setAside(ctx: WorkspaceCtx, key: string, action: MarkAction): Promise<void> {
  const owner = `${ctx.ws.id}:${ctx.userId()}`;
  const next = await saveMark(ctx.ws.id, ctx.userId(), key, action, reminderToday());
  setMarks({ owner, marks: next });
}

// ---- the browser's notifications: only when the user allowed them (asked with a button) -------

const notified = new Set<string>();

export function canNotify(): boolean {
  return typeof Notification !== 'undefined';
}

/** One notification per reminder due or overdue, once per session while the app is open. */
function notifyNew(list: readonly Reminder[], label: (kind: string) => string): void {
  if (!canNotify() || Notification.permission !== 'granted') return;
  for (const r of list) {
    if (notified.has(r.key) || (r.tone !== 'overdue' && r.tone !== 'due')) continue;
    notified.add(r.key);
    try { new Notification(label(r.kind), { body: r.subject, tag: r.key }); } catch { /* some browsers only notify from a service worker */ }
  }
}

/** The bell's and the navigation's count (navCounts); it also raises the notifications, since it runs whenever the app is open. */
export function reminderCount(ctx: WorkspaceCtx, modules: readonly UiManifest[]): number {
  const list = activeFor(ctx, modules);
  const labels = new Map(sources().map((s) => [s.kind, s.label]));
  notifyNew(list, (kind) => { const l = labels.get(kind); return l ? t(l) : t('reminders.title'); });
  return list.length;
}
