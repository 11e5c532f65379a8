import type { Workspace } from './workspace';
import { mayHold } from './codec';
import type { BaseRecord } from '../../domain/core/record';
import type { Label } from '../../domain/core/entity';
import { ok, refuse, type Result } from '../../domain/core/result';
import { parentsOf } from '../../domain/core/entity';
import {
  blockReason, planDelete, planPurge, planRestore, type CascadePlan, type CascadeReader, type DeleteOptions, type EntityDefs,
  type PlannedRecord,
} from '../../domain/core/cascade';
import { sortRows } from '../../domain/core/rows';
import { ENTITIES } from '../../domain/registry';

/*
 * The one cascade of the product (domain/core/cascade.ts plans it from the entity definitions'
 * `parent` relations; this file reads the workspace and writes the plan in ONE transaction):
 * moving a record to the recycle bin takes its children with it (`deletedWith` = their parent's
 * id), restoring it brings exactly those back, purging it purges them; `block` relations refuse,
 * `detach` relations clear the child's reference.
 */

export type CascadeResult = Result<CascadePlan>;

/** Records of `entity` whose `field` holds `id`, live and binned; bytes that cannot hold it are not parsed. */
export function referring(ws: Workspace, entity: string, field: string, id: string): BaseRecord[] {
  const col = ws.collection(entity);
  const may = mayHold(field, id);
  const out: BaseRecord[] = [];
  for (const [key, raw] of col.map.entries()) {
    if (!may(raw)) continue;
    const r = col.get(key);
    if (r && r[field] === id) out.push(r);
  }
  return out;
}

export function workspaceReader(ws: Workspace): CascadeReader {
  return {
    get: (entity, id) => ws.collection(entity).get(id),
    referring: (entity, field, id) => referring(ws, entity, field, id),
  };
}

/** What moving these records to the bin takes with it, clears, or is refused by. */
export function planBin(ws: Workspace, entity: string, ids: readonly string[], opts: DeleteOptions = {}, defs: EntityDefs = ENTITIES): CascadePlan {
  return planDelete(defs, entity, ids, workspaceReader(ws), opts);
}

/** Why this record cannot go to the bin (a `block` relation with live children), or null. */
export function binBlocker(ws: Workspace, entity: string, rec: BaseRecord, defs: EntityDefs = ENTITIES): Label | null {
  return blockReason(planDelete(defs, entity, [rec.id], workspaceReader(ws), { rootsInBin: true }));
}

/** Write a bin plan (the caller checked its blocks). */
export function writeBin(ws: Workspace, plan: CascadePlan): void {
  ws.transact(() => {
    for (const r of plan.records) {
      // a record asked for is a bin entry of its own (no `deletedWith`, even a stale one)
      ws.collection(r.entity).update(r.id, { deleted: true, deletedWith: r.with });
    }
    for (const d of plan.detach) ws.collection(d.entity).update(d.id, { [d.field]: undefined });
  });
}

/** Move records to the recycle bin with everything that belongs to them — or nothing, with the reason. */
export function moveToBin(ws: Workspace, entity: string, ids: readonly string[], defs: EntityDefs = ENTITIES): CascadeResult {
  const plan = planBin(ws, entity, ids, {}, defs);
  const why = blockReason(plan);
  if (why) return refuse(why);
  writeBin(ws, plan);
  return ok(plan);
}

/** Restore a record from the bin and what went there with it; returns what was restored. */
export function restoreWithChildren(ws: Workspace, entity: string, id: string, defs: EntityDefs = ENTITIES): PlannedRecord[] {
  const items = planRestore(defs, entity, id, workspaceReader(ws));
  ws.transact(() => {
    for (const r of items) ws.collection(r.entity).update(r.id, { deleted: false, deletedWith: undefined });
  });
  return items;
}

/** Delete a record for good with everything that belongs to it — or nothing, with the reason. */
export function purgeWithChildren(ws: Workspace, entity: string, id: string, defs: EntityDefs = ENTITIES): CascadeResult {
  const plan = planPurge(defs, entity, id, workspaceReader(ws));
  const why = blockReason(plan);
  if (why) return refuse(why);
  ws.transact(() => {
    for (const d of plan.detach) ws.collection(d.entity).update(d.id, { [d.field]: undefined });
    // children first: the history reads best as the parent going last
    for (const r of [...plan.records].reverse()) ws.collection(r.entity).purge(r.id);
  });
  return ok(plan);
}

/** How many records went to the bin with this one (shown beside it in the bin). */
export function binnedWith(ws: Workspace, entity: string, id: string, defs: EntityDefs = ENTITIES): number {
  return planRestore(defs, entity, id, workspaceReader(ws)).filter((r) => !defs[r.entity]?.embedded).length - 1;
}

/**
 * The live child rows of one parent (quote lines, steps…) in display order (`seq`, then id).
 * `child` must have one parent relation; `sort` may be replaced (steps go by time).
 */
export function rowsOf<T extends BaseRecord = BaseRecord>(ws: Workspace, child: string, parentId: string, sort: (rows: readonly T[]) => T[] = sortRows): T[] {
  const rel = parentsOf(ENTITIES[child])[0];
  if (!rel) throw new Error(`${child} has no parent relation`);
  return sort(ws.collection<T>(child).liveWhere(rel.field, parentId));
}

/** Live rows of every parent at once, by parent id (for lists and analyses over many parents). */
export function rowsByParent<T extends BaseRecord = BaseRecord>(ws: Workspace, child: string, sort: (rows: readonly T[]) => T[] = sortRows): Map<string, T[]> {
  const rel = parentsOf(ENTITIES[child])[0];
  if (!rel) throw new Error(`${child} has no parent relation`);
  const out = new Map<string, T[]>();
  for (const r of ws.collection<T>(child).live()) {
    const pid = r[rel.field];
    if (typeof pid !== 'string') continue;
    const list = out.get(pid);
    if (list) list.push(r); else out.set(pid, [r]);
  }
  for (const [k, list] of out) out.set(k, sort(list));
  return out;
}
