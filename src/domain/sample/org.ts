import { MODULES, type Permission } from '../org/modules';

/**
 * The fixed part of the sample company 杭州云帆软件有限公司 — a software vendor selling ERP and
 * CRM packages, as in the 精财 manual: its organisation, competitors, sales mode and stages, and
 * product list. Independent of the seed, so ids here are stable references for the generators.
 */

export type Rec = Record<string, unknown> & { id: string };

export const COMPANY_ID = 'company';

export function companyRecord(): Rec {
  return {
    id: COMPANY_ID,
    name: '杭州云帆软件有限公司',
    address: '杭州市西湖区文三路 90 号东部软件园 3 号楼 5 层',
    phone: '0571-88866688',
    fiscalYearStart: 1,
  };
}

export const DEPT = {
  office: 'dp001', sales: 'dp002', salesEast: 'dp003', salesNorth: 'dp004', service: 'dp005', marketing: 'dp006', finance: 'dp007',
} as const;

export const ROLE = { admin: 'rl001', manager: 'rl002', rep: 'rl003', service: 'rl004', guest: 'rl005', serviceLead: 'rl006', finance: 'rl007' } as const;

export function departmentRecords(): Rec[] {
  return [
    { id: DEPT.office, name: '总经理办公室', code: 'D01', manager: 'us001' },
    { id: DEPT.sales, name: '销售部', code: 'D02', manager: 'us002' },
    { id: DEPT.salesEast, name: '华东销售组', code: 'D0201', parentId: DEPT.sales, manager: 'us003' },
    { id: DEPT.salesNorth, name: '华北销售组', code: 'D0202', parentId: DEPT.sales, manager: 'us007' },
    { id: DEPT.service, name: '客户服务部', code: 'D03', manager: 'us010' },
    { id: DEPT.marketing, name: '市场部', code: 'D04', manager: 'us012' },
    { id: DEPT.finance, name: '财务部', code: 'D05', manager: 'us013' },
  ];
}

export function roleRecords(): Rec[] {
  const all = (p: Permission): Record<string, Permission> => Object.fromEntries(MODULES.map((m) => [m.key, p]));
  return [
    { id: ROLE.admin, name: '系统管理员', nameEn: 'Administrator', admin: true, scope: 'all', perms: all('approve') },
    {
      id: ROLE.manager, name: '销售经理', nameEn: 'Sales manager', scope: 'department', discountLimit: 20,
      perms: { customers: 'approve', competitors: 'write', sales: 'approve', products: 'read', analysis: 'read', orders: 'approve', finance: 'approve', office: 'approve' },
    },
    {
      id: ROLE.rep, name: '业务员', nameEn: 'Sales rep', scope: 'own', discountLimit: 5,
      perms: { customers: 'write', sales: 'write', products: 'read', orders: 'write', finance: 'write' },
    },
    // SPEC A: reads customers, contacts, activities, history and products; full rights on service.
    {
      id: ROLE.service, name: '售后服务员', nameEn: 'Service agent', scope: 'all',
      perms: { customers: 'read', competitors: 'read', products: 'read', sales: 'read', service: 'write' },
    },
    { id: ROLE.guest, name: '只读访客', nameEn: 'Read-only guest', scope: 'all', perms: all('read') },
    // 服务监督人 (U8): assigns complaints, revisits the customer and closes them ('approve' on service).
    {
      id: ROLE.serviceLead, name: '客服主管', nameEn: 'Service supervisor', scope: 'all',
      perms: { customers: 'read', competitors: 'read', products: 'read', sales: 'read', service: 'approve', analysis: 'read' },
    },
    // 财务: receipts, refunds, expenses and dunning (approve on finance); reads the orders behind them.
    {
      id: ROLE.finance, name: '财务', nameEn: 'Finance', scope: 'all',
      perms: { customers: 'read', products: 'read', sales: 'read', orders: 'read', finance: 'approve', analysis: 'read' },
    },
  ];
}

