import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Workspace } from '../core/workspace';
import { EXPERIMENTS } from '../../domain/classroom/experiments';
import { applyDemo, buildDemo } from './demo-build';
import { startGuide } from './lab-runs';
import { experimentProgress, summarizeGroup } from './class-view';

describe('the demo workspace (?demo)', () => {
  it('built apart (as in its worker) and applied: the sample company, no problems, and every experiment started after it ticks nothing', { timeout: 60_000 }, () => {
    const state = buildDemo({ id: 'demo', company: '云帆软件（演示）', user: '演示用户', today: '2026-11-24' });
    const ws = new Workspace('demo');
    applyDemo(ws, state);
    expect(ws.collection('customers').live().length).toBe(120);
    expect(ws.collection('users').get(state.adminId)).toMatchObject({ name: '演示用户', roleId: 'rl001' });
    expect(summarizeGroup(ws, 0).problemCount).toBe(0);
    // the page's clock has followed the worker's stamps: a start now comes after every sample record
    for (const e of EXPERIMENTS) expect(startGuide(ws, e.key, state.adminId).ok).toBe(true);
    expect(experimentProgress(ws).map((p) => p.done)).toEqual(EXPERIMENTS.map(() => 0));
  });
});
