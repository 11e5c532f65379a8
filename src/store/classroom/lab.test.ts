import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { seededWorkspace } from '../test-workspace';
import { labRefs, labTables, mayBeTouchedSince } from './lab-tables';
import { startGuide } from './lab-runs';
import { saveExercise, removeExercise } from './lab-exercises';
import { loadLabEvents, onLabEvent, recordLabEvent } from './lab-events';
import { loadSampleCompany } from '../sample/load';
import { EXPERIMENTS } from '../../domain/classroom/experiments';
import { collectionsOf, guideStarts, progress, referencesOf } from '../../domain/classroom/progress';
import { experimentProgress } from './class-view';
import { approveQuoteAs, newQuoteDefaults, saveQuoteLines, submitQuoteForApproval } from '../sales/quotes';
import { exerciseGuide, exerciseGuideKey } from '../../domain/classroom/exercises';
import { encodeRecord } from '../core/codec';
import type { BaseRecord } from '../../domain/core/record';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the records the checks read', () => {
  it('scans stored bytes for a stamp at or after the start', () => {
    const rec = (c: number, s?: number) => encodeRecord({ id: 'x', _c: [c, 3], ...(s ? { _s: { name: [s, 9] } } : {}), createdAt: 0, updatedAt: 0, createdBy: 'u', updatedBy: 'u', name: 'a [12] b' } as BaseRecord);
    expect(mayBeTouchedSince(rec(1_700_000_000_000), 1_800_000_000_000)).toBe(false);
    expect(mayBeTouchedSince(rec(1_700_000_000_000, 1_800_000_000_001), 1_800_000_000_000)).toBe(true);
    expect(mayBeTouchedSince(rec(1_800_000_000_000), 1_800_000_000_000)).toBe(true);
    expect(mayBeTouchedSince({ not: 'bytes' }, 5)).toBe(true);
  });

  it('hands over records created or edited since the start, not the others', async () => {
    const ws = seededWorkspace();
    const old = ws.collection('customers').create({ name: '老客户' });
    const untouched = ws.collection('customers').create({ name: '没动过' });
    await wait(3);
    const since = ws.clock.now()[0]; // the workspace's clock (it runs ahead of Date.now() after a burst of writes)
    await wait(3);
    const fresh = ws.collection('customers').create({ name: '新客户' });
    ws.collection('customers').update(old.id, { ownerId: 'u9' });
    const ids = labTables(ws, ['customers'], since).customers.map((r) => r.id).sort();
    expect(ids).toEqual([old.id, fresh.id].sort());
    expect(ids).not.toContain(untouched.id);
  });
});

describe('experiments over a workspace', () => {
  it('the sample company alone ticks no step once the experiment has started; the group’s work does, with its author', async () => {
    const ws = seededWorkspace();
    loadSampleCompany(ws, '2026-11-24');
    const every = Object.fromEntries(collectionsOf(EXPERIMENTS).map((c) => [c, ws.collection(c).live()]));
    expect(progress(EXPERIMENTS, { tables: every }, 0).reduce((n, g) => n + g.done, 0)).toBeGreaterThan(10); // without the bound it would
    await wait(3);
    ws.actorId = 'stu1';
    expect(startGuide(ws, 'customers', 'stu1').ok).toBe(true);
    const starts = guideStarts(ws.collection('labRuns').live());
    const read = () => progress(EXPERIMENTS, { tables: labTables(ws, collectionsOf(EXPERIMENTS), starts.customers) }, starts);
    expect(read().map((g) => g.done)).toEqual(EXPERIMENTS.map(() => 0));
    await wait(3);
    const cu = ws.collection('customers').create({ name: '新客户', kind: 'customer' });
    ws.actorId = 'stu2';
    ws.collection('contacts').create({ name: '甲', customerId: cu.id, primary: true });
    ws.collection('contacts').create({ name: '乙', customerId: cu.id });
    const customers = read().find((g) => g.key === 'customers')!;
    expect(customers.steps.find((s) => s.key === 'customer')).toMatchObject({ status: 'done', result: { by: ['stu1'] } });
    expect(customers.steps.find((s) => s.key === 'contacts')).toMatchObject({ status: 'done', result: { by: ['stu1'] } });
    expect(customers.steps.find((s) => s.key === 'agent')!.status).toBe('open');
    // an old sample customer reassigned by a third student
    ws.actorId = 'stu3';
    const sample = ws.collection('customers').live().find((c) => c.id !== cu.id && c.ownerId)!;
    ws.collection('customers').update(sample.id, { ownerId: 'someone-else' });
    expect(read().find((g) => g.key === 'customers')!.steps.find((s) => s.key === 'assign')).toMatchObject({ status: 'done', result: { by: ['stu3'] } });
  });
});

