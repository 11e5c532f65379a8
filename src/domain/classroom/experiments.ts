/**
 * The eleven experiments of the 博星卓越 CRM lab manual (实验指导书, seeds/000), as data: goal,
 * tasks and steps in Chinese and English, each step with the page it is about (`route`, relative
 * to the workspace) and the check that ticks it (predicates.ts). Where the manual gives only a
 * heading, the steps exercise that module as the manual's other experiments do (seeds/001 精财
 * manual, seeds/002 U8 lab guide: 客户资源分配, 投诉处理, 商机推进, 市场活动组织, 调查问卷).
 *
 * 业务审批 and 市场管理 are written against the collections their modules will use (approvalRules,
 * approvalSteps, contracts, marketActivities, activityParticipants, marketTasks, marketTracking,
 * surveyTemplates, surveyQuestions, surveys, surveyResponses, leads.activityId): until those
 * modules land, their steps say so and light up when they do.
 */
import type { Label } from '../core/entity';
import type { Check } from './predicates';

export interface LabStep {
  /** Unique within its experiment. */
  key: string;
  text: Label;
  /** The page to do it on, relative to the workspace ('customers', 'service/analysis'); none: the page of the check's collection. */
  route?: string;
  check: Check;
}

export interface Experiment {
  key: string;
  /** 实验一 … 实验十一 */
  no: number;
  title: Label;
  goal: Label;
  tasks: readonly Label[];
  steps: readonly LabStep[];
}

const visit = (route: string): Check => ({ kind: 'event', event: 'visit', params: { route } });

