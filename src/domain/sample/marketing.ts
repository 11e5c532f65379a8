import { clean } from './sales';
import { numberDocuments } from './orders';
import { pad } from './random';
import type { Rec } from './org';
import type { ContactTable, CustomerTable, GenContext, OpportunityTable } from './generate';

/**
 * A year of market management for the sample company (市场管理, issue 13): activities of every
 * type with participants, the leads they brought (some promoted to opportunities that were won),
 * their expenses, market tasks with tracking notes. Its own random stream (index.ts), and it adds
 * records: the opportunities a lead was promoted to are existing ones that had no lead, which now
 * name it (`leadId`, as a promotion writes it) — the one field it writes on a record made elsewhere.
 * Expenses are spent by 何静 (市场部), who has none of her own, so the expense numbers stay unique.
 */

export interface MarketingData {
  marketActivities: Rec[]; activityParticipants: Rec[]; marketTasks: Rec[]; marketTracking: Rec[]; leads: Rec[]; expenses: Rec[];
}

const MARKETER = 'us012'; // 何静, 市场部
const MANAGERS = ['us002', 'us003', 'us007'];

/** Per type: names, a budget range (yuan), how many are invited, the lead source. */
const TYPES: Record<string, { names: string[]; budget: [number, number]; invite: [number, number]; source: string }> = {
  exhibition: { names: ['中国国际工业博览会', '华东智能制造展', '全国软件产品交易会', '北方数字化转型展'], budget: [60_000, 150_000], invite: [12, 20], source: 'expo' },
  seminar: { names: ['ERP 实施经验研讨会', '制造业数字化沙龙', 'CRM 客户关系管理研讨会', '财务共享中心交流会'], budget: [15_000, 40_000], invite: [8, 14], source: 'expo' },
  advertising: { names: ['行业期刊广告投放', '机场灯箱广告'], budget: [30_000, 80_000], invite: [0, 3], source: 'ad' },
  telemarketing: { names: ['老客户升级电话回访', '新区域电话拓展'], budget: [5_000, 12_000], invite: [4, 8], source: 'call' },
  email: { names: ['新版本发布邮件营销', '年终优惠邮件'], budget: [2_000, 6_000], invite: [3, 8], source: 'web' },
  online: { names: ['搜索引擎关键词推广', '行业门户网络推广'], budget: [20_000, 50_000], invite: [0, 4], source: 'web' },
};
const PLAN: [string, number][] = [
  ['exhibition', -340], ['seminar', -300], ['advertising', -280], ['email', -250], ['telemarketing', -220], ['exhibition', -190],
  ['seminar', -160], ['online', -140], ['seminar', -100], ['exhibition', -75], ['email', -50], ['telemarketing', -30],
  ['seminar', -6], ['online', 10], ['exhibition', 25],
];
const FEEDBACK = ['对移动端很感兴趣', '希望安排上门演示', '索要了产品报价单', '关注与现有系统的集成', '现场留下了采购计划', '认为价格偏高', '会后要求发送案例资料'];
const LEAD_TOPICS = ['ERP 升级咨询', 'CRM 试用申请', '生产管理模块询价', '财务模块了解', '移动审批方案'];
const TASKS = ['确认场地与展位', '制作宣传物料', '发送邀请函', '统计报名名单', '安排讲师与议程', '会后回访参会客户', '整理活动总结', '更新客户资料'];
const TRACK = ['已与主办方确认展位位置', '物料已下单,预计三天到货', '邀请函已发出,已回复 12 家', '讲师已确认行程', '回访中,客户反馈良好', '活动总结初稿完成', '报名人数低于预期,追加电话邀请'];

