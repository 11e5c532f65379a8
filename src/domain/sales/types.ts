import type { BaseRecord } from '../core/record';

/**
 * Record shapes of the sales module, as the program writes them. Records read back may come
 * from untrusted peers, so these types describe intent, not a guarantee: rules and analyses read
 * numbers through `asNumber`/`num0` and text through `asText` (see read.ts).
 *
 * Conventions: `date` fields are 'YYYY-MM-DD'; system-written times (`completedAt`, `at`) are
 * epoch milliseconds; completion rates (`rate` on opportunities, stages, records) are percent
 * 0–100; discount rates are fractions (0.9 = 九折, 10 % off).
 */

export const OPPORTUNITY_STATUSES = ['active', 'terminated', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const PROJECT_STATUSES = ['active', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const QUOTE_STATUSES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const DISCOUNT_KINDS = ['volume', 'position', 'customer', 'customerCategory', 'agent'] as const;
export type DiscountKind = (typeof DISCOUNT_KINDS)[number];

export const LEAD_STATUSES = ['open', 'promoted', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const ACTIVITY_STATUSES = ['planned', 'done'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PLAN_SCOPES = ['company', 'department', 'person'] as const;
export type PlanScope = (typeof PLAN_SCOPES)[number];

/** 产品. */
export interface Product extends BaseRecord {
  code?: string;
  name?: string;
  category?: string;
  spec?: string;
  unit?: string;
  costPrice?: number;
  listPrice?: number;
  status?: string;
}

/**
 * 折扣 — one collection for the four kinds of SPEC D (customer discounts split into per customer
 * and per customer category). Which fields matter depends on `kind`:
 *  volume: minQty (+ productId for a product-specific tier); position: roleId;
 *  customer: customerId; customerCategory: customerCategory; agent: customerId (an agent) or none
 *  (every agent). `rate` is the price multiplier (0.9 = 九折); for `position` it is the lowest
 *  rate the role may quote without approval.
 */
export interface DiscountRule extends BaseRecord {
  kind?: DiscountKind;
  name?: string;
  rate?: number;
  minQty?: number;
  productId?: string;
  roleId?: string;
  customerId?: string;
  customerCategory?: string;
}

/** 销售模式. */
export interface SalesMode extends BaseRecord {
  name?: string;
  nameEn?: string;
  order?: number;
}

/** 销售阶段: one record per stage so that two peers editing different stages both keep their edit. */
export interface SalesStage extends BaseRecord {
  modeId?: string;
  order?: number;
  name?: string;
  nameEn?: string;
  /** Default completion rate 成功率, percent. */
  rate?: number;
  /** Average days an opportunity spends in this stage (quota helper). */
  avgDays?: number;
  /** Percent of opportunities in this stage that reach the next stage (the last: that are won). */
  conversion?: number;
}

/** 意向 (sales lead). */
export interface Lead extends BaseRecord {
  subject?: string;
  customerId?: string;
  contactId?: string;
  source?: string;
  ownerId?: string;
  productId?: string;
  expectedAmount?: number;
  date?: string;
  activityId?: string;
  status?: LeadStatus;
  opportunityId?: string;
  note?: string;
}

/** Fields an opportunity and a project share, and that records back-fill. */
export interface PipelineValues {
  modeId?: string;
  stageId?: string;
  /** 完成率 %. */
  rate?: number;
  /** 成本费用. */
  cost?: number;
  /** 预期金额. */
  expectedAmount?: number;
  /** 机会金额 = expectedAmount × rate % (derived; analyses recompute it). */
  amount?: number;
  startDate?: string;
  plannedDate?: string;
  actualDate?: string;
}

/** 商机/机会. */
export interface Opportunity extends BaseRecord, PipelineValues {
  subject?: string;
  customerId?: string;
  ownerId?: string;
  departmentId?: string;
  status?: OpportunityStatus;
  /** Summary written when won or lost (lost requires one). */
  summary?: string;
  audited?: boolean;
  auditedBy?: string;
  auditedAt?: number;
  leadId?: string;
  /** Set when copied from a project (复制为机会). */
  sourceProjectId?: string;
  competitorIds?: string[];
  teamIds?: string[];
  note?: string;
}

/** 项目. */
export interface Project extends BaseRecord, PipelineValues {
  subject?: string;
  customerId?: string;
  ownerId?: string;
  departmentId?: string;
  opportunityId?: string;
  status?: ProjectStatus;
  actualCost?: number;
  actualAmount?: number;
  note?: string;
}

/** Fields shared by contact records (联系记录) and maintenance records (维护记录). */
export interface SequentialRecord extends BaseRecord, PipelineValues {
  date?: string;
  way?: string;
  contactId?: string;
  ownerId?: string;
  summary?: string;
  completed?: boolean;
  completedAt?: number;
  completedBy?: string;
  /** Manager's comment 批复 — the one field still writable after completion. */
  reply?: string;
  replyBy?: string;
}

export interface ContactRecord extends SequentialRecord {
  opportunityId?: string;
}

export interface MaintenanceRecord extends SequentialRecord {
  projectId?: string;
}

/** A quote line's values (amounts are derived by pricing.ts, never stored). */
export interface QuoteLine {
  productId?: string;
  quantity?: number;
  /** Price per unit before discount; defaults to the product's list price. */
  unitPrice?: number;
  /** Applied discount rate (0.9 = 九折), frozen when the line was priced. */
  rate?: number;
  /** Set when the rep typed the rate by hand; then it overrides the engine. */
  manualRate?: number;
  note?: string;
}

/** A line as stored: a record of `quoteLines`, a child of its quote. */
export interface QuoteLineRecord extends BaseRecord, QuoteLine {
  quoteId?: string;
  /** Position among the quote's lines (rows added on two devices at once may share one: then by id). */
  seq?: number;
}

export interface ApprovalStep {
  action: 'submit' | 'approve' | 'reject' | 'withdraw';
  by: string;
  at: number;
  comment?: string;
}

/** An approval step as stored: a record of `quoteSteps`, a child of its quote. */
export interface QuoteStepRecord extends BaseRecord, ApprovalStep {
  quoteId?: string;
  seq?: number;
}

/** 报价单. */
export interface Quote extends BaseRecord {
  code?: string;
  customerId?: string;
  ownerId?: string;
  date?: string;
  opportunityId?: string;
  contactRecordId?: string;
  projectId?: string;
  maintenanceRecordId?: string;
  status?: QuoteStatus;
  note?: string;
}

/** 活动/销售任务. */
export interface Activity extends BaseRecord {
  subject?: string;
  kind?: string;
  customerId?: string;
  contactId?: string;
  opportunityId?: string;
  projectId?: string;
  ownerId?: string;
  status?: ActivityStatus;
  dueDate?: string;
  doneDate?: string;
  result?: string;
  note?: string;
}

/** 销售计划: a target for one company/department/person and one month ('2024-03') or quarter ('2024-Q1'). */
export interface SalesPlan extends BaseRecord {
  scope?: PlanScope;
  departmentId?: string;
  userId?: string;
  period?: string;
  target?: number;
  modeId?: string;
  note?: string;
}
