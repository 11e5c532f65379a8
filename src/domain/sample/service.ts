import { permFields, type Permission, type RoleLike } from '../org/modules';
import { applyStep, articleFromService, type Person, type StepInput } from '../service';
import { DEPT, productRecords, roleRecords, userRecords, type Rec } from './org';
import { pad, weighted, widthFor, type Weighted } from './random';
import type { ContactTable, CustomerTable, GenContext } from './generate';

/**
 * A year of customer service for the sample company (SPEC I): service records, complaints taken
 * through their flow by the right people, and a knowledge base partly made from solved services.
 *
 * Times: service records hold local 'YYYY-MM-DDTHH:mm' text (as the form's datetime input
 * writes it); complaint steps hold epoch milliseconds, computed for China time (UTC+8) without
 * reading the clock, so the data are the same on every device. Time spent is the exact length.
 */

/** 服务人员: 吴敏 is the supervisor (客服主管), 郑浩 and 冯雪 the service staff. */
export const SERVICE_LEAD = 'us010';
export const SERVICE_STAFF = ['us011', 'us014'] as const;

const DAY_MS = 86_400_000;
/** China time is UTC+8 all year (no daylight saving). */
const CHINA_OFFSET_MIN = 8 * 60;

// Vocabulary --------------------------------------------------------------------------------------

const PRODUCTS = ['云帆 ERP 标准版', '云帆 ERP 专业版', '客缘 CRM', 'CRM 移动端'];

const ERP = ['云帆 ERP 标准版', '云帆 ERP 专业版'];
const CRM = ['客缘 CRM', 'CRM 移动端'];
const SERVER_SIDE = ['云帆 ERP 标准版', '云帆 ERP 专业版', '客缘 CRM'];

/**
 * [problem (the first sentence, which becomes an article's title), solution, what is still open,
 * the products the problem can happen on (default: all)].
 */
type Case = readonly [string, string, string, (readonly string[])?];

const CASES: Record<string, readonly Case[]> = {
  support: [
    ['{p}月末结账提示存在未审核凭证', '指导客户在凭证查询中筛选未审核凭证并批量审核，重新结账成功', '客户需先找财务主管确认凭证后再结账', ERP],
    ['{p}登录时提示许可证已过期', '核对授权后重新导入年度许可证文件，全部用户恢复登录', '已提交续费申请，等待商务部门开具新许可证'],
    ['{p}打印发票时格式错位', '调整打印模板的页边距并重新选择纸张类型，打印恢复正常', '已收集打印机型号，待研发确认模板补丁', ERP],
    ['{p}报表查询速度很慢', '重建数据库索引并清理三年前的日志表，查询由 40 秒降到 3 秒', '已备份数据，约定周末停机维护时重建索引', SERVER_SIDE],
    ['{p}客户档案导入时报“编码重复”', '说明编码唯一规则，协助客户清洗 Excel 中的重复编码后导入成功', '客户整理数据中，下周再次导入', ['客缘 CRM']],
    ['{p}同步数据时卡在 90%', '检查发现网络代理拦截，配置白名单后同步完成', '需要客户 IT 部门调整防火墙策略', CRM],
    ['{p}新建用户后看不到客户数据', '为该用户分配业务员角色并设置数据范围为本部门，问题解决', '待客户确认该用户应有的数据范围', CRM],
    ['{p}导出 Excel 时中文乱码', '说明导出文件为 UTF-8 编码，指导用 Excel 数据导入功能打开，显示正常', '客户使用的旧版 Excel 需升级'],
  ],
  repair: [
    ['{p}所在服务器硬盘告警', '更换故障硬盘并重建 RAID，数据完整无丢失', '备件已下单，预计三天到货', SERVER_SIDE],
    ['{p}所在服务器频繁死机', '升级 BIOS 并更换电源模块，连续运行 72 小时稳定', '已取回日志，待厂家分析', SERVER_SIDE],
    ['{p}数据库文件损坏无法启动', '用前一日备份恢复数据库，并补录当天 12 张单据', '正在评估恢复方案，客户暂用手工单据', SERVER_SIDE],
    ['{p}配套的扫码枪无法录入条码', '重新安装驱动并设置为键盘模式，扫码正常', '更换的扫码枪在途', ERP],
  ],
  installation: [
    ['{p}新服务器安装部署', '完成系统安装、数据库配置与数据迁移，用户已正常登录', '数据迁移完成一半，剩余历史数据下次上门处理', SERVER_SIDE],
    ['{p}分公司客户端安装调试', '为 12 台电脑安装客户端并配置 VPN 连接，全部测试通过', '部分电脑系统版本过低，需客户升级后再装', SERVER_SIDE],
    ['{p}升级到新版本', '备份后完成版本升级和数据结构升级，核对报表无误', '升级前检查发现自定义报表需要改写'],
  ],
  training: [
    ['{p}新员工操作培训', '讲解客户档案、联系人与服务记录的录入，学员完成上机练习', '第二次培训安排在下周', CRM],
    ['{p}财务模块月结培训', '演示凭证审核、结账和报表出具流程，提供操作手册', '客户希望增加一次答疑', ERP],
    ['{p}管理员权限配置培训', '讲解角色、数据范围与审批权限设置，客户管理员已能独立配置', '待客户梳理组织架构后再细化权限'],
  ],
  consulting: [
    ['咨询{p}的报价和用户数许可', '介绍标准版与专业版差异并发送报价单，客户确认采购标准版', '客户内部比价中，约定两周后回复'],
    ['咨询{p}能否与现有财务软件对接', '说明标准接口和实施方式，发送接口文档', '需要客户提供现有系统版本再评估', ['客缘 CRM']],
    ['咨询{p}是否支持离线使用', '说明离线录入与联网后自动同步的方式，客户满意', '客户将安排试用', CRM],
  ],
  followUp: [
    ['上线后回访{p}使用情况', '各部门均已正常使用，收集到两条改进建议并反馈研发', '客户反映的问题已记录，待下次回访确认'],
    ['维修后回访{p}运行情况', '设备运行稳定，客户对处理速度表示满意', '客户仍偶有报错，约定下周远程检查'],
    ['年度服务回访{p}', '确认维护合同续签意向，客户对响应速度评价较高', '客户提出价格异议，转交销售跟进'],
  ],
  other: [
    ['协助客户整理{p}的基础资料', '完成产品、客户分类字典的整理与导入', '资料整理中'],
    ['为客户开具{p}服务确认单', '服务确认单已签字回传', '等待客户签字盖章'],
  ],
};

