import type { Label } from '../core/entity';
import type { Values } from '../core/read';

/**
 * The approval engine's shapes (SPEC E, issue 13). A document type registers itself through its
 * domain manifest (`approvals: ApprovalDocType[]`, domain/core/module.ts); the engine reads a
 * document only through it, so a later module (market activities' budget) adds one entry.
 */

/** What the rules read of a document, built by the doc type from the document and its rows. */
export interface ApprovalFacts {
  /** The amount the document commits (money), or null. */
  amount: number | null;
  /** The overall discount rate (1 = list price), or null when the document has no discount. */
  rate?: number | null;
  /** The document's type code (an order's 订单类型, an expense's kind…), or null. */
  type?: string | null;
  /** The amount an `amountOver` rule without a threshold of its own compares against (the expense limit). */
  defaultThreshold?: number | null;
}

/** Reads child rows of a document: live records of `collection` whose `field` is `id`. */
export type RowReader = (collection: string, field: string, id: string) => readonly Values[];

export interface ApprovalDocType {
  /** The collection of the documents (quotes, orders, expenses, contracts…); also the rules' docType. */
  entity: string;
  /** The permission module whose `approve` right decides by default, and whose `write` right submits. */
  module: string;
  /** What one document is called (审批箱's type column). */
  noun: Label;
  /** The field naming who the document is for (its 业务员/经办人): their position limit and department apply. */
  ownerField: string;
  /** Facts the rules read. */
  facts(doc: Values, rows: RowReader, extra: { company?: Values }): ApprovalFacts;
  /**
   * The field that holds the approval state (default `status`). A document whose `status` is a flow
   * of its own (a market activity: planned, running, finished…) keeps its approval in another field.
   */
  statusField?: string;
  /** The values the status field takes for each approval state. */
  statusValue: Readonly<Record<ApprovalPhase, string>>;
  /** More to write with a new state (an order's approval day). */
  patchFor?(phase: ApprovalPhase, today: string): Record<string, unknown>;
  /** Rules a workspace without any rule of this type follows (today's behaviour). */
  defaultRules: readonly ApprovalRuleValues[];
}

/** The states of an approval. */
export type ApprovalPhase = 'draft' | 'pending' | 'approved' | 'rejected';

export const CONDITIONS = ['always', 'amountOver', 'discountBelowLimit', 'typeIs'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const APPROVER_KINDS = ['module', 'role', 'deptManager'] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];

/** One approval rule (a record of `approvalRules`, or a doc type's default). One rule = one step. */
export interface ApprovalRuleValues {
  docType: string;
  condition: Condition;
  /** amountOver: the amount; empty = the doc type's default threshold. */
  threshold?: number | null;
  /** typeIs: the type code. */
  typeCode?: string | null;
  /** The step this rule adds (1, 2, …): steps are taken in order; rules with the same step share it (any of their approvers decides). */
  stepNo: number;
  approverKind: ApproverKind;
  approverRoleId?: string | null;
  name?: string;
}

/** Who may decide a step, resolved at submission (a department manager is named then). */
export type StepApprover =
  | { kind: 'module'; module: string }
  | { kind: 'role'; roleId: string }
  | { kind: 'user'; userId: string };

/** A step a submission needs: its approvers (any one decides) and why it is needed. */
export interface PlannedStep { approvers: StepApprover[]; reasons: Label[] }

export const STEP_ACTIONS = ['submit', 'approve', 'reject', 'withdraw'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
