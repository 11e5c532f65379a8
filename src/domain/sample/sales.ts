import { opportunityAmount } from '../sales/opportunity';
import { projectFromOpportunity } from '../sales/projects';
import { ACTIVITY_KINDS, LEAD_CLOSE_NOTES, LEAD_NOTES, LOST_RECORD_SUMMARIES, NEXT_RECORD_SUMMARIES, RECORD_SUMMARIES, REPLIES } from './words';
import { EAST_OWNERS, NORTH_OWNERS, OWNER_DEPT, STAGES, DEPT, type Rec } from './org';
import { instantAt, monthAt, pad, sortedOffsets, weighted, widthFor } from './random';
import type { ContactTable, CustomerTable, GenContext, OpportunityTable } from './generate';

/**
 * The sales side around the opportunities (issue 12 item 8): each opportunity's contact records
 * (联系记录) through the stages it reached — the last completed one carries exactly the
 * opportunity's figures, so the back-fill rule holds — leads (some promoted into opportunities),
 * projects made from won opportunities, monthly sales plans per rep and sales group, and the
 * tasks of the reference day.
 */

/** A sales rep's manager: who comments on their records and approves their quotes and orders. */
export function managerOf(userId: string): string {
  if (userId === 'us003' || userId === 'us007') return 'us002';
  return EAST_OWNERS.includes(userId) ? 'us003' : 'us007';
}

export const SALES_OWNERS = [...new Set([...EAST_OWNERS, ...NORTH_OWNERS])].sort();

const WAY_W = weighted([['visit', 30], ['phone', 35], ['meeting', 12], ['email', 8], ['wechat', 15]] as const);

export function stageIndex(stageId: unknown): number {
  return STAGES.findIndex(([id]) => id === stageId);
}

/** Drop keys whose value is undefined (the store keeps no such keys). */
export function clean<T extends Record<string, unknown>>(rec: T): T {
  for (const k of Object.keys(rec)) if (rec[k] === undefined) delete rec[k];
  return rec;
}

export interface RecordTable {
  records: Rec[];
  /** Per opportunity: the id and day offset of its completed record of each stage (index into STAGES), if any. */
  byStage: Array<Array<{ id: string; off: number } | undefined>>;
}

function contactOf(ctx: GenContext, contacts: ContactTable, c: number): string | undefined {
  const n = contacts.count[c];
  return n ? contacts.ids[contacts.start[c] + (ctx.rng.chance(0.6) ? 0 : ctx.rng.int(n))] : undefined;
}

/**
 * Contact records of every opportunity: one completed record per stage reached, from its start
 * day to its close day (or up to today when still open); some open opportunities also have their
 * next contact planned in the coming two weeks (not completed).
 */
export function genContactRecords(ctx: GenContext, contacts: ContactTable, opps: OpportunityTable): RecordTable {
  const { rng, days } = ctx;
  const out: Rec[] = [];
  const byStage: RecordTable['byStage'] = [];
  const total = opps.ids.length * 4;
  const idW = widthFor(total, 5);
  let n = 0;
  for (let i = 0; i < opps.ids.length; i++) {
    const opp = opps.records[i];
    const status = opp.status as string;
    const s = stageIndex(opp.stageId);
    const owner = opps.owner[i];
    const open = status === 'active';
    const from = opps.from[i];
    const end = open ? Math.min(0, opps.to[i]) : opps.to[i];
    const offs = sortedOffsets(rng, s + 1, from, end);
    offs[0] = from;
    if (!open) offs[s] = end;
    const stages: RecordTable['byStage'][number] = [];
    for (let j = 0; j <= s; j++) {
      const last = j === s;
      const id = 'cr' + pad(++n, idW);
      const expectedAmount = last ? opp.expectedAmount as number
        : Math.round((opp.expectedAmount as number) * (0.8 + 0.4 * rng.next()) / 1000) * 1000;
      const rate = last ? opp.rate as number : STAGES[j][3];
      const cost = last ? opp.cost as number : Math.round((opp.cost as number) * (j + 1) / (s + 1) / 100) * 100;
      const summary = last && (status === 'lost' || status === 'terminated') ? rng.pick(LOST_RECORD_SUMMARIES) : rng.pick(RECORD_SUMMARIES[j]);
      const rec: Rec = {
        id, opportunityId: opps.ids[i], date: days.at(offs[j]), way: rng.draw(WAY_W),
        contactId: contactOf(ctx, contacts, opps.customer[i]), ownerId: owner, summary,
        stageId: STAGES[j][0], rate, cost, expectedAmount, amount: opportunityAmount(expectedAmount, rate),
        startDate: opp.startDate, plannedDate: opp.plannedDate,
        actualDate: last && !open ? opp.actualDate : undefined,
        completed: true,
        // completed in sequence: the same evening, a minute apart when two fall on one day
        completedAt: instantAt(days, offs[j], 18 * 60 + j), completedBy: owner,
      };
      if (rng.chance(0.2)) { rec.reply = rng.pick(REPLIES); rec.replyBy = managerOf(owner); }
      out.push(clean(rec));
      stages[j] = { id, off: offs[j] };
    }
    if (open && s < STAGES.length - 2 && rng.chance(0.3)) {
      // the next contact, planned: not completed, dated in the coming two weeks
      const next = s + 1;
      const expectedAmount = opp.expectedAmount as number;
      out.push(clean({
        id: 'cr' + pad(++n, idW), opportunityId: opps.ids[i], date: days.at(rng.range(1, 14)), way: rng.draw(WAY_W),
        contactId: contactOf(ctx, contacts, opps.customer[i]), ownerId: owner, summary: rng.pick(NEXT_RECORD_SUMMARIES),
        stageId: STAGES[next][0], rate: STAGES[next][3], cost: opp.cost, expectedAmount,
        amount: opportunityAmount(expectedAmount, STAGES[next][3]), startDate: opp.startDate, plannedDate: opp.plannedDate,
        completed: false,
      }));
    }
    byStage[i] = stages;
  }
  return { records: out, byStage };
}

