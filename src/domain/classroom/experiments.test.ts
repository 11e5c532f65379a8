import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXPERIMENTS } from './experiments';
import { CHECK_KINDS, checkCollections, type Check } from './predicates';
import { ENTITIES, ALL_COLLECTIONS } from '../registry';
import { progress } from './progress';

/** Every route the UI manifests declare, read as text (pages do not load in Node): '/customers/:id' → a pattern. */
function uiRoutes(): RegExp[] {
  const ui = join(__dirname, '../../ui');
  const texts = readdirSync(ui).filter((n) => existsSync(join(ui, n, 'manifest.ts'))).map((n) => readFileSync(join(ui, n, 'manifest.ts'), 'utf8'));
  const paths = texts.flatMap((t) => [...t.matchAll(/path: '(\/[^']*)'/g)].map((m) => m[1]));
  return paths.map((p) => new RegExp(`^${p.replace(/:[a-zA-Z]+/g, '[^/]+')}$`));
}

/** The modules being built in parallel: their steps may name these before the collections exist. */
const AGREED = new Set(['approvalRules', 'approvalSteps', 'contracts', 'marketActivities', 'activityParticipants', 'marketTasks', 'marketTracking',
  'surveyTemplates', 'surveyQuestions', 'surveys', 'surveyResponses']);

describe('the eleven experiments (data)', () => {
  it('are the manual’s eleven, in its order, each with goal, tasks and steps in both languages', () => {
    expect(EXPERIMENTS.map((e) => e.title.zh)).toEqual(['熟悉系统原理', '企业基础设置', '客户管理', '产品管理', '业务审批', '市场管理', '销售管理', '订单管理', '财务处理', '客户服务', '分析决策']);
    expect(EXPERIMENTS.map((e) => e.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const e of EXPERIMENTS) {
      for (const l of [e.title, e.goal, ...e.tasks, ...e.steps.map((s) => s.text)]) expect(l.zh && l.en, e.key).toBeTruthy();
      expect(e.steps.length, e.key).toBeGreaterThanOrEqual(4);
      expect(new Set(e.steps.map((s) => s.key)).size).toBe(e.steps.length);
    }
    expect(new Set(EXPERIMENTS.map((e) => e.key)).size).toBe(11);
  });

  it('every step uses a predicate kind of the library, on collections and fields that exist or are agreed', () => {
    const checks: Check[] = EXPERIMENTS.flatMap((e) => e.steps.map((s) => s.check));
    for (const c of checks) expect(CHECK_KINDS).toContain(c.kind);
    const known = new Set(ALL_COLLECTIONS);
    for (const c of checks) for (const coll of checkCollections(c)) expect(known.has(coll) || AGREED.has(coll), coll).toBe(true);
    // fields named by where/per/order exist on entities the product has (agreed ones are checked when they land)
    for (const c of checks) {
      if (c.kind === 'event') continue;
      const def = ENTITIES[c.entity];
      if (!def) continue;
      const keys = new Set([...def.fields.map((f) => f.key), 'deleted']);
      const named = [...Object.keys(('where' in c && c.where) || {}), ...('per' in c && c.per ? [c.per] : []), ...('order' in c ? [c.order] : []), ...('fields' in c ? c.fields : [])];
      for (const f of named) expect(keys.has(f) || f.startsWith('perm_'), `${c.entity}.${f}`).toBe(true);
    }
  });

  it('every route a step names exists in the UI manifests', () => {
    const routes = uiRoutes();
    for (const e of EXPERIMENTS) for (const s of e.steps) {
      if (s.route === undefined) continue;
      const path = `/${s.route.split('?')[0]}`;
      expect(routes.some((r) => r.test(path)), `${e.key}.${s.key}: ${path}`).toBe(true);
    }
    // page visits name routes too
    for (const e of EXPERIMENTS) for (const s of e.steps) {
      if (s.check.kind === 'event' && s.check.event === 'visit') expect(routes.some((r) => r.test(s.check.kind === 'event' ? s.check.params!.route : '')), s.key).toBe(true);
    }
  });

  it('steps whose collections the product lacks say so; the rest can be done', () => {
    const [marketing] = progress(EXPERIMENTS.filter((e) => e.key === 'marketing'), { tables: {} }, 0);
    const lead = marketing.steps.find((s) => s.key === 'lead')!;
    expect(lead.status).not.toBe('unavailable'); // leads exist: its activityId is agreed
    expect(marketing.steps.find((s) => s.key === 'activity')!.missing).toEqual(ENTITIES.marketActivities ? [] : ['marketActivities']);
    const withMarket = new Set([...ALL_COLLECTIONS, ...AGREED]);
    const [all] = progress(EXPERIMENTS.filter((e) => e.key === 'marketing'), { tables: {} }, 0, withMarket);
    expect(all.steps.every((s) => s.status === 'open')).toBe(true);
  });

});
