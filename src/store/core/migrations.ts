import * as Y from 'yjs';
import type { Workspace } from './workspace';
import type { MigrationStep } from './migrations/step';
import { firstShape } from './migrations/001-first-shape';
import { recordsAsBytes } from './migrations/002-records-as-bytes';
import { childRows } from './migrations/003-child-rows';
import { referenceNames } from './migrations/004-reference-names';
import { documentGroups } from './migrations/005-document-groups';
import { moduleDictionaries } from './migrations/006-module-dictionaries';
import { englishNames } from './migrations/007-english-names';
import { addedOptions } from './migrations/008-added-options';

/** Schema version of the workspace document this build writes. */
export const SCHEMA_VERSION = 8;

/**
 * The steps that bring an older document up to date, in order, one file each (store/core/
 * migrations/NNN-*.ts, each with a test that opens a document written by the previous version).
 * Step n produces version n.
 */
export const STEPS: readonly MigrationStep[] = [firstShape, recordsAsBytes, childRows, referenceNames, documentGroups, moduleDictionaries, englishNames, addedOptions];

export function schemaVersion(doc: Y.Doc): number {
  const v = doc.getMap('meta').get('schema');
  return typeof v === 'number' ? v : 0;
}

export const MIGRATE_ORIGIN = 'keyuan:migrate';

/**
 * Bring the document up to date; false when it is newer than this build understands (it then
 * opens read-only). Steps write records through the workspace's collections, so they run when a
 * Workspace is given (store/org/setup.ts, once the acting user is known); given only the Y.Doc
 * (Workspace.open) this checks the version and writes nothing. All pending steps, and the steps
 * that repeat at every open, run in ONE transaction, then the version is set.
 */
export function migrate(target: Workspace | Y.Doc): boolean {
  const doc = target instanceof Y.Doc ? target : target.doc;
  const from = schemaVersion(doc);
  if (from > SCHEMA_VERSION) return false;
  if (target instanceof Y.Doc) return true;
  const ws = target;
  const due = STEPS.filter((s) => s.version > from || s.repeat)
    .sort((a, b) => Number(!!b.runsFirst) - Number(!!a.runsFirst));
  if (!due.length && from === SCHEMA_VERSION) return true;
  ws.transact(() => {
    for (const step of due) step.run(ws);
    if (from !== SCHEMA_VERSION) doc.getMap('meta').set('schema', SCHEMA_VERSION);
  }, MIGRATE_ORIGIN);
  return true;
}
