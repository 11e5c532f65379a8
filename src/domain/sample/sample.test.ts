import { describe, expect, it } from 'vitest';
import { BASE_DICTIONARIES, EDUCATION_DICTIONARY } from '../core/dictionaries';
import { withCustomFields, type EntityDef } from '../core/entity';
import { roundMoney } from '../core/numbers';
import type { BaseRecord } from '../core/record';
import { validate } from '../core/validate';
import { MODULES, PERMISSIONS } from '../org/modules';
import { ENTITIES } from '../registry';
import { SALES_DICTIONARIES, SALES_ENTITIES, type SalesEntityDef } from '../sales/entities';
import { SERVICE_DICTIONARIES } from '../service';
import { ORDER_DICTIONARIES } from '../orders/entities';
import { FINANCE_DICTIONARIES } from '../finance/entities';
import { MARKETING_DICTIONARIES } from '../marketing/entities';
import { APPROVAL_DICTIONARIES } from '../approvals/entities';
import { CONTRACT_DICTIONARIES } from '../contracts/entities';
import {
  BENCH_SIZES, SAMPLE_CUSTOM_FIELDS, SAMPLE_DICTIONARIES, SAMPLE_SIZES, benchDataset, sampleCompany,
  type SampleData,
} from './index';
import { SURVEYS_DICTIONARIES } from '../surveys/entities';
import { OPTION_PREFIX } from '../surveys/questions';
import { Rng, dayNumber, dayString, permutation } from './random';

const DEFS: Record<string, SalesEntityDef | EntityDef> = { ...ENTITIES };
for (const d of SALES_ENTITIES) DEFS[d.key] = d;
const custom = SAMPLE_CUSTOM_FIELDS.filter((f) => f.entity === 'contacts').map(({ entity: _e, ...f }) => f);
DEFS.contacts = withCustomFields(ENTITIES.contacts, custom);

const CODES = new Map<string, Set<string>>();
for (const d of [...BASE_DICTIONARIES, ...SALES_DICTIONARIES, ...SERVICE_DICTIONARIES, ...ORDER_DICTIONARIES, ...FINANCE_DICTIONARIES, ...MARKETING_DICTIONARIES, ...APPROVAL_DICTIONARIES, ...CONTRACT_DICTIONARIES, ...SAMPLE_DICTIONARIES, ...SURVEYS_DICTIONARIES]) CODES.set(d.dict, new Set(d.options.map((o) => o.code)));

/** Keys a record may carry besides its entity's fields. */
const EXTRA_KEYS: Record<string, string[]> = { roles: ['perms'], surveyResponses: ['answers'] };

// a survey question's options are fields of their own (domain/surveys/questions.ts)
const isOptionField = (coll: string, k: string) => coll === 'surveyQuestions' && k.startsWith(OPTION_PREFIX);
const byId = (data: SampleData, coll: string) => new Map((data[coll] ?? []).map((r) => [r.id, r]));

