import type { MigrationStep } from './step';

/** Version 1 is the first shape: nothing to convert. */
export const firstShape: MigrationStep = {
  version: 1,
  title: 'first shape',
  run: () => {},
};
