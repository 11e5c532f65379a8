import type { EntityDef } from './core/entity';
import * as org from './org/entities';
import * as customers from './customers/entities';
import { SALES_ENTITIES, SALES_DICTIONARIES } from './sales/entities';
import { SERVICE_ENTITIES, SERVICE_DICTIONARIES } from './service';
import { BASE_DICTIONARIES, type DictDef } from './core/dictionaries';
import type { EntityRules } from './core/rules';
import { CUSTOMER_RULES } from './customers/rules';
import { SALES_RULES } from './sales/rules';
import { SERVICE_RULES } from './service/rules';

/** Every entity of the product, by collection key. Feature modules add theirs here. */
export const ENTITIES: Record<string, EntityDef> = Object.fromEntries(
  [org.company, org.departments, org.roles, org.users, customers.customers, customers.contacts, customers.competitors,
    ...SALES_ENTITIES, ...SERVICE_ENTITIES].map((d) => [d.key, d]),
);

/** Rules beside the definitions (domain/<module>/rules.ts), by entity key; the one save path reads them. */
export const RULES: Record<string, EntityRules> = { ...CUSTOMER_RULES, ...SALES_RULES, ...SERVICE_RULES };

/** Collections that hold settings rather than business records. */
export const SETTING_COLLECTIONS = ['dictionaries', 'dictOptions', 'customFields'];

export const ALL_COLLECTIONS = [...Object.keys(ENTITIES), ...SETTING_COLLECTIONS];

/** Every dictionary a new workspace starts with (all editable afterwards). */
export const ALL_DICTIONARIES: DictDef[] = [...BASE_DICTIONARIES, ...SALES_DICTIONARIES, ...SERVICE_DICTIONARIES]
  .filter((d, i, all) => all.findIndex((x) => x.dict === d.dict) === i);
