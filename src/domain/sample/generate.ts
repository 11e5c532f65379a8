import { roundMoney } from '../core/numbers';
import { Days, Rng, pad, permutation, weighted, widthFor, type Weighted } from './random';
import {
  ACTIVITY_KINDS, ACTIVITY_NOTES, BRANDS, CITIES, CONTACT_NOTES, CUSTOMER_NOTES, DEAL_PHRASES, GIVEN_F, GIVEN_M, GIVEN2_F, GIVEN2_M,
  GOV_BODIES, HOBBIES, INDUSTRY_WEIGHTS, LOSS_SUMMARIES, MAIL_HOSTS, MOBILE_PREFIXES, PRIMARY_TITLES, ROADS, SCHOOLS,
  SURNAMES, TITLES, TRADES, WIN_SUMMARIES, type City, type Py,
} from './words';
import { EAST_OWNERS, MODE_ID, NORTH_OWNERS, OWNER_DEPT, STAGES, type Rec } from './org';

/**
 * Record generators for customers, contacts, opportunities and activities. Each draws from its
 * own seeded stream and returns the records plus compact side tables (owner, brand, contacts
 * of each customer…) that the next generator uses to make consistent references.
 *
 * Built for speed (190,000 records well under a second): weighted tables are prepared once,
 * names are joined from precomputed parts, dates come from a cache, unique phone numbers from
 * a bijection instead of a set of used ones.
 */

export interface GenContext {
  rng: Rng;
  days: Days;
  /** Fill the optional descriptive fields too (website, notes, hobbies, education…): the demo company. */
  rich: boolean;
}

export interface CustomerTable {
  records: Rec[];
  ids: string[];
  owner: (string | undefined)[];
  brand: string[];
  /** Web/mail domain, when the customer has a website. */
  domain: (string | undefined)[];
  phone: string[];
  kind: string[];
  /** Index of the customer's `scale` in SCALES. */
  scale: Uint8Array;
}

export interface ContactTable {
  records: Rec[];
  ids: string[];
  /** Contacts of customer c are ids[start[c]] … ids[start[c] + count[c] - 1]; the first is primary. */
  start: Int32Array;
  count: Int32Array;
}

export interface OpportunityTable {
  records: Rec[];
  ids: string[];
  customer: Int32Array;
  owner: string[];
  /** Day offsets (from today) of the start and of the end of activity on the opportunity. */
  from: Int32Array;
  to: Int32Array;
}

const SCALES = ['s', 'm', 'l', 'xl'] as const;
const ALL_OWNERS = [...new Set([...EAST_OWNERS, ...NORTH_OWNERS])];
const NORTH_REGIONS = new Set(['north', 'northeast', 'west']);

const CITY_W = weighted(CITIES.map((c) => [c, c.weight] as const));
const INDUSTRY_W = weighted(INDUSTRY_WEIGHTS);
const SCALE_W = weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const);
const KIND_W = weighted([['customer', 62], ['potential', 22], ['agent', 10], ['supplier', 6]] as const);
const SOURCE_W = weighted([['web', 20], ['expo', 18], ['referral', 20], ['call', 15], ['ad', 7], ['self', 20]] as const);
const LIFECYCLE_W: Record<string, Weighted<string>> = {
  potential: weighted([['potential', 70], ['develop', 30]]),
  customer: weighted([['develop', 15], ['growth', 30], ['mature', 35], ['decline', 12], ['lost', 8]]),
  agent: weighted([['growth', 30], ['mature', 60], ['decline', 10]]),
  supplier: weighted([['growth', 30], ['mature', 60], ['decline', 10]]),
};
const SATISFACTION_W = weighted([['5', 25], ['4', 40], ['3', 22], ['2', 9], ['1', 4]] as const);
const CYCLES = [7, 14, 15, 30, 30, 30, 60, 90];
/** Credit limit range (in units of 10,000 yuan) by scale. */
const CREDIT = [[5, 20], [10, 50], [30, 200], [100, 500]] as const;
/** Deal size range (in units of 1,000 yuan) by the customer's scale. */
const DEAL = [[20, 80], [50, 300], [150, 800], [400, 2000]] as const;

const TITLE_W = weighted(TITLES.map(([t, r, w]) => [[t, r] as const, w] as const));
const PRIMARY_TITLE_W = weighted(PRIMARY_TITLES.map(([t, r, w]) => [[t, r] as const, w] as const));
const EDUCATION_W = weighted([['bachelor', 45], ['master', 20], ['college', 20], ['highschool', 12], ['phd', 3]] as const);

const STATUS_W = weighted([['active', 58], ['won', 22], ['lost', 12], ['terminated', 8]] as const);
/** Index into STAGES of an open (not won) opportunity. */
const OPEN_STAGE_W = weighted([[0, 30], [1, 28], [2, 22], [3, 20]] as const);
const ACTIVITY_W = weighted(ACTIVITY_KINDS.map(([k, subjects, w]) => [[k, subjects] as const, w] as const));

