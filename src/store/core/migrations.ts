import * as Y from 'yjs';

/** Schema version of the workspace document this build writes. */
export const SCHEMA_VERSION = 2;

/**
 * Steps that bring an older document up to date, by the version they produce. Each runs once,
 * inside one transaction, on the first device that opens the document with a newer build;
 * they must be idempotent because two devices may run the same step concurrently while apart.
 */
const STEPS: Record<number, (doc: Y.Doc) => void> = {
  1: () => {
    // version 1 is the first shape: nothing to convert
  },
  2: () => {
    // records are stored as JSON bytes (store/core/codec.ts). Object values written by version 1
    // are still read and become bytes when next written; converting them all here would send
    // the whole workspace to every peer again. The bump keeps version-1 builds read-only.
  },
};

export function schemaVersion(doc: Y.Doc): number {
  const v = doc.getMap('meta').get('schema');
  return typeof v === 'number' ? v : 0;
}

/** Run pending steps; returns false when the document is newer than this build understands. */
export function migrate(doc: Y.Doc): boolean {
  const from = schemaVersion(doc);
  if (from > SCHEMA_VERSION) return false;
  if (from === SCHEMA_VERSION) return true;
  doc.transact(() => {
    for (let v = from + 1; v <= SCHEMA_VERSION; v++) STEPS[v]?.(doc);
    doc.getMap('meta').set('schema', SCHEMA_VERSION);
  }, 'keyuan:migrate');
  return true;
}
