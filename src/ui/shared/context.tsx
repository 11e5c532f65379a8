import { batch, createContext, createMemo, createSignal, onCleanup, useContext, type Accessor } from 'solid-js';
import type { Workspace } from '../../store/core/workspace';
import type { WorkspaceEntry } from '../../store/org/setup';
import type { BaseRecord } from '../../domain/core/record';
import { displayName, type EntityDef, type FieldDef } from '../../domain/core/entity';
import { can as roleCan, type Permission, type RoleLike } from '../../domain/org/modules';
import { ownerOf, scopeTest, scoped } from '../../domain/org/scope';
import { dictLabeler } from '../../store/core/dictionaries';
import { entityDef } from '../../store/core/records';
import { dateTime, money } from '../../domain/core/format';
import { asTime } from '../../domain/core/read';
import { lang, t } from '../i18n';

export interface WorkspaceCtx {
  ws: Workspace;
  entry: WorkspaceEntry;
  userId: Accessor<string>;
  setUserId: (id: string) => void;
  user: Accessor<BaseRecord | undefined>;
  role: Accessor<RoleLike | undefined>;
  can: (module: string, need: Permission) => boolean;
  /**
   * Reactive version of a collection: changes whenever any of its records change. For reads
   * through store functions; a plain read takes `get`/`live`/`where`/`count`, which subscribe.
   */
  version: (collection: string) => Accessor<number>;
  /** A record by id (in the bin too; none for an id that is not a non-empty string), subscribed to its collection. */
  get: <T extends BaseRecord = BaseRecord>(collection: string, id: unknown) => T | undefined;
  /** Records not in the bin, subscribed: whoever reads them re-runs when the collection changes, also from a peer. */
  live: <T extends BaseRecord = BaseRecord>(collection: string) => T[];
  /** Live records whose `field` is `value` (`Collection.liveWhere`: unparsed records that cannot match are skipped), subscribed. */
  where: <T extends BaseRecord = BaseRecord>(collection: string, field: string, value: string) => T[];
  /** How many live records (`Collection.liveCount`, parses little), subscribed. */
  count: (collection: string) => number;
  /** Whether the collection's stored records are loaded (its document group loads after the first page), subscribed. */
  loaded: (collection: string) => boolean;
  def: (entity: string) => EntityDef;
  /** Display text of a stored value (dict labels, ref names, yes/no…). */
  display: (f: FieldDef, v: unknown) => string;
  /** Whether this user's data scope (own / department / all) lets them see a record; null when it is not limited. */
  inScope: (entity: string) => ((r: BaseRecord) => boolean) | null;
  /** Whether this user's data scope shows what `ownerId` owns (a manager's team: themselves and their department). */
  seesOwner: (ownerId: string | undefined) => boolean;
  /** Live records of an entity that this user's data scope shows (every one when it is not limited), subscribed. */
  visible: (entity: string) => BaseRecord[];
  /** `visible` among the records whose `field` is `value` (a customer's contacts): found through `where`, not a scan. */
  visibleWhere: (entity: string, field: string, value: string) => BaseRecord[];
  /** A record the data scope hides from this user: its page says so instead of showing it. */
  outOfScope: (entity: string, r: BaseRecord | undefined) => boolean;
}

const Ctx = createContext<WorkspaceCtx>();

export function useWorkspace(): WorkspaceCtx {
  const c = useContext(Ctx);
  if (!c) throw new Error('no workspace in context');
  return c;
}

export const WorkspaceProvider = Ctx.Provider;