describe('the sample company against every experiment', () => {
  it('loaded, then every experiment started: not one step is green — in the guide and in the class view', { timeout: 60_000 }, async () => {
    const ws = seededWorkspace();
    loadSampleCompany(ws, '2026-11-24');
    await wait(3);
    for (const e of EXPERIMENTS) expect(startGuide(ws, e.key, 'stu1').ok, e.key).toBe(true);
    const starts = guideStarts(ws.collection('labRuns').live());
    expect(Object.keys(starts).sort()).toEqual(EXPERIMENTS.map((e) => e.key).sort());
    const since = Math.min(...Object.values(starts));
    const data = { tables: labTables(ws, collectionsOf(EXPERIMENTS), since), refs: labRefs(ws, referencesOf(EXPERIMENTS)) };
    const green = progress(EXPERIMENTS, data, starts).flatMap((g) => g.steps.filter((s) => s.status === 'done').map((s) => `${g.key}.${s.key}`));
    expect(green).toEqual([]);
    expect(experimentProgress(ws).map((p) => p.done)).toEqual(EXPERIMENTS.map(() => 0));
  });

  it('a page opened right after 开始实验 counts, though the sample’s burst left the workspace clock ahead of Date.now()', { timeout: 60_000 }, async () => {
    const ws = seededWorkspace('w-clock');
    loadSampleCompany(ws, '2026-11-24');
    startGuide(ws, 'principles', 'stu1');
    const since = guideStarts(ws.collection('labRuns').live()).principles;
    expect(since).toBeGreaterThan(Date.now()); // the burst's stamps ran ahead
    await recordLabEvent(ws, 'stu1', 'visit', { route: '/customers' });
    const [p] = progress([EXPERIMENTS[0]], { tables: {}, events: await loadLabEvents(ws.id) }, since);
    expect(p.steps.find((s) => s.key === 'customers')).toMatchObject({ status: 'done', result: { by: ['stu1'] } });
  });
});

describe('业务审批: a quote below the discount limit, submitted and approved', () => {
  it('turns green once the engine approved a rep’s 九折 quote (limit 95 %), with the rep and the approver; not while pending, not within the limit', { timeout: 60_000 }, async () => {
    const ws = seededWorkspace();
    loadSampleCompany(ws, '2026-11-24');
    await wait(3);
    startGuide(ws, 'approvals', 'us004');
    const since = guideStarts(ws.collection('labRuns').live()).approvals;
    const step = () => {
      const data = { tables: labTables(ws, collectionsOf(EXPERIMENTS), since), refs: labRefs(ws, referencesOf(EXPERIMENTS)) };
      return progress(EXPERIMENTS, data, { approvals: since }).find((g) => g.key === 'approvals')!.steps.find((s) => s.key === 'quote')!;
    };
    const customer = ws.collection('customers').live().find((c) => c.ownerId === 'us004')!;
    const quoteAt = (rate: number) => {
      const id = ws.transact(() => ws.collection('quotes').create(newQuoteDefaults(ws, 'us004', { customerId: customer.id }))).id;
      expect(saveQuoteLines(ws, id, [{ productId: 'pd001', quantity: 1, manualRate: rate }]).ok).toBe(true);
      expect(submitQuoteForApproval(ws, id, 'us004').ok).toBe(true);
      return id;
    };
    // within a rep's limit (0.96 ≥ 0.95): approved, but it never needed approval
    const within = quoteAt(0.96);
    expect(approveQuoteAs(ws, within, 'us002').ok).toBe(true);
    expect(step().status).toBe('open');
    const below = quoteAt(0.9);
    expect(step().status).toBe('open'); // submitted, not yet approved
    expect(approveQuoteAs(ws, below, 'us002').ok).toBe(true);
    expect(step()).toMatchObject({ status: 'done', result: { by: ['us004', 'us002'] } });
  });
});

