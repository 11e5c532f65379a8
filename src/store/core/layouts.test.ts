import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { heldLayout, loadLayout, preloadLayouts, saveLayout } from './layouts';
import { localDb } from './local-db';
import { deleteSavedFilter, saveFilter, savedFilters } from './saved-filters';

describe('views kept on this device (Dexie): layouts and saved filters', () => {
  it('a layout is kept per workspace and key', async () => {
    expect(await loadLayout('w1', 'customers')).toBeUndefined();
    await saveLayout('w1', 'customers', { order: ['name', 'code'], hidden: ['code'], locked: 2 });
    expect(await loadLayout('w1', 'customers')).toEqual({ order: ['name', 'code'], hidden: ['code'], locked: 2 });
    expect(await loadLayout('w2', 'customers')).toBeUndefined();
  });

  it('a workspace\'s layouts are read once, with the workspace, and answered at once after', async () => {
    await localDb().layouts.put({ workspaceId: 'w3', entity: 'contacts', order: ['name'], hidden: [], locked: 1 });
    expect(heldLayout('w3', 'contacts'), 'not read yet').toBeNull();
    await preloadLayouts('w3');
    expect(heldLayout('w3', 'contacts')).toEqual({ layout: { order: ['name'], hidden: [], locked: 1 } });
    expect(heldLayout('w3', 'customers')).toEqual({ layout: undefined });
    await saveLayout('w3', 'customers', { order: ['code'], hidden: [], locked: 0 });
    expect(heldLayout('w3', 'customers')).toEqual({ layout: { order: ['code'], hidden: [], locked: 0 } });
    expect(await localDb().layouts.get(['w3', 'customers'])).toMatchObject({ order: ['code'] });
  });

  it('saved filters are listed per list and deleted by id', async () => {
    await saveFilter('w1', 'customers', '华东', { join: 'and', conditions: [{ field: 'region', op: 'eq', value: 'east' }] });
    await saveFilter('w1', 'contacts', '其他', { join: 'or', conditions: [] });
    const list = await savedFilters('w1', 'customers');
    expect(list.map((f) => f.name)).toEqual(['华东']);
    await deleteSavedFilter(list[0].id!);
    expect(await savedFilters('w1', 'customers')).toEqual([]);
  });
});
