import type { EntityDef, FieldDef, Label } from './entity';
import type { BaseRecord, RecordValues } from './record';
import { asNumber } from './numbers';

export type Errors = Record<string, Label>;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE_RE = /^[+\d][\d\s\-()]{4,}$/;

export function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '';
}

/** Whether a date string is a real calendar date (2023-02-30 is not). */
export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Problem with one value of a field, or null. Values come from forms, CSV or peers. */
export function checkValue(f: FieldDef, v: unknown, dictCodes?: Set<string>): Label | null {
  if (isEmpty(v)) return f.required ? { zh: `${f.label.zh}不能为空`, en: `${f.label.en} is required` } : null;
  switch (f.type) {
    case 'number': case 'money': case 'percent': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return { zh: `${f.label.zh}必须是数字`, en: `${f.label.en} must be a number` };
      if (f.min !== undefined && v < f.min) return { zh: `${f.label.zh}不能小于 ${f.min}`, en: `${f.label.en} must be at least ${f.min}` };
      if (f.max !== undefined && v > f.max) return { zh: `${f.label.zh}不能大于 ${f.max}`, en: `${f.label.en} must be at most ${f.max}` };
      return null;
    }
    case 'date':
      return typeof v === 'string' && isValidDate(v) ? null
        : { zh: `${f.label.zh}不是有效日期(格式 2024-03-15)`, en: `${f.label.en} is not a valid date (2024-03-15)` };
    case 'datetime':
      // text typed in a form, or epoch milliseconds written by a workflow (completion, audit)
      return (typeof v === 'string' && !Number.isNaN(Date.parse(v))) || (typeof v === 'number' && Number.isFinite(v)) ? null
        : { zh: `${f.label.zh}不是有效时间`, en: `${f.label.en} is not a valid date and time` };
    case 'bool':
      return typeof v === 'boolean' ? null : { zh: `${f.label.zh}必须是“是”或“否”`, en: `${f.label.en} must be yes or no` };
    case 'email':
      return typeof v === 'string' && EMAIL_RE.test(v) ? null : { zh: `${f.label.zh}格式不正确`, en: `${f.label.en} is not a valid email` };
    case 'phone':
      return typeof v === 'string' && PHONE_RE.test(v) ? null : { zh: `${f.label.zh}格式不正确`, en: `${f.label.en} is not a valid phone number` };
    case 'dict':
      if (typeof v !== 'string') return typeOf(f);
      return dictCodes && !dictCodes.has(v) ? { zh: `${f.label.zh}没有选项“${v}”`, en: `${f.label.en} has no option "${v}"` } : null;
    default:
      return typeof v === 'string' ? null : typeOf(f);
  }
}

function typeOf(f: FieldDef): Label {
  return { zh: `${f.label.zh}的数据格式错误`, en: `${f.label.en} holds malformed data` };
}

export interface ValidationContext {
  /** Options of each dictionary, by dictionary name. */
  dictCodes?: (dict: string) => Set<string> | undefined;
  /** Live records of the entity, for unique checks. */
  existing?: Iterable<BaseRecord>;
  /** Id of the record being edited (excluded from unique checks). */
  selfId?: string;
}

/** All problems of a set of values against the entity definition; empty when valid. */
export function validate(def: EntityDef, values: RecordValues, ctx: ValidationContext = {}): Errors {
  const errors: Errors = {};
  for (const f of def.fields) {
    const msg = checkValue(f, values[f.key], f.dict ? ctx.dictCodes?.(f.dict) : undefined);
    if (msg) errors[f.key] = msg;
  }
  for (const f of def.fields.filter((x) => x.unique && !isEmpty(values[x.key]))) {
    if (errors[f.key] || !ctx.existing) continue;
    for (const r of ctx.existing) {
      if (r.id !== ctx.selfId && !r.deleted && r[f.key] === values[f.key]) {
        errors[f.key] = { zh: `${f.label.zh}“${String(values[f.key])}”已存在`, en: `${f.label.en} "${String(values[f.key])}" already exists` };
        break;
      }
    }
  }
  return errors;
}

/**
 * Malformed data inside a stored record (e.g. an object where a number belongs, usually from a
 * buggy or hostile peer). Missing required values are not reported here: only wrong shapes.
 */
export function malformedFields(def: EntityDef, rec: BaseRecord): Errors {
  const errors: Errors = {};
  for (const f of def.fields) {
    const v = rec[f.key];
    if (isEmpty(v)) continue;
    const msg = checkValue({ ...f, required: false, min: undefined, max: undefined }, v);
    if (msg) errors[f.key] = msg;
  }
  return errors;
}

/** Convert raw text (from a form input or a CSV cell) into the field's value type. */
export function parseInput(f: FieldDef, raw: string, dictLookup?: (label: string) => string | undefined): unknown {
  const s = raw.trim();
  if (s === '') return undefined;
  switch (f.type) {
    case 'number': case 'money': case 'percent': {
      const n = asNumber(s.replace(/[¥%\s]/g, ''));
      return n === null ? s : n; // keep the text so validation can say what was wrong
    }
    case 'bool':
      if (/^(是|y|yes|true|1|✓)$/i.test(s)) return true;
      if (/^(否|n|no|false|0)$/i.test(s)) return false;
      return s;
    case 'date': {
      const m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
      return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s;
    }
    case 'dict':
      return dictLookup?.(s) ?? s;
    default:
      return s;
  }
}