export function genMarketing(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, opps: OpportunityTable): MarketingData {
  const { rng, days } = ctx;
  const out: MarketingData = { marketActivities: [], activityParticipants: [], marketTasks: [], marketTracking: [], leads: [], expenses: [] };
  // opportunities no lead was promoted to: an activity's lead may become one that starts soon after it
  const free = opps.ids.map((_, i) => i).filter((i) => !opps.records[i].leadId);
  const used = new Set<number>();
  const id = (prefix: string, list: Rec[]) => prefix + pad(list.length + 1, 4);
  PLAN.forEach(([type, start], n) => {
    const spec = TYPES[type];
    const length = type === 'exhibition' ? rng.range(2, 3) : type === 'seminar' ? 1 : rng.range(14, 45);
    const end = start + length - 1;
    const status = end < 0 ? (n === 4 ? 'cancelled' : 'finished') : start <= 0 ? 'running' : 'planned';
    const budget = Math.round(rng.range(spec.budget[0], spec.budget[1]) / 1000) * 1000;
    const act: Rec = {
      id: 'ma' + pad(n + 1, 3), name: `${days.at(start).slice(0, 4)} ${spec.names[n % spec.names.length]}`, type, status,
      startDate: days.at(start), endDate: days.at(end), ownerId: n % 5 === 3 ? rng.pick(MANAGERS) : MARKETER, budget,
      place: type === 'exhibition' || type === 'seminar' ? rng.pick(['上海新国际博览中心', '杭州国际会议中心', '北京国家会议中心', '公司总部培训室']) : undefined,
      description: `${spec.names[n % spec.names.length]}:面向${type === 'telemarketing' || type === 'email' ? '老客户' : '潜在客户'}介绍新版本产品与行业方案。`,
    };
    // telemarketing and email cost no invoice: their cost is entered by hand
    if (status !== 'planned' && status !== 'cancelled' && (type === 'telemarketing' || type === 'email')) act.manualCost = Math.round(budget * (0.7 + 0.3 * rng.next()));
    out.marketActivities.push(clean(act));
    if (status === 'cancelled') return;

    // participants: customers whose free opportunity starts 5–90 days after the activity first (they convert), then others
    const converting = free.filter((i) => !used.has(i) && opps.from[i] >= start + 5 && opps.from[i] <= start + 90 && start < 0);
    const wanted = rng.range(spec.invite[0], spec.invite[1]);
    const chosen: { c: number; opp?: number }[] = [];
    for (const i of converting) {
      if (chosen.length >= Math.min(3, Math.ceil(wanted / 3)) || !rng.chance(opps.records[i].status === 'won' ? 0.8 : 0.35)) continue;
      if (chosen.some((x) => x.c === opps.customer[i])) continue;
      used.add(i);
      chosen.push({ c: opps.customer[i], opp: i });
    }
    while (chosen.length < wanted) {
      const c = rng.int(cust.ids.length);
      if (!chosen.some((x) => x.c === c)) chosen.push({ c });
    }
    for (const { c, opp } of chosen) {
      const contactId = contacts.count[c] ? contacts.ids[contacts.start[c] + rng.int(contacts.count[c])] : undefined;
      const attended = opp !== undefined || rng.chance(0.7);
      out.activityParticipants.push(clean({
        id: id('mp', out.activityParticipants), activityId: act.id, customerId: cust.ids[c], contactId,
        status: status === 'planned' ? 'invited' : attended ? 'attended' : rng.chance(0.6) ? 'noShow' : 'invited',
        feedback: attended && status !== 'planned' && rng.chance(0.6) ? rng.pick(FEEDBACK) : undefined,
        activityName: act.name, date: act.startDate,
      }));
      // a lead from who converted, and from some others who came
      if (status === 'planned' || (opp === undefined && !(attended && rng.chance(0.3)))) continue;
      const leadDay = Math.min(start + rng.range(1, 5), 0);
      out.leads.push(clean({
        id: id('lm', out.leads), subject: `${cust.brand[c]}${rng.pick(LEAD_TOPICS)}`, customerId: cust.ids[c], contactId,
        source: spec.source, ownerId: opp !== undefined ? opps.owner[opp] : cust.owner[c], productId: rng.pick(['pd001', 'pd002', 'pd004', 'pd005', 'pd007']),
        expectedAmount: opp !== undefined ? Math.round((opps.records[opp].expectedAmount as number) * 0.8 / 1000) * 1000 : rng.range(3, 40) * 10_000,
        date: days.at(leadDay), activityId: act.id,
        status: opp !== undefined ? 'promoted' : leadDay < -60 && rng.chance(0.5) ? 'closed' : 'open', opportunityId: opp !== undefined ? opps.ids[opp] : undefined,
        note: `来自市场活动:${act.name}`,
      }));
      // the opportunity names the lead it came from, as a promotion writes it (it had none)
      if (opp !== undefined) opps.records[opp].leadId = out.leads[out.leads.length - 1].id;
    }

    // expenses (booth, venue, printing, media), spent by the activity's owner on its first participant's account
    if (act.manualCost === undefined && start <= 0 && chosen.length) {
      const parts = rng.range(1, 3);
      const total = budget * (0.75 + 0.4 * rng.next());
      for (let k = 0; k < parts; k++) {
        out.expenses.push(clean({
          id: id('exm', out.expenses), code: '', customerId: cust.ids[chosen[0].c], ownerId: MARKETER, marketActivityId: act.id,
          date: days.at(Math.min(start + k * 2, 0)), amount: Math.round(total / parts), kind: 'market', status: 'approved',
          note: ['展位/场地费', '宣传物料印制', '媒体投放'][k],
        }));
      }
    }
    // tracking notes on the activity
    for (let k = 0; k < rng.range(1, 2); k++) {
      out.marketTracking.push(clean({ id: id('mk', out.marketTracking), activityId: act.id, date: days.at(Math.min(start + k * 3 - 10, 0)), content: rng.pick(TRACK), byId: act.ownerId }));
    }
  });
  numberDocuments(out.expenses, 'expenses', (r) => r.ownerId as string);

  // market tasks around the activities: done before, some overdue, some due soon, with tracking notes
  for (const act of out.marketActivities) {
    if (act.status === 'cancelled') continue;
    const began = days.at(0) >= String(act.startDate);
    for (let k = 0; k < rng.range(1, 3); k++) {
      const title = TASKS[rng.int(TASKS.length)];
      const due = offsetOf(days, String(act.startDate)) + rng.range(-14, 10);
      const past = due < 0;
      const task: Rec = {
        id: id('mt', out.marketTasks), title: `${title} · ${String(act.name).slice(5)}`, assigneeId: rng.chance(0.7) ? MARKETER : rng.pick(MANAGERS),
        dueDate: days.at(due), status: past ? (rng.chance(0.85) ? 'done' : 'open') : began ? 'inProgress' : 'open',
        priority: rng.pick(['high', 'normal', 'normal', 'low']), activityId: act.id,
      };
      out.marketTasks.push(clean(task));
      for (let j = 0; j < rng.range(0, 2); j++) {
        out.marketTracking.push(clean({ id: id('mk', out.marketTracking), taskId: task.id, date: days.at(Math.min(due - rng.range(0, 7), 0)), content: rng.pick(TRACK), byId: task.assigneeId }));
      }
    }
  }
  return out;
}

/** The day offset of a date from the reference day (the inverse of days.at). */
function offsetOf(days: GenContext['days'], day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${days.at(0)}T00:00:00Z`)) / 86_400_000);
}
