import type { Label } from './entity';
import type { BaseRecord, RecordValues } from './record';
import type { Errors } from './validate';

/**
 * Rules of an entity beyond its definition, declared beside it (domain/<module>/rules.ts) and
 * registered by entity key in domain/registry.ts. ONE save path reads them (store/core/records.ts
 * `saveRecord` / `checkRecord`): the form, the lists, the record pages and CSV import all go
 * through it, so no path skips a rule. Rules are pure: they read the workspace only through the
 * context.
 */
export interface RuleContext {
  /** The acting user (业务员 of what they create). */
  userId: string;
  /** Epoch ms of the save. */
  now: number;
  /** The user's calendar day 'YYYY-MM-DD' (local time). */
  today: string;
  get(collection: string, id: unknown): BaseRecord | undefined;
  live(collection: string): readonly BaseRecord[];
}

export interface EntityRules {
  /**
   * Values a new record starts with, given those chosen so far (a customer picked in the form, a
   * page's fixed values, a CSV row's cells). Only fields the caller left empty take them.
   */
  defaults?(ctx: RuleContext, given: RecordValues): RecordValues;
  /** Derived fields before validation and saving (time spent, 机会金额); `old` is the stored record on edit. */
  prepare?(values: RecordValues, old: BaseRecord | undefined, ctx: RuleContext): RecordValues;
  /** Cross-field checks (zh/en messages by field); nothing is written while any is returned. */
  validate?(values: RecordValues, old: BaseRecord | undefined, ctx: RuleContext): Errors;
  /** Live derivation in the form after an edit of `key`. */
  onEdit?(values: RecordValues, key: string, old: BaseRecord | undefined, ctx: RuleContext): RecordValues;
  /** Fields that may not be typed into now (beyond the definition's readOnly). */
  locked?(old: BaseRecord | undefined, ctx: RuleContext): readonly string[];
  /** Why the record may not go to the recycle bin by hand now, or null. */
  deleteBlocker?(rec: BaseRecord, ctx: RuleContext): Label | null;
}

/** Only the given values that are set (an empty value lets a default through). */
export function setValues(values: RecordValues): RecordValues {
  const out: RecordValues = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

/** Defaults first, then every value that is set. */
export function withDefaults(rules: EntityRules | undefined, ctx: RuleContext, given: RecordValues): RecordValues {
  const d = rules?.defaults?.(ctx, setValues(given)) ?? {};
  return { ...d, ...setValues(given) };
}

/**
 * The form's values after an edit of a new record: a field the user has not chosen (and the page
 * did not fix) follows the defaults when they change because of the edit — pick a customer and
 * its owner becomes the owner, until an owner is chosen. `touched` holds the fields the user chose.
 */
export function followDefaults(
  rules: EntityRules | undefined, ctx: RuleContext, fixed: RecordValues, touched: ReadonlySet<string>,
  prev: RecordValues, next: RecordValues,
): RecordValues {
  if (!rules?.defaults) return next;
  const chosen = (v: RecordValues): RecordValues => {
    const out: RecordValues = { ...fixed };
    for (const k of touched) out[k] = v[k];
    return setValues(out);
  };
  const before = rules.defaults(ctx, chosen(prev));
  const after = rules.defaults(ctx, chosen(next));
  const out = { ...next };
  for (const [k, v] of Object.entries(after)) {
    if (!touched.has(k) && !(k in fixed) && before[k] !== v && next[k] === before[k]) out[k] = v;
  }
  return out;
}

/** The owner of the record's customer, else the acting user: who a new record for a customer belongs to (SPEC B). */
export function customerOwner(ctx: RuleContext, customerId: unknown): string {
  const c = ctx.get('customers', customerId);
  const owner = c && !c.deleted ? c.ownerId : undefined;
  const u = typeof owner === 'string' && owner ? ctx.get('users', owner) : undefined;
  return u && !u.deleted ? u.id : ctx.userId;
}

/** Local date and time as a datetime-local value (minutes). */
export function localDateTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
