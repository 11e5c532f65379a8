import type { DictDef } from '../core/dictionaries';
import { derived, field, flow, opt, type OrdersEntityDef } from '../orders/entities';
import { TIME_MODES } from './periods';

/**
 * Entity definitions of the employee centre (员工中心, SPEC J, 精财 manual): work plans and
 * summaries with their managers' comments, announcements with read receipts. Comments and read
 * receipts are records of their own (children), so two people commenting, or reading on two
 * devices, while apart are all kept.
 */
export const OFFICE_MODULE = 'office';

/** 工作计划/总结: once saved only the plan content and the summary stay editable (rules.ts). */
export const workPlansDef: OrdersEntityDef = {
  key: 'workPlans', module: OFFICE_MODULE, label: { zh: '工作计划', en: 'Work plans' }, titleField: 'title',
  fields: [
    field('title', '计划', 'Plan', 'text', { width: 230, ...derived }),
    field('ownerId', '员工', 'Employee', 'ref', { ref: 'users', required: true, width: 90 }),
    field('mode', '时间模式', 'Time mode', 'dict', { dict: 'timeMode', required: true, width: 90 }),
    field('startDate', '开始日期', 'Start', 'date', { required: true, width: 100 }),
    field('endDate', '结束日期', 'End', 'date', { width: 100 }),
    field('content', '计划内容', 'Plan', 'longtext', { required: true, width: 260 }),
    field('summary', '工作总结', 'Summary', 'longtext', { width: 220 }),
  ],
};

/** 批注: a manager's comment on a plan of their department. */
export const planCommentsDef: OrdersEntityDef = {
  key: 'planComments', module: OFFICE_MODULE, label: { zh: '计划批注', en: 'Plan comments' }, titleField: 'text',
  parent: { entity: 'workPlans', field: 'planId', onDelete: 'cascade' }, embedded: true,
  fields: [
    field('planId', '工作计划', 'Plan', 'ref', { ref: 'workPlans', required: true, ...flow }),
    field('authorId', '批注人', 'By', 'ref', { ref: 'users', ...flow }),
    field('at', '时间', 'At', 'datetime', flow),
    field('text', '批注', 'Comment', 'longtext', { required: true }),
  ],
};

/** 公告: shown from its publish date until it expires. */
export const announcementsDef: OrdersEntityDef = {
  key: 'announcements', module: OFFICE_MODULE, label: { zh: '公告', en: 'Announcements' }, titleField: 'title',
  fields: [
    field('title', '标题', 'Title', 'text', { required: true, width: 260 }),
    field('publishDate', '发布日期', 'Published', 'date', { required: true, width: 100 }),
    field('expiryDate', '截止日期', 'Expires', 'date', { width: 100 }),
    field('authorId', '发布人', 'By', 'ref', { ref: 'users', width: 90, ...flow }),
    field('body', '内容', 'Text', 'longtext', { required: true, hidden: true }),
  ],
};

/** 阅读回执: one per user and announcement (its id is derived from both, so reading twice is one record). */
export const announcementReadsDef: OrdersEntityDef = {
  key: 'announcementReads', module: OFFICE_MODULE, label: { zh: '阅读回执', en: 'Read receipts' }, titleField: 'userId',
  parent: { entity: 'announcements', field: 'announcementId', onDelete: 'cascade' }, embedded: true,
  fields: [
    field('announcementId', '公告', 'Announcement', 'ref', { ref: 'announcements', required: true, ...flow }),
    field('userId', '读者', 'Reader', 'ref', { ref: 'users', required: true, ...flow }),
    field('at', '阅读时间', 'Read at', 'datetime', flow),
  ],
};

export const OFFICE_ENTITIES: OrdersEntityDef[] = [workPlansDef, planCommentsDef, announcementsDef, announcementReadsDef];

export const OFFICE_DICTIONARIES: (DictDef & { fixed?: boolean })[] = [
  { dict: 'timeMode', label: { zh: '时间模式', en: 'Time mode' }, fixed: true, options: TIME_MODES.map((m) => opt(m.mode, m.label.zh, m.label.en)) },
];

/** The read receipt's id: one per announcement and user, the same on every device. */
export const readReceiptId = (announcementId: string, userId: string) => `rd-${announcementId}-${userId}`;