/** Surname skewed towards the common ones (王, 李, 张… far more often than 司马). */
function surname(rng: Rng): Py {
  const x = rng.next();
  return SURNAMES[(x * x * SURNAMES.length) | 0];
}

// Customers --------------------------------------------------------------------------------------

export function genCustomers(ctx: GenContext, n: number): CustomerTable {
  const { rng, days, rich } = ctx;
  const idW = widthFor(n, 5);
  const codeW = widthFor(n, 4);
  const phoneOf = permutation(40_000_000, rng);
  const used = new Set<string>();
  const t: CustomerTable = {
    records: new Array(n), ids: new Array(n), owner: new Array(n), brand: new Array(n), domain: new Array(n),
    phone: new Array(n), kind: new Array(n), scale: new Uint8Array(n),
  };

  for (let i = 0; i < n; i++) {
    const id = 'cu' + pad(i + 1, idW);
    const code = 'KH' + pad(i + 1, codeW);
    let city: City = rng.draw(CITY_W);
    let industry: string | undefined = rng.draw(INDUSTRY_W);
    const scale = rng.draw(SCALE_W);
    let kind: string = rng.draw(KIND_W);
    let category = scale >= 2 ? 'ent-big' : 'ent-sme';
    let brand: Py = rng.pick(BRANDS);
    let name = '';
    let domain: string | undefined;

    const special = rng.next();
    if (special < 0.04) {
      // A public body or a school: a handful per dataset, each name once.
      const gov = special < 0.02;
      name = gov ? `${city.name}市${rng.pick(GOV_BODIES)}` : `${city.name}${rng.pick(SCHOOLS)}`;
      if (used.has(name)) name = '';
      else {
        category = gov ? 'gov' : 'edu';
        industry = gov ? undefined : 'edu';
        if (kind !== 'potential') kind = 'customer';
        brand = [gov ? name.slice(city.name.length + 1) : name.slice(city.name.length), ''];
      }
    }
    if (!name) {
      for (let attempt = 0; attempt < 30 && !name; attempt++) {
        const trades = TRADES[industry ?? 'mfg'];
        const trade = trades[rng.int(trades.length)];
        const legal = scale === 3 ? (rng.chance(0.3) ? '集团有限公司' : rng.chance(0.5) ? '股份有限公司' : '有限公司')
          : scale === 2 && rng.chance(0.3) ? '股份有限公司' : '有限公司';
        const candidate = `${city.name}${brand[0]}${trade[0]}${legal}`;
        if (!used.has(candidate)) {
          name = candidate;
          domain = rng.chance(0.6) ? `${brand[1]}-${trade[1]}.com` : undefined;
        } else if (attempt % 3 === 2) {
          city = rng.draw(CITY_W);
          brand = rng.pick(BRANDS);
        } else {
          brand = rng.pick(BRANDS);
        }
      }
      // Beyond 30 clashes (only for datasets far larger than the bench sizes): make it unique by code.
      if (!name) name = `${city.name}${brand[0]}${code}有限公司`;
    }
    used.add(name);

    const region = city.region;
    let owner: string | undefined;
    if (!rng.chance(0.06)) owner = rng.pick(NORTH_REGIONS.has(region) ? NORTH_OWNERS : EAST_OWNERS);
    const lifecycle = rng.draw(LIFECYCLE_W[kind]);
    const phone = `${city.area}-${50_000_000 + phoneOf(i)}`;
    const first = kind === 'potential' ? -rng.range(7, 120) : -rng.range(60, 365);
    const [cLo, cHi] = CREDIT[scale];

    const rec: Rec = { id, code, name, category, kind };
    if (industry !== undefined) rec.industry = industry;
    rec.scale = SCALES[scale];
    rec.region = region;
    rec.address = `${city.name}市${rng.pick(city.districts)}${rng.pick(ROADS)}${rng.range(1, 999)}号`;
    rec.phone = phone;
    if (domain) rec.website = 'www.' + domain;
    rec.source = rng.draw(SOURCE_W);
    if (owner !== undefined) rec.ownerId = owner;
    rec.creditLimit = kind === 'potential' ? 0 : rng.range(cLo, cHi) * 10_000;
    rec.contactCycle = rng.pick(CYCLES);
    if (lifecycle !== 'lost') rec.nextContact = days.at(rng.range(-20, 45));
    rec.firstContact = days.at(first);
    rec.lifecycle = lifecycle;
    if (kind !== 'potential') rec.satisfaction = rng.draw(SATISFACTION_W);
    if (rich && rng.chance(0.3)) rec.notes = rng.pick(CUSTOMER_NOTES);

    t.records[i] = rec;
    t.ids[i] = id;
    t.owner[i] = owner;
    t.brand[i] = brand[0];
    t.domain[i] = domain;
    t.phone[i] = phone;
    t.kind[i] = kind;
    t.scale[i] = scale;
  }
  return t;
}

