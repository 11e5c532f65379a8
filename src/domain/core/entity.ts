/**
 * Entity definitions are data: the generic list, form, filter builder, CSV import and export
 * all read them, so a field (or a custom field added at run time) works everywhere at once.
 */

export type Lang = 'zh' | 'en';
export interface Label { zh: string; en: string }

export type FieldType =
  | 'text' | 'longtext' | 'number' | 'money' | 'percent' | 'date' | 'datetime'
  | 'bool' | 'dict' | 'ref' | 'phone' | 'email' | 'url';

export interface FieldDef {
  key: string;
  label: Label;
  type: FieldType;
  required?: boolean;
  /** Unique among live records of the entity (e.g. a customer code). */
  unique?: boolean;
  /** For `dict`: the dictionary whose options the field takes. */
  dict?: string;
  /** For `ref`: the entity referred to (its records' `displayName` is shown). */
  ref?: string;
  /**
   * For `ref`: the records that fit this one — whose `field` holds this record's own value of
   * `field`, or the value of a record it refers to (a contact record's customer is its
   * opportunity's) — are offered first, or `only` they are (`domain/core/pickers.ts`). A contact
   * of the chosen customer; a stage of the opportunity's sales mode.
   */
  near?: { field: string; only?: boolean };
  min?: number;
  max?: number;
  /** Hidden from lists by default (still available in column settings). */
  hidden?: boolean;
  /** Left off the form by default (a user adds it with 表单布局; required fields never are). */
  formHidden?: boolean;
  /** Column width in px for lists. */
  width?: number;
  /** Computed or written by a workflow: shown in forms but never typed into, skipped by import. */
  readOnly?: boolean;
  /** Added at run time by a user (自定义字段). */
  custom?: boolean;
}

export interface EntityDef {
  /** Collection name in the workspace document, e.g. `customers`. */
  key: string;
  /** Permission module it belongs to (see domain/org/modules.ts). */
  module: string;
  label: Label;
  /** What one record is called where its page is named (the browser tab): 客户, while the list is 客户档案. Default: `label`. */
  noun?: Label;
  fields: FieldDef[];
  /** The field that names a record wherever it is named (`displayName`): titles, links, pickers, the bin. */
  titleField: string;
  /** The field holding the record's English name, used in English when filled (a role's, a sales stage's `nameEn`). */
  titleFieldEn?: string;
  /** The key fields a phone's list shows on each record's card, the first as its title (default: the list's first columns). */
  cardFields?: readonly string[];
  /** Dictionary used as the category tree beside the list, if any. */
  treeField?: string;
  /** For the data scope, records without an owner of their own follow this parent (contacts → customer). */
  scopeVia?: { field: string; entity: string };
  /**
   * The record belongs to a parent record (its `field` holds the parent's id): deleting the parent
   * takes it to the recycle bin, blocks, or detaches it (`store/core/cascade.ts`). A list is an
   * ordered choice for a record that may name several parents: the first relation whose field is
   * set owns it (a quote of a maintenance record that also names its opportunity belongs to the
   * record, not to the opportunity).
   */
  parent?: ParentRel | readonly ParentRel[];
  /**
   * Rows shown only on their parent's page (quote lines, approval and complaint steps): no list,
   * form, custom fields or recycle-bin entry of their own. Each row is its own record, so rows
   * added on two devices while apart are both kept.
   */
  embedded?: boolean;
  /**
   * The document group that stores it (store/core/workspace.ts): large, busy collections live in
   * a Yjs document of their own, persisted and synced on its own. Default: the module's group,
   * else 'core'.
   */
  group?: string;
}

/** What happens to a child when its parent goes to the recycle bin. */
export type OnDelete = 'cascade' | 'block' | 'detach';

export interface ParentRel {
  /** The parent entity (collection key). */
  entity: string;
  /** The child's field that holds the parent's id. */
  field: string;
  /**
   * cascade: the child goes to the bin with the parent and comes back with it; purged with it.
   * block: the parent cannot be deleted while it has live children.
   * detach: the child stays and its reference is cleared.
   */
  onDelete: OnDelete;
}

/** The entity's parent relations, in order (the first whose field a record sets owns it). */
export function parentsOf(def: EntityDef | undefined): readonly ParentRel[] {
  const p = def?.parent;
  return p === undefined ? [] : Array.isArray(p) ? p : [p as ParentRel];
}

export function fieldOf(def: EntityDef, key: string): FieldDef | undefined {
  return def.fields.find((f) => f.key === key);
}

export function labelOf(l: Label, lang: Lang): string {
  return l[lang] || l.zh;
}

/** An entity definition extended with the custom fields defined for it. */
export function withCustomFields(def: EntityDef, custom: FieldDef[]): EntityDef {
  if (!custom.length) return def;
  const known = new Set(def.fields.map((f) => f.key));
  return { ...def, fields: [...def.fields, ...custom.filter((f) => !known.has(f.key)).map((f) => ({ ...f, custom: true }))] };
}

/**
 * What a record is called — page titles, references, pickers, the recycle bin, history: its
 * entity's `titleField`, as text. A value of the wrong type (from a peer) names nothing (never
 * "[object Object]", and String() on a hostile object can throw). In English, the `titleFieldEn`
 * where the definition has one and the record fills it.
 */
export function displayName(def: Pick<EntityDef, 'titleField' | 'titleFieldEn'> | undefined, rec: Readonly<Record<string, unknown>> | undefined, lang: Lang = 'zh'): string {
  const en = lang === 'en' && def?.titleFieldEn ? rec?.[def.titleFieldEn] : undefined;
  if (typeof en === 'string' && en.trim()) return en;
  const v = rec?.[def?.titleField ?? 'name'];
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}
