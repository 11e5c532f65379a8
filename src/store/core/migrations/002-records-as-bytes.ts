import type { MigrationStep } from './step';

/**
 * Records are stored as JSON bytes (store/core/codec.ts). Object values written by version 1 are
 * still read and become bytes when next written; converting them all here would send the whole
 * workspace to every peer again. The bump keeps version-1 builds read-only.
 */
export const recordsAsBytes: MigrationStep = {
  version: 2,
  title: 'records stored as bytes',
  run: () => {},
};