/** Every problem of a dataset against the entity definitions: unknown keys, bad dict codes, dangling refs, invalid values. */
function problems(data: SampleData): string[] {
  const out: string[] = [];
  const ids = new Map(Object.entries(data).map(([k, recs]) => [k, new Set(recs.map((r) => r.id))]));
  for (const [coll, recs] of Object.entries(data)) {
    const def = DEFS[coll];
    if (!def) { out.push(`no entity definition for ${coll}`); continue; }
    const nested = (def as SalesEntityDef).nested ?? [];
    const known = new Set(['id', ...def.fields.map((f) => f.key), ...nested.map((n) => n.key), ...(EXTRA_KEYS[coll] ?? [])]);
    const seen = new Set<string>();
    for (const r of recs) {
      if (seen.has(r.id)) out.push(`${coll}: duplicate id ${r.id}`);
      seen.add(r.id);
      for (const k of Object.keys(r)) if (!known.has(k) && !isOptionField(coll, k)) out.push(`${coll}.${k}: not a field (${r.id})`);
      for (const f of def.fields) {
        const v = r[f.key];
        if (v === undefined) continue;
        if (f.type === 'dict' && !CODES.get(f.dict!)?.has(v as string)) out.push(`${coll}.${f.key}: '${String(v)}' not in ${f.dict} (${r.id})`);
        if (f.type === 'ref' && !ids.get(f.ref!)?.has(v as string)) out.push(`${coll}.${f.key}: dangling ${String(v)} (${r.id})`);
      }
      for (const n of nested) {
        const v = r[n.key];
        if (v === undefined) continue;
        if (!Array.isArray(v)) { out.push(`${coll}.${n.key}: not an array (${r.id})`); continue; }
        if (n.ref) for (const x of v) if (!ids.get(n.ref)?.has(x)) out.push(`${coll}.${n.key}: dangling ${String(x)} (${r.id})`);
      }
      const errors = validate(def, r, { dictCodes: (d) => CODES.get(d) });
      for (const [k, msg] of Object.entries(errors)) out.push(`${coll}.${k}: ${msg.en} (${r.id}: ${JSON.stringify(r[k])})`);
    }
  }
  return out;
}

function checkContacts(data: SampleData) {
  const primaries = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const c of data.contacts) {
    const cid = c.customerId as string;
    counts.set(cid, (counts.get(cid) ?? 0) + 1);
    if (c.primary === true) primaries.set(cid, (primaries.get(cid) ?? 0) + 1);
  }
  const bad: string[] = [];
  for (const cu of data.customers) {
    if (primaries.get(cu.id) !== 1) bad.push(`${cu.id}: ${primaries.get(cu.id) ?? 0} primary contacts`);
    const n = counts.get(cu.id) ?? 0;
    if (n < 1 || n > 4) bad.push(`${cu.id}: ${n} contacts`);
  }
  const mobiles = [...data.contacts.map((r) => r.mobile), ...data.users.map((r) => r.phone)] as string[];
  for (const m of mobiles) if (!/^1\d{2}-\d{4}-\d{4}$/.test(m)) bad.push(`mobile ${m}`);
  expect(bad).toEqual([]);
  expect(new Set(mobiles).size).toBe(mobiles.length);
}

function checkUnique(data: SampleData) {
  for (const key of ['code', 'name', 'phone']) {
    const vals = data.customers.map((r) => r[key]);
    expect(new Set(vals).size, `unique customer ${key}`).toBe(vals.length);
  }
}

