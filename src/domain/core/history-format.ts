import { displayName, labelOf, parentsOf, type EntityDef, type FieldDef, type Label, type Lang } from './entity';
import { dateTime, day, money, num } from './format';
import { asNumber } from './numbers';

/*
 * History people can read (修改记录, 系统日志): a logged value as a person names it — labels and
 * display values (customer names, product names, stage names, user names, money, dates,
 * dictionary labels), never ids or JSON. Pure: the page hands in how to name references and
 * dictionary codes and the few words it needs, in its language.
 */

export interface HistoryWords {
  empty: string;
  yes: string;
  no: string;
  /** A reference to a record that is gone (purged, or never arrived): `missing(entity label)`. */
  missing: (what: string) => string;
  /** A value too complex to show (an object from a peer). */
  complex: string;
}

export interface NameEnv {
  lang: Lang;
  /** The record referred to, also in the bin (undefined when it is not here). */
  record: (entity: string, id: string) => Readonly<Record<string, unknown>> | undefined;
  /** The entity's definition (labels, title field). */
  def: (entity: string) => EntityDef | undefined;
  /** A dictionary option's label, '' when the dictionary lacks it. */
  dictLabel: (dict: string, code: string) => string;
  words: HistoryWords;
}

/** An array-valued field that holds ids (a sales entity's `nested`: competitors, team). */
type Nested = { key: string; label: Label; ref?: string };

/** The definition of a field of an entity: a field, a list of ids, or nothing known. */
export function fieldDefOf(def: EntityDef | undefined, field: string): FieldDef | undefined {
  const f = def?.fields.find((x) => x.key === field);
  if (f) return f;
  const n = (def as { nested?: Nested[] } | undefined)?.nested?.find((x) => x.key === field);
  return n?.ref ? { key: n.key, label: n.label, type: 'ref', ref: n.ref } : n ? { key: n.key, label: n.label, type: 'text' } : undefined;
}

/** The name of a referenced record — following the entity's own naming rule — or "missing". */
export function refText(entity: string, id: string, env: NameEnv): string {
  const rec = env.record(entity, id);
  const def = env.def(entity);
  const name = rec ? titleText(def, rec, env) : '';
  return name || env.words.missing(labelOf(def?.label ?? { zh: entity, en: entity }, env.lang));
}

/** A value with no definition to go by: text, figures and flags as such, anything else as "complex". */
function plainValue(v: unknown, env: NameEnv): string {
  if (typeof v === 'string') return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === 'number') return num(v, 2);
  if (typeof v === 'boolean') return v ? env.words.yes : env.words.no;
  return env.words.complex;
}

/** One logged value of a field, as people read it. */
export function valueText(f: FieldDef | undefined, v: unknown, env: NameEnv): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return env.words.empty;
  if (Array.isArray(v)) return v.map((x) => valueText(f, x, env)).join(env.lang === 'zh' ? '、' : ', ');
  if (!f) return plainValue(v, env);
  switch (f.type) {
    case 'ref': return typeof v === 'string' ? refText(f.ref ?? '', v, env) : plainValue(v, env);
    case 'dict': return typeof v === 'string' ? env.dictLabel(f.dict ?? '', v) || v : plainValue(v, env);
    case 'bool': return v === true ? env.words.yes : v === false ? env.words.no : plainValue(v, env);
    case 'money': return asNumber(v) === null ? plainValue(v, env) : money(v);
    case 'number': return asNumber(v) === null ? plainValue(v, env) : num(v, 4);
    case 'percent': return asNumber(v) === null ? plainValue(v, env) : `${num(v, 2)}%`;
    case 'date': return typeof v === 'string' || typeof v === 'number' ? shownOr(day(v, env.lang), v, env) : plainValue(v, env);
    case 'datetime': return typeof v === 'string' || typeof v === 'number' ? shownOr(dateTime(v, env.lang), v, env) : plainValue(v, env);
    default: return plainValue(v, env);
  }
}

/** A formatted value, or the raw one when it did not parse (a date typed by hand in a CSV). */
function shownOr(shown: string, raw: unknown, env: NameEnv): string {
  return shown === '—' ? plainValue(raw, env) : shown;
}

/**
 * What a record is called in history and the log — the entity's naming rule (`titleField`),
 * its value shown as a person reads it (a line titled by its product is the product's name, a
 * step titled by its action the action's label). Embedded rows carry their parent's name and
 * their line number: "BJ-0001 · 报价明细 2 · 服务器" (on the parent's own page, `withParent` false: "报价明细 2 · 服务器").
 */
export function titleText(def: EntityDef | undefined, rec: Readonly<Record<string, unknown>>, env: NameEnv, withParent = true): string {
  if (!def) return '';
  const f = fieldDefOf(def, def.titleField);
  const v = rec[def.titleField];
  const own = f && f.type !== 'text' && f.type !== 'longtext' ? (v === undefined || v === null || v === '' ? '' : valueText(f, v, env)) : displayName(def, rec);
  if (!def.embedded) return own.length > 80 ? `${own.slice(0, 80)}…` : own;
  const rel = parentsOf(def).find((p) => typeof rec[p.field] === 'string');
  const parent = rel && withParent ? env.record(rel.entity, rec[rel.field] as string) : undefined;
  const seq = asNumber(rec.seq);
  const row = `${labelOf(def.label, env.lang)}${seq === null ? '' : ` ${seq + 1}`}`;
  return [parent ? titleText(env.def(rel!.entity), parent, env) : '', row, own].filter(Boolean).join(' · ');
}

/** A field's label (a field not in the definition — from a newer build — by its key). */
export function fieldLabel(def: EntityDef | undefined, field: string, lang: Lang): string {
  const f = fieldDefOf(def, field);
  return f ? labelOf(f.label, lang) : field;
}
