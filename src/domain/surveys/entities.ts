import type { DictDef } from '../core/dictionaries';
import { derived, field, flow, opt, type OrdersEntityDef } from '../orders/entities';

/**
 * Entity definitions of surveys (调查问卷, SPEC F, U8 市场管理): templates with their questions,
 * survey activities, and responses. Questions are child records of their template (two editors
 * adding questions while apart keep both). A choice question's options are fields of the question
 * record, one field per option (`opt_<id>`: `{ text, order }`, see questions.ts) — records merge
 * field by field, so two editors adding options while apart keep each other's, as roles keep
 * `perm_<module>` fields; a single array field would keep only the later writer's list.
 */
export const SURVEYS_MODULE = 'marketing';

/** 问卷模板: a version of a questionnaire. Editing one that has answers makes the next version (store/surveys). */
export const surveyTemplatesDef: OrdersEntityDef = {
  key: 'surveyTemplates', module: SURVEYS_MODULE, label: { zh: '问卷模板', en: 'Survey templates' }, noun: { zh: '问卷模板', en: 'Template' }, titleField: 'name',
  fields: [
    field('name', '模板名称', 'Name', 'text', { required: true, width: 220 }),
    field('version', '版本', 'Version', 'number', { width: 60, min: 1, ...flow }),
    field('status', '状态', 'Status', 'dict', { dict: 'surveyTemplateStatus', width: 80, ...flow }),
    field('description', '说明', 'Description', 'longtext', { width: 260 }),
    field('previousId', '上一版本', 'Previous version', 'ref', { ref: 'surveyTemplates', hidden: true, ...flow }),
  ],
};

/** 问卷题目: one question of a template, in `order`. */
export const surveyQuestionsDef: OrdersEntityDef = {
  key: 'surveyQuestions', module: SURVEYS_MODULE, label: { zh: '问卷题目', en: 'Survey questions' }, titleField: 'text',
  parent: { entity: 'surveyTemplates', field: 'templateId', onDelete: 'cascade' }, embedded: true,
  fields: [
    field('templateId', '问卷模板', 'Template', 'ref', { ref: 'surveyTemplates', required: true, ...flow }),
    field('order', '序号', 'Order', 'number', flow),
    field('type', '题型', 'Type', 'dict', { dict: 'surveyQuestionType', required: true }),
    field('text', '题目', 'Question', 'text', { required: true }),
    field('required', '必答', 'Required', 'bool'),
    field('sourceId', '复制自', 'Copied from', 'ref', { ref: 'surveyQuestions', hidden: true, ...flow }),
  ],
};

/** 调查活动: a template version put to an audience for a period. */
export const surveysDef: OrdersEntityDef = {
  key: 'surveys', module: SURVEYS_MODULE, label: { zh: '调查活动', en: 'Surveys' }, noun: { zh: '调查活动', en: 'Survey' }, titleField: 'name',
  fields: [
    field('name', '调查名称', 'Name', 'text', { required: true, width: 220 }),
    field('templateId', '问卷模板', 'Template', 'ref', { ref: 'surveyTemplates', required: true, width: 180 }),
    field('audience', '调查对象', 'Audience', 'dict', { dict: 'surveyAudience', required: true, width: 80 }),
    field('startDate', '开始日期', 'Start', 'date', { required: true, width: 100 }),
    field('endDate', '结束日期', 'End', 'date', { width: 100 }),
    field('status', '状态', 'Status', 'dict', { dict: 'surveyStatus', required: true, width: 80 }),
    field('ownerId', '负责人', 'Owner', 'ref', { ref: 'users', width: 90 }),
    // the market activity (市场活动) this survey belongs to, when there is one
    field('activityId', '市场活动', 'Market activity', 'ref', { ref: 'marketActivities', hidden: true }),
    field('description', '说明', 'Description', 'longtext', { hidden: true }),
  ],
};

/**
 * 答卷: one respondent's answers. `answers` (an object, not a declared field) maps question ids to
 * values — single choice: an option id; multiple choice: option ids; rating: 1–5; text: text.
 * A contact's answer also names the contact's customer (`customerId`), so the customer page shows it.
 */
export const surveyResponsesDef: OrdersEntityDef = {
  key: 'surveyResponses', module: SURVEYS_MODULE, label: { zh: '答卷', en: 'Survey responses' }, titleField: 'title',
  parent: { entity: 'surveys', field: 'surveyId', onDelete: 'cascade' }, embedded: true,
  fields: [
    field('surveyId', '调查活动', 'Survey', 'ref', { ref: 'surveys', required: true, ...flow }),
    field('title', '问卷', 'Survey', 'text', derived),
    field('customerId', '客户', 'Customer', 'ref', { ref: 'customers' }),
    field('contactId', '联系人', 'Contact', 'ref', { ref: 'contacts' }),
    field('userId', '员工', 'Employee', 'ref', { ref: 'users' }),
    field('channel', '渠道', 'Channel', 'dict', { dict: 'surveyChannel', ...flow }),
    field('enteredBy', '录入人', 'Entered by', 'ref', { ref: 'users', ...flow }),
    field('at', '答卷时间', 'Answered at', 'datetime', flow),
  ],
};

export const SURVEYS_ENTITIES: OrdersEntityDef[] = [surveyTemplatesDef, surveyQuestionsDef, surveysDef, surveyResponsesDef];

export const QUESTION_TYPES = ['single', 'multiple', 'rating', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const AUDIENCES = ['customers', 'contacts', 'employees'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const SURVEYS_DICTIONARIES: (DictDef & { fixed?: boolean })[] = [
  { dict: 'surveyTemplateStatus', label: { zh: '模板状态', en: 'Template status' }, fixed: true,
    options: [opt('draft', '草稿', 'Draft'), opt('published', '已发布', 'Published')] },
  { dict: 'surveyQuestionType', label: { zh: '题型', en: 'Question type' }, fixed: true,
    options: [opt('single', '单选题', 'Single choice'), opt('multiple', '多选题', 'Multiple choice'), opt('rating', '评分题(1–5)', 'Rating (1–5)'), opt('text', '文本题', 'Text')] },
  { dict: 'surveyAudience', label: { zh: '调查对象', en: 'Audience' }, fixed: true,
    options: [opt('customers', '客户', 'Customers'), opt('contacts', '联系人', 'Contacts'), opt('employees', '员工', 'Employees')] },
  { dict: 'surveyStatus', label: { zh: '调查状态', en: 'Survey status' }, fixed: true,
    options: [opt('planned', '计划中', 'Planned'), opt('open', '进行中', 'Open'), opt('closed', '已结束', 'Closed')] },
  { dict: 'surveyChannel', label: { zh: '答卷渠道', en: 'Channel' }, fixed: true,
    options: [opt('staff', '员工录入', 'Entered by staff'), opt('kiosk', '自助答卷', 'Kiosk')] },
];