/**
 * Leads (意向): about a third of the opportunities came from a promoted lead (the opportunity's
 * `leadId` is set here, the lead names its opportunity), plus open leads of potential customers
 * from the last six weeks and a few closed ones.
 */
export function genLeads(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, opps: OpportunityTable): Rec[] {
  const { rng, days } = ctx;
  const out: Rec[] = [];
  const products = ['pd001', 'pd002', 'pd004', 'pd005', 'pd007'];
  const idW = widthFor(opps.ids.length, 4);
  let n = 0;
  const base = (c: number): Rec => ({
    id: 'ld' + pad(++n, idW), subject: '', customerId: cust.ids[c], contactId: contacts.count[c] ? contacts.ids[contacts.start[c]] : undefined,
    source: (rngSource(cust.records[c].source)), ownerId: cust.owner[c], productId: rng.pick(products),
  });
  for (let i = 0; i < opps.ids.length; i++) {
    if (!rng.chance(0.3)) continue;
    const opp = opps.records[i];
    const lead = base(opps.customer[i]);
    Object.assign(lead, {
      subject: opp.subject, ownerId: opps.owner[i],
      expectedAmount: Math.round((opp.expectedAmount as number) * (0.6 + 0.4 * rng.next()) / 1000) * 1000,
      date: days.at(opps.from[i] - rng.range(1, 20)), status: 'promoted', opportunityId: opps.ids[i], note: rng.pick(LEAD_NOTES),
    });
    opp.leadId = lead.id;
    out.push(clean(lead));
  }
  const potential = cust.ids.map((_, c) => c).filter((c) => cust.kind[c] === 'potential');
  const pool = potential.length ? potential : cust.ids.map((_, c) => c);
  for (let k = 0; k < 20; k++) {
    const c = pool[rng.int(pool.length)];
    const closed = k >= 14;
    const lead = base(c);
    Object.assign(lead, {
      subject: `${cust.brand[c]}${rng.pick(['咨询 ERP 报价', '了解 CRM 移动端', '官网申请试用', '展会登记意向', '询问维护服务'])}`,
      expectedAmount: rng.range(2, 30) * 10_000,
      date: days.at(closed ? -rng.range(60, 300) : -rng.range(0, 45)),
      status: closed ? 'closed' : 'open', note: closed ? rng.pick(LEAD_CLOSE_NOTES) : rng.pick(LEAD_NOTES),
    });
    out.push(clean(lead));
  }
  return out;
}

function rngSource(source: unknown): string | undefined {
  return typeof source === 'string' ? source : undefined;
}

/** What a project's actual figures come from: the order of its opportunity. */
export interface ProjectActuals { amount: number; cost: number }

/**
 * Projects (项目) made from about half of the audited won opportunities (projectFromOpportunity),
 * with the actual amount and cost of their order; a few are terminated (contract ended). Each has
 * one or two completed maintenance records (维护记录) after the contract — kick-off, acceptance,
 * a return visit — carrying the project's own figures, so the back-fill rule holds.
 */