const SERVICE_TYPE_W = weighted([['support', 30], ['repair', 12], ['installation', 10], ['training', 10], ['consulting', 13], ['followUp', 18], ['other', 7]] as const);
const CONTACT_W: Record<string, Weighted<string>> = {
  support: weighted([['phone', 40], ['remote', 35], ['wechat', 15], ['email', 10]]),
  repair: weighted([['visit', 60], ['remote', 25], ['phone', 15]]),
  installation: weighted([['visit', 70], ['remote', 30]]),
  training: weighted([['visit', 55], ['remote', 45]]),
  consulting: weighted([['phone', 45], ['wechat', 25], ['email', 20], ['visit', 10]]),
  followUp: weighted([['phone', 70], ['wechat', 20], ['email', 10]]),
  other: weighted([['phone', 40], ['email', 40], ['other', 20]]),
};
/** Minutes spent, [min, max] in 5-minute steps, by contact type. */
const DURATION: Record<string, [number, number]> = {
  phone: [5, 45], wechat: [5, 60], email: [10, 40], remote: [20, 120], visit: [60, 300], other: [10, 60],
};
const IMPORTANCE_W = weighted([['high', 20], ['medium', 50], ['low', 30]] as const);
const URGENT_W = weighted([['high', 55], ['medium', 35], ['low', 10]] as const);
const SATISFIED_W = weighted([['5', 30], ['4', 42], ['3', 18], ['2', 7], ['1', 3]] as const);
const UNSOLVED_W = weighted([['4', 15], ['3', 45], ['2', 30], ['1', 10]] as const);
const STAFF_W = weighted([['us011', 45], ['us014', 40], [SERVICE_LEAD, 15]] as const);

/** A customer with service history: a formal customer (potential ones have none yet), by index. */
function servedCustomer(ctx: GenContext, cust: CustomerTable): number {
  let c = ctx.rng.int(cust.ids.length);
  for (let tries = 0; tries < 8 && cust.kind[c] === 'potential'; tries++) c = ctx.rng.int(cust.ids.length);
  return c;
}

