/**
 * Exercises a teacher sets (课堂练习): steps chosen from a small library of checks with
 * parameters. A step stores its choice (`ExerciseSpec`) as JSON; `checkOf` turns it into the
 * check the lab guide runs, the same evaluation as the experiments'. Specs come from peers: they
 * are parsed defensively, and an unreadable one is shown as such, never run.
 */
import type { EntityDef, Label, Lang } from '../core/entity';
import { labelOf } from '../core/entity';
import { ENTITIES } from '../registry';
import { EXPERIMENTS } from './experiments';
import type { Check } from './predicates';

export type ExerciseSpec =
  /** One step of the eleven experiments, as it is there. */
  | { template: 'step'; experiment: string; step: string }
  /** At least `atLeast` new records of an entity. */
  | { template: 'create'; entity: string; atLeast: number }
  /** A new record of an entity with a field set to a value (a dictionary code, yes/no, text). */
  | { template: 'createWhere'; entity: string; field: string; value: string | boolean; atLeast: number }
  /** A new record of an entity with at least `atLeast` records of `child` pointing at it. */
  | { template: 'children'; entity: string; child: string; field: string; atLeast: number }
  /** A field of an entity changed (on any record, old or new). */
  | { template: 'edit'; entity: string; field: string };

export type ExerciseTemplate = ExerciseSpec['template'];
export const EXERCISE_TEMPLATES: readonly { key: ExerciseTemplate; label: Label }[] = [
  { key: 'step', label: { zh: '实验中的一个步骤', en: 'A step of an experiment' } },
  { key: 'create', label: { zh: '新增记录', en: 'Add records' } },
  { key: 'createWhere', label: { zh: '新增记录，某字段为指定值', en: 'Add a record with a field set to a value' } },
  { key: 'children', label: { zh: '新增记录及其下属记录', en: 'Add a record with records under it' } },
  { key: 'edit', label: { zh: '修改某字段', en: 'Change a field' } },
];

export function checkOf(spec: ExerciseSpec): Check | null {
  switch (spec.template) {
    case 'step': return EXPERIMENTS.find((e) => e.key === spec.experiment)?.steps.find((s) => s.key === spec.step)?.check ?? null;
    case 'create': return { kind: 'count', entity: spec.entity, atLeast: spec.atLeast };
    case 'createWhere': return { kind: 'count', entity: spec.entity, where: { [spec.field]: spec.value }, atLeast: spec.atLeast };
    case 'children': return { kind: 'count', entity: spec.entity, having: [{ entity: spec.child, field: spec.field, atLeast: spec.atLeast }] };
    case 'edit': return { kind: 'edited', entity: spec.entity, fields: [spec.field] };
  }
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const count = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 1000 ? v : null);

/** A stored spec (JSON text from the workspace), or null when it is not one. */
export function parseSpec(text: unknown): ExerciseSpec | null {
  let v: unknown;
  try { v = typeof text === 'string' ? JSON.parse(text) : null; } catch { return null; }
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  switch (s.template) {
    case 'step': return str(s.experiment) && str(s.step) ? { template: 'step', experiment: s.experiment, step: s.step } : null;
    case 'create': { const n = count(s.atLeast); return str(s.entity) && n ? { template: 'create', entity: s.entity, atLeast: n } : null; }
    case 'createWhere': {
      const n = count(s.atLeast);
      const ok = str(s.entity) && str(s.field) && (typeof s.value === 'boolean' || str(s.value)) && n;
      return ok ? { template: 'createWhere', entity: s.entity as string, field: s.field as string, value: s.value as string | boolean, atLeast: n } : null;
    }
    case 'children': {
      const n = count(s.atLeast);
      return str(s.entity) && str(s.child) && str(s.field) && n ? { template: 'children', entity: s.entity, child: s.child, field: s.field, atLeast: n } : null;
    }
    case 'edit': return str(s.entity) && str(s.field) ? { template: 'edit', entity: s.entity, field: s.field } : null;
    default: return null;
  }
}

export function specText(spec: ExerciseSpec): string {
  return JSON.stringify(spec);
}

/** Entities a teacher may name in a step: the product's records (not embedded rows). */
export function exerciseEntities(entities: Readonly<Record<string, EntityDef>> = ENTITIES): EntityDef[] {
  return Object.values(entities).filter((d) => !d.embedded && d.module !== 'classroom');
}

/** Records that point at `entity` through a reference field: what `children` can ask for (a customer's contacts). */
export function childRelations(entity: string, entities: Readonly<Record<string, EntityDef>> = ENTITIES): { child: string; field: string; label: Label }[] {
  return Object.values(entities).flatMap((d) => d.fields.filter((f) => f.type === 'ref' && f.ref === entity && !f.custom)
    .map((f) => ({ child: d.key, field: f.key, label: { zh: `${d.label.zh}（${f.label.zh}）`, en: `${d.label.en} (${f.label.en})` } })));
}

/** A step's default text in the teacher's words: what the spec asks, named from the definitions. */
export function describeSpec(spec: ExerciseSpec, lang: Lang, valueLabel?: string, entities: Readonly<Record<string, EntityDef>> = ENTITIES): string {
  const name = (e: string) => (entities[e] ? labelOf(entities[e].noun ?? entities[e].label, lang) : e);
  const fieldName = (e: string, f: string) => { const d = entities[e]?.fields.find((x) => x.key === f); return d ? labelOf(d.label, lang) : f; };
  const zh = lang === 'zh';
  switch (spec.template) {
    case 'step': {
      const step = EXPERIMENTS.find((e) => e.key === spec.experiment)?.steps.find((s) => s.key === spec.step);
      return step ? labelOf(step.text, lang) : spec.step;
    }
    case 'create': return zh ? `新增 ${spec.atLeast} 条${name(spec.entity)}` : `Add ${spec.atLeast} × ${name(spec.entity)}`;
    case 'createWhere': {
      const value = valueLabel ?? String(spec.value);
      return zh ? `新增${name(spec.entity)}，${fieldName(spec.entity, spec.field)}为「${value}」` : `Add ${name(spec.entity)} with ${fieldName(spec.entity, spec.field)} = ${value}`;
    }
    case 'children': return zh ? `新增${name(spec.entity)}，含至少 ${spec.atLeast} 条${name(spec.child)}` : `Add ${name(spec.entity)} with at least ${spec.atLeast} × ${name(spec.child)}`;
    case 'edit': return zh ? `修改${name(spec.entity)}的${fieldName(spec.entity, spec.field)}` : `Change ${fieldName(spec.entity, spec.field)} of ${name(spec.entity)}`;
  }
}

/** An exercise as a guide (progress.ts): its steps in order, each with its check; unreadable steps are left out. */
export function exerciseGuide(exerciseId: string, steps: readonly { id: string; spec?: unknown }[]): { key: string; steps: { key: string; check: Check }[] } {
  return {
    key: exerciseGuideKey(exerciseId),
    steps: steps.flatMap((s) => { const spec = parseSpec(s.spec); const check = spec && checkOf(spec); return check ? [{ key: s.id, check }] : []; }),
  };
}

export function exerciseGuideKey(exerciseId: string): string {
  return `ex:${exerciseId}`;
}
