import type { EntityDef, FieldDef } from './entity';
import type { BaseRecord } from './record';

/** The seven operators of the filter builder (SPEC C). */
export type Op = 'contains' | 'eq' | 'ne' | 'gt' | 'lt' | 'gte' | 'lte';
export const OPS: Op[] = ['contains', 'eq', 'ne', 'gt', 'lt', 'gte', 'lte'];

export interface Condition { field: string; op: Op; value: string }
export interface Filter { join: 'and' | 'or'; conditions: Condition[] }

/** Text-like fields have no order: greater/less are not offered on them. */
export function opsFor(f: FieldDef): Op[] {
  return ordered(f) ? OPS : ['contains', 'eq', 'ne'];
}

function ordered(f: FieldDef): boolean {
  return ['number', 'money', 'percent', 'date', 'datetime'].includes(f.type);
}

/** How a stored value is shown and searched as text (dict codes become their labels). */
export type Display = (f: FieldDef, v: unknown) => string;

/** Build a predicate for a filter; conditions on unknown fields are ignored. */
export function compileFilter(def: EntityDef, filter: Filter, display: Display): (r: BaseRecord) => boolean {
  const tests = filter.conditions
    .filter((c) => c.value.trim() !== '' || c.op === 'eq' || c.op === 'ne')
    .map((c) => compileCondition(def, c, display))
    .filter((t): t is (r: BaseRecord) => boolean => t !== null);
  if (!tests.length) return () => true;
  return filter.join === 'or' ? (r) => tests.some((t) => t(r)) : (r) => tests.every((t) => t(r));
}

function compileCondition(def: EntityDef, c: Condition, display: Display): ((r: BaseRecord) => boolean) | null {
  const f = def.fields.find((x) => x.key === c.field);
  if (!f) return null;
  const want = c.value.trim().toLowerCase();
  if (ordered(f) && c.op !== 'contains') {
    const num = f.type === 'date' || f.type === 'datetime' ? null : Number(want);
    const cmp = (v: unknown): number | null => {
      if (num !== null) return typeof v === 'number' && Number.isFinite(v) && !Number.isNaN(num) ? v - num : null;
      // a date matches a prefix: "2024-03" equals every day of March 2024
      return typeof v === 'string' && v !== '' ? (v.startsWith(want) ? 0 : v < want ? -1 : 1) : null;
    };
    return orderTest(c.op, (r) => cmp(r[f.key]));
  }
  const text = (r: BaseRecord) => display(f, r[f.key]).toLowerCase();
  switch (c.op) {
    case 'contains': return (r) => text(r).includes(want);
    case 'eq': return (r) => text(r) === want;
    case 'ne': return (r) => text(r) !== want;
    default: return null; // greater/less on text: not offered, ignored if a saved filter has it
  }
}

function orderTest(op: Op, cmp: (r: BaseRecord) => number | null): (r: BaseRecord) => boolean {
  const ok = (f: (d: number) => boolean) => (r: BaseRecord) => { const d = cmp(r); return d !== null && f(d); };
  switch (op) {
    case 'eq': return ok((d) => d === 0);
    case 'ne': return (r) => cmp(r) !== 0;
    case 'gt': return ok((d) => d > 0);
    case 'lt': return ok((d) => d < 0);
    case 'gte': return ok((d) => d >= 0);
    default: return ok((d) => d <= 0);
  }
}

/** Compare two records by a field for sorting; empty and malformed values sort last. */
export function compareBy(f: FieldDef, display: Display): (a: BaseRecord, b: BaseRecord) => number {
  if (ordered(f) || f.type === 'bool') {
    return (a, b) => {
      const x = a[f.key], y = b[f.key];
      const okX = typeof x === 'number' || typeof x === 'string' || typeof x === 'boolean';
      const okY = typeof y === 'number' || typeof y === 'string' || typeof y === 'boolean';
      if (!okX || !okY) return okX ? -1 : okY ? 1 : 0;
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  const collator = new Intl.Collator('zh-Hans-CN', { numeric: true });
  return (a, b) => {
    const x = display(f, a[f.key]), y = display(f, b[f.key]);
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    return collator.compare(x, y);
  };
}
