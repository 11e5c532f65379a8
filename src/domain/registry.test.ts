import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOMAIN_MODULES, ENTITIES, ALL_COLLECTIONS, ALL_DICTIONARIES } from './registry';

describe('domain registry (assembled from the module manifests)', () => {
  it('lists every domain/<module>/manifest.ts once, under its folder name', () => {
    const folders = readdirSync(__dirname).filter((n) => existsSync(join(__dirname, n, 'manifest.ts')));
    expect(DOMAIN_MODULES.map((m) => m.key).sort()).toEqual(folders.sort());
  });

  it('keeps the collections and dictionaries in the order callers knew', () => {
    expect(ALL_COLLECTIONS.slice(0, 7)).toEqual(['company', 'departments', 'roles', 'users', 'customers', 'contacts', 'competitors']);
    expect(ALL_COLLECTIONS.slice(-3)).toEqual(['dictionaries', 'dictOptions', 'customFields']);
    expect(ALL_COLLECTIONS).toContain('quoteLines');
    expect(ALL_COLLECTIONS).toContain('complaintSteps');
    expect(ALL_DICTIONARIES[0].dict).toBe('customerCategory');
  });

  it('no entity or dictionary is declared by two modules', () => {
    const keys = DOMAIN_MODULES.flatMap((m) => m.entities.map((e) => e.key));
    expect(keys.length).toBe(new Set(keys).size);
    expect(Object.keys(ENTITIES).length).toBe(keys.length);
    const dicts = DOMAIN_MODULES.flatMap((m) => (m.dictionaries ?? []).map((d) => d.dict));
    expect(dicts.length).toBe(new Set(dicts).size);
  });

  it('every dictionary a field names starts in a new workspace', () => {
    const known = new Set(ALL_DICTIONARIES.map((d) => d.dict));
    const missing = Object.values(ENTITIES).flatMap((e) => e.fields.filter((f) => f.type === 'dict' && f.dict && !known.has(f.dict)).map((f) => `${e.key}.${f.key}`));
    expect(missing).toEqual([]);
  });
});
