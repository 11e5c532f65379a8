import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../core/record';
import { EXPERIMENTS } from './experiments';
import { evaluate, type Check, type FieldTest, type LabData, type Where } from './predicates';

/**
 * Every step of every experiment on hand-made data: a witness built from the step's own check
 * (the records, edit or event it asks for, made after the start) ticks it, and the same work
 * done before the start — the sample company's case — does not. The `approved` kind has its
 * own cases in predicates.test.ts (quotes, lines, approval steps and the limit).
 */
const T0 = 5_000_000;

/** A value that passes the test. */
function passing(test: FieldTest): unknown {
  if (typeof test !== 'object' || test === null) return test;
  if ('in' in test) return test.in[0];
  if ('not' in test) return `${String(test.not)}-other`;
  if ('filled' in test) return test.filled ? 'filled' : '';
  if ('atLeast' in test) return test.atLeast;
  return test.below - 1;
}
const valuesOf = (where: Where | undefined) => Object.fromEntries(Object.entries(where ?? {}).map(([k, t]) => [k, passing(t)]));

let n = 0;
function rec(at: number, values: Record<string, unknown>, edited: string[] = [], editAt = at): BaseRecord {
  const _s = edited.length ? Object.fromEntries(edited.map((f) => [f, [editAt, 2]])) : undefined;
  return { id: `r${++n}`, createdAt: at, updatedAt: Math.max(at, editAt), createdBy: 'stu', updatedBy: 'stu', _c: [at, 1], ...(_s ? { _s } : {}), ...values } as BaseRecord;
}

/** The work the check asks for, done at `at` (for `edited`: on a record made long before, changed at `at`). */
function witness(c: Exclude<Check, { kind: 'approved' }>, at: number): LabData {
  const tables: Record<string, BaseRecord[]> = {};
  const add = (entity: string, r: BaseRecord) => { (tables[entity] ??= []).push(r); return r; };
  switch (c.kind) {
    case 'count': {
      for (let i = 0; i < Math.max(1, c.atLeast ?? 1); i++) {
        const parent = add(c.entity, rec(at, { ...valuesOf(c.where), ...(c.per ? { [c.per]: 'group-1' } : {}), ...(i === 0 ? valuesOf(c.some) : {}) }));
        for (const h of c.having ?? []) {
          for (let j = 0; j < Math.max(1, h.atLeast ?? 1); j++) add(h.entity, rec(at, { ...valuesOf(h.where), ...(j === 0 ? valuesOf(h.some) : {}), [h.field]: parent.id }));
        }
      }
      return { tables };
    }
    case 'edited':
      add(c.entity, rec(at - 1_000_000, { ...valuesOf(c.where), [c.fields[0]]: passing(c.where?.[c.fields[0]] ?? { filled: true }) }, [c.fields[0]], at));
      return { tables };
    case 'sequence':
      add(c.entity, rec(at, { ...valuesOf(c.where), [c.per]: 'o1', [c.order]: at + 1 }));
      add(c.entity, rec(at + 2, { ...valuesOf(c.where), [c.per]: 'o1', [c.order]: at + 3 }));
      return { tables };
    case 'event':
      return { tables, events: [{ event: c.event, params: c.params, at, by: 'stu' }] };
  }
}

describe('every step of the eleven experiments, on hand-made data', () => {
  for (const e of EXPERIMENTS) {
    it(`${e.no} ${e.title.zh}: each step ticks on its work since the start, not on the same work before it`, () => {
      for (const s of e.steps) {
        if (s.check.kind === 'approved') continue;
        const done = evaluate(s.check, witness(s.check, T0 + 10), T0);
        expect(done.done, `${e.key}.${s.key}`).toBe(true);
        if (s.check.kind !== 'event') expect(done.by, `${e.key}.${s.key}`).toEqual(['stu']);
        expect(evaluate(s.check, witness(s.check, T0 - 500), T0).done, `${e.key}.${s.key} before the start`).toBe(false);
        expect(evaluate(s.check, { tables: {} }, T0).done, `${e.key}.${s.key} on nothing`).toBe(false);
      }
    });
  }
});
