import type { FieldDef } from '../core/entity';
import { EDUCATION_DICTIONARY, type DictDef } from '../core/dictionaries';
import { Days, Rng, widthFor } from './random';
import { genActivities, genContacts, genCustomers, genOpportunities, type GenContext } from './generate';
import { genComplaints, genKnowledge, genServiceRecords } from './service';
import { genContactRecords, genLeads, genPlans, genProjects, genTodayTasks } from './sales';
import { genOrders } from './orders';
import { genFinance, projectActuals } from './finance';
import { genMarketing } from './marketing';
import { genApprovals } from './approvals';
import { genSurveys } from './surveys';
import { genMarketApprovals } from './market-approvals';
import {
  companyRecord, competitorRecords, departmentRecords, productRecords, roleRecords, salesModeRecords,
  salesStageRecords, userRecords,
} from './org';

/**
 * Sample data (SPEC L "sample company") and benchmark datasets (DESIGN "Performance budget").
 *
 * Pure and deterministic: the same options give deep-equal output on every run and device
 * (a seeded PRNG, and a reference date passed in rather than read from the clock).
 *
 * Records are plain values WITHOUT the store's system fields (createdAt, _c…) but WITH a
 * stable `id`, so references between them resolve: dict fields hold option codes of the
 * workspace dictionaries (BASE_DICTIONARIES, the sales dictionaries, and EDUCATION_DICTIONARY
 * for the contacts' custom field), dates are 'YYYY-MM-DD', money values are numbers, refs hold ids.
 *
 * Collections follow the entity keys: company (one record, id 'company'), departments, roles
 * (with `perms` and `scope`), users, customers, contacts, competitors; with sales data also
 * salesModes, salesStages, products (demo company only), opportunities and activities; with
 * service data serviceRecords (also in the bench datasets), complaints with their complaintSteps
 * and knowledgeArticles (demo company only). Service dict fields hold codes of the service
 * dictionaries. The demo company with history also has its sales records and money side (issue
 * 12 item 8): contactRecords, leads, quotes with quoteLines and quoteSteps, projects, salesPlans,
 * orders with orderLines, deliveries and deliveryLines, returns and returnLines, instalments,
 * receipts, payments (refunds), expenses and dunningLogs — see sales.ts, orders.ts, finance.ts.
 */

export type SampleRecord = Record<string, unknown> & { id: string };
export interface SampleData { [collection: string]: SampleRecord[] }

export interface SampleOptions {
  /** PRNG seed (default 1). */
  seed?: number;
  /** Reference date 'YYYY-MM-DD' that "the past year" is counted back from (default '2026-11-24'). */
  today?: string;
}

export interface SampleCompanyOptions extends SampleOptions {
  /**
   * Also add a year of sales history: the sales mode and stages, the price list, ~180
   * opportunities and ~900 activities; and a year of service: ~480 service records, ~36
   * complaints at every step of their flow, and the knowledge base; contact records, leads,
   * quotes, projects and sales plans; an order for every won opportunity with its deliveries,
   * returns, instalments, receipts, refunds, expenses and dunning (default false:
   * organisation, customers, contacts and competitors only).
   */
  history?: boolean;
}

export const DEFAULT_TODAY = '2026-11-24';
export const DEFAULT_SEED = 1;

export const BENCH_SIZES = {
  class: { customers: 2000, contacts: 5000, opportunities: 4000, activities: 20000, serviceRecords: 2000 },
  company: { customers: 20000, contacts: 50000, opportunities: 20000, activities: 100000, serviceRecords: 20000 },
} as const;

export type BenchScale = keyof typeof BENCH_SIZES;

/** Sizes of the demo company. */
export const SAMPLE_SIZES = {
  customers: 120, contacts: 300, opportunities: 180, activities: 900, serviceRecords: 480, complaints: 36, articlesFromService: 6,
} as const;

/** Custom fields the sample data fills: the loader defines them before writing the records. */
export const SAMPLE_CUSTOM_FIELDS: Array<FieldDef & { entity: string }> = [
  { entity: 'contacts', key: 'education', label: { zh: '受教育程度', en: 'Education' }, type: 'dict', dict: 'education' },
];

/** Dictionaries the sample data uses beyond the base ones (the custom field's options). */
export const SAMPLE_DICTIONARIES: DictDef[] = [EDUCATION_DICTIONARY];

/** An independent stream per collection, so adding history does not change the customers. */
function context(seed: number, stream: number, rich: boolean, days: Days): GenContext {
  return { rng: new Rng((seed * 0x9e3779b1) ^ (stream * 0x85ebca6b)), days, rich };
}

function organisation(): SampleData {
  return {
    company: [companyRecord()],
    departments: departmentRecords(),
    roles: roleRecords(),
    users: userRecords(),
    competitors: competitorRecords(),
  };
}

