import { parentsOf, type EntityDef, type Label, type ParentRel } from './entity';
import { asText, isDeleted, type Values } from './read';

/*
 * What deleting, restoring or purging a record does to the records that belong to it, read from
 * the entity definitions' `parent` relations (entity.ts) — one rule for every module:
 *
 *  - cascade: live children go to the recycle bin with their parent, marked `deletedWith` = the
 *    parent's id, so restoring the parent brings back exactly those (not a child someone had
 *    deleted on its own before); purging the parent purges its children whatever their state.
 *  - block:   a parent with live children cannot be deleted (or purged); the reason is given in
 *             Chinese and English.
 *  - detach:  the children stay; their reference to the parent is cleared.
 *
 * A record that may name several parents (a quote: contact record, maintenance record, project,
 * opportunity) belongs to the first relation, in its definition's order, whose field it sets.
 * Pure: the planners read records through `CascadeReader` and return what to write; the store
 * (store/core/cascade.ts) writes a plan in one transaction.
 */

export interface CascadeReader {
  get(entity: string, id: string): Values | undefined;
  /** Records of `entity` whose `field` holds `id`, live and in the bin. */
  referring(entity: string, field: string, id: string): readonly Values[];
}

export type EntityDefs = Readonly<Record<string, EntityDef>>;

/** A parent relation seen from the parent: which entity's records point at it, by which field. */
export interface ChildRelation extends ParentRel { child: string }

export interface PlannedRecord {
  entity: string;
  id: string;
  /** The parent it goes with (written as `deletedWith`); absent for the records asked for. */
  with?: string;
}

export interface Detach { entity: string; id: string; field: string }

export interface Block { entity: string; id: string; child: string; count: number; message: Label }

export interface CascadePlan {
  /** The records asked for first, then what goes with them (parents before children). */
  records: PlannedRecord[];
  /** References to clear (detach relations). */
  detach: Detach[];
  /** Why the whole plan is refused (block relations); empty when it may go ahead. */
  blocks: Block[];
}

const cache = new WeakMap<EntityDefs, Map<string, ChildRelation[]>>();

/** The relations whose parent is `entity` (children's definitions, in registry order). */
export function childRelations(defs: EntityDefs, entity: string): ChildRelation[] {
  let byParent = cache.get(defs);
  if (!byParent) {
    byParent = new Map();
    for (const def of Object.values(defs)) {
      for (const rel of parentsOf(def)) {
        const list = byParent.get(rel.entity) ?? [];
        list.push({ ...rel, child: def.key });
        byParent.set(rel.entity, list);
      }
    }
    cache.set(defs, byParent);
  }
  return byParent.get(entity) ?? [];
}

/** The relation that owns the record: the first of its entity's relations whose field it sets. */
export function owningRelation(def: EntityDef | undefined, rec: Values): ParentRel | null {
  return parentsOf(def).find((r) => asText(rec[r.field]) !== null) ?? null;
}

function owns(defs: EntityDefs, rel: ChildRelation, rec: Values): boolean {
  const own = owningRelation(defs[rel.child], rec);
  return own !== null && own.entity === rel.entity && own.field === rel.field;
}

/** Children of one parent through one relation (owned by it), optionally only live ones. */
function childrenOf(defs: EntityDefs, read: CascadeReader, rel: ChildRelation, parentId: string): Values[] {
  return read.referring(rel.child, rel.field, parentId).filter((c) => typeof c.id === 'string' && owns(defs, rel, c));
}

const key = (entity: string, id: string) => `${entity}\u0000${id}`;

function blockOf(defs: EntityDefs, rel: ChildRelation, parentId: string, count: number): Block {
  const parent = defs[rel.entity]?.label ?? { zh: rel.entity, en: rel.entity };
  const child = defs[rel.child]?.label ?? { zh: rel.child, en: rel.child };
  return {
    entity: rel.entity, id: parentId, child: rel.child, count,
    message: {
      zh: `该${parent.zh}下还有 ${count} 条${child.zh},请先处理后再删除`,
      en: `This record (${parent.en}) still has ${count} of ${child.en}; deal with them before deleting it`,
    },
  };
}

export interface DeleteOptions {
  /**
   * The records asked for are already in the bin (a generic list moved them there itself):
   * plan what goes with them all the same. Otherwise a record already in the bin plans nothing.
   */
  rootsInBin?: boolean;
}