/** [id, name, pinyin, code, department, role]. */
const STAFF: [string, string, string, string, string, string][] = [
  ['us001', '陈建国', 'chenjianguo', 'E001', DEPT.office, ROLE.admin],
  ['us002', '林晓峰', 'linxiaofeng', 'E002', DEPT.sales, ROLE.manager],
  ['us003', '王志强', 'wangzhiqiang', 'E003', DEPT.salesEast, ROLE.manager],
  ['us004', '李娜', 'lina', 'E004', DEPT.salesEast, ROLE.rep],
  ['us005', '张伟', 'zhangwei', 'E005', DEPT.salesEast, ROLE.rep],
  ['us006', '刘芳', 'liufang', 'E006', DEPT.salesEast, ROLE.rep],
  ['us007', '赵磊', 'zhaolei', 'E007', DEPT.salesNorth, ROLE.manager],
  ['us008', '孙丽', 'sunli', 'E008', DEPT.salesNorth, ROLE.rep],
  ['us009', '周杰', 'zhoujie', 'E009', DEPT.salesNorth, ROLE.rep],
  ['us010', '吴敏', 'wumin', 'E010', DEPT.service, ROLE.serviceLead],
  ['us011', '郑浩', 'zhenghao', 'E011', DEPT.service, ROLE.service],
  ['us012', '何静', 'hejing', 'E012', DEPT.marketing, ROLE.guest],
  ['us013', '黄丽华', 'huanglihua', 'E013', DEPT.finance, ROLE.finance],
  ['us014', '冯雪', 'fengxue', 'E014', DEPT.service, ROLE.service],
];

export const COMPANY_MAIL = 'yunfansoft.com';

export function userRecords(): Rec[] {
  // 138-0571-xxxx: the prefix 138 is reserved for staff, so staff and contact mobiles never clash.
  return STAFF.map(([id, name, py, code, departmentId, roleId], i) => ({
    id, name, code, departmentId, roleId,
    phone: `138-0571-${String(6601 + i * 37)}`,
    email: `${py}@${COMPANY_MAIL}`,
    active: true,
  }));
}

/** Who owns customers of each sales group: the group's reps, and its manager now and then. */
export const EAST_OWNERS = ['us004', 'us005', 'us006', 'us004', 'us005', 'us006', 'us003'];
export const NORTH_OWNERS = ['us008', 'us009', 'us008', 'us009', 'us007'];
/** Department of each owner (for opportunities). */
export const OWNER_DEPT: Record<string, string> = Object.fromEntries(STAFF.map(([id, , , , d]) => [id, d]));

