/**
 * 班级看板 (the teacher's class view), pure: what one group's workspace shows of its work —
 * who created and edited how many records per module (from the records' authorship stamps and
 * the change log), when the group last did anything, what breaks a rule or is malformed — and
 * the class list file a teacher adds groups from. No Yjs, no DOM: the store hands the records in.
 */
import type { Label } from '../core/entity';
import type { BaseRecord } from '../core/record';
import type { Errors } from '../core/validate';

/** The records of one collection, with the permission module they count under (EntityDef.module). */
export interface RecordSet { entity: string; module: string; records: readonly BaseRecord[] }

/** One change-log entry as far as authorship goes (store/core/collection.ts HistoryEntry). */
export interface EditEntry { c: string; r: string; u: string; k?: string }

/** Records one member created and edited in one module. */
export interface Work { created: number; edited: number }

export interface Contribution {
  /** The user id the records are stamped with ('' when a record names nobody). */
  member: string;
  byModule: Record<string, Work>;
  total: Work;
}

/**
 * Experiment progress of one workspace (实验进度): filled by the lab guide's `progress()`
 * (domain/classroom/experiments) when the two are joined — see `experimentProgress` in
 * store/classroom/class-view.ts, the one place it plugs in.
 */
export interface GroupProgress {
  experiment: string;
  title: Label;
  done: number;
  total: number;
  steps?: { key: string; title: Label; done: boolean }[];
}

export type ProblemKind = 'rule' | 'malformed' | 'corrupt';
export interface Problem { kind: ProblemKind; entity: string; recordId: string; message: Label }

/**
 * Who created and who edited which records, per module. Created: the record's `createdBy`
 * (records in the recycle bin count too: the work was done). Edited: the distinct records a
 * member changed after they were created — each change-log entry names its writer (`u`); the
 * record's own `updatedBy` counts as well when it is later than the creation (an edit whose log
 * entry is not here, e.g. written by a build that did not log).
 */
export function contributions(sets: readonly RecordSet[], edits: readonly EditEntry[]): Contribution[] {
  const moduleOf = new Map(sets.map((s) => [s.entity, s.module]));
  const created = new Map<string, Map<string, number>>(); // member → module → n
  const edited = new Map<string, Set<string>>(); // member → "entity\u0000id"
  const bump = (member: string, module: string) => {
    const m = created.get(member) ?? new Map<string, number>();
    m.set(module, (m.get(module) ?? 0) + 1);
    created.set(member, m);
  };
  const mark = (member: string, entity: string, id: string) => {
    const s = edited.get(member) ?? new Set<string>();
    s.add(`${entity}\u0000${id}`);
    edited.set(member, s);
  };
  for (const set of sets) {
    for (const r of set.records) {
      bump(author(r.createdBy), set.module);
      if (typeof r.updatedBy === 'string' && r.updatedBy && Number(r.updatedAt) > Number(r.createdAt)) mark(r.updatedBy, set.entity, r.id);
    }
  }
  for (const e of edits) {
    if (e.k || !moduleOf.has(e.c) || typeof e.u !== 'string' || typeof e.r !== 'string') continue;
    mark(author(e.u), e.c, e.r);
  }
  const members = new Set([...created.keys(), ...edited.keys()]);
  return [...members].map((member) => {
    const byModule: Record<string, Work> = {};
    const at = (mod: string) => (byModule[mod] ??= { created: 0, edited: 0 });
    for (const [mod, n] of created.get(member) ?? []) at(mod).created = n;
    for (const key of edited.get(member) ?? []) at(moduleOf.get(key.split('\u0000')[0])!).edited++;
    const total = Object.values(byModule).reduce((t, w) => ({ created: t.created + w.created, edited: t.edited + w.edited }), { created: 0, edited: 0 });
    return { member, byModule, total };
  }).sort((a, b) => b.total.created + b.total.edited - (a.total.created + a.total.edited) || a.member.localeCompare(b.member));
}

