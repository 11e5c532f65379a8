import { createContext, lazy, useContext, type Component } from 'solid-js';
import type { MessageKey } from '../i18n';

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
  /** Cards on the home page below "my work" (reminders a module owns: finance's overdue instalments). Lazy components. */
  homeCards?: readonly HomeCard[];
  /** Tabs of 系统设置 (ui/settings/SettingsPage.tsx); `key` is the tab's `?tab=` value. Use `page()`. */
  settingsTabs?: readonly SettingsTab[];
}

export interface UiRoute { path: string; component: Component }

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

export interface HomeCount { entity: string; path: string; label: MessageKey; order: number }

export interface HomeCard { order: number; component: Component }

export interface SettingsTab { key: string; label: MessageKey; order: number; component: Component }

/** Identity with a type check, so a manifest reads as a declaration. */
export function defineUiModule(m: UiManifest): UiManifest {
  return m;
}

/** A page loaded on first visit, from a module's named export: first-load JavaScript carries only the core. */
export function page(load: () => Promise<Record<string, unknown>>, name: string): Component {
  return lazy(async () => ({ default: (await load())[name] as Component }));
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
export function ordered<K extends 'homeCounts' | 'homeCards' | 'settingsTabs'>(modules: readonly UiManifest[], kind: K): NonNullable<UiManifest[K]>[number][] {
  type Item = NonNullable<UiManifest[K]>[number];
  return modules.flatMap((m) => (m[kind] ?? []) as readonly Item[]).sort((a, b) => a.order - b.order);
}

const ModulesContext = createContext<readonly UiManifest[]>([]);
/** App.tsx provides the module list to every page (a page importing ui/modules.ts would be a cycle). */
export const ModulesProvider = ModulesContext.Provider;
export function useModules(): readonly UiManifest[] {
  return useContext(ModulesContext);
}