/** What moving `ids` of `entity` to the recycle bin takes with it, clears, or is refused by. */
export function planDelete(defs: EntityDefs, entity: string, ids: readonly string[], read: CascadeReader, opts: DeleteOptions = {}): CascadePlan {
  const plan: CascadePlan = { records: [], detach: [], blocks: [] };
  const seen = new Set<string>();
  const visit = (ent: string, id: string, parent?: string) => {
    if (seen.has(key(ent, id))) return;
    seen.add(key(ent, id));
    plan.records.push(parent === undefined ? { entity: ent, id } : { entity: ent, id, with: parent });
    for (const rel of childRelations(defs, ent)) {
      const live = childrenOf(defs, read, rel, id).filter((c) => !isDeleted(c));
      if (!live.length) continue;
      if (rel.onDelete === 'block') plan.blocks.push(blockOf(defs, rel, id, live.length));
      else if (rel.onDelete === 'detach') for (const c of live) plan.detach.push({ entity: rel.child, id: c.id as string, field: rel.field });
      else for (const c of live) visit(rel.child, c.id as string, id);
    }
  };
  for (const id of ids) {
    const rec = read.get(entity, id);
    if (rec && (opts.rootsInBin || !isDeleted(rec))) visit(entity, id);
  }
  return plan;
}

/**
 * What restoring a record from the bin brings back with it: the children that went to the bin
 * with it (`deletedWith` its id), and theirs, and so on. The record itself comes first.
 */
export function planRestore(defs: EntityDefs, entity: string, id: string, read: CascadeReader): PlannedRecord[] {
  const out: PlannedRecord[] = [];
  const seen = new Set<string>();
  const visit = (ent: string, rid: string, parent?: string) => {
    if (seen.has(key(ent, rid))) return;
    seen.add(key(ent, rid));
    out.push(parent === undefined ? { entity: ent, id: rid } : { entity: ent, id: rid, with: parent });
    for (const rel of childRelations(defs, ent)) {
      if (rel.onDelete !== 'cascade') continue;
      for (const c of childrenOf(defs, read, rel, rid)) if (isDeleted(c) && c.deletedWith === rid) visit(rel.child, c.id as string, rid);
    }
  };
  if (read.get(entity, id)) visit(entity, id);
  return out;
}

/**
 * What purging a record (deleting it for good) takes with it: every child through a cascade
 * relation, whatever its state (a child left behind would point at nothing), and theirs; detach
 * relations clear the reference; a block relation with live children refuses.
 */
export function planPurge(defs: EntityDefs, entity: string, id: string, read: CascadeReader): CascadePlan {
  const plan: CascadePlan = { records: [], detach: [], blocks: [] };
  const seen = new Set<string>();
  const visit = (ent: string, rid: string, parent?: string) => {
    if (seen.has(key(ent, rid))) return;
    seen.add(key(ent, rid));
    plan.records.push(parent === undefined ? { entity: ent, id: rid } : { entity: ent, id: rid, with: parent });
    for (const rel of childRelations(defs, ent)) {
      const kids = childrenOf(defs, read, rel, rid);
      if (rel.onDelete === 'block') {
        const live = kids.filter((c) => !isDeleted(c));
        if (live.length) plan.blocks.push(blockOf(defs, rel, rid, live.length));
      } else if (rel.onDelete === 'detach') {
        for (const c of kids) plan.detach.push({ entity: rel.child, id: c.id as string, field: rel.field });
      } else {
        for (const c of kids) visit(rel.child, c.id as string, rid);
      }
    }
  };
  if (read.get(entity, id)) visit(entity, id);
  return plan;
}

/** How many records of the plan a person would count (embedded rows such as quote lines are not). */
export function countShown(defs: EntityDefs, records: readonly PlannedRecord[]): number {
  return records.filter((r) => !defs[r.entity]?.embedded).length;
}

/** Ids of one entity in a plan. */
export function idsIn(records: readonly PlannedRecord[], entity: string): string[] {
  return records.filter((r) => r.entity === entity).map((r) => r.id);
}

/** The first reason a plan is refused, or null. */
export function blockReason(plan: CascadePlan): Label | null {
  return plan.blocks[0]?.message ?? null;
}
