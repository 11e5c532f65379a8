import { describe, it, expect } from 'vitest';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_MODULES } from './modules';

describe('store/modules.ts', () => {
  it('lists every store/<module>/manifest.ts once, under its folder name', () => {
    const folders = readdirSync(__dirname).filter((n) => existsSync(join(__dirname, n, 'manifest.ts')));
    expect(STORE_MODULES.map((m) => m.key).sort()).toEqual(folders.sort());
  });
});
