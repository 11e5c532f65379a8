import { createSignal } from 'solid-js';
import type { Workspace } from '../../store/core/workspace';
import { RecoveryWatch } from '../../store/recovery/watch';
import { ALL_COLLECTIONS, ENTITIES } from '../../domain/registry';
import type { RestorePoint } from '../../store/recovery/points';
import { L, t, type MessageKey } from '../i18n';
import { plainText } from '../sync/state';

/** The open workspace's recovery watch, and a signal that moves when a restore point is stored or dismissed. */
const [watch, setWatch] = createSignal<RecoveryWatch | undefined>();
const [pointsVersion, setPointsVersion] = createSignal(0);
export { watch, pointsVersion };

export function pointsChanged(): void {
  setPointsVersion((n) => n + 1);
}

/**
 * Watch the workspace from the moment it opens (before sync starts, so no received change goes
 * unseen); today's daily point a few seconds after it opens, then checked hourly.
 */
export function startRecovery(ws: Workspace): () => void {
  const w = new RecoveryWatch(ws, { collections: ALL_COLLECTIONS, dailyAfterMs: 5_000 });
  const off = w.onPoint(pointsChanged);
  setWatch(w);
  return () => { off(); w.stop(); if (watch() === w) setWatch(undefined); };
}

const SETTING_LABELS: Record<string, MessageKey> = {
  dictionaries: 'settings.dictionaries', dictOptions: 'recovery.dictOptions', customFields: 'settings.customFields',
};

/** A collection as people call it. */
export function collectionLabel(c: string): string {
  const def = ENTITIES[c];
  if (def) return L(def.label);
  return SETTING_LABELS[c] ? t(SETTING_LABELS[c]) : c;
}

/** A user's name from the users collection, else the raw id (a forged one is shown as it is). */
export function userLabel(ws: Workspace, id: string): string {
  return plainText(ws.collection('users').get(id)?.name) || id || '?';
}

/** What the change behind an event point did, one phrase per collection and kind. */
export function whatHappened(p: RestorePoint): string[] {
  const out: string[] = [];
  for (const [c, n] of Object.entries(p.collections)) {
    const entity = collectionLabel(c);
    if (n.purgedLive) out.push(t('recovery.did.purgedLive', { n: n.purgedLive, entity }));
    if ((n.purged ?? 0) - (n.purgedLive ?? 0) > 0) out.push(t('recovery.did.purgedBin', { n: (n.purged ?? 0) - (n.purgedLive ?? 0), entity }));
    if (n.binned) out.push(t('recovery.did.binned', { n: n.binned, entity }));
    if (n.emptied) out.push(t('recovery.did.emptied', { n: n.emptied, entity }));
  }
  return out;
}