// Contacts ---------------------------------------------------------------------------------------

/** 1–4 contacts per customer summing exactly to `n` (when n allows it). */
function contactCounts(rng: Rng, customers: number, n: number): Int32Array {
  const count = new Int32Array(customers);
  if (customers === 0) return count;
  if (n <= customers) { for (let c = 0; c < n; c++) count[c] = 1; return count; }
  const target = Math.min(n, customers * 4);
  let sum = 0;
  // Mean extra ≈ (n - customers) / customers, drawn so that most customers have 1–3 contacts.
  const mean = (target - customers) / customers;
  for (let c = 0; c < customers; c++) {
    const extra = Math.min(3, Math.floor(rng.next() * (2 * mean + 1)));
    count[c] = 1 + extra;
    sum += count[c];
  }
  while (sum < target) { const c = rng.int(customers); if (count[c] < 4) { count[c]++; sum++; } }
  while (sum > target) { const c = rng.int(customers); if (count[c] > 1) { count[c]--; sum--; } }
  return count;
}

export function genContacts(ctx: GenContext, cust: CustomerTable, n: number): ContactTable {
  const { rng, days, rich } = ctx;
  const customers = cust.ids.length;
  const count = contactCounts(rng, customers, n);
  const start = new Int32Array(customers);
  let total = 0;
  for (let c = 0; c < customers; c++) { start[c] = total; total += count[c]; }
  const idW = widthFor(total, 5);
  const mobileOf = permutation(100_000_000, rng);
  const t: ContactTable = { records: new Array(total), ids: new Array(total), start, count };

  let i = 0;
  for (let c = 0; c < customers; c++) {
    const customerId = cust.ids[c];
    const domain = cust.domain[c];
    for (let k = 0; k < count[c]; k++, i++) {
      const id = 'ct' + pad(i + 1, idW);
      const male = rng.chance(0.62);
      const sn = surname(rng);
      const pool = rng.chance(0.7) ? (male ? GIVEN2_M : GIVEN2_F) : (male ? GIVEN_M : GIVEN_F);
      const given = pool[rng.int(pool.length)];
      const givenPy = given[1];
      const [title, role] = rng.draw(k === 0 ? PRIMARY_TITLE_W : TITLE_W);
      const digits = pad(mobileOf(i), 8);
      let email: string;
      if (domain && rng.chance(0.8)) email = `${givenPy}.${sn[1]}@${domain}`;
      else if (rng.chance(0.4)) email = `${rng.range(10_000_000, 2_999_999_999)}@qq.com`;
      else email = `${sn[1]}${givenPy}${rng.range(1, 99)}@${rng.pick(MAIL_HOSTS)}`;

      const rec: Rec = {
        id,
        name: sn[0] + given[0],
        customerId,
        primary: k === 0,
        gender: male ? 'm' : 'f',
        title,
        mobile: `${rng.pick(MOBILE_PREFIXES)}-${digits.slice(0, 4)}-${digits.slice(4)}`,
        email,
        birthday: days.at(-rng.range(25 * 365, 58 * 365)),
        decisionRole: role,
      };
      if (rich) {
        if (rng.chance(0.6)) rec.phone = `${cust.phone[c]}-${rng.range(801, 899)}`;
        if (rng.chance(0.5)) rec.hobbies = rng.pick(HOBBIES);
        rec.education = rng.draw(EDUCATION_W);
        if (rng.chance(0.15)) rec.notes = rng.pick(CONTACT_NOTES);
      }
      t.records[i] = rec;
      t.ids[i] = id;
    }
  }
  return t;
}

// Opportunities ----------------------------------------------------------------------------------

