import { describe, it, expect } from 'vitest';
import { fillIndex, searchIndex, type SearchIndex } from './search-text';
import type { WorkspaceCtx } from './context';
import type { BaseRecord } from '../../domain/core/record';
import type { FieldDef } from '../../domain/core/entity';

const fields: FieldDef[] = [{ key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text' }];
const slowCtx = (msPerRecord: number) => ({
  version: () => () => 0,
  display: (_f: FieldDef, v: unknown) => { const end = performance.now() + msPerRecord; while (performance.now() < end) { /* a slow display */ } return String(v); },
}) as unknown as WorkspaceCtx;
const records = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `客户${i}` }) as unknown as BaseRecord);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('filling the search index in slices', () => {
  it('yields after ~8 ms so a keystroke never waits for the whole build, then completes once', async () => {
    const ctx = slowCtx(0.05);
    const list = records(2000); // ~100 ms of work
    const idx: SearchIndex = searchIndex(ctx, fields);
    let done = 0;
    fillIndex(ctx, idx, () => list, () => idx, () => done++);
    expect(idx.texts.size, 'nothing is made in the caller\'s task (a keystroke)').toBe(0);
    await tick();
    expect(idx.complete).toBeFalsy();
    expect(idx.texts.size).toBeGreaterThan(0);
    expect(idx.texts.size).toBeLessThan(2000);
    while (!idx.complete) await tick();
    expect(done).toBe(1);
    expect(idx.texts.size).toBe(2000);
    expect(idx.texts.get('r7')?.all).toBe('客户7');
  });

  it('stops when the list reads another index (other columns or language)', async () => {
    const ctx = slowCtx(0.05);
    const idx = searchIndex(ctx, fields);
    let current: SearchIndex | undefined = idx;
    let done = 0;
    fillIndex(ctx, idx, () => records(2000), () => current, () => done++);
    current = undefined;
    for (let i = 0; i < 50; i++) await tick();
    expect(idx.complete).toBeFalsy();
    expect(done).toBe(0);
  });
});
