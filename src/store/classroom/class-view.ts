/**
 * 班级看板 (the teacher's class view), store side: which group workspaces this device follows,
 * adding one by its join code (or many from a class list), and what one group's workspace
 * shows of its work (`summarizeGroup`), kept in Dexie so a group that is offline still shows
 * what was last synced and when. Following them live, headless, is `follower.ts`.
 */
import type { Workspace } from '../core/workspace';
import { localDb, type WorkspaceEntry } from '../core/local-db';
import { entityDef } from '../core/records';
import { parentViolations } from '../sales/ops';
import { dictOptions } from '../core/dictionaries';
import { HISTORY, type HistoryEntry } from '../core/collection';
import { ENTITIES } from '../../domain/registry';
import { EXPERIMENTS } from '../../domain/classroom/experiments';
import { collectionsOf, guideStarts, progress, referencesOf } from '../../domain/classroom/progress';
import { labRefs, labTables } from './lab-tables';
import { validate, malformedFields, type Errors } from '../../domain/core/validate';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { SYSTEM_FIELDS } from '../../domain/core/record';
import type { EntityDef, Label } from '../../domain/core/entity';
import { ok, refuse, type Result } from '../../domain/core/result';
import {
  contributions, lastActivity, problems, recordsByModule,
  type ClassListRow, type ClassListError, type Contribution, type EditEntry, type GroupProgress, type Problem, type RecordSet,
} from '../../domain/classroom/class-view';
import { decodeInvite } from '../sync/codes';
import { joinWorkspace, workspaceInRoom, removeLocalCopy } from '../sync/workspaces';

/** A group this device follows in the class view (its workspace is held on this device). */
export interface ClassGroup { workspaceId: string; name: string; addedAt: number }

/** What the class view shows of one group, as of `summarizedAt`. */
export interface GroupSummary {
  workspaceId: string;
  summarizedAt: number;
  /** When this device last finished a sync with the group's peers (0: never). */
  lastSynced: number;
  lastActivity: number;
  /** Live records per module. */
  records: Record<string, number>;
  /** Contributions by member, with the member's name as the group's users collection says. */
  members: (Contribution & { name: string })[];
  problems: Problem[];
  /** All problems (the list keeps the first PROBLEMS_KEPT). */
  problemCount: number;
  progress: GroupProgress[];
}

const GROUPS_KEY = 'classView:groups';
const summaryKey = (id: string) => `classView:summary:${id}`;
/** Problems stored per group: enough to show and grade, bounded whatever a broken group holds. */
export const PROBLEMS_KEPT = 200;

export async function listGroups(): Promise<ClassGroup[]> {
  const v = (await localDb().settings.get(GROUPS_KEY))?.value;
  return Array.isArray(v) ? (v as ClassGroup[]) : [];
}

async function saveGroups(groups: ClassGroup[]): Promise<void> {
  await localDb().settings.put({ key: GROUPS_KEY, value: groups });
}

/** Follow a workspace already on this device (one the teacher made in class setup). */
export async function followWorkspace(entry: WorkspaceEntry): Promise<ClassGroup> {
  const groups = await listGroups();
  const found = groups.find((g) => g.workspaceId === entry.id);
  if (found) return found;
  const g: ClassGroup = { workspaceId: entry.id, name: entry.name, addedAt: Date.now() };
  await saveGroups([...groups, g]);
  return g;
}

const BAD_CODE: Label = { zh: '这不是有效的加入码', en: 'This is not a valid join code' };
const NO_PASSWORD: Label = { zh: '请填写小组的同步密码', en: "Enter the group's sync password" };

/**
 * Add a group by its join code and password: this device joins the group's rooms with a copy it
 * only reads (`WorkspaceEntry.readOnly`), then follows it. A room this device already holds is
 * followed as it is (no second copy).
 */
export async function addGroupByCode(code: string, password: string, name = ''): Promise<Result<ClassGroup>> {
  const invite = decodeInvite(code);
  if (!invite) return refuse(BAD_CODE);
  if (!password.trim()) return refuse(NO_PASSWORD);
  const held = await workspaceInRoom(invite.room);
  const entry = held ?? await joinWorkspace({ ...invite, name: name.trim() || invite.name }, password.trim());
  if (!held) await localDb().workspaces.update(entry.id, { readOnly: true });
  return ok(await followWorkspace({ ...entry, name: name.trim() || entry.name }));
}

/** Add every group of a class list (rows already checked by `parseClassList`); a refusal per row that fails. */
export async function addGroupsFromList(rows: readonly ClassListRow[]): Promise<{ added: ClassGroup[]; errors: ClassListError[] }> {
  const added: ClassGroup[] = [];
  const errors: ClassListError[] = [];
  for (const [i, r] of rows.entries()) {
    const res = await addGroupByCode(r.code, r.password, r.name);
    if (res.ok) added.push(res.value);
    else errors.push({ row: i + 1, message: { zh: `${r.name}:${res.refusal.message.zh}`, en: `${r.name}: ${res.refusal.message.en}` } });
  }
  return { added, errors };
}

/** Stop following a group; a copy this device only watched is removed from it too. */
export async function removeGroup(workspaceId: string): Promise<void> {
  await saveGroups((await listGroups()).filter((g) => g.workspaceId !== workspaceId));
  await localDb().settings.delete(summaryKey(workspaceId));
  const entry = await localDb().workspaces.get(workspaceId);
  if (entry?.readOnly) await removeLocalCopy(workspaceId);
}