export function genOpportunities(ctx: GenContext, cust: CustomerTable, n: number, competitorIds: string[]): OpportunityTable {
  const { rng, days, rich } = ctx;
  const customers = cust.ids.length;
  if (customers === 0) return emptyOpps();
  const idW = widthFor(n, 5);
  const t: OpportunityTable = {
    records: new Array(n), ids: new Array(n), customer: new Int32Array(n), owner: new Array(n),
    from: new Int32Array(n), to: new Int32Array(n),
  };

  for (let i = 0; i < n; i++) {
    const id = 'op' + pad(i + 1, idW);
    // Opportunities belong to real customers: a potential one becomes formal when a lead is promoted.
    let c = rng.int(customers);
    for (let tries = 0; tries < 8 && cust.kind[c] === 'potential'; tries++) c = rng.int(customers);
    const owner = cust.owner[c] ?? rng.pick(ALL_OWNERS);
    const status = rng.draw(STATUS_W);
    const open = status === 'active';
    const s = status === 'won' ? STAGES.length - 1 : rng.draw(OPEN_STAGE_W);
    const [stageId, , , baseRate] = STAGES[s];
    const rate = status === 'won' ? 100 : Math.min(95, Math.max(10, baseRate + 5 * rng.range(-2, 2)));
    const [lo, hi] = DEAL[cust.scale[c]];
    const expectedAmount = rng.range(lo, hi) * 1000;
    const cost = Math.round(expectedAmount * (0.03 + rng.next() * 0.09) / 100) * 100;
    const startOff = open ? -rng.range(0, 300) : -rng.range(30, 365);
    let plannedOff = startOff + rng.range(30, 180);
    // an open opportunity is planned to close in the coming months (spread 2–16 weeks out, no extra draw)
    if (open && plannedOff < 14) plannedOff = 14 + ((plannedOff * 3 - startOff * 7) % 100 + 100) % 100;
    const endOff = open ? Math.min(30, plannedOff) : startOff + rng.range(14, -startOff);

    const rec: Rec = {
      id,
      subject: cust.brand[c] + rng.pick(DEAL_PHRASES),
      customerId: cust.ids[c],
      ownerId: owner,
      departmentId: OWNER_DEPT[owner],
      modeId: MODE_ID,
      stageId,
      rate,
      cost,
      expectedAmount,
      amount: roundMoney((expectedAmount * rate) / 100),
      startDate: days.at(startOff),
      plannedDate: days.at(plannedOff),
      status,
      audited: status === 'won' ? rng.chance(0.95) : status === 'terminated' ? false : rng.chance(0.25),
    };
    if (!open) rec.actualDate = days.at(endOff);
    if (status === 'won') rec.summary = rng.pick(WIN_SUMMARIES);
    if (status === 'lost') rec.summary = rng.pick(LOSS_SUMMARIES);
    if (competitorIds.length && rng.chance(0.35)) {
      const a = rng.int(competitorIds.length);
      const b = rng.int(competitorIds.length);
      rec.competitorIds = a === b ? [competitorIds[a]] : [competitorIds[a], competitorIds[b]];
    }
    if (rich && rng.chance(0.2)) rec.note = rng.pick(CUSTOMER_NOTES);

    t.records[i] = rec;
    t.ids[i] = id;
    t.customer[i] = c;
    t.owner[i] = owner;
    t.from[i] = startOff;
    t.to[i] = endOff;
  }
  return t;
}

function emptyOpps(): OpportunityTable {
  return { records: [], ids: [], customer: new Int32Array(0), owner: [], from: new Int32Array(0), to: new Int32Array(0) };
}

// Activities -------------------------------------------------------------------------------------

export function genActivities(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, opps: OpportunityTable, n: number): Rec[] {
  const { rng, days, rich } = ctx;
  const customers = cust.ids.length;
  const nOpps = opps.ids.length;
  const idW = widthFor(n, 5);
  const out: Rec[] = new Array(customers ? n : 0);
  if (!customers) return out;

  for (let i = 0; i < n; i++) {
    let c: number;
    let owner: string;
    let opportunityId: string | undefined;
    let off: number;
    if (nOpps && rng.chance(0.7)) {
      // Most activities follow up an opportunity, within its lifetime.
      const o = rng.int(nOpps);
      c = opps.customer[o];
      owner = opps.owner[o];
      opportunityId = opps.ids[o];
      off = rng.range(opps.from[o], Math.max(opps.from[o], opps.to[o]));
    } else {
      c = rng.int(customers);
      owner = cust.owner[c] ?? rng.pick(ALL_OWNERS);
      off = rng.range(-365, 30);
    }
    const [kind, subjects] = rng.draw(ACTIVITY_W);
    const done = off <= 0 && rng.chance(0.92);
    const rec: Rec = {
      id: 'ac' + pad(i + 1, idW),
      subject: subjects[rng.int(subjects.length)] + '：' + cust.brand[c],
      kind,
      customerId: cust.ids[c],
      ownerId: owner,
      status: done ? 'done' : 'planned',
      dueDate: days.at(off),
    };
    if (done) rec.doneDate = days.at(Math.min(0, off + rng.range(0, 2)));
    if (opportunityId) rec.opportunityId = opportunityId;
    const cc = contacts.count[c];
    if (cc && rng.chance(0.6)) rec.contactId = contacts.ids[contacts.start[c] + rng.int(cc)];
    if (rng.chance(rich ? 0.6 : 0.4)) rec.note = ACTIVITY_NOTES[rng.int(ACTIVITY_NOTES.length)];
    out[i] = rec;
  }
  return out;
}
