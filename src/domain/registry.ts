import type { EntityDef } from './core/entity';
import type { DomainManifest } from './core/module';
import { BASE_DICTIONARIES, type DictDef } from './core/dictionaries';
import type { EntityRules } from './core/rules';
import { orgModule } from './org/manifest';
import { customersModule } from './customers/manifest';
import { salesModule } from './sales/manifest';
import { serviceModule } from './service/manifest';
import { ordersModule } from './orders/manifest';
import { financeModule } from './finance/manifest';
import { officeModule } from './office/manifest';
import { marketingModule } from './marketing/manifest';
import { approvalsModule } from './approvals/manifest';
import { contractsModule } from './contracts/manifest';
import type { ApprovalDocType } from './approvals/types';
import { surveysModule } from './surveys/manifest';
import { classroomModule } from './classroom/manifest';

/**
 * The product's feature modules (domain/<module>/manifest.ts). A new module adds ONE line here;
 * the order is the order of collections and of starting dictionaries.
 */
export const DOMAIN_MODULES: readonly DomainManifest[] = [
  orgModule,
  customersModule,
  salesModule,
  serviceModule,
  ordersModule,
  financeModule,
  officeModule,
  marketingModule,
  approvalsModule,
  contractsModule,
  surveysModule,
  classroomModule,
];

/** Document types on the approval engine (domain/approvals), from the manifests' `approvals`. */
export const APPROVAL_DOC_TYPES: readonly ApprovalDocType[] = DOMAIN_MODULES.flatMap((m) => m.approvals ?? []);

/** Every entity of the product, by collection key, assembled from the modules. */
export const ENTITIES: Record<string, EntityDef> = Object.fromEntries(
  DOMAIN_MODULES.flatMap((m) => m.entities).map((d) => [d.key, d]),
);

/** Rules beside the definitions (domain/<module>/rules.ts), by entity key; the one save path reads them. */
export const RULES: Record<string, EntityRules> = Object.assign({}, ...DOMAIN_MODULES.map((m) => m.rules ?? {}));

/** Collections that hold settings rather than business records. */
export const SETTING_COLLECTIONS = ['dictionaries', 'dictOptions', 'customFields'];

export const ALL_COLLECTIONS = [...Object.keys(ENTITIES), ...SETTING_COLLECTIONS];

/** The document group every workspace has; settings, people and anything not placed elsewhere live there. */
export const CORE_GROUP = 'core';

/** Which document group stores each collection (entity's own group, else its module's, else core). */
export const GROUP_OF: Readonly<Record<string, string>> = Object.fromEntries(ALL_COLLECTIONS.map((c) => {
  const mod = DOMAIN_MODULES.find((m) => m.entities.some((e) => e.key === c));
  return [c, ENTITIES[c]?.group ?? mod?.group ?? CORE_GROUP];
}));

/** Every document group, core first: one Yjs document each, persisted and synced on its own. */
export const GROUPS: readonly string[] = [CORE_GROUP, ...new Set(Object.values(GROUP_OF).filter((g) => g !== CORE_GROUP))];

/** Every dictionary a new workspace starts with (all editable afterwards): the base ones, then each module's. */
export const ALL_DICTIONARIES: DictDef[] = [...BASE_DICTIONARIES, ...DOMAIN_MODULES.flatMap((m) => m.dictionaries ?? [])]
  .filter((d, i, all) => all.findIndex((x) => x.dict === d.dict) === i);