export const EXPERIMENTS: readonly Experiment[] = [
  {
    key: 'principles', no: 1,
    title: { zh: '熟悉系统原理', en: 'Get to know the system' },
    goal: { zh: '了解 CRM 以客户为中心的思想，熟悉系统的模块划分、导航和业务流程：客户 → 商机 → 报价 → 订单 → 回款 → 服务 → 分析。', en: 'Understand the customer-centred idea of CRM and find your way around the modules and the flow: customer → opportunity → quote → order → receipt → service → analysis.' },
    tasks: [
      { zh: '浏览工作台、客户档案和销售看板，说出每个模块管理什么。', en: 'Look through the home page, the customer archive and the pipeline board; say what each module manages.' },
      { zh: '打开销售漏斗，理解「阶段 — 成功率 — 机会金额」的关系。', en: 'Open the sales funnel and see how stage, rate and opportunity amount relate.' },
    ],
    steps: [
      { key: 'home', text: { zh: '打开工作台（首页），看看今天的待办和提醒', en: 'Open the home page and look at today’s tasks and reminders' }, route: '', check: visit('/') },
      { key: 'customers', text: { zh: '打开客户档案列表', en: 'Open the customer archive' }, route: 'customers', check: visit('/customers') },
      { key: 'pipeline', text: { zh: '打开销售看板，按阶段看商机', en: 'Open the pipeline board and see opportunities by stage' }, route: 'pipeline', check: visit('/pipeline') },
      { key: 'funnel', text: { zh: '打开销售漏斗', en: 'Open the sales funnel' }, route: 'analysis/funnel', check: visit('/analysis/funnel') },
      { key: 'org', text: { zh: '打开组织与权限，看看有哪些部门、角色和用户', en: 'Open organisation and permissions: departments, roles and users' }, route: 'org', check: visit('/org') },
    ],
  },
  {
    key: 'settings', no: 2,
    title: { zh: '企业基础设置', en: 'Company settings' },
    goal: { zh: '完成企业的基础设置：本单位信息、部门、角色与权限、用户、自定义字段和字典，为后面的实验准备好组织和基础资料。', en: 'Set the company up: company info, departments, roles and permissions, users, custom fields and dictionaries — the groundwork for the later experiments.' },
    tasks: [
      { zh: '建立「售后服务部」和角色「售后服务员」：客户、联系人、产品只读，客户服务全部权限。', en: 'Create an after-sales department and an after-sales role: read customers, contacts and products, full rights on service.' },
      { zh: '为客户增加自定义字段「第一次接触时间」，新增字典「受教育程度」（博士、硕士、本科、专科、高中及以下）。', en: 'Add a custom field “first contact time” to customers and a dictionary “education” (PhD, master, bachelor, college, high school or below).' },
    ],
    steps: [
      { key: 'company', text: { zh: '填写本单位信息（名称、地址、电话）', en: 'Fill in the company info (name, address, phone)' }, route: 'org', check: { kind: 'edited', entity: 'company', fields: ['name', 'address', 'phone'] } },
      { key: 'department', text: { zh: '新增一个部门（例如 售后服务部）', en: 'Add a department (e.g. After-sales)' }, route: 'org', check: { kind: 'count', entity: 'departments' } },
      { key: 'role', text: { zh: '新增角色「售后服务员」：客户只读，客户服务可写', en: 'Add an after-sales role: customers read-only, service writable' }, route: 'org', check: { kind: 'count', entity: 'roles', where: { perm_customers: 'read', perm_service: { in: ['write', 'approve'] } } } },
      { key: 'user', text: { zh: '新增一个用户，指定部门和角色', en: 'Add a user with a department and a role' }, route: 'org', check: { kind: 'count', entity: 'users', where: { departmentId: { filled: true }, roleId: { filled: true } } } },
      { key: 'customField', text: { zh: '为客户增加一个自定义字段（例如 第一次接触时间）', en: 'Add a custom field to customers (e.g. first contact time)' }, route: 'settings?tab=fields', check: { kind: 'count', entity: 'customFields', where: { entity: 'customers' } } },
      { key: 'dictionary', text: { zh: '新增一个字典并添加至少 3 个选项（例如 受教育程度）', en: 'Add a dictionary with at least 3 options (e.g. education)' }, route: 'settings?tab=dicts', check: { kind: 'count', entity: 'dictOptions', per: 'dict', atLeast: 3 } },
    ],
  },
  {
    key: 'customers', no: 3,
    title: { zh: '客户管理', en: 'Customer management' },
    goal: { zh: '掌握客户档案、联系人、代理商、潜在客户和竞争对手的维护，学会客户资源分配和查看客户全貌。', en: 'Keep customer records, contacts, agents, potential customers and competitors; allocate customers to reps and read the customer 360 page.' },
    tasks: [
      { zh: '建立一个新客户及其联系人（一个主联系人），并记一笔跟进。', en: 'Create a new customer with its contacts (one primary) and log a follow-up.' },
      { zh: '登记一个代理商和一个潜在客户，录入一个竞争对手。', en: 'Record an agent and a potential customer, and a competitor.' },
      { zh: '把客户分配给业务员（客户资源分配）。', en: 'Assign a customer to a rep (resource allocation).' },
    ],
    steps: [
      { key: 'customer', text: { zh: '新增一个客户', en: 'Add a customer' }, route: 'customers', check: { kind: 'count', entity: 'customers' } },
      { key: 'contacts', text: { zh: '为新客户添加两个联系人，其中一个为主联系人', en: 'Give the new customer two contacts, one of them primary' }, route: 'customers', check: { kind: 'count', entity: 'customers', having: [{ entity: 'contacts', field: 'customerId', atLeast: 2, some: { primary: true } }] } },
      { key: 'agent', text: { zh: '登记一个代理商（客户类型 = 代理商）', en: 'Record an agent (customer kind = agent)' }, route: 'customers', check: { kind: 'count', entity: 'customers', where: { kind: 'agent' } } },
      { key: 'potential', text: { zh: '登记一个潜在客户', en: 'Record a potential customer' }, route: 'customers', check: { kind: 'count', entity: 'customers', where: { kind: 'potential' } } },
      { key: 'competitor', text: { zh: '录入一个竞争对手（优势、劣势、威胁程度）', en: 'Add a competitor (strengths, weaknesses, threat)' }, route: 'competitors', check: { kind: 'count', entity: 'competitors' } },
      { key: 'assign', text: { zh: '把一个客户分配给业务员（专管业务员）', en: 'Assign a customer to a rep (owner)' }, route: 'customers', check: { kind: 'edited', entity: 'customers', fields: ['ownerId'] } },
      { key: 'note', text: { zh: '在客户全貌页「记一笔」跟进', en: 'Log a follow-up note on a customer’s page' }, route: 'customers', check: { kind: 'count', entity: 'customerNotes' } },
    ],
  },
  {
    key: 'products', no: 4,
    title: { zh: '产品管理', en: 'Product management' },
    goal: { zh: '建立产品资料和价格，设置销量、职位、客户和代理四种折扣，理解报价行价格的取法。', en: 'Set up products and prices and the four discounts (volume, position, customer, agent); understand how a quote line is priced.' },
    tasks: [
      { zh: '新增产品并填写成本价和标准售价。', en: 'Add products with cost and list prices.' },
      { zh: '分别设置销量折扣、职位折扣、客户折扣和代理折扣。', en: 'Set a volume, a position, a customer and an agent discount.' },
    ],
    steps: [
      { key: 'product', text: { zh: '新增一个产品（成本价、标准售价）', en: 'Add a product (cost and list price)' }, route: 'products', check: { kind: 'count', entity: 'products', where: { listPrice: { atLeast: 0 } } } },
      { key: 'price', text: { zh: '调整一个产品的标准售价', en: 'Change a product’s list price' }, route: 'products', check: { kind: 'edited', entity: 'products', fields: ['listPrice'] } },
      { key: 'volume', text: { zh: '设置一条销量折扣', en: 'Set a volume discount' }, route: 'discounts', check: { kind: 'count', entity: 'discounts', where: { kind: 'volume' } } },
      { key: 'position', text: { zh: '设置一条职位折扣', en: 'Set a position discount' }, route: 'discounts', check: { kind: 'count', entity: 'discounts', where: { kind: 'position' } } },
      { key: 'customer', text: { zh: '设置一条客户折扣', en: 'Set a customer discount' }, route: 'discounts', check: { kind: 'count', entity: 'discounts', where: { kind: 'customer' } } },
      { key: 'agent', text: { zh: '设置一条代理折扣', en: 'Set an agent discount' }, route: 'discounts', check: { kind: 'count', entity: 'discounts', where: { kind: 'agent' } } },
    ],
  },
  {
    key: 'approvals', no: 5,
    title: { zh: '业务审批', en: 'Approvals' },
    goal: { zh: '理解超出折扣权限的报价、订单、费用和合同为什么要审批；设置审批规则，走完提交 — 批准 / 驳回的流程。', en: 'See why quotes over the discount limit, orders, expenses and contracts need approval; set approval rules and go through submit — approve / reject.' },
    tasks: [
      { zh: '设置一条审批规则（单据类型、条件、审批角色）。', en: 'Set an approval rule (document type, condition, approving role).' },
      { zh: '提交一份报价，由有审批权限的用户批准；再提交一份单据并驳回。', en: 'Submit a quote and have an approver approve it; submit another document and reject it.' },
    ],
    steps: [
      { key: 'rule', text: { zh: '设置一条审批规则', en: 'Set an approval rule' }, route: 'approvals', check: { kind: 'count', entity: 'approvalRules' } },
      { key: 'quote', text: { zh: '提交一份折扣率低于职位折扣下限的报价，并审批通过', en: 'Submit a quote priced below your position discount limit and get it approved' }, route: 'quotes', check: { kind: 'approved', entity: 'quotes', discountBelowLimit: true } },
      { key: 'submit', text: { zh: '提交一份单据审批（合同、订单或费用）', en: 'Submit a document for approval (contract, order or expense)' }, route: 'approvals', check: { kind: 'count', entity: 'approvalSteps', where: { action: 'submit' } } },
      { key: 'approve', text: { zh: '在审批箱批准一份单据', en: 'Approve a document in the approval inbox' }, route: 'approvals', check: { kind: 'count', entity: 'approvalSteps', where: { action: 'approve' } } },
      { key: 'reject', text: { zh: '驳回一份单据并写明意见', en: 'Reject a document with a comment' }, route: 'approvals', check: { kind: 'count', entity: 'approvalSteps', where: { action: 'reject' } } },
      { key: 'contract', text: { zh: '新增一份合同', en: 'Add a contract' }, check: { kind: 'count', entity: 'contracts' } },
    ],
  },
  {
    key: 'marketing', no: 6,
    title: { zh: '市场管理', en: 'Marketing' },
    goal: { zh: '组织市场活动（展会、研讨会、广告），管理参与者和活动带来的意向；下达和跟踪市场任务；用调查问卷了解客户。', en: 'Run market activities (exhibitions, seminars, advertising), their participants and the leads they bring; assign and track market tasks; survey customers.' },
    tasks: [
      { zh: '下达一项市场任务并记录跟踪情况。', en: 'Assign a market task and record its tracking.' },
      { zh: '组织一次市场活动，登记参与的客户，从活动中产生意向。', en: 'Run a market activity, record its participants and turn it into leads.' },
      { zh: '定义调查问卷模板，发起调查并录入答卷。', en: 'Define a survey template, start a survey and enter answers.' },
    ],
    steps: [
      { key: 'task', text: { zh: '下达一项市场任务（执行人、完成日期）', en: 'Assign a market task (assignee, due date)' }, check: { kind: 'count', entity: 'marketTasks' } },
      { key: 'tracking', text: { zh: '记录一条市场跟踪', en: 'Record a market tracking entry' }, check: { kind: 'count', entity: 'marketTracking' } },
      { key: 'activity', text: { zh: '新建一次市场活动（类型、预算）', en: 'Create a market activity (type, budget)' }, check: { kind: 'count', entity: 'marketActivities' } },
      { key: 'participants', text: { zh: '为一次活动登记至少两位参与者', en: 'Record at least two participants of one activity' }, check: { kind: 'count', entity: 'activityParticipants', per: 'activityId', atLeast: 2 } },
      { key: 'lead', text: { zh: '登记一条来自市场活动的意向', en: 'Record a lead that came from a market activity' }, route: 'leads', check: { kind: 'count', entity: 'leads', where: { activityId: { filled: true } } } },
      { key: 'template', text: { zh: '定义一份问卷模板，至少 3 道题', en: 'Define a survey template with at least 3 questions' }, check: { kind: 'count', entity: 'surveyQuestions', per: 'templateId', atLeast: 3 } },
      { key: 'survey', text: { zh: '发起一次调查活动', en: 'Start a survey' }, check: { kind: 'count', entity: 'surveys' } },
      { key: 'response', text: { zh: '录入一份答卷', en: 'Enter a survey response' }, check: { kind: 'count', entity: 'surveyResponses' } },
    ],
  },
  {
    key: 'sales', no: 7,
    title: { zh: '销售管理', en: 'Sales management' },
    goal: { zh: '从意向到商机，按销售阶段推进：联系记录、报价、审核；安排销售任务，制定销售计划。', en: 'From lead to opportunity, moved through the stages with contact records and quotes, audited; plan sales tasks and set sales plans.' },
    tasks: [
      { zh: '把一条意向升迁为商机，或直接新建商机。', en: 'Promote a lead to an opportunity, or create one directly.' },
      { zh: '为商机添加联系记录并依次完成，给客户报价。', en: 'Add contact records to the opportunity, complete them in turn, quote the customer.' },
      { zh: '审核商机，安排一项销售任务，制定一份销售计划。', en: 'Audit the opportunity, plan a sales task and set a sales plan.' },
    ],
    steps: [
      { key: 'opportunity', text: { zh: '新建一个商机（客户、业务员、销售阶段、预期金额）', en: 'Create an opportunity (customer, rep, stage, expected amount)' }, route: 'opportunities', check: { kind: 'count', entity: 'opportunities' } },
      { key: 'promote', text: { zh: '把一条意向升迁为商机', en: 'Promote a lead to an opportunity' }, route: 'leads', check: { kind: 'edited', entity: 'leads', fields: ['opportunityId'] } },
      { key: 'contactRecords', text: { zh: '为商机完成一条联系记录后，再完成下一条', en: 'Complete a contact record of an opportunity after an earlier one' }, route: 'opportunities', check: { kind: 'sequence', entity: 'contactRecords', per: 'opportunityId', order: 'completedAt', where: { completed: true } } },
      { key: 'quote', text: { zh: '为商机做一份报价（至少一行产品）', en: 'Quote an opportunity (at least one product line)' }, route: 'quotes', check: { kind: 'count', entity: 'quotes', having: [{ entity: 'quoteLines', field: 'quoteId' }] } },
      { key: 'audit', text: { zh: '审核一个商机', en: 'Audit an opportunity' }, route: 'opportunities', check: { kind: 'edited', entity: 'opportunities', fields: ['audited'], where: { audited: true } } },
      { key: 'task', text: { zh: '安排一项销售任务（到期日）', en: 'Plan a sales task (due date)' }, route: 'activities', check: { kind: 'count', entity: 'activities', where: { dueDate: { filled: true } } } },
      { key: 'plan', text: { zh: '制定一份销售计划', en: 'Set a sales plan' }, route: 'plans', check: { kind: 'count', entity: 'salesPlans' } },
    ],
  },
  {
    key: 'orders', no: 8,
    title: { zh: '订单管理', en: 'Order management' },
    goal: { zh: '由报价或商机生成订单，审批并执行：发货、退货；制定回款计划，查看订单账目和欠款，发出催款。', en: 'Turn a quote or opportunity into an order, approve and execute it: deliveries, returns; plan its instalments, read its account and arrears, dun overdue ones.' },
    tasks: [
      { zh: '新建订单并提交审批、批准、开始执行。', en: 'Create an order, submit it, approve it, start executing it.' },
      { zh: '部分发货，再处理一次退货。', en: 'Deliver part of it, then handle a return.' },
      { zh: '制定回款计划，查看欠款并记录一次催款。', en: 'Plan its instalments, check arrears and record a dunning action.' },
    ],
    steps: [
      { key: 'order', text: { zh: '新建一张订单（至少一行产品）', en: 'Create an order (at least one product line)' }, route: 'orders', check: { kind: 'count', entity: 'orders', having: [{ entity: 'orderLines', field: 'orderId' }] } },
      { key: 'approve', text: { zh: '提交并批准一张订单', en: 'Submit and approve an order' }, route: 'orders', check: { kind: 'count', entity: 'orderSteps', where: { action: 'approve' } } },
      { key: 'delivery', text: { zh: '为订单发货', en: 'Deliver an order' }, route: 'deliveries', check: { kind: 'count', entity: 'deliveries' } },
      { key: 'return', text: { zh: '处理一次退货', en: 'Handle a return' }, route: 'returns', check: { kind: 'count', entity: 'returns' } },
      { key: 'instalments', text: { zh: '为订单制定回款计划（至少两期）', en: 'Plan an order’s instalments (at least two)' }, route: 'orders', check: { kind: 'count', entity: 'instalments', per: 'orderId', atLeast: 2 } },
      { key: 'dunning', text: { zh: '在催款提醒中记录一次催款', en: 'Record a dunning action' }, route: 'finance/dunning', check: { kind: 'count', entity: 'dunningLogs' } },
    ],
  },
  {
    key: 'finance', no: 9,
    title: { zh: '财务处理', en: 'Finance' },
    goal: { zh: '登记收款和付款（含退货退款），记录费用，核对订单账目和客户欠款。', en: 'Record receipts and payments (refunds for returns included) and expenses; reconcile order accounts and customer arrears.' },
    tasks: [
      { zh: '按回款计划登记收款。', en: 'Record a receipt against an instalment.' },
      { zh: '为退货登记退款，记录一笔费用。', en: 'Record a refund for a return and an expense.' },
      { zh: '查看欠款查询和客户价值金字塔。', en: 'Read the arrears and the customer value pyramid.' },
    ],
    steps: [
      { key: 'receipt', text: { zh: '登记一笔收款（对应回款计划）', en: 'Record a receipt (against an instalment)' }, route: 'finance/receipts', check: { kind: 'count', entity: 'receipts', where: { instalmentId: { filled: true } } } },
      { key: 'refund', text: { zh: '为退货登记一笔退款', en: 'Record a refund for a return' }, route: 'finance/payments', check: { kind: 'count', entity: 'payments', where: { kind: 'refund' } } },
      { key: 'expense', text: { zh: '记录一笔费用（关联客户或商机）', en: 'Record an expense (for a customer or opportunity)' }, route: 'finance/expenses', check: { kind: 'count', entity: 'expenses' } },
      { key: 'arrears', text: { zh: '查看欠款查询', en: 'Open the arrears' }, route: 'finance/arrears', check: visit('/finance/arrears') },
      { key: 'pyramid', text: { zh: '查看客户价值金字塔', en: 'Open the customer value pyramid' }, route: 'finance/pyramid', check: visit('/finance/pyramid') },
    ],
  },
  {
    key: 'service', no: 10,
    title: { zh: '客户服务', en: 'Customer service' },
    goal: { zh: '记录服务过程，受理投诉并走完 登记 → 分配 → 处理 → 回访 → 关闭 的流程，把解决的问题沉淀到知识库，并分析服务效率。', en: 'Record service work, take a complaint through record → assign → handle → revisit → close, turn a solved case into a knowledge article, and analyse service efficiency.' },
    tasks: [
      { zh: '登记服务记录（服务类型、满意度、是否完成）。', en: 'Record service work (type, satisfaction, completed).' },
      { zh: '受理一个投诉并完成处理流程。', en: 'Take a complaint through its flow.' },
      { zh: '把一条服务记录转为知识库文章；查看近12个月的客户服务分析。', en: 'Turn a service record into a knowledge article; read the last 12 months’ service analysis.' },
    ],
    steps: [
      { key: 'record', text: { zh: '登记一条已完成且取得进展的服务记录', en: 'Record completed service work that made progress' }, route: 'service/records', check: { kind: 'count', entity: 'serviceRecords', where: { completed: true, progressed: true } } },
      { key: 'complaint', text: { zh: '受理一个投诉', en: 'Record a complaint' }, route: 'service/complaints', check: { kind: 'count', entity: 'complaints' } },
      { key: 'assign', text: { zh: '为投诉分配处理人', en: 'Assign a handler to a complaint' }, route: 'service/complaints', check: { kind: 'count', entity: 'complaintSteps', where: { kind: 'assign' } } },
      { key: 'close', text: { zh: '回访客户并关闭投诉', en: 'Revisit the customer and close the complaint' }, route: 'service/complaints', check: { kind: 'count', entity: 'complaintSteps', where: { kind: 'close' } } },
      { key: 'knowledge', text: { zh: '把一条服务记录转为知识库文章', en: 'Turn a service record into a knowledge article' }, route: 'service/knowledge', check: { kind: 'count', entity: 'knowledgeArticles', where: { sourceServiceId: { filled: true } } } },
      { key: 'analysis', text: { zh: '查看近12个月、按处理人分组的客户服务分析', en: 'Read the service analysis of the last 12 months by handler' }, route: 'service/analysis', check: { kind: 'event', event: 'serviceAnalysis', params: { period: 'last12', by: 'handlerId' } } },
    ],
  },
  {
    key: 'analysis', no: 11,
    title: { zh: '分析决策', en: 'Analysis and decisions' },
    goal: { zh: '用销售漏斗、销售预测、客户机会分析、客户项目分析、商品报价明细和客户分析支持决策，并能下钻到记录。', en: 'Support decisions with the funnel, the forecast, opportunity and project analyses, quote details and customer analyses, drilling down to the records.' },
    tasks: [
      { zh: '查看销售漏斗和销售预测，找出需要补充商机的阶段。', en: 'Read the funnel and the forecast; find the stages that need more opportunities.' },
      { zh: '按客户和按业务员查看机会分析和项目分析。', en: 'Read the opportunity and project analyses by customer and by rep.' },
      { zh: '查看商品报价明细和新增 / 流失客户分析。', en: 'Read the quote details and the new and lost customers.' },
    ],
    steps: [
      { key: 'funnel', text: { zh: '查看销售漏斗', en: 'Read the sales funnel' }, route: 'analysis/funnel', check: visit('/analysis/funnel') },
      { key: 'forecast', text: { zh: '查看销售预测', en: 'Read the sales forecast' }, route: 'analysis/forecast', check: visit('/analysis/forecast') },
      { key: 'opportunities', text: { zh: '查看客户机会分析', en: 'Read the opportunity analysis' }, route: 'analysis/opportunities', check: visit('/analysis/opportunities') },
      { key: 'projects', text: { zh: '查看客户项目分析', en: 'Read the project analysis' }, route: 'analysis/projects', check: visit('/analysis/projects') },
      { key: 'quotes', text: { zh: '查看商品报价明细', en: 'Read the product quote details' }, route: 'analysis/quotes', check: visit('/analysis/quotes') },
      { key: 'customers', text: { zh: '查看客户分析（新增与流失）', en: 'Read the customer analysis (new and lost)' }, route: 'analysis/customers', check: visit('/analysis/customers') },
    ],
  },
];

export function experimentOf(key: string): Experiment | undefined {
  return EXPERIMENTS.find((e) => e.key === key);
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'];
/** 实验三 / Lab 3: how the manual numbers an experiment. */
export function experimentNo(no: number, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? `实验${NUMERALS[no] ?? no}` : `Lab ${no}`;
}
