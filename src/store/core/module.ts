import type { Workspace } from './workspace';

/**
 * What a feature module declares to the store (store/<module>/manifest.ts); store/modules.ts
 * lists them. Migrations are not here: they stay one global ordered list (store/core/migrations.ts)
 * because one document holds every module and every peer must apply the same steps in order.
 */
export interface StoreManifest {
  /** The module's folder name (store/<key>). */
  key: string;
  /**
   * Starting records of a brand-new workspace (after the dictionaries, before roles and the first
   * user), inside the seed's transaction. Use stable ids: two peers may seed while apart.
   */
  seed?(ws: Workspace): void;
}

/** Identity with a type check, so a manifest reads as a declaration. */
export function defineStoreModule(m: StoreManifest): StoreManifest {
  return m;
}
