import { derived, field, flow, note, opt, type OrdersDictDef, type OrdersEntityDef } from '../orders/entities';

/**
 * Entity definitions of market management (市场管理, SPEC F): market activities (市场活动) with
 * their participants, market tasks (市场任务) and tracking notes (市场跟踪). They live in the
 * activities document group (manifest.ts): they grow by the week like the sales activities.
 * Leads name the activity they came from (`leads.activityId`) and expenses the activity they were
 * spent on (`expenses.marketActivityId`): the activity's results are computed from those
 * (results.ts), never stored.
 */
export const MARKETING_MODULE = 'marketing';

/** 市场活动: a planned exhibition, seminar, campaign… with its budget and cost. */
export const marketActivitiesDef: OrdersEntityDef = {
  key: 'marketActivities', module: MARKETING_MODULE, label: { zh: '市场活动', en: 'Market activities' },
  noun: { zh: '市场活动', en: 'Market activity' }, titleField: 'name',
  // a phone's card: the name, the status, then the list's computed figures (leads, cost, ROI)
  cardFields: ['name', 'status'],
  fields: [
    field('name', '活动名称', 'Name', 'text', { required: true, width: 220 }),
    field('type', '活动类型', 'Type', 'dict', { dict: 'marketActivityType', required: true, width: 90 }),
    field('status', '状态', 'Status', 'dict', { dict: 'marketActivityStatus', width: 80 }),
    field('startDate', '开始日期', 'Start', 'date', { required: true, width: 100 }),
    field('endDate', '结束日期', 'End', 'date', { width: 100, hidden: true }),
    field('ownerId', '负责人', 'Owner', 'ref', { ref: 'users', required: true, width: 90 }),
    field('budget', '预算', 'Budget', 'money', { min: 0, width: 110 }),
    // the budget's approval (approval.ts: written by the approval engine, never typed)
    field('approvalStatus', '预算审批', 'Budget approval', 'dict', { dict: 'budgetApproval', width: 80, ...flow }),
    field('manualCost', '实际成本(手工)', 'Actual cost (manual)', 'money', { min: 0, width: 110, hidden: true }),
    field('place', '地点', 'Place', 'text', { hidden: true }),
    field('description', '活动说明', 'Description', 'longtext', { hidden: true }),
  ],
};

/** 参与者: a customer and/or one of its contacts invited to an activity, whether they came and what they said. */
export const activityParticipantsDef: OrdersEntityDef = {
  key: 'activityParticipants', module: MARKETING_MODULE, label: { zh: '活动参与者', en: 'Participants' }, titleField: 'activityName',
  parent: { entity: 'marketActivities', field: 'activityId', onDelete: 'cascade' }, embedded: true,
  fields: [
    field('activityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', required: true, width: 180, hidden: true }),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers', width: 180 }),
    field('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts', near: { field: 'customerId' }, width: 100 }),
    field('status', '参与状态', 'Attendance', 'dict', { dict: 'participantStatus', required: true, width: 96 }),
    field('feedback', '反馈', 'Feedback', 'longtext', { width: 220 }),
    // copied from the activity on save (rules.ts): what the customer's timeline names and dates it by
    field('activityName', '活动名称', 'Activity', 'text', { hidden: true, ...derived }),
    field('date', '活动日期', 'Activity date', 'date', { hidden: true, ...derived }),
  ],
};

/** 市场任务: work of the marketing team, assigned to a user with a due date. */
export const marketTasksDef: OrdersEntityDef = {
  key: 'marketTasks', module: MARKETING_MODULE, label: { zh: '市场任务', en: 'Market tasks' }, noun: { zh: '市场任务', en: 'Market task' }, titleField: 'title',
  fields: [
    field('title', '任务', 'Task', 'text', { required: true, width: 220 }),
    field('assigneeId', '执行人', 'Assignee', 'ref', { ref: 'users', required: true, width: 90 }),
    field('dueDate', '到期日期', 'Due date', 'date', { width: 100 }),
    field('status', '状态', 'Status', 'dict', { dict: 'marketTaskStatus', required: true, width: 80 }),
    field('priority', '优先级', 'Priority', 'dict', { dict: 'marketTaskPriority', width: 70 }),
    field('activityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', width: 180 }),
    note(),
  ],
};

/** 市场跟踪: a dated note on a task or an activity (one of the two). */
export const marketTrackingDef: OrdersEntityDef = {
  key: 'marketTracking', module: MARKETING_MODULE, label: { zh: '市场跟踪', en: 'Market tracking' }, titleField: 'content',
  parent: [
    { entity: 'marketTasks', field: 'taskId', onDelete: 'cascade' },
    { entity: 'marketActivities', field: 'activityId', onDelete: 'cascade' },
  ],
  embedded: true,
  fields: [
    field('date', '日期', 'Date', 'date', { required: true, width: 100 }),
    field('content', '跟踪内容', 'Note', 'longtext', { required: true, width: 320 }),
    field('byId', '记录人', 'By', 'ref', { ref: 'users', width: 90, ...flow }),
    field('taskId', '市场任务', 'Market task', 'ref', { ref: 'marketTasks', hidden: true }),
    field('activityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', hidden: true }),
  ],
};

export const MARKETING_ENTITIES: OrdersEntityDef[] = [marketActivitiesDef, activityParticipantsDef, marketTasksDef, marketTrackingDef];

export const MARKET_ACTIVITY_STATUSES = ['planned', 'running', 'finished', 'cancelled'] as const;
export const MARKET_TASK_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;

export const MARKETING_DICTIONARIES: OrdersDictDef[] = [
  { dict: 'marketActivityType', label: { zh: '市场活动类型', en: 'Market activity type' }, options: [
    opt('exhibition', '展会', 'Exhibition'), opt('seminar', '研讨会', 'Seminar'), opt('advertising', '广告', 'Advertising'),
    opt('telemarketing', '电话营销', 'Telemarketing'), opt('email', '邮件营销', 'Email marketing'), opt('online', '网络推广', 'Online promotion'),
    opt('other', '其他', 'Other'),
  ] },
  { dict: 'marketActivityStatus', label: { zh: '市场活动状态', en: 'Market activity status' }, fixed: true, options: [
    opt('planned', '计划中', 'Planned'), opt('running', '进行中', 'Running'), opt('finished', '已结束', 'Finished'), opt('cancelled', '已取消', 'Cancelled'),
  ] },
  { dict: 'budgetApproval', label: { zh: '预算审批状态', en: 'Budget approval' }, fixed: true, options: [
    opt('draft', '草稿', 'Draft'), opt('pending', '审批中', 'Pending'), opt('approved', '已批准', 'Approved'), opt('rejected', '已驳回', 'Rejected'),
  ] },
  { dict: 'participantStatus', label: { zh: '参与状态', en: 'Attendance' }, fixed: true, options: [
    opt('invited', '已邀请', 'Invited'), opt('attended', '已出席', 'Attended'), opt('noShow', '未出席', 'No-show'),
  ] },
  { dict: 'marketTaskStatus', label: { zh: '市场任务状态', en: 'Market task status' }, fixed: true, options: [
    opt('open', '未开始', 'Open'), opt('inProgress', '进行中', 'In progress'), opt('done', '已完成', 'Done'), opt('cancelled', '已取消', 'Cancelled'),
  ] },
  { dict: 'marketTaskPriority', label: { zh: '优先级', en: 'Priority' }, fixed: true, options: [
    opt('high', '高', 'High'), opt('normal', '中', 'Normal'), opt('low', '低', 'Low'),
  ] },
];