export function competitorRecords(): Rec[] {
  return [
    {
      id: 'cp001', name: '用友', website: 'https://www.yonyou.com', products: 'U8+、YonSuite、NC Cloud',
      strengths: '品牌知名度高，财务模块成熟，渠道和服务网点覆盖全国。',
      weaknesses: '实施周期长、价格偏高，对中小客户的定制需求响应慢。',
      threat: 'high',
      strategy: '突出我方实施周期短、性价比高；中小制造企业主打 ERP+CRM 一体化，邀请样板客户现身说法。',
    },
    {
      id: 'cp002', name: '金蝶', website: 'https://www.kingdee.com', products: '金蝶云·星空、K/3 Cloud、精斗云',
      strengths: '云产品布局早，财务与供应链集成好，中小企业客户基础大。',
      weaknesses: 'CRM 模块相对薄弱，二次开发成本高。',
      threat: 'high',
      strategy: '以 CRM 深度和本地化服务切入，强调与客户现有财务系统的接口能力。',
    },
    {
      id: 'cp003', name: '浪潮', website: 'https://www.inspur.com', products: '浪潮 GS、浪潮 PS',
      strengths: '大型国企和政府客户资源丰富，软硬件一体化交付。',
      weaknesses: '面向中小企业的产品线较弱，报价高。',
      threat: 'mid',
      strategy: '避开大型国企项目，聚焦中小民营企业和政府下属事业单位的轻量项目。',
    },
    {
      id: 'cp004', name: 'Salesforce', website: 'https://www.salesforce.com', products: 'Sales Cloud、Service Cloud',
      strengths: '全球领先的 CRM，功能全面，生态和应用市场丰富。',
      weaknesses: '价格昂贵，本地化和数据合规受限，国内实施服务能力有限。',
      threat: 'low',
      strategy: '强调数据本地存储与合规、中文本地化实施和一次性买断的价格优势。',
    },
    {
      id: 'cp005', name: '纷享销客', website: 'https://www.fxiaoke.com', products: '纷享销客 CRM',
      strengths: '移动端体验好，连接型 CRM，营销获客功能强。',
      weaknesses: '与 ERP 财务集成需要额外开发，订阅费用逐年累计。',
      threat: 'high',
      strategy: '主打 ERP 与 CRM 一体化、离线可用和总拥有成本低。',
    },
    {
      id: 'cp006', name: '销售易', website: 'https://www.xiaoshouyi.com', products: '销售易 CRM、PaaS 平台',
      strengths: 'PaaS 平台灵活，产品化程度高，面向中大型企业。',
      weaknesses: '实施较复杂，中小客户成本偏高。',
      threat: 'mid',
      strategy: '以快速上线、标准化实施和低总拥有成本争取中小客户。',
    },
  ];
}

export const MODE_ID = 'standard';

/** Stages of the standard sales mode: [id, name, English name, default completion %, avg days, conversion %]. */
export const STAGES: [string, string, string, number, number, number][] = [
  ['initial', '初步接洽', 'Initial contact', 10, 14, 60],
  ['needs', '需求确认', 'Needs analysis', 30, 21, 55],
  ['proposal', '方案报价', 'Proposal', 50, 21, 50],
  ['negotiation', '商务谈判', 'Negotiation', 80, 14, 60],
  ['won', '成交', 'Closed won', 100, 0, 100],
];

export function salesModeRecords(): Rec[] {
  return [{ id: MODE_ID, name: '标准销售模式', nameEn: 'Standard', order: 1 }];
}

export function salesStageRecords(): Rec[] {
  return STAGES.map(([id, name, nameEn, rate, avgDays, conversion], i) => ({
    id, modeId: MODE_ID, order: i + 1, name, nameEn, rate, avgDays, conversion,
  }));
}

/** The vendor's price list (productCategory / productUnit / productStatus codes). */
export function productRecords(): Rec[] {
  const p = (n: number, name: string, category: string, spec: string, unit: string, costPrice: number, listPrice: number): Rec =>
    ({ id: `pd${String(n).padStart(3, '0')}`, code: `CP${String(n).padStart(3, '0')}`, name, category, spec, unit, costPrice, listPrice, status: 'onSale' });
  return [
    p(1, '云帆 ERP 标准版', 'erp', 'V8.0 / 10 用户', 'set', 8000, 38000),
    p(2, '云帆 ERP 专业版', 'erp', 'V8.0 / 30 用户 / 多组织', 'set', 20000, 98000),
    p(3, 'ERP 增加用户许可', 'erp', '每用户', 'user', 300, 1800),
    p(4, '客缘 CRM 标准版', 'crm', 'V5.0 / 10 用户', 'set', 6000, 28000),
    p(5, 'CRM 移动端用户许可', 'crm', '每用户 / 年', 'user', 200, 1200),
    p(6, '实施服务', 'impl', '顾问人天', 'day', 800, 2000),
    p(7, '年度维护服务', 'maint', '按年', 'year', 2000, 12000),
    p(8, '数据库服务器', 'hardware', '2U 机架式', 'piece', 18000, 25000),
  ];
}
