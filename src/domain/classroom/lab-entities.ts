import type { EntityDef, FieldDef } from '../core/entity';

/**
 * The lab guide's records in the workspace (shared by the group, synced like any record):
 * when each experiment or exercise was started, and the exercises a teacher publishes.
 */
export const CLASSROOM_MODULE = 'classroom';

const field = (key: string, zh: string, en: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef =>
  ({ key, label: { zh, en }, type, ...extra });

/**
 * 开始实验: one record per experiment or exercise, its id derived from the guide's key
 * (`runId`), so two students pressing 开始实验 while apart write the same record.
 */
export const labRunsDef: EntityDef = {
  key: 'labRuns', module: CLASSROOM_MODULE, label: { zh: '实验进度', en: 'Lab runs' }, titleField: 'guide', embedded: true,
  fields: [
    field('guide', '实验', 'Experiment', 'text', { required: true, readOnly: true }),
    field('startedAt', '开始时间', 'Started', 'datetime', { required: true }),
  ],
};

/** 练习: a task list a teacher publishes to the workspace; its steps are checked like an experiment's. */
export const labExercisesDef: EntityDef = {
  key: 'labExercises', module: CLASSROOM_MODULE, label: { zh: '课堂练习', en: 'Exercises' }, noun: { zh: '练习', en: 'Exercise' }, titleField: 'title',
  fields: [
    field('title', '标题', 'Title', 'text', { required: true, width: 220 }),
    field('due', '截止日期', 'Due', 'date', { width: 100 }),
    field('note', '说明', 'Notes', 'longtext'),
  ],
};

/** A step of an exercise: its text and its check, chosen from the library (exercises.ts), as JSON. */
export const labExerciseStepsDef: EntityDef = {
  key: 'labExerciseSteps', module: CLASSROOM_MODULE, label: { zh: '练习步骤', en: 'Exercise steps' }, titleField: 'text', embedded: true,
  parent: { entity: 'labExercises', field: 'exerciseId', onDelete: 'cascade' },
  fields: [
    field('exerciseId', '练习', 'Exercise', 'ref', { ref: 'labExercises', required: true }),
    field('seq', '序号', 'No.', 'number'),
    field('text', '步骤', 'Step', 'text', { required: true }),
    field('spec', '检查', 'Check', 'longtext', { required: true, hidden: true }),
  ],
};

export const CLASSROOM_ENTITIES: EntityDef[] = [labRunsDef, labExercisesDef, labExerciseStepsDef];

/** The run record of a guide (an experiment's key, or `ex:<exercise id>`). */
export function runId(guide: string): string {
  return `run.${guide}`;
}
