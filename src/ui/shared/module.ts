import { createContext, lazy, useContext, type Component } from 'solid-js';
import type { MessageKey } from '../i18n';
import type { TimelineSource } from '../../domain/core/timeline';
import type { Values } from '../../domain/core/read';
import type { BaseRecord } from '../../domain/core/record';
import type { WorkspaceCtx } from './context';
import type { Reminder } from '../../domain/core/reminders';

/**
 * What a feature module declares to the UI (ui/<module>/manifest.ts). The router (App.tsx), the
 * shell's navigation (Shell.tsx) and the customer page's sections are assembled from the list of
 * these in ui/modules.ts. Messages are listed apart (ui/messages.ts): pages import `t()`, so the
 * message tables must not import pages.
 */
export interface UiManifest {
  /** The module's folder name (ui/<key>). */
  key: string;
  /** Pages under `/w/:wsId` (path relative to it, e.g. `/customers/:id`). Use `page()` to load on first visit. */
  routes?: readonly UiRoute[];
  /** Entries of the side navigation. */
  nav?: readonly NavItem[];
  /** Sections this module adds to a customer's page (ui/customers/CustomerPage.tsx). */
  customerSections?: readonly CustomerSection[];
  /** Sections this module adds to another record's page, by the page's entity (`opportunities`, `quotes`, `orders`). */
  recordSections?: readonly RecordSection[];
  /** Figures on the home page: how many records of an entity the user's data scope shows, linking to its list. */
  homeCounts?: readonly HomeCount[];
  /**
   * Cards on the home page, each for a rep's home, a manager's or both (`for`; default both):
   * work's reminders and my pipeline, pipeline's team funnel and targets, sales' and orders'
   * approvals, service's open complaints, finance's overdue instalments. Lazy components; a card
   * checks its module's permission itself.
   */
  homeCards?: readonly HomeCard[];
  /** Kinds this module adds to a customer's timeline (客户全貌 · 时间线): which records, their time, person and details. */
  timeline?: readonly TimelineKind[];
  /** Tabs of 系统设置 (ui/settings/SettingsPage.tsx); `key` is the tab's `?tab=` value. Use `page()`. */
  settingsTabs?: readonly SettingsTab[];
  /** Records the global search (⌘K, ui/shell/Palette.tsx) finds, and where one opens. */
  search?: readonly SearchSource[];
  /** Commands of the global search that open a new record's form on its list (新建客户). */
  actions?: readonly PaletteAction[];
  /** Counts on a navigation entry, loaded after the first page; several modules' counts on one entry add up. */
  navCounts?: readonly NavCount[];
  /** Kinds of the reminder centre (提醒中心, ui/office): birthdays, next contacts, tasks, instalments, targets. */
  reminders?: readonly ReminderSource[];
}

/**
 * `bare`: the page fills the screen without the app's frame — no side navigation, no top bar (a
 * survey's kiosk, handed to a customer on a tablet). It still opens the workspace and its PIN gate.
 */
export interface UiRoute { path: string; component: Component; bare?: boolean }

/** A group of the side navigation; modules sharing a group import one constant. */
export interface NavGroup { key: string; label: MessageKey; order: number }

/** One navigation entry: `path` relative to the workspace ('' = its home), ordered within its group. */
export interface NavItem { path: string; label: MessageKey; group: NavGroup; order: number }

export interface CustomerSection { order: number; component: Component<{ customerId: string }> }

/**
 * A section on another module's record page: `entity` names the page, the component gets the
 * record's id. `approvals` is the 审批箱 page; its sections get the acting user's id.
 */
export interface RecordSection { entity: string; order: number; component: Component<{ recordId: string }> }

/**
 * A kind of the customer timeline: the records it reads (domain/core/timeline.ts), its name in the
 * kind filter and badge, its place among the filter's kinds, and the page an item opens (if any).
 */
export interface TimelineKind extends TimelineSource { label: MessageKey; order: number; href?: (rec: Values) => string | null }

export interface HomeCount { entity: string; path: string; label: MessageKey; order: number }

/** Whose home a card is on: a rep works their own records, a manager (data scope 本部门 or 全部, or an administrator) a team's. */
export type HomeAudience = 'rep' | 'manager';

/**
 * `wide` cards take the whole row (lists of tasks); the others share it. `needsData`: a summary of
 * the workspace's records (the team's pipeline, complaints…) — an empty workspace shows the first
 * steps instead of it.
 */
export interface HomeCard { order: number; component: Component; for?: readonly HomeAudience[]; wide?: boolean; needsData?: boolean }

/** The home a role gets: a team's view when its data scope is wider than its own records. */
export function homeAudience(role: { admin?: unknown; scope?: unknown } | undefined): HomeAudience {
  if (!role) return 'manager'; // no role record limits nothing (context.inScope): the whole workspace is theirs
  return role.admin === true || role.scope === 'department' || role.scope === 'all' || role.scope === undefined ? 'manager' : 'rep';
}

/** The cards of one audience's home, in their order. */
export function homeCardsFor(modules: readonly UiManifest[], audience: HomeAudience): HomeCard[] {
  return ordered(modules, 'homeCards').filter((c) => !c.for || c.for.includes(audience));
}

export interface SettingsTab { key: string; label: MessageKey; order: number; component: Component }