/** Build the context for an open workspace; change events become Solid signals here. */
export function createWorkspaceCtx(ws: Workspace, entry: WorkspaceEntry, initialUser: string): WorkspaceCtx {
  const versions = new Map<string, Accessor<number>>();
  const offs: (() => void)[] = [];
  onCleanup(() => offs.forEach((off) => off()));
  // groups other than core load after the first page (Workspace.open): a signal per load
  const [groupsLoaded, setGroupsLoaded] = createSignal(0);
  offs.push(ws.onLoaded(() => setGroupsLoaded((n) => n + 1)));
  const loaded = (name: string) => { groupsLoaded(); return ws.isLoaded(name); };
  // A transaction reports each collection it changed on its own (a peer's update or a loaded
  // group touches many at once): the bumps reach Solid together, one batch a microtask later,
  // so a page that reads several of them is computed once, not once per collection — while a
  // joining peer applies a workspace, that was seconds of home-page work between its groups.
  const due = new Set<() => void>();
  const flush = () => { const bumps = [...due]; due.clear(); batch(() => bumps.forEach((b) => b())); };
  const version = (name: string) => {
    let v = versions.get(name);
    if (!v) {
      const [get, set] = createSignal(0);
      versions.set(name, (v = get));
      const bump = () => set((n) => n + 1);
      offs.push(ws.collection(name).onChange(() => { if (!due.size) queueMicrotask(flush); due.add(bump); }));
    }
    return v;
  };
  // readers that subscribe themselves: reading through these is what makes a page follow a peer
  const get = <T extends BaseRecord>(name: string, id: unknown) => {
    version(name)();
    return typeof id === 'string' && id ? ws.collection<T>(name).get(id) : undefined;
  };
  const live = <T extends BaseRecord>(name: string) => { version(name)(); return ws.collection<T>(name).live(); };
  const where = <T extends BaseRecord>(name: string, field: string, value: string) => { version(name)(); return ws.collection<T>(name).liveWhere(field, value); };
  const count = (name: string) => { version(name)(); return ws.collection(name).liveCount(); };
  const [userId, setUserId] = createSignal(initialUser);
  const user = createMemo(() => get('users', userId()));
  const role = createMemo(() => get<BaseRecord & RoleLike>('roles', user()?.roleId));
  const defs = createMemo(() => { version('customFields')(); return new Map<string, EntityDef>(); });
  const def = (key: string) => {
    const cache = defs();
    let d = cache.get(key);
    if (!d) cache.set(key, (d = entityDef(ws, key)));
    return d;
  };
  const labeler = createMemo(() => { version('dictOptions')(); return dictLabeler(ws, lang()); });
  // names of referenced records by id, rebuilt when that collection's version moves on. Not a
  // memo: one created on first use belongs to whichever row or page used it first, stops
  // updating when that is disposed, and left every later reader with the old names (owners
  // added after a list was first shown were blank). Reading the version here also makes every
  // label that shows a reference follow renames, additions and removals.
  // Kept per record object (records are immutable: an edit is a new object), so a change names
  // again only what changed — rebuilding every customer's name after each edit of one cost a
  // peer's open customer page ~0.2 s per edit at company scale. Binned records have no name.
  const refNames = new Map<string, Map<string, { rec: BaseRecord; lang: string; def: EntityDef; name: string }>>();
  const refName = (entity: string, id: string) => {
    version(entity)();
    const l = lang(); // a role's or a stage's English name, in English
    const d = def(entity);
    const rec = ws.collection(entity).get(id);
    if (!rec || rec.deleted) return '';
    let names = refNames.get(entity);
    if (!names) refNames.set(entity, (names = new Map()));
    const hit = names.get(id);
    if (hit && hit.rec === rec && hit.lang === l && hit.def === d) return hit.name;
    const name = displayName(d, rec, l);
    names.set(id, { rec, lang: l, def: d, name });
    return name;
  };
  const display = (f: FieldDef, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '';
    switch (f.type) {
      case 'dict': return typeof v === 'string' ? labeler()(f.dict ?? '', v) : '⚠';
      case 'ref': return typeof v === 'string' ? refName(f.ref ?? '', v) : '⚠';
      case 'bool': return v === true ? t('common.yes') : v === false ? t('common.no') : '⚠';
      case 'money': return typeof v === 'number' ? money(v) : '⚠';
      case 'number': case 'percent': return typeof v === 'number' ? String(v) : '⚠';
      case 'datetime': return asTime(v) === null ? '⚠' : dateTime(v, lang());
      default: return typeof v === 'string' ? v : '⚠';
    }
  };
  const scopeOwner = createMemo(() => {
    version('users')();
    const users = ws.collection('users');
    const departmentOf = (id: string) => { const d = users.get(id)?.departmentId; return typeof d === 'string' ? d : undefined; };
    const dept = user()?.departmentId;
    return scopeTest(role(), { id: userId(), departmentId: typeof dept === 'string' ? dept : undefined }, departmentOf);
  });
  const inScope = (entity: string) => {
    const d = def(entity);
    const r = role();
    if (!d || !scoped(d) || r?.admin || (r?.scope ?? 'all') === 'all') return null;
    const test = scopeOwner();
    if (d.scopeVia) version(d.scopeVia.entity)();
    const find = (e: string, id: string) => ws.collection(e).get(id);
    return (rec: BaseRecord) => test(ownerOf(d, rec, find, def));
  };
  const seesOwner = (ownerId: string | undefined) => {
    const r = role();
    return r?.admin === true || (r?.scope ?? 'all') === 'all' || scopeOwner()(ownerId);
  };
  const visible = (entity: string) => {
    const seen = inScope(entity);
    const rows = live(entity);
    return seen ? rows.filter(seen) : rows;
  };
  const visibleWhere = (entity: string, field: string, value: string) => {
    const seen = inScope(entity);
    const rows = where(entity, field, value);
    return seen ? rows.filter(seen) : rows;
  };
  const outOfScope = (entity: string, r: BaseRecord | undefined) => {
    const seen = inScope(entity);
    return !!r && !!seen && !seen(r);
  };
  return {
    ws, entry, userId, setUserId, user, role, version, get, live, where, count, loaded, def, display, inScope, seesOwner, visible, visibleWhere, outOfScope,
    // a read-only copy (a teacher's view of a group): everything may be read, nothing written
    can: (module, need) => (ws.readOnly ? need === 'read' : ws.compatible && roleCan(role(), module, need)),
  };
}