function contactOf(ctx: GenContext, contacts: ContactTable, c: number): string | undefined {
  const n = contacts.count[c];
  return n && ctx.rng.chance(0.75) ? contacts.ids[contacts.start[c] + ctx.rng.int(n)] : undefined;
}

/** A working day at or before `off` days from today (weekends move to Friday, now and then kept). */
function workday(ctx: GenContext, off: number): number {
  const dow = (((ctx.days.today + off + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (ctx.rng.chance(0.1)) return off;
  if (dow === 6) return off - 1;
  if (dow === 0) return off - 2;
  return off;
}

/** Put a product name into a phrase, with a space after a Latin ending (云帆 ERP 月末结账). */
function withName(phrase: string, name: string): string {
  return phrase.replace(/\{[pt]\}(.?)/, (_m, next: string) => name + (/[A-Za-z0-9]$/.test(name) && /[\u4e00-\u9fff]/.test(next) ? ' ' : '') + next);
}

const hhmm = (min: number) => `${pad(Math.floor(min / 60), 2)}:${pad(min % 60, 2)}`;

// Service records ---------------------------------------------------------------------------------

export function genServiceRecords(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, n: number): Rec[] {
  const { rng, days } = ctx;
  const out: Rec[] = [];
  if (!cust.ids.length) return out;
  const idW = widthFor(n, 5);
  for (let i = 0; i < n; i++) {
    const c = servedCustomer(ctx, cust);
    const serviceType = rng.draw(SERVICE_TYPE_W);
    const contactType = rng.draw(CONTACT_W[serviceType]);
    const off = workday(ctx, -rng.range(0, 364));
    const [lo, hi] = DURATION[contactType];
    const startMin = 8 * 60 + 30 + 5 * rng.range(0, (17 * 60 - 8 * 60 - 30) / 5);
    const minutes = Math.min(5 * rng.range(lo / 5, hi / 5), 21 * 60 - startMin);
    const date = days.at(off);
    // recent services are more often still open
    const completed = rng.chance(off > -14 ? 0.5 : 0.88);
    const progressed = completed ? rng.chance(0.94) : rng.chance(0.45);
    const cases = CASES[serviceType];
    const [problem, solution, pending, products = PRODUCTS] = cases[rng.int(cases.length)];
    const product = products[rng.int(products.length)];
    // the service team logs its own work (sales reps have no right on the service module)
    const handler = rng.draw(STAFF_W);

    const rec: Rec = {
      id: 'sv' + pad(i + 1, idW),
      customerId: cust.ids[c],
    };
    const contact = contactOf(ctx, contacts, c);
    if (contact) rec.contactId = contact;
    rec.serviceType = serviceType;
    rec.contactType = contactType;
    rec.importance = rng.draw(serviceType === 'repair' ? URGENT_W : IMPORTANCE_W);
    if (completed || rng.chance(0.4)) rec.satisfaction = rng.draw(completed ? SATISFIED_W : UNSOLVED_W);
    rec.start = `${date}T${hhmm(startMin)}`;
    rec.end = `${date}T${hhmm(startMin + minutes)}`;
    rec.minutesSpent = minutes;
    rec.content = `${withName(problem, product)}。${completed ? solution : pending}。`;
    rec.handlerId = handler;
    rec.progressed = progressed;
    rec.completed = completed;
    out.push(rec);
  }
  return out;
}

// Complaints --------------------------------------------------------------------------------------

type Kind = 'product' | 'department' | 'person';
const KIND_W = weighted([['product', 50], ['department', 20], ['person', 30]] as const);
const REASON_W: Record<Kind, Weighted<string>> = {
  product: weighted([['quality', 60], ['delivery', 25], ['price', 15]]),
  department: weighted([['response', 50], ['delivery', 25], ['price', 15], ['other', 10]]),
  person: weighted([['attitude', 60], ['response', 40]]),
};
const DETAILS: Record<string, readonly string[]> = {
  quality: ['{t}上线后多次出现报错，影响日常开单', '{t}升级后部分报表数据不准确', '{t}运行不稳定，一周内宕机两次'],
  delivery: ['{t}的交付比合同约定晚了两周', '{t}的实施进度一再推迟，客户多次催促', '购买的{t}迟迟没有到货'],
  price: ['对{t}的年度维护费上涨有异议', '认为{t}的报价高于同类产品', '对{t}追加用户许可的收费方式不满'],
  response: ['{t}对报修电话响应太慢，等了两天才有人联系', '{t}答应的回电一直没有回', '{t}处理问题拖延，客户业务受影响'],
  attitude: ['{t}在电话中态度生硬，客户很不满意', '{t}上门服务时不耐烦，未解释清楚问题', '{t}多次打断客户，未认真听取需求'],
  other: ['对{t}的服务流程有意见', '{t}开具的服务单据信息有误'],
};
/** Details that only fit a department (a department is not delivered, its work is). */
const DEPT_DETAILS: Record<string, readonly string[]> = {
  delivery: ['{t}安排的实施进度一再推迟，客户多次催促', '{t}承诺的上线日期一拖再拖'],
  price: ['对{t}的收费标准有异议', '认为{t}报价前后不一致'],
};
const RESULTS: Record<string, readonly string[]> = {
  quality: ['上门排查并安装补丁，连续观察一周未再出现问题', '修正报表取数规则并重算历史数据，客户核对无误', '更换硬件并调整配置，系统已稳定运行'],
  delivery: ['协调实施顾问加派人手，已按新计划完成交付', '向客户致歉并承诺赔付一个月维护费，货物已送达', '重新排定实施计划并每周通报进度'],
  price: ['向客户说明维护费构成，给予老客户九折优惠', '提供同类产品功能对比，客户接受原报价', '调整为按年订阅的收费方式'],
  response: ['建立该客户的专属服务群，承诺 2 小时内响应', '补充回电并道歉，问题已当天解决', '调整派工流程，指定专人跟进'],
  attitude: ['当事人向客户致歉，部门内进行服务礼仪培训', '更换服务人员，并由主管上门致歉', '对当事人进行批评教育，客户表示接受'],
  other: ['优化服务流程并书面告知客户', '重新开具正确的服务单据'],
};
/** Products a complaint of each reason plausibly names (ids of the sample price list). */
const PRODUCTS_FOR: Record<string, string[]> = {
  quality: ['pd001', 'pd002', 'pd004', 'pd005', 'pd008'],
  delivery: ['pd001', 'pd002', 'pd004', 'pd006', 'pd008'],
  price: ['pd001', 'pd003', 'pd004', 'pd005', 'pd007'],
};
const COMMENTS = ['请尽快处理', '重要客户，优先处理', '客户情绪较大，注意沟通', '请当天回复客户'];
const REVISIT_W = weighted([['5', 25], ['4', 45], ['3', 20], ['2', 10]] as const);
const REVISIT_NOTES: Record<string, string> = {
  '5': '客户对处理结果非常满意', '4': '客户认可处理结果', '3': '客户基本接受，希望今后改进', '2': '客户仍不太满意，已记录意见',
};

/** The sample company's people as the complaint rules see them (roles flattened like the loader does). */
function people(): Map<string, Person> {
  const roles = new Map(roleRecords().map((r) => {
    const { perms, ...rest } = r as Rec & { perms?: Record<string, Permission> };
    return [r.id, { ...rest, ...permFields(perms ?? {}) } as RoleLike];
  }));
  return new Map(userRecords().map((u) => [u.id, {
    id: u.id, name: u.name as string, departmentId: u.departmentId as string, role: roles.get(u.roleId as string),
  }]));
}

/** Epoch ms of `off` days from today at `min` minutes past midnight, China time. */
function instant(ctx: GenContext, off: number, min: number): number {
  return (ctx.days.today + off) * DAY_MS + (min - CHINA_OFFSET_MIN) * 60_000;
}

/** Complaints through their flow, and their steps (rows of `complaintSteps`, ids `<complaint>.S<n>`). */
export function genComplaints(ctx: GenContext, cust: CustomerTable, contacts: ContactTable, n: number, productIds: string[]): { complaints: Rec[]; steps: Rec[] } {
  const { rng } = ctx;
  const out: Rec[] = [];
  const steps: Rec[] = [];
  if (!cust.ids.length) return { complaints: out, steps };
  const who = people();
  const lead = who.get(SERVICE_LEAD)!;
  const idW = widthFor(n, 4);
  const now = instant(ctx, 0, 18 * 60);
  const productNames = new Map(productRecords().map((p) => [p.id, String(p.name)]));
  for (let i = 0; i < n; i++) {
    const c = servedCustomer(ctx, cust);
    const owner = cust.owner[c];
    let kind: Kind = rng.draw(KIND_W);
    if (kind === 'product' && !productIds.length) kind = 'department';
    const reason = rng.draw(REASON_W[kind]);
    const rec: Rec = { id: 'cm' + pad(i + 1, idW), customerId: cust.ids[c] };
    const contact = contactOf(ctx, contacts, c);
    if (contact) rec.contactId = contact;
    rec.targetKind = kind;
    let target: string;
    if (kind === 'product') {
      const fitting = PRODUCTS_FOR[reason].filter((id) => productIds.includes(id));
      rec.targetProduct = fitting.length ? rng.pick(fitting) : rng.pick(productIds);
      target = productNames.get(rec.targetProduct as string) ?? '';
    } else if (kind === 'department') {
      const dept = rng.pick([DEPT.service, DEPT.service, owner && ['us008', 'us009', 'us007'].includes(owner) ? DEPT.salesNorth : DEPT.salesEast, DEPT.finance]);
      rec.targetDepartment = dept;
      target = dept === DEPT.service ? '客户服务部' : dept === DEPT.finance ? '财务部' : '销售部';
    } else {
      const person = owner && rng.chance(0.5) ? owner : rng.draw(STAFF_W);
      rec.targetPerson = person;
      target = `${who.get(person)?.name ?? ''}`;
    }
    rec.reason = reason;
    const details = (kind === 'department' && DEPT_DETAILS[reason]) || DETAILS[reason];
    rec.details = withName(details[rng.int(details.length)], target) + '。';

    // The flow: older complaints are further along; no step lies in the future.
    const recent = rng.chance(0.3);
    const off = workday(ctx, recent ? -rng.range(0, 21) : -rng.range(22, 360));
    let at = instant(ctx, off, 9 * 60 + 5 * rng.range(0, 96));
    const recorder = who.get(rng.chance(0.3) ? SERVICE_LEAD : rng.pick(SERVICE_STAFF))!;
    const handlerId = kind === 'person' && SERVICE_STAFF.includes(rec.targetPerson as never)
      ? SERVICE_STAFF.find((s) => s !== rec.targetPerson)!
      : rng.pick(SERVICE_STAFF);
    const results = RESULTS[reason];
    const satisfaction = rng.draw(REVISIT_W);
    const plan: [number, StepInput, Person][] = [
      [0, { kind: 'record' }, recorder],
      [rng.range(1, 20) * 30 * 60_000, { kind: 'assign', handler: who.get(handlerId)!, owner: { id: owner, departmentId: owner ? who.get(owner)?.departmentId : undefined }, comment: rng.chance(0.5) ? rng.pick(COMMENTS) : undefined }, lead],
      [rng.range(1, 5) * DAY_MS + rng.range(0, 8) * 3_600_000, { kind: 'handle', result: results[rng.int(results.length)] }, who.get(handlerId)!],
      [rng.range(1, 4) * DAY_MS, { kind: 'revisit', satisfaction, comment: REVISIT_NOTES[satisfaction] }, lead],
      [rng.range(1, 24) * 3_600_000, { kind: 'close' }, lead],
    ];
    // recent ones are at every step of the flow; a few old ones got stuck (overdue follow-ups)
    const stopAt = recent ? rng.range(1, 4) : rng.chance(0.06) ? rng.range(2, 4) : 5;
    let values: Rec = rec;
    for (let s = 0; s < Math.min(stopAt, plan.length); s++) {
      const [delay, step, actor] = plan[s];
      at += delay;
      if (at > now) break;
      const res = applyStep(values, step, actor, at);
      if (!res.ok) throw new Error(`sample complaint ${rec.id}: ${res.refusal.message.en}`);
      values = { ...values, ...res.value.patch };
      steps.push({ id: `${rec.id}.S${s}`, complaintId: rec.id, seq: s, ...res.value.step });
    }
    out.push(values);
  }
  return { complaints: out, steps };
}

// Knowledge base ----------------------------------------------------------------------------------

/** [category, title, body, tags]: written by the service team. */
const ARTICLES: [string, string, string, string][] = [
  ['faq', '忘记登录密码怎么办', '请联系本单位系统管理员在“企业设置 → 用户”中重置密码。管理员本人忘记密码时，请携带单位证明联系云帆客服热线 0571-88866688，核实身份后重置。', '登录, 密码'],
  ['faq', '如何增加用户许可数', '在“系统设置 → 许可”中查看当前用户数。需要增加时，联系专管业务员购买“ERP 增加用户许可”或“CRM 移动端用户许可”，收到新许可文件后导入即可生效，无需重启。', '许可, 用户数'],
  ['faq', '离线录入的数据什么时候同步', '设备恢复联网后会自动与同组设备同步，一般几秒内完成。两台设备同时修改同一客户的不同字段时两边的修改都会保留；修改同一字段时以较晚的修改为准。', '离线, 同步'],
  ['howTo', '月末结账操作步骤', '1. 审核本月全部凭证；2. 执行期末结转（损益结转、汇兑损益）；3. 对账检查；4. 在“总账 → 期末 → 结账”中结账。结账前请先备份账套。', '财务, 结账'],
  ['howTo', '如何批量导入客户档案', '在客户档案列表点击“导入”，选择 CSV 文件后对应各列与字段，预览无误再确认导入。有错误的行会单独列出原因，取消则不写入任何数据。', '导入, 客户档案'],
  ['howTo', '如何设置角色的数据范围', '在“企业设置 → 角色”中为每个角色选择数据范围：仅本人、本部门或全部。投诉分配时系统会检查处理人的数据范围能否看到该客户。', '权限, 角色'],
  ['troubleshooting', '报表查询很慢的排查方法', '先确认是否只有个别报表慢。若全部变慢，检查数据库服务器磁盘空间与索引碎片；清理历史日志表、重建索引后一般可恢复。仍未改善请联系技术支持远程诊断。', '性能, 报表, 数据库'],
  ['troubleshooting', '打印格式错位的处理', '检查打印模板的纸张类型与打印机设置是否一致，调整页边距后预览。针式打印机请选择“连续纸”并校准走纸。', '打印, 模板'],
  ['product', '云帆 ERP 标准版与专业版的区别', '标准版含财务、供销存，适合单一组织；专业版增加多组织、合并报表和生产管理，默认 30 用户。两者数据结构一致，可随时由标准版升级到专业版。', 'ERP, 版本'],
  ['product', '客缘 CRM 移动端功能简介', '移动端支持客户档案查询、拜访签到、服务记录和投诉登记，支持离线录入，联网后自动同步。', 'CRM, 移动端'],
  ['policy', '服务响应时限承诺', '电话及远程问题 2 小时内响应；需要上门的故障，杭州市区 24 小时内到场，其他地区 48 小时内到场。重要客户的投诉由客服主管当天分配处理人。', '服务承诺, 响应'],
  ['policy', '维护合同续签政策', '维护合同到期前 30 天由客服部提醒客户续签；连续续签三年以上的客户享受维护费九折。合同过期期间的服务按次收费。', '维护, 合同'],
];

export function genKnowledge(services: Rec[], convert: number): Rec[] {
  const out: Rec[] = ARTICLES.map(([category, title, body, tags], i) => ({ id: 'kb' + pad(i + 1, 3), title, category, body, tags }));
  // one article per problem, whichever product it was reported on
  const problem = (title: unknown) => PRODUCTS.reduce((s, p) => s.replace(p, ''), String(title)).trim();
  const titles = new Set(out.map((a) => problem(a.title)));
  let k = out.length;
  // Solved services become FAQ entries, one per distinct problem.
  for (const s of services) {
    if (convert <= 0) break;
    if (s.completed !== true || (s.serviceType !== 'support' && s.serviceType !== 'repair')) continue;
    const res = articleFromService(s);
    if (!res.ok || titles.has(problem(res.value.title))) continue;
    titles.add(problem(res.value.title));
    out.push({ id: 'kb' + pad(++k, 3), ...res.value, category: s.serviceType === 'repair' ? 'troubleshooting' : 'faq' });
    convert--;
  }
  return out;
}
