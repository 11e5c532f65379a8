import type { MigrationStep } from './step';

/**
 * Document groups (schema 5): activities and the service module move out of the one workspace
 * document into documents of their own (domain/registry.ts GROUPS), each persisted and synced on
 * its own. The bridge (store/core/bridge.ts) merges what the core document holds of them into
 * their groups and removes it from core once the groups are stored. It runs first among the due
 * steps (the older steps read those collections where this build keeps them) and again at every
 * open: an older peer's offline edits or an old backup can still bring records into core. The
 * bump opens the workspace read-only on older builds, which would not see the moved records.
 */
export const documentGroups: MigrationStep = {
  version: 5,
  title: 'document groups',
  runsFirst: true,
  repeat: true,
  run: (ws) => {
    if (!ws.bridge.pending()) return;
    ws.bridge.absorb();
    ws.bridge.schedule();
  },
};
