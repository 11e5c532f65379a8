import type { Workspace } from '../workspace';

/**
 * One step of the document's schema, in a file of its own (store/core/migrations.ts lists them in
 * order). A step runs once, inside the migration's single transaction, on the first device that
 * opens an older document with a newer build — and possibly on two devices at once while they are
 * apart, so it must be idempotent and give the same result on both (deterministic ids).
 */
export interface MigrationStep {
  /** The schema version this step brings a document to. */
  version: number;
  title: string;
  /** Convert what is in the old shape; write records through the workspace's collections. */
  run(ws: Workspace): void;
  /**
   * Also run at every open of a document already past this version. Data in the old shape can
   * still arrive after the version was bumped — from a peer on an older build that had not
   * reloaded, an old backup imported, or a device that set the version on an empty document just
   * before a group's older data reached it — so a step that only converts what it finds runs again.
   */
  repeat?: boolean;
  /**
   * Run before the other due steps: a step that changes WHERE records are stored (005, document
   * groups) comes first, because the older steps read them where this build keeps them.
   */
  runsFirst?: boolean;
}