describe('exercises', () => {
  it('only a teacher publishes; students see the steps checked like an experiment’s', async () => {
    const ws = seededWorkspace();
    const student = { scope: 'own' as const, perm_customers: 'write' };
    const spec = { template: 'children', entity: 'customers', child: 'contacts', field: 'customerId', atLeast: 2 } as const;
    expect(saveExercise(ws, student, 's', { title: '练习一' }, [{ text: '新客户两个联系人', spec }]).ok).toBe(false);
    expect(ws.collection('labExercises').live()).toHaveLength(0);
    const teacher = { admin: true };
    const saved = saveExercise(ws, teacher, 't', { title: '练习一', due: '2026-12-10' }, [{ text: '新客户两个联系人', spec }, { text: '新增一个竞争对手', spec: { template: 'create', entity: 'competitors', atLeast: 1 } }]);
    expect(saved.ok).toBe(true);
    const id = saved.ok ? saved.value.id : '';
    const steps = ws.collection('labExerciseSteps').live().filter((s) => s.exerciseId === id).sort((a, b) => (a.seq as number) - (b.seq as number));
    expect(steps.map((s) => s.text)).toEqual(['新客户两个联系人', '新增一个竞争对手']);
    const guide = exerciseGuide(id, steps);
    startGuide(ws, guide.key, 's');
    const since = guideStarts(ws.collection('labRuns').live())[exerciseGuideKey(id)];
    await wait(3);
    ws.actorId = 'stu9';
    ws.collection('competitors').create({ name: '对手' });
    const [p] = progress([guide], { tables: labTables(ws, collectionsOf([guide]), since) }, since);
    expect(p.steps.map((s) => s.status)).toEqual(['open', 'done']);
    expect(p.steps[1].result?.by).toEqual(['stu9']);
    // editing drops a step the editor showed and keeps order
    const again = saveExercise(ws, teacher, 't', { title: '练习一' }, [{ id: steps[1].id, text: '新增一个竞争对手', spec: { template: 'create', entity: 'competitors', atLeast: 1 } }], id, steps.map((s) => s.id));
    expect(again.ok).toBe(true);
    expect(ws.collection('labExerciseSteps').live().filter((s) => s.exerciseId === id).map((s) => s.text)).toEqual(['新增一个竞争对手']);
    expect(removeExercise(ws, student, id).ok).toBe(false);
    expect(removeExercise(ws, teacher, id).ok).toBe(true);
    expect(ws.collection('labExercises').live()).toHaveLength(0);
  });
});

describe('device events', () => {
  it('are kept per workspace, the latest of each kind, and heard', async () => {
    const heard: string[] = [];
    const off = onLabEvent((w) => heard.push(w));
    await recordLabEvent('w1', 'u1', 'serviceAnalysis', { period: 'last12', by: 'handlerId' }, 10);
    await recordLabEvent('w1', 'u1', 'serviceAnalysis', { period: 'last12', by: 'handlerId' }, 20);
    await recordLabEvent('w2', 'u1', 'visit', { route: '/pipeline' }, 30);
    off();
    expect(await loadLabEvents('w1')).toEqual([{ event: 'serviceAnalysis', params: { period: 'last12', by: 'handlerId' }, at: 20, by: 'u1' }]);
    expect((await loadLabEvents('w2')).map((e) => e.event)).toEqual(['visit']);
    expect(heard).toEqual(['w1', 'w1', 'w2']);
  });
});