export function genProjects(
  ctx: GenContext, contacts: ContactTable, opps: OpportunityTable, actuals: ReadonlyMap<string, ProjectActuals>,
): { projects: Rec[]; maintenanceRecords: Rec[] } {
  const { rng, days } = ctx;
  const projects: Rec[] = [];
  const maintenanceRecords: Rec[] = [];
  const idW = widthFor(opps.ids.length, 4);
  for (let i = 0; i < opps.ids.length; i++) {
    const opp = opps.records[i];
    if (opp.status !== 'won' || opp.audited !== true || !rng.chance(0.5)) continue;
    const res = projectFromOpportunity(opp, projects, days.at(0));
    if (!res.ok) continue;
    const p: Rec = { id: 'pj' + pad(projects.length + 1, idW), ...res.value } as Rec;
    const actual = actuals.get(opp.id);
    if (actual) { p.actualAmount = actual.amount; p.actualCost = actual.cost; }
    if (rng.chance(0.15)) p.status = 'terminated';
    projects.push(clean(p));
    const owner = opps.owner[i];
    const won = opps.to[i];
    const offs = sortedOffsets(rng, rng.range(1, 2), Math.min(0, won + 3), Math.min(0, won + 60));
    offs.forEach((off, j) => {
      maintenanceRecords.push(clean({
        id: 'mr' + pad(maintenanceRecords.length + 1, idW), projectId: p.id, date: days.at(off), way: rng.draw(WAY_W),
        contactId: contactOf(ctx, contacts, opps.customer[i]), ownerId: owner, summary: rng.pick(MAINTENANCE_SUMMARIES[j]),
        stageId: p.stageId, rate: p.rate, cost: p.cost, expectedAmount: p.expectedAmount, amount: p.amount,
        startDate: p.startDate, plannedDate: p.plannedDate, actualDate: p.actualDate,
        completed: true, completedAt: instantAt(days, off, 18 * 60 + j), completedBy: owner,
      }));
    });
  }
  return { projects, maintenanceRecords };
}

const MAINTENANCE_SUMMARIES = [
  ['实施启动会，确认实施计划和双方负责人', '项目启动，完成服务器环境部署', '召开项目启动会，明确上线目标'],
  ['系统上线验收，客户签署验收单', '上线后回访，收集使用问题', '完成数据迁移和用户培训'],
];

/**
 * Sales plans (销售计划): a monthly target for every sales rep and manager from eleven months
 * back to two months ahead — about a fifth above what they won per month — and for their sales
 * group and the sales department (the sum of their people). No company plan: a class sets its own.
 */
export function genPlans(ctx: GenContext, opps: OpportunityTable): Rec[] {
  const { rng, days } = ctx;
  const wonBy = new Map<string, number>();
  opps.records.forEach((o, i) => {
    if (o.status === 'won') wonBy.set(opps.owner[i], (wonBy.get(opps.owner[i]) ?? 0) + (o.expectedAmount as number));
  });
  const out: Rec[] = [];
  let n = 0;
  const add = (rec: Rec) => out.push({ ...rec, id: 'pl' + pad(++n, 4), modeId: 'standard' });
  for (let m = -11; m <= 2; m++) {
    const period = monthAt(days, m);
    const depts = new Map<string, number>();
    for (const userId of SALES_OWNERS) {
      const monthly = Math.max(100_000, ((wonBy.get(userId) ?? 0) / 12) * 1.2);
      const target = Math.round((monthly * (0.9 + 0.3 * rng.next())) / 10_000) * 10_000;
      add({ id: '', scope: 'person', userId, departmentId: OWNER_DEPT[userId], period, target });
      depts.set(OWNER_DEPT[userId], (depts.get(OWNER_DEPT[userId]) ?? 0) + target);
    }
    let all = 0;
    for (const [departmentId, target] of [...depts].sort()) {
      add({ id: '', scope: 'department', departmentId, period, target });
      all += target;
    }
    add({ id: '', scope: 'department', departmentId: DEPT.sales, period, target: all });
  }
  return out;
}

/** Each rep's tasks of the reference day (两三件: calls, visits, a task), one of them already done for some. */
export function genTodayTasks(ctx: GenContext, cust: CustomerTable, opps: OpportunityTable, firstIndex: number, idWidth: number): Rec[] {
  const { rng, days } = ctx;
  const out: Rec[] = [];
  const kinds = ACTIVITY_KINDS.filter(([k]) => k === 'call' || k === 'visit' || k === 'task');
  const today = days.at(0);
  for (const owner of SALES_OWNERS) {
    const active = opps.ids.map((_, i) => i).filter((i) => opps.owner[i] === owner && opps.records[i].status === 'active');
    const count = rng.range(2, 3);
    for (let k = 0; k < count; k++) {
      const [kind, subjects] = rng.pick(kinds);
      let c: number;
      let opportunityId: string | undefined;
      if (active.length) {
        const i = rng.pick(active);
        c = opps.customer[i];
        opportunityId = opps.ids[i];
      } else {
        const mine = cust.ids.map((_, x) => x).filter((x) => cust.owner[x] === owner);
        c = mine.length ? rng.pick(mine) : rng.int(cust.ids.length);
      }
      const done = k === 0 && rng.chance(0.4);
      out.push(clean({
        id: 'ac' + pad(firstIndex + out.length + 1, idWidth), subject: `${rng.pick(subjects)}：${cust.brand[c]}`, kind,
        customerId: cust.ids[c], ownerId: owner, status: done ? 'done' : 'planned', dueDate: today,
        doneDate: done ? today : undefined, opportunityId,
      }));
    }
  }
  return out;
}