/**
 * An entity the global search looks through: it matches the record's display text of `fields`
 * (the name first: earlier fields weigh more) and names it by its `displayName`; `open` gives the
 * workspace-relative path that shows it (a contact opens its customer's page).
 */
export interface SearchSource { entity: string; fields: readonly string[]; open: (r: BaseRecord) => string }

/** "New <record>": `path` is the list page, which opens its add form when the URL says `?new=1`; `entity` decides who may. */
export interface PaletteAction { entity: string; path: string; order: number; label: MessageKey }

/** A count shown on the navigation entry `path` (审批箱: what waits for this user), read through the workspace context so it follows changes. */
export interface NavCount {
  path: string;
  load: () => Promise<(ctx: WorkspaceCtx, modules: readonly UiManifest[]) => number>;
  /** Also shown in the top bar (the reminder centre's bell, 审批箱), under this name. */
  topbar?: MessageKey;
  /** Its top-bar icon: SVG path data in a 16×16 box (default: a bell). */
  icon?: string;
}

/**
 * One kind of reminder: `load` brings (after the first page) the function that reads the user's
 * records through the workspace context — so the list follows changes — and returns that kind's
 * reminders (pure rules in the module's domain). The function checks its module's permission itself.
 */
export interface ReminderSource { kind: string; label: MessageKey; order: number; load: () => Promise<ReminderRead> }

/** One kind's reminders for one person (`userId`: the user, or a member of the team they lead). */
export type ReminderRead = (ctx: WorkspaceCtx, today: string, userId: string) => Reminder[];

/** Identity with a type check, so a manifest reads as a declaration. */
export function defineUiModule(m: UiManifest): UiManifest {
  return m;
}

/** A page loaded on first visit, from a module's named export: first-load JavaScript carries only the core. */
export function page(load: () => Promise<Record<string, unknown>>, name: string): Component {
  return lazy(async () => ({ default: (await load())[name] as Component }));
}

/**
 * Load a lazy page's code once the app has loaded and the browser is idle: the first load stays
 * small, and the most used page still opens without the network on a device that went offline
 * before its service worker had cached the app (the first visit is not under its control).
 */
export function prefetchWhenIdle(load: () => Promise<unknown>): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  const go = () => void load().catch(() => undefined);
  const idle = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(go, { timeout: 3000 }) : setTimeout(go, 1000));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/** The side navigation: groups by their order, each group's items by theirs (ties keep list order). */
export function navGroups(modules: readonly UiManifest[]): { group: NavGroup; items: NavItem[] }[] {
  const groups = new Map<string, { group: NavGroup; items: NavItem[] }>();
  for (const item of modules.flatMap((m) => m.nav ?? [])) {
    const g = groups.get(item.group.key) ?? { group: item.group, items: [] };
    g.items.push(item);
    groups.set(item.group.key, g);
  }
  const out = [...groups.values()].sort((a, b) => a.group.order - b.group.order);
  for (const g of out) g.items.sort((a, b) => a.order - b.order);
  return out;
}

/**
 * The navigation entry a path inside a workspace belongs to ('customers/cu1' → 客户档案): the
 * longest entry path it equals or continues; the home entry ('') only for the home page itself.
 */
export function navItemFor(items: readonly NavItem[], path: string): NavItem | undefined {
  const rest = path.replace(/^\/+|\/+$/g, '');
  let best: NavItem | undefined;
  for (const item of items) {
    const fits = item.path === rest || (item.path !== '' && rest.startsWith(`${item.path}/`));
    if (fits && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}

/** Whether a path inside a workspace ('kiosk/sv1') is one of the manifests' `bare` routes ('/kiosk/:id'). */
export function isBareRoute(modules: readonly UiManifest[], path: string): boolean {
  const parts = path.split('/').filter(Boolean);
  return modules.flatMap((m) => m.routes ?? []).some((r) => {
    if (!r.bare) return false;
    const want = r.path.split('/').filter(Boolean);
    return want.length === parts.length && want.every((w, i) => w.startsWith(':') || w === parts[i]);
  });
}

/** The sections of a customer's page, in display order. */
export function customerSections(modules: readonly UiManifest[]): CustomerSection['component'][] {
  return modules.flatMap((m) => m.customerSections ?? []).sort((a, b) => a.order - b.order).map((s) => s.component);
}

/** The sections other modules add to the page of one entity's record, in display order. */
export function recordSections(modules: readonly UiManifest[], entity: string): RecordSection['component'][] {
  return modules.flatMap((m) => m.recordSections ?? []).filter((s) => s.entity === entity)
    .sort((a, b) => a.order - b.order).map((s) => s.component);
}

/** Every module's entries of one kind, by their `order` (ties keep list order). */
export function ordered<K extends 'homeCounts' | 'homeCards' | 'settingsTabs' | 'timeline' | 'actions'>(modules: readonly UiManifest[], kind: K): NonNullable<UiManifest[K]>[number][] {
  type Item = NonNullable<UiManifest[K]>[number];
  return modules.flatMap((m) => (m[kind] ?? []) as readonly Item[]).sort((a, b) => a.order - b.order);
}

const ModulesContext = createContext<readonly UiManifest[]>([]);
/** App.tsx provides the module list to every page (a page importing ui/modules.ts would be a cycle). */
export const ModulesProvider = ModulesContext.Provider;
export function useModules(): readonly UiManifest[] {
  return useContext(ModulesContext);
}
