import type { EntityDef } from './entity';
import type { DictDef } from './dictionaries';
import type { EntityRules } from './rules';
import type { ApprovalDocType } from '../approvals/types';

/**
 * What a feature module declares to the domain (domain/<module>/manifest.ts). The registry
 * (domain/registry.ts) is assembled from the list of these: lists, forms, filters, import,
 * export, the recycle bin, the cascade and the custom-field editor pick the entities up.
 */
export interface DomainManifest {
  /** The module's folder name (domain/<key>, store/<key>, ui/<key>). */
  key: string;
  /** Its entity definitions, in the order collections are listed. */
  entities: readonly EntityDef[];
  /** The dictionaries a new workspace starts with for this module (editable afterwards). */
  dictionaries?: readonly DictDef[];
  /** Rules beside the definitions (domain/<module>/rules.ts), by entity key; the one save path reads them. */
  rules?: Readonly<Record<string, EntityRules>>;
  /** The document group of its entities (an entity may name its own); default 'core'. */
  group?: string;
  /** Document types that go through the approval engine (domain/approvals): one entry each. */
  approvals?: readonly ApprovalDocType[];
}

/** Identity with a type check, so a manifest reads as a declaration. */
export function defineDomainModule(m: DomainManifest): DomainManifest {
  return m;
}
