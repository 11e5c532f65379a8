import type { EntityDef } from './core/entity';
import * as org from './org/entities';
import * as customers from './customers/entities';

/** Every entity of the product, by collection key. Feature modules add theirs here. */
export const ENTITIES: Record<string, EntityDef> = Object.fromEntries(
  [org.company, org.departments, org.roles, org.users, customers.customers, customers.contacts, customers.competitors]
    .map((d) => [d.key, d]),
);

/** Collections that hold settings rather than business records. */
export const SETTING_COLLECTIONS = ['dictionaries', 'dictOptions', 'customFields'];

export const ALL_COLLECTIONS = [...Object.keys(ENTITIES), ...SETTING_COLLECTIONS];
