import type { Label } from '../core/entity';
import type { EntityRules } from '../core/rules';
import type { Errors } from '../core/validate';
import type { Values } from '../core/read';
import type { ApprovalDocType, ApprovalPhase } from './types';

/**
 * Where a document keeps its approval state: the doc type's `statusField` (default `status`). Every
 * read and write of the state goes through these, so a document type whose `status` is a flow of its
 * own (a market activity's planned → running → finished) keeps its approval beside it.
 */
export function statusFieldOf(dt: Pick<ApprovalDocType, 'statusField'>): string {
  return dt.statusField ?? 'status';
}

/** The stored approval status value of a document. */
export function storedStatus(dt: Pick<ApprovalDocType, 'statusField'>, doc: Values): unknown {
  return doc[statusFieldOf(dt)];
}

/** The stored status as an approval phase (empty: draft; a status beyond approval — executing, completed — reads as approved). */
export function storedPhase(dt: Pick<ApprovalDocType, 'statusField' | 'statusValue'>, doc: Values): ApprovalPhase {
  const v = storedStatus(dt, doc);
  if (v === undefined || v === null || v === '') return 'draft';
  const entries = Object.entries(dt.statusValue) as [ApprovalPhase, string][];
  return entries.find(([, s]) => s === v)?.[0] ?? 'approved';
}

/** Whether the document waits for a decision (its stored status is the pending value). */
export function isPendingDoc(dt: Pick<ApprovalDocType, 'statusField' | 'statusValue'>, doc: Values): boolean {
  return storedStatus(dt, doc) === dt.statusValue.pending;
}

/**
 * The two rules every approved document shares, for the fields an approval covers: locked while
 * pending (refused on the one save path, not typed into in the form) and, once decided, an edit of
 * them sends the document back to draft (an approval covered the content it saw). Read through
 * the doc type's status field. Spread into an entity's rules; `validate` returns only the lock.
 */
export function approvalLockRules(dt: ApprovalDocType, fields: readonly string[], locked: Label): Required<Pick<EntityRules, 'prepare' | 'locked' | 'deleteBlocker'>> & { lockErrors(values: Values, old?: Values): Errors } {
  const key = statusFieldOf(dt);
  const changed = (values: Values, old: Values) => fields.some((k) => k in values && values[k] !== old[k]);
  return {
    prepare: (values, old) => {
      if (!old || !changed(values, old)) return values;
      const phase = storedPhase(dt, old);
      return phase === 'approved' || phase === 'rejected' ? { ...values, [key]: dt.statusValue.draft } : values;
    },
    lockErrors: (values, old) => {
      if (!old || !isPendingDoc(dt, old) || !changed(values, old)) return {};
      return { [fields.find((k) => k in values && values[k] !== old[k])!]: locked };
    },
    locked: (old) => (old && isPendingDoc(dt, old) ? [...fields] : []),
    deleteBlocker: (rec) => (isPendingDoc(dt, rec) ? locked : null),
  };
}