function author(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Live records per module (the group's size of work at a glance). */
export function recordsByModule(sets: readonly RecordSet[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const n = s.records.filter((r) => !r.deleted).length;
    if (n) out[s.module] = (out[s.module] ?? 0) + n;
  }
  return out;
}

/**
 * The group's last activity: the latest creation or edit time of any record, never later than
 * `now` (a peer whose clock runs ahead must not make a group look active tomorrow). 0: none.
 */
export function lastActivity(sets: readonly RecordSet[], now: number): number {
  let last = 0;
  for (const s of sets) {
    for (const r of s.records) {
      const t = Math.max(Number(r.updatedAt) || 0, Number(r.createdAt) || 0);
      if (t > last) last = t;
    }
  }
  return Math.min(last, now);
}

/**
 * What is wrong in a group's data: live records the save path would refuse now (`ruleErrors`:
 * the definition and the entity's rules, given by the store), records holding malformed values
 * (`malformedErrors`), and stored entries that are not records at all (`corrupt`: entity and key).
 * A malformed record is listed once, as malformed (its rule check would repeat the same fields).
 */
export function problems(
  sets: readonly RecordSet[],
  check: { ruleErrors: (entity: string, rec: BaseRecord) => Errors; malformedErrors: (entity: string, rec: BaseRecord) => Errors },
  corrupt: readonly { entity: string; key: string }[] = [],
): Problem[] {
  const out: Problem[] = [];
  for (const s of sets) {
    for (const r of s.records) {
      if (r.deleted) continue;
      const bad = check.malformedErrors(s.entity, r);
      if (Object.keys(bad).length) { out.push({ kind: 'malformed', entity: s.entity, recordId: r.id, message: joinErrors(bad) }); continue; }
      const broken = check.ruleErrors(s.entity, r);
      if (Object.keys(broken).length) out.push({ kind: 'rule', entity: s.entity, recordId: r.id, message: joinErrors(broken) });
    }
  }
  for (const c of corrupt) out.push({ kind: 'corrupt', entity: c.entity, recordId: c.key, message: { zh: '不是有效的记录', en: 'not a valid record' } });
  return out;
}

function joinErrors(errors: Errors): Label {
  const all = Object.entries(errors);
  return { zh: all.map(([f, m]) => `${f}: ${m.zh}`).join(';'), en: all.map(([f, m]) => `${f}: ${m.en}`).join('; ') };
}

// ---- the class list file (班级名单: one group per row) ----

export interface ClassListRow { name: string; code: string; password: string }
export interface ClassListError { row: number; message: Label }

const NAME_HEADERS = ['组名', '小组', '名称', 'group', 'name', 'group name'];
const CODE_HEADERS = ['加入码', '代码', 'join code', 'code'];
const PASSWORD_HEADERS = ['密码', 'password'];

/**
 * Read a class list: rows of group name, join code and password (the password a join code never
 * carries), with or without a header row (组名,加入码,密码 / group,code,password). Each bad row
 * gets its own zh/en message with its line number; good rows are kept. `isCode` decides
 * whether a text is a join code (store/sync/codes.ts decodeInvite), so this stays pure.
 */
export function parseClassList(rows: readonly string[][], isCode: (text: string) => boolean, lines?: readonly number[]): { groups: ClassListRow[]; errors: ClassListError[] } {
  const groups: ClassListRow[] = [];
  const errors: ClassListError[] = [];
  let cols = { name: 0, code: 1, password: 2 };
  let start = 0;
  const head = (rows[0] ?? []).map((c) => c.trim().toLowerCase());
  const find = (names: string[]) => head.findIndex((h) => names.includes(h));
  if (find(CODE_HEADERS) >= 0) {
    cols = { name: Math.max(find(NAME_HEADERS), 0), code: find(CODE_HEADERS), password: find(PASSWORD_HEADERS) };
    start = 1;
  }
  const seen = new Map<string, number>();
  for (let i = start; i < rows.length; i++) {
    const cells = rows[i].map((c) => (c ?? '').trim());
    const line = lines?.[i] ?? i + 1;
    if (cells.every((c) => !c)) continue; // blank lines are not rows
    const name = cells[cols.name] ?? '';
    const code = cells[cols.code] ?? '';
    const password = cols.password >= 0 ? cells[cols.password] ?? '' : '';
    const bad = (zh: string, en: string) => errors.push({ row: line, message: { zh: `第 ${line} 行:${zh}`, en: `Line ${line}: ${en}` } });
    if (!name) { bad('缺少组名', 'the group name is missing'); continue; }
    if (!code) { bad(`“${name}”缺少加入码`, `“${name}” has no join code`); continue; }
    if (!isCode(code)) { bad(`“${name}”的加入码无效`, `the join code of “${name}” is not valid`); continue; }
    if (!password) { bad(`“${name}”缺少密码`, `“${name}” has no password`); continue; }
    const twice = seen.get(code);
    if (twice !== undefined) { bad(`加入码与第 ${twice} 行重复`, `the same join code as line ${twice}`); continue; }
    seen.set(code, line);
    groups.push({ name, code, password });
  }
  if (!groups.length && !errors.length) errors.push({ row: 0, message: { zh: '文件中没有小组', en: 'The file lists no groups' } });
  return { groups, errors };
}

// ---- the grading table (CSV) ----

export interface GradeRow {
  group: string;
  member: string;
  lastActivity: number;
  lastSynced: number;
  problems: number;
  byModule: Record<string, Work>;
  progress: readonly GroupProgress[];
}

/**
 * The class table as rows for CSV (the repo's writer, domain/core/csv.ts): one row per member
 * of each group (created / edited per module), then the group's progress per experiment.
 * Times as text by the caller's `time` (dates are written the way the page shows them).
 */
export function gradeTable(rows: readonly GradeRow[], modules: readonly { key: string; label: string }[], experiments: readonly { key: string; label: string }[],
  words: { group: string; member: string; last: string; synced: string; problems: string; created: string; edited: string }, time: (ms: number) => string): string[][] {
  const header = [words.group, words.member, words.last, words.synced, words.problems,
    ...modules.flatMap((m) => [`${m.label} ${words.created}`, `${m.label} ${words.edited}`]),
    ...experiments.map((e) => e.label)];
  const body = rows.map((r) => [r.group, r.member, r.lastActivity ? time(r.lastActivity) : '', r.lastSynced ? time(r.lastSynced) : '', String(r.problems),
    ...modules.flatMap((m) => [String(r.byModule[m.key]?.created ?? 0), String(r.byModule[m.key]?.edited ?? 0)]),
    ...experiments.map((e) => { const p = r.progress.find((x) => x.experiment === e.key); return p ? `${p.done}/${p.total}` : ''; })]);
  return [header, ...body];
}
