import { describe, it, expect } from 'vitest';
import type { Component } from 'solid-js';
import { customerSections, homeAudience, isBareRoute, homeCardsFor, navGroups, navItemFor, ordered, type NavGroup, type UiManifest } from './module';

const A: NavGroup = { key: 'a', label: 'nav.groupCustomers', order: 10 };
const B: NavGroup = { key: 'b', label: 'nav.groupSystem', order: 90 };
const C1 = (() => null) as Component<{ customerId: string }>;
const C2 = (() => null) as Component<{ customerId: string }>;
const C0 = (() => null) as Component;

describe('UI manifests assembled', () => {
  it('navigation: groups by order, items by order within a group, whichever module declares them', () => {
    const mods: UiManifest[] = [
      { key: 'm1', nav: [{ path: 'x3', label: 'nav.bin', group: B, order: 30 }, { path: 'x1', label: 'nav.customers', group: A, order: 20 }] },
      { key: 'm2', nav: [{ path: 'x2', label: 'nav.org', group: B, order: 10 }, { path: 'x0', label: 'nav.contacts', group: A, order: 10 }] },
      { key: 'm3' },
    ];
    expect(navGroups(mods).map((g) => [g.group.key, g.items.map((i) => i.path)])).toEqual([['a', ['x0', 'x1']], ['b', ['x2', 'x3']]]);
  });

  it('customer sections in their order', () => {
    expect(customerSections([{ key: 's', customerSections: [{ order: 20, component: C2 }] }, { key: 'r', customerSections: [{ order: 10, component: C1 }] }]))
      .toEqual([C1, C2]);
  });
});

describe('home figures and settings tabs', () => {
  it('come from every module, in their order', () => {
    const mods: UiManifest[] = [
      { key: 'm1', homeCounts: [{ entity: 'b', path: 'b', label: 'nav.contacts', order: 20 }], settingsTabs: [{ key: 't2', label: 'nav.bin', order: 20, component: C0 }] },
      { key: 'm2', homeCounts: [{ entity: 'a', path: 'a', label: 'nav.customers', order: 10 }], settingsTabs: [{ key: 't1', label: 'nav.org', order: 10, component: C0 }] },
    ];
    expect(ordered(mods, 'homeCounts').map((c) => c.entity)).toEqual(['a', 'b']);
    expect(ordered(mods, 'settingsTabs').map((c) => c.key)).toEqual(['t1', 't2']);
  });
});

describe('home by role', () => {
  it('a role limited to its own records gets the rep home; a team scope or an administrator the manager home', () => {
    expect(homeAudience({ scope: 'own' })).toBe('rep');
    expect(homeAudience({ scope: 'department' })).toBe('manager');
    expect(homeAudience({ scope: 'all' })).toBe('manager');
    expect(homeAudience({ scope: 'own', admin: true })).toBe('manager');
    expect(homeAudience(undefined)).toBe('manager');
  });

  it('each audience gets the cards declared for it (and those for everyone), in order', () => {
    const [R, M, B, F] = [0, 1, 2, 3].map(() => (() => null) as Component);
    const mods: UiManifest[] = [
      { key: 'work', homeCards: [{ order: 10, component: B, wide: true }, { order: 20, component: R, for: ['rep'] }] },
      { key: 'pipeline', homeCards: [{ order: 30, component: M, for: ['manager'] }] },
      { key: 'finance', homeCards: [{ order: 5, component: F, for: ['rep', 'manager'] }] },
    ];
    expect(homeCardsFor(mods, 'rep').map((c) => c.component)).toEqual([F, B, R]);
    expect(homeCardsFor(mods, 'manager').map((c) => c.component)).toEqual([F, B, M]);
  });
});

describe('ui/modules.ts', () => {
  it('lists every ui/<module>/manifest.ts (read as text: pages do not load in Node)', async () => {
    const { readdirSync, existsSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const ui = join(__dirname, '..');
    const folders = readdirSync(ui).filter((n) => existsSync(join(ui, n, 'manifest.ts')));
    expect(folders.length).toBeGreaterThan(5);
    const list = readFileSync(join(ui, 'modules.ts'), 'utf8');
    expect(folders.filter((f) => !list.includes(`'./${f}/manifest'`))).toEqual([]);
    for (const f of folders) expect(readFileSync(join(ui, f, 'manifest.ts'), 'utf8'), f).toContain(`key: '${f}'`);
  });
});

describe('the navigation entry of a page', () => {
  const items = [
    { path: '', label: 'nav.home', group: A, order: 0 },
    { path: 'service', label: 'nav.groupCustomers', group: A, order: 1 },
    { path: 'service/complaints', label: 'nav.groupSystem', group: A, order: 2 },
  ] as const;
  it('is the longest entry the path continues; home only for itself', () => {
    expect(navItemFor(items, '')?.path).toBe('');
    expect(navItemFor(items, '/service/complaints/c1')?.path).toBe('service/complaints');
    expect(navItemFor(items, 'service/x')?.path).toBe('service');
    expect(navItemFor(items, 'servicex')).toBeUndefined();
    expect(navItemFor(items, 'unknown/page')).toBeUndefined();
  });
});

describe('bare pages (no frame)', () => {
  const modules: UiManifest[] = [{ key: 'x', routes: [{ path: '/kiosk/:id', component: C0, bare: true }, { path: '/surveys/:id', component: C0 }] }];
  it('are the routes marked bare, matched segment by segment', () => {
    expect(isBareRoute(modules, '/kiosk/sv1')).toBe(true);
    expect(isBareRoute(modules, 'kiosk/sv1/')).toBe(true);
    expect(isBareRoute(modules, '/kiosk')).toBe(false);
    expect(isBareRoute(modules, '/kiosk/sv1/x')).toBe(false);
    expect(isBareRoute(modules, '/surveys/sv1')).toBe(false);
  });
});
