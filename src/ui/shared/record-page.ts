import type { BaseRecord } from '../../domain/core/record';

/** Where the record a page opens stands: shown, or why not. */
export type RecordPageState = 'found' | 'missing' | 'binned' | 'outOfScope';

/**
 * Whether a record page shows its record: not there (never synced, or purged), outside the user's
 * data scope (the page must not say more about it, not even that it is in the bin), in the recycle
 * bin, or shown.
 */
export function recordPageState(record: BaseRecord | undefined, outOfScope: (r: BaseRecord) => boolean): RecordPageState {
  if (!record) return 'missing';
  if (outOfScope(record)) return 'outOfScope';
  return record.deleted === true ? 'binned' : 'found';
}