/** The demo company 杭州云帆软件有限公司: organisation, ~120 customers, ~300 contacts, 6 competitors. */
export function sampleCompany(opts: SampleCompanyOptions = {}): SampleData {
  const seed = opts.seed ?? DEFAULT_SEED;
  const today = opts.today ?? DEFAULT_TODAY;
  const days = new Days(today);
  const data = organisation();
  const customers = genCustomers(context(seed, 1, true, days), SAMPLE_SIZES.customers);
  const contacts = genContacts(context(seed, 2, true, days), customers, SAMPLE_SIZES.contacts);
  data.customers = customers.records;
  data.contacts = contacts.records;
  if (opts.history) {
    data.salesModes = salesModeRecords();
    data.salesStages = salesStageRecords();
    data.products = productRecords();
    const opps = genOpportunities(context(seed, 3, true, days), customers, SAMPLE_SIZES.opportunities,
      data.competitors.map((r) => r.id));
    data.opportunities = opps.records;
    data.activities = genActivities(context(seed, 4, true, days), customers, contacts, opps, SAMPLE_SIZES.activities);
    // a year of customer service: records, complaints through their flow, the knowledge base
    data.serviceRecords = genServiceRecords(context(seed, 5, true, days), customers, contacts, SAMPLE_SIZES.serviceRecords);
    const complaints = genComplaints(context(seed, 6, true, days), customers, contacts, SAMPLE_SIZES.complaints,
      data.products.map((r) => r.id));
    data.complaints = complaints.complaints;
    data.complaintSteps = complaints.steps;
    data.knowledgeArticles = genKnowledge(data.serviceRecords, SAMPLE_SIZES.articlesFromService);
    // the sales side around the opportunities, then a year of orders and their money (issue 12 item 8)
    const records = genContactRecords(context(seed, 7, true, days), contacts, opps);
    data.contactRecords = records.records;
    data.leads = genLeads(context(seed, 8, true, days), customers, contacts, opps);
    const orders = genOrders(context(seed, 9, true, days), customers, contacts, opps, records);
    const money = genFinance(context(seed, 10, true, days), customers, opps, orders);
    data.quotes = orders.quotes;
    data.quoteLines = orders.quoteLines;
    data.quoteSteps = orders.quoteSteps;
    const projects = genProjects(context(seed, 11, true, days), contacts, opps, projectActuals(orders, money.expenses));
    data.projects = projects.projects;
    data.maintenanceRecords = projects.maintenanceRecords;
    data.salesPlans = genPlans(context(seed, 12, true, days), opps);
    data.activities.push(...genTodayTasks(context(seed, 13, true, days), customers, opps, SAMPLE_SIZES.activities, widthFor(SAMPLE_SIZES.activities, 5)));
    for (const k of ['orders', 'orderLines', 'deliveries', 'deliveryLines', 'returns', 'returnLines'] as const) data[k] = orders[k];
    Object.assign(data, money);
    // market management (issue 13): its own stream; it only adds records (leads and expenses appended)
    const market = genMarketing(context(seed, 20, true, days), customers, contacts, opps);
    data.marketActivities = market.marketActivities;
    data.activityParticipants = market.activityParticipants;
    data.marketTasks = market.marketTasks;
    data.marketTracking = market.marketTracking;
    data.leads = [...data.leads, ...market.leads];
    data.expenses = [...data.expenses, ...market.expenses];
    Object.assign(data, genApprovals(context(seed, 21, true, days), data));
    // market activity budgets on the approval engine, and 何静's 市场专员 role: a stream of its own
    Object.assign(data, genMarketApprovals(context(seed, 22, true, days), data));
    // the customer satisfaction survey (issue 13): a stream of its own, so nothing above changes
    Object.assign(data, genSurveys(context(seed, 41, true, days), data.customers));
  }
  return data;
}

/**
 * A benchmark dataset of DESIGN.md's sizes (BENCH_SIZES), plus the demo organisation, sales mode
 * and stages, and competitors so that every reference resolves. Company scale (190,000 records)
 * takes a few hundred milliseconds in Node.
 */
export function benchDataset(scale: BenchScale, opts: SampleOptions = {}): SampleData {
  const size = BENCH_SIZES[scale];
  if (!size) throw new Error(`benchDataset: unknown scale ${String(scale)}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const today = opts.today ?? DEFAULT_TODAY;
  const days = new Days(today);
  const data = organisation();
  data.salesModes = salesModeRecords();
  data.salesStages = salesStageRecords();
  const customers = genCustomers(context(seed, 11, false, days), size.customers);
  const contacts = genContacts(context(seed, 12, false, days), customers, size.contacts);
  const opps = genOpportunities(context(seed, 13, false, days), customers, size.opportunities,
    data.competitors.map((r) => r.id));
  data.customers = customers.records;
  data.contacts = contacts.records;
  data.opportunities = opps.records;
  data.activities = genActivities(context(seed, 14, false, days), customers, contacts, opps, size.activities);
  data.serviceRecords = genServiceRecords(context(seed, 15, false, days), customers, contacts, size.serviceRecords);
  return data;
}

/** Number of records per collection (for logs and bench reports). */
export function countRecords(data: SampleData): Record<string, number> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length]));
}
