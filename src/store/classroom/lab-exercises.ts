import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord } from '../core/records';
import { moveToBin } from '../core/cascade';
import { can, type RoleLike } from '../../domain/org/modules';
import { refuse, ok, type Result } from '../../domain/core/result';
import { specText, type ExerciseSpec } from '../../domain/classroom/exercises';
import type { BaseRecord, RecordValues } from '../../domain/core/record';

/** Who may publish and edit exercises: an administrator, or a role with write rights on 课堂 (a teacher). */
export function mayTeach(role: RoleLike | undefined): boolean {
  return can(role, 'classroom', 'write');
}

const NOT_TEACHER = { zh: '只有教师（管理员或有「课堂」写权限的角色）可以布置练习。', en: 'Only a teacher (an administrator, or a role that may write 课堂) can set exercises.' };

export interface ExerciseStepInput { id?: string; text: string; spec: ExerciseSpec }

/**
 * Publish or edit an exercise with its steps, in one transaction: changed steps are updated, new
 * ones created, steps the editor dropped go to the bin (a step another device added meanwhile
 * stays). Refused for roles that may not teach.
 */
export function saveExercise(ws: Workspace, role: RoleLike | undefined, userId: string, values: RecordValues, steps: readonly ExerciseStepInput[], id?: string, shown: readonly string[] = []): Result<BaseRecord> {
  if (!mayTeach(role)) return refuse(NOT_TEACHER);
  return ws.transact(() => {
    const saved = saveRecord(ws, entityDef(ws, 'labExercises'), values, id, { userId });
    if (!saved.ok) return saved;
    const exerciseId = saved.value.id;
    const def = entityDef(ws, 'labExerciseSteps');
    const kept = new Set<string>();
    for (const [seq, s] of steps.entries()) {
      const row = saveRecord(ws, def, { exerciseId, seq, text: s.text, spec: specText(s.spec) }, s.id, { userId });
      if (!row.ok) return row;
      kept.add(row.value.id);
    }
    const dropped = shown.filter((sid) => !kept.has(sid));
    if (dropped.length) moveToBin(ws, 'labExerciseSteps', dropped);
    return ok(saved.value);
  });
}

/** An exercise to the recycle bin with its steps. */
export function removeExercise(ws: Workspace, role: RoleLike | undefined, id: string): Result<unknown> {
  if (!mayTeach(role)) return refuse(NOT_TEACHER);
  return moveToBin(ws, 'labExercises', [id]);
}
