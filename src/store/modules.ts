/**
 * The store side of the feature modules (store/<module>/manifest.ts): a new module whose store
 * needs a hook (starting records of a new workspace) adds ONE line here. Modules with only reads
 * and writes need no manifest.
 */
import type { StoreManifest } from './core/module';
import { salesStore } from './sales/manifest';

export const STORE_MODULES: readonly StoreManifest[] = [
  salesStore,
];
