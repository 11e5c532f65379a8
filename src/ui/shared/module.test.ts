import { describe, it, expect } from 'vitest';
import type { Component } from 'solid-js';
import { customerSections, navGroups, type NavGroup, type UiManifest } from './module';

const A: NavGroup = { key: 'a', label: 'nav.groupCustomers', order: 10 };
const B: NavGroup = { key: 'b', label: 'nav.groupSystem', order: 90 };
const C1 = (() => null) as Component<{ customerId: string }>;
const C2 = (() => null) as Component<{ customerId: string }>;

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