export async function loadSummary(workspaceId: string): Promise<GroupSummary | undefined> {
  const v = (await localDb().settings.get(summaryKey(workspaceId)))?.value as GroupSummary | undefined;
  return v && typeof v === 'object' && v.workspaceId === workspaceId ? v : undefined;
}

export async function saveSummary(s: GroupSummary): Promise<void> {
  await localDb().settings.put({ key: summaryKey(s.workspaceId), value: s });
}

/**
 * Experiment progress of one workspace (实验进度): the lab guide's `progress` over the group's
 * synced data, each experiment counted from when the group started it (its labRuns record); an
 * experiment not started shows 0 done. Device-local events (a page viewed) stay on the student's
 * device, so steps proved only by them are open here.
 */
export function experimentProgress(ws: Workspace): GroupProgress[] {
  const starts = guideStarts(ws.collection('labRuns').all());
  const times = Object.values(starts);
  const data = times.length
    ? { tables: labTables(ws, collectionsOf(EXPERIMENTS), Math.min(...times)), refs: labRefs(ws, referencesOf(EXPERIMENTS)) }
    : { tables: {} };
  return progress(EXPERIMENTS, data, starts).map((p, i) => {
    const e = EXPERIMENTS[i];
    return {
      experiment: e.key, title: e.title, done: p.done, total: p.available,
      steps: e.steps.map((s, j) => ({ key: s.key, title: s.text, done: p.steps[j]?.status === 'done' })),
    };
  });
}

/** Every entity's records (in the bin too), with the module it counts under. */
export function recordSets(ws: Workspace): RecordSet[] {
  return Object.values(ENTITIES).map((def) => ({ entity: def.key, module: def.module, records: ws.collection(def.key).all() }));
}

/** Every change-log entry of every document group. */
function editEntries(ws: Workspace): EditEntry[] {
  const out: EditEntry[] = [];
  for (const doc of ws.docs.values()) {
    for (const e of doc.getArray<HistoryEntry>(HISTORY).toArray()) if (e && typeof e === 'object') out.push(e);
  }
  return out;
}

/**
 * Checks of stored records against their definition as the save path makes them (required,
 * types, dictionary codes, unique), with what they read gathered once per entity rather than per
 * record. The entities' own `validate` rules are not run here: they guard a write (a locked
 * quote or order refuses edits) and would list every approved order as a problem.
 */
function definitionChecker(ws: Workspace, defOf: (entity: string) => EntityDef): (entity: string, rec: BaseRecord) => Errors {
  const live = new Map<string, BaseRecord[]>();
  const dicts = new Map<string, Set<string>>();
  const dictCodes = (d: string) => {
    let s = dicts.get(d);
    if (!s) { s = new Set(dictOptions(ws, d).map((o) => o.code)); dicts.set(d, s); }
    return s;
  };
  return (entity, rec) => {
    if (!live.has(entity)) live.set(entity, ws.collection(entity).live());
    const values: RecordValues = {};
    for (const [k, v] of Object.entries(rec)) if (!SYSTEM_FIELDS.has(k)) values[k] = v;
    return validate(defOf(entity), values, { dictCodes, existing: live.get(entity), selfId: rec.id });
  };
}

/**
 * Business rules a merge of two members' work can break (domain/sales checkSequence: contact
 * records completed out of order, edited after completion; two quotes for one record), per
 * opportunity and project — what their pages show in the yellow box.
 */
function mergeViolations(ws: Workspace): Problem[] {
  const out: Problem[] = [];
  for (const [kind, parent] of [['contactRecords', 'opportunities'], ['maintenanceRecords', 'projects']] as const) {
    for (const p of ws.collection(parent).live()) {
      for (const v of parentViolations(ws, kind, p.id)) out.push({ kind: 'rule', entity: parent, recordId: p.id, message: v.message });
    }
  }
  return out;
}

/** What the class view shows of one open workspace now (`lastSynced` is the caller's). */
export function summarizeGroup(ws: Workspace, lastSynced: number, now = Date.now()): GroupSummary {
  const sets = recordSets(ws);
  const defs = new Map<string, EntityDef>();
  const defOf = (entity: string) => { let d = defs.get(entity); if (!d) { d = entityDef(ws, entity); defs.set(entity, d); } return d; };
  const names = new Map(ws.collection('users').all().map((u) => [u.id, typeof u.name === 'string' ? u.name : u.id]));
  const found = problems(sets, {
    ruleErrors: definitionChecker(ws, defOf),
    malformedErrors: (entity, rec) => malformedFields(defOf(entity), rec),
  }, sets.flatMap((s) => ws.collection(s.entity).corrupt().map(([key]) => ({ entity: s.entity, key })))).concat(mergeViolations(ws));
  return {
    workspaceId: ws.id,
    summarizedAt: now,
    lastSynced,
    lastActivity: lastActivity(sets, now),
    records: recordsByModule(sets),
    members: contributions(sets, editEntries(ws)).map((c) => ({ ...c, name: names.get(c.member) ?? c.member })),
    problems: found.slice(0, PROBLEMS_KEPT),
    problemCount: found.length,
    progress: experimentProgress(ws),
  };
}