describe('random helpers', () => {
  it('a seeded stream repeats and differs by seed', () => {
    const seq = (s: number) => { const r = new Rng(s); return Array.from({ length: 5 }, () => r.next()); };
    expect(seq(7)).toEqual(seq(7));
    expect(seq(7)).not.toEqual(seq(8));
    for (const x of seq(3)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('permutation is a bijection', () => {
    const p = permutation(1000, new Rng(5));
    expect(new Set(Array.from({ length: 1000 }, (_, i) => p(i))).size).toBe(1000);
  });

  it('day numbers round-trip, including leap days', () => {
    for (const s of ['1970-01-01', '2000-02-29', '2024-02-29', '2026-11-24', '1966-12-31', '2100-03-01']) {
      expect(dayString(dayNumber(s))).toBe(s);
    }
    expect(dayNumber('2026-11-25') - dayNumber('2026-11-24')).toBe(1);
    expect(() => dayNumber('2026-02-30')).toThrow();
    expect(() => dayNumber('24/11/2026')).toThrow();
  });
});

describe('sampleCompany', () => {
  const data = sampleCompany();

  it('is deterministic per seed', () => {
    expect(sampleCompany()).toEqual(data);
    expect(sampleCompany({ seed: 1, today: '2026-11-24' })).toEqual(data);
    const other = sampleCompany({ seed: 2 });
    expect(other.customers).not.toEqual(data.customers);
    expect(other.contacts).not.toEqual(data.contacts);
    // The organisation is fixed whatever the seed.
    expect(other.users).toEqual(data.users);
  });

  it('has the software vendor, its departments tree, roles and users', () => {
    expect(data.company).toEqual([expect.objectContaining({ id: 'company', name: '杭州云帆软件有限公司', fiscalYearStart: 1 })]);
    const depts = byId(data, 'departments');
    const sales = data.departments.find((d) => d.name === '销售部')!;
    const children = data.departments.filter((d) => d.parentId === sales.id).map((d) => d.name);
    expect(children.sort()).toEqual(['华东销售组', '华北销售组'].sort());
    for (const n of ['总经理办公室', '客户服务部', '市场部', '财务部']) expect(data.departments.some((d) => d.name === n)).toBe(true);
    for (const d of data.departments) if (d.parentId) expect(depts.has(d.parentId as string)).toBe(true);

    const role = (name: string) => data.roles.find((r) => r.name === name)!;
    expect(role('系统管理员')).toMatchObject({ admin: true, scope: 'all' });
    expect(role('销售经理')).toMatchObject({
      scope: 'department', discountLimit: 20,
      perms: { customers: 'approve', competitors: 'write', sales: 'approve', products: 'read', analysis: 'read' },
    });
    expect(role('业务员')).toMatchObject({ scope: 'own', discountLimit: 5, perms: { customers: 'write', sales: 'write', products: 'read' } });
    expect(role('售后服务员')).toMatchObject({
      scope: 'all', perms: { customers: 'read', competitors: 'read', products: 'read', sales: 'read', service: 'write' },
    });
    expect(role('只读访客').perms).toEqual(Object.fromEntries(MODULES.map((m) => [m.key, 'read'])));
    const moduleKeys = new Set(MODULES.map((m) => m.key));
    for (const r of data.roles) {
      for (const [m, p] of Object.entries((r.perms ?? {}) as Record<string, string>)) {
        expect(moduleKeys.has(m)).toBe(true);
        expect(PERMISSIONS).toContain(p);
      }
    }

    expect(data.users.length).toBeGreaterThanOrEqual(10);
    for (const u of data.users) {
      expect(u).toMatchObject({ active: true });
      expect(u.code).toMatch(/^E\d{3}$/);
      expect(u.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    }
    expect(new Set(data.users.map((u) => u.code)).size).toBe(data.users.length);
  });

  it('has the sizes asked for, realistic names and the six competitors', () => {
    expect(data.customers).toHaveLength(SAMPLE_SIZES.customers);
    expect(data.contacts).toHaveLength(SAMPLE_SIZES.contacts);
    expect(data.customers[0].code).toBe('KH0001');
    for (const c of data.customers) expect(c.name).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(data.customers.filter((c) => /有限公司$/.test(c.name as string)).length).toBeGreaterThan(100);
    for (const c of data.customers) expect(c.phone).toMatch(/^0\d{2,3}-[5-8]\d{7}$/);
    expect(data.competitors.map((c) => c.name)).toEqual(['用友', '金蝶', '浪潮', 'Salesforce', '纷享销客', '销售易']);
  });

  it('varies the customers: kinds, public pool, lifecycle', () => {
    const kinds = new Set(data.customers.map((c) => c.kind));
    expect(kinds.has('agent') && kinds.has('potential') && kinds.has('customer')).toBe(true);
    const unowned = data.customers.filter((c) => c.ownerId === undefined).length;
    expect(unowned).toBeGreaterThan(0);
    expect(unowned).toBeLessThan(20);
    expect(new Set(data.customers.map((c) => c.lifecycle)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(data.customers.map((c) => c.region)).size).toBeGreaterThanOrEqual(4);
    // Owners are sales people.
    const users = byId(data, 'users');
    const salesDepts = new Set(data.departments.filter((d) => /销售/.test(d.name as string)).map((d) => d.id));
    for (const c of data.customers) if (c.ownerId) expect(salesDepts.has(users.get(c.ownerId as string)!.departmentId as string)).toBe(true);
  });

  it('dates are relative to today', () => {
    const today = dayNumber('2026-11-24');
    for (const c of data.customers) {
      const first = dayNumber(c.firstContact as string);
      expect(first <= today && first >= today - 366).toBe(true);
      if (c.nextContact) expect(Math.abs(dayNumber(c.nextContact as string) - today)).toBeLessThanOrEqual(60);
    }
    const later = sampleCompany({ today: '2027-03-01' });
    expect(later.customers.map((c) => c.name)).toEqual(data.customers.map((c) => c.name));
    expect(dayNumber(later.customers[0].firstContact as string) - dayNumber(data.customers[0].firstContact as string))
      .toBe(dayNumber('2027-03-01') - today);
    expect(() => sampleCompany({ today: '2026-13-01' })).toThrow();
  });

  it('fills the education custom field with codes of its dictionary', () => {
    expect(SAMPLE_CUSTOM_FIELDS).toEqual([
      { entity: 'contacts', key: 'education', label: { zh: '受教育程度', en: 'Education' }, type: 'dict', dict: 'education' },
    ]);
    const codes = new Set(EDUCATION_DICTIONARY.options.map((o) => o.code));
    for (const c of data.contacts) expect(codes.has(c.education as string)).toBe(true);
    expect(new Set(data.contacts.map((c) => c.education)).size).toBeGreaterThanOrEqual(4);
  });

  it('one primary contact per customer, unique mobiles, unique customer codes', () => {
    checkContacts(data);
    checkUnique(data);
    for (const c of data.contacts) {
      expect(['m', 'f']).toContain(c.gender);
      expect(c.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]+$/);
    }
  });

  it('every value fits its field, dictionary and reference', () => {
    expect(problems(data)).toEqual([]);
    // The checker itself catches what it should.
    const broken: SampleData = {
      ...data,
      customers: [{ ...data.customers[0], industry: 'zzz', ownerId: 'nobody', colour: 'red', firstContact: '2026-02-30' }, ...data.customers.slice(1)],
    };
    expect(problems(broken)).toEqual([
      `customers.colour: not a field (${data.customers[0].id})`,
      `customers.industry: 'zzz' not in industry (${data.customers[0].id})`,
      `customers.ownerId: dangling nobody (${data.customers[0].id})`,
      expect.stringContaining('customers.industry: '),
      expect.stringContaining('customers.firstContact: '),
    ]);
  });

  it('with history: a year of opportunities and activities that resolve', () => {
    const h = sampleCompany({ history: true });
    expect(h.customers).toEqual(data.customers);
    expect(h.contacts).toEqual(data.contacts);
    expect(h.opportunities).toHaveLength(SAMPLE_SIZES.opportunities);
    // the year's activities, then each rep's tasks of the day
    expect(h.activities.length).toBeGreaterThan(SAMPLE_SIZES.activities);
    expect(h.products.length).toBeGreaterThan(0);
    expect(problems(h)).toEqual([]);
  });
});

describe('benchDataset', () => {
  const cls = benchDataset('class');

  it('is deterministic per seed', () => {
    expect(benchDataset('class')).toEqual(cls);
    const other = benchDataset('class', { seed: 99 });
    expect(other.customers).not.toEqual(cls.customers);
    expect(other.activities).not.toEqual(cls.activities);
  });

  it('class scale: sizes, refs, dictionaries and value types', () => {
    for (const [k, n] of Object.entries(BENCH_SIZES.class)) expect(cls[k], k).toHaveLength(n);
    expect(problems(cls)).toEqual([]);
    checkContacts(cls);
    checkUnique(cls);
  });

  it('opportunities: amount = expected × rate %, stage/status consistent, dates not in the future when closed', () => {
    const today = dayNumber('2026-11-24');
    const stages = new Set(['initial', 'needs', 'proposal', 'negotiation', 'won']);
    const bad: string[] = [];
    for (const o of cls.opportunities) {
      const rate = o.rate as number;
      if (!stages.has(o.stageId as string) || o.modeId !== 'standard') bad.push(`${o.id}: stage`);
      if (!(rate >= 10 && rate <= 100)) bad.push(`${o.id}: rate ${rate}`);
      if (o.amount !== roundMoney(((o.expectedAmount as number) * rate) / 100)) bad.push(`${o.id}: amount`);
      if ((o.stageId === 'won') !== (o.status === 'won')) bad.push(`${o.id}: won stage vs status`);
      if (o.status !== 'active' && dayNumber(o.actualDate as string) > today) bad.push(`${o.id}: actual date in the future`);
      if (dayNumber(o.plannedDate as string) <= dayNumber(o.startDate as string)) bad.push(`${o.id}: planned before start`);
      if (typeof o.audited !== 'boolean') bad.push(`${o.id}: audited`);
    }
    expect(bad).toEqual([]);
    const statuses = new Set(cls.opportunities.map((o) => o.status));
    expect([...statuses].sort()).toEqual(['active', 'lost', 'terminated', 'won']);
  });

  it('activities: follow their opportunity, done ones are in the past', () => {
    const today = dayNumber('2026-11-24');
    const opps = byId(cls, 'opportunities');
    const contacts = byId(cls, 'contacts');
    const bad: string[] = [];
    let linked = 0;
    for (const a of cls.activities) {
      if (a.opportunityId) {
        linked++;
        if (opps.get(a.opportunityId as string)!.customerId !== a.customerId) bad.push(`${a.id}: customer differs from its opportunity's`);
      }
      if (a.contactId && contacts.get(a.contactId as string)!.customerId !== a.customerId) bad.push(`${a.id}: contact of another customer`);
      if (a.status === 'done' ? dayNumber(a.doneDate as string) > today : a.doneDate !== undefined) bad.push(`${a.id}: done date`);
    }
    expect(bad).toEqual([]);
    expect(linked / cls.activities.length).toBeGreaterThan(0.5);
    expect(new Set(cls.activities.map((a) => a.kind)).size).toBeGreaterThanOrEqual(4);
  });

  it('company scale: sizes, refs resolve, one primary per customer, unique codes and mobiles', () => {
    const big = benchDataset('company');
    for (const [k, n] of Object.entries(BENCH_SIZES.company)) expect(big[k], k).toHaveLength(n);
    checkContacts(big);
    checkUnique(big);
    // A cheaper reference check than problems() at this size.
    const ids = (k: string) => new Set(big[k].map((r) => r.id));
    const customers = ids('customers');
    const users = ids('users');
    const opps = ids('opportunities');
    const contacts = ids('contacts');
    expect(customers.size).toBe(BENCH_SIZES.company.customers);
    for (const r of big.contacts) expect(customers.has(r.customerId as string)).toBe(true);
    for (const r of big.opportunities) expect(customers.has(r.customerId as string) && users.has(r.ownerId as string)).toBe(true);
    for (const r of big.activities) {
      if (!customers.has(r.customerId as string) || !users.has(r.ownerId as string)
        || (r.opportunityId !== undefined && !opps.has(r.opportunityId as string))
        || (r.contactId !== undefined && !contacts.has(r.contactId as string))) {
        throw new Error(`dangling reference in ${r.id}`);
      }
    }
  }, 30_000);

  it('records carry no system fields', () => {
    const system = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'deleted', '_c', '_s'];
    const found: string[] = [];
    for (const [coll, recs] of Object.entries(cls)) for (const r of recs) for (const k of system) if (k in r) found.push(`${coll}.${k}`);
    expect(found).toEqual([]);
    // The records are what the store's BaseRecord adds its system fields to.
    const sample: Partial<BaseRecord> = cls.customers[0];
    expect(typeof sample.id).toBe('string');
  });
});
