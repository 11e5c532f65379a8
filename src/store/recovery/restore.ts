import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import { sameValue } from '../../domain/core/merge';
import type { WorkspaceEntry } from '../core/local-db';
import { Workspace } from '../core/workspace';
import { FILE_ORIGIN, SyncFileError, applySections, readSyncFile, type FileHeader } from '../sync/file';
import { logEvent } from '../sync/history';
import type { Snapshot } from './points';

/*
 * Restoring records (恢复记录) from a restore point or a backup file: what differs from now, per
 * collection, and writing the chosen records back as NEW writes — an update with fresh stamps for
 * a record that still exists (it goes after every stamp on the record, even a forged future one),
 * a creation under the same id for one that is gone (which lifts its purge tombstone). Being new
 * writes, nothing older — the damage itself, sent again by anyone — can undo them, and they reach
 * every peer like any edit. A backup file merges as an import does, which brings back nothing
 * deleted after it was taken; here it is read into a document of its own and compared instead.
 */

export interface ChangedRecord { before: BaseRecord; now: BaseRecord; fields: string[] }
export interface CollectionDiff {
  collection: string;
  /** In the restore point, not in the workspace now (purged, or never arrived here). */
  missing: BaseRecord[];
  /** In both, with different values now. */
  changed: ChangedRecord[];
}

const isContent = (f: string) => !SYSTEM_FIELDS.has(f) && !f.startsWith('_');

/** The fields a person fills in whose values differ (and whether it is in the recycle bin). */
export function differingFields(before: BaseRecord, now: BaseRecord): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(now)].filter(isContent));
  const out = [...fields].filter((f) => !sameValue(before[f] ?? undefined, now[f] ?? undefined));
  if ((before.deleted === true) !== (now.deleted === true)) out.push('deleted');
  return out;
}

/** What a snapshot would bring back, collection by collection (only collections with a difference). */
export function diffSnapshot(ws: Workspace, snapshot: Snapshot): CollectionDiff[] {
  const out: CollectionDiff[] = [];
  for (const [collection, records] of snapshot) {
    const col = ws.collection(collection);
    const diff: CollectionDiff = { collection, missing: [], changed: [] };
    const seen = new Set<string>();
    for (const before of records) {
      if (seen.has(before.id)) continue;
      seen.add(before.id);
      const now = col.get(before.id);
      if (!now) { diff.missing.push(before); continue; }
      const fields = differingFields(before, now);
      if (fields.length) diff.changed.push({ before, now, fields });
    }
    if (diff.missing.length || diff.changed.length) out.push(diff);
  }
  return out;
}

export interface RestorePick { collection: string; missing: boolean; changed: boolean }
export type RestoreSource = { kind: 'point'; at: number } | { kind: 'file'; at: number; from: string };

/** A record's own values (what `create` takes). */
function valuesOf(rec: BaseRecord): RecordValues {
  return Object.fromEntries(Object.entries(rec).filter(([f]) => isContent(f)));
}

/**
 * Write the picked records back, one transaction per collection, and log it as a system event.
 * Returns how many records were written, per collection.
 */
export function restoreRecords(ws: Workspace, diffs: CollectionDiff[], picks: RestorePick[], source: RestoreSource): Record<string, number> {
  const written: Record<string, number> = {};
  for (const pick of picks) {
    const diff = diffs.find((d) => d.collection === pick.collection);
    if (!diff || (!pick.missing && !pick.changed)) continue;
    const col = ws.collection(diff.collection);
    let n = 0;
    ws.transact(() => {
      if (pick.missing) {
        for (const before of diff.missing) {
          if (col.get(before.id)) continue; // came back meanwhile (a peer restored it first)
          col.create(valuesOf(before), before.id);
          if (before.deleted === true) col.update(before.id, { deleted: true });
          n++;
        }
      }
      if (pick.changed) {
        for (const { before } of diff.changed) {
          const now = col.get(before.id);
          if (!now) continue;
          const patch: RecordValues = {};
          for (const f of differingFields(before, now)) patch[f] = f === 'deleted' ? before.deleted === true : before[f];
          if (Object.keys(patch).length) { col.update(before.id, patch); n++; }
        }
      }
    });
    if (n) written[diff.collection] = n;
  }
  const total = Object.values(written).reduce((a, b) => a + b, 0);
  if (total) {
    logEvent(ws, source.kind === 'point' ? 'recovery.restoredPoint' : 'recovery.restoredFile',
      { exportedAt: source.at, n: total, ...(source.kind === 'file' ? { from: source.from } : {}) });
  }
  return written;
}

/**
 * The records of a backup file (a whole workspace), read into a document of its own: nothing of
 * it touches the open workspace. Refuses files of another room, and files that are not whole.
 */
export function snapshotFromFile(bytes: Uint8Array, entry: WorkspaceEntry, collections: string[]): { header: FileHeader; snapshot: Snapshot } {
  const { header, sections } = readSyncFile(bytes);
  if (header.room !== entry.room) throw new SyncFileError('other-room');
  if (header.kind !== 'full') throw new SyncFileError('not-full');
  const tmp = new Workspace(`restore-${entry.id}`, undefined, collections);
  try {
    applySections(tmp, sections, FILE_ORIGIN);
    const snapshot: Snapshot = new Map();
    for (const c of collections) {
      const recs = tmp.collection(c).all();
      if (recs.length) snapshot.set(c, recs);
    }
    return { header, snapshot };
  } finally {
    for (const d of tmp.docs.values()) d.destroy();
  }
}
