import type { Label } from '../core/entity';
import { ok, refuse, type Result } from '../core/result';
import { can, type RoleLike } from '../org/modules';
import type { ApprovalNeed } from '../sales/pricing';
import { quoteApprovalNeed } from '../sales/quotes';
import { asDay, asText, isDeleted, type Values } from '../sales/read';
import type { ExecutionStatus } from './execution';

/**
 * The order's status (SPEC H, E):
 *
 *     draft → submitted → approved → executing → completed
 *     submit:   draft → submitted, or straight to approved when no approval is needed
 *     reject, withdraw: submitted → draft;   reopen: approved → draft (nothing delivered yet)
 *     cancel:   from draft, submitted, approved — or executing while nothing is delivered net
 *     complete: executing → completed once everything is delivered
 *
 * Approval is needed when the order's overall discount rate is below the rep's position limit —
 * the quotes' rule (sales/pricing.ts approvalNeed through quoteApprovalNeed), so a discount a rep
 * may quote they may also sell at. Anything but a draft is locked: its content changes only after
 * it is back in draft. Each action returns the patch to write (the store writes it in one
 * transaction) or a zh/en refusal.
 */

export const ORDER_STATUSES = ['draft', 'submitted', 'approved', 'executing', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderAction = 'submit' | 'approve' | 'reject' | 'withdraw' | 'reopen' | 'execute' | 'complete' | 'cancel';

/** Which actions are allowed from which status (further checks in `orderAction`). */
export const TRANSITIONS: Readonly<Record<OrderAction, { from: readonly OrderStatus[]; to: OrderStatus }>> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'draft' },
  withdraw: { from: ['submitted'], to: 'draft' },
  reopen: { from: ['approved'], to: 'draft' },
  execute: { from: ['approved'], to: 'executing' },
  complete: { from: ['executing'], to: 'completed' },
  cancel: { from: ['draft', 'submitted', 'approved', 'executing'], to: 'cancelled' },
};

/** The status of a stored order (anything unreadable reads as draft). */
export function orderStatusOf(order: Values): OrderStatus {
  return ORDER_STATUSES.includes(order.status as OrderStatus) ? (order.status as OrderStatus) : 'draft';
}

/** Actions the status allows, in the order of TRANSITIONS. */
export function allowedActions(status: OrderStatus): OrderAction[] {
  return (Object.keys(TRANSITIONS) as OrderAction[]).filter((a) => TRANSITIONS[a].from.includes(status));
}

/** Whether the order needs approval: its lines' overall rate against the rep's position limit. */
export function orderApprovalNeed(lines: readonly Values[], discountRules: readonly Values[], roleId: string | null, roleDiscountLimit?: unknown): ApprovalNeed {
  return quoteApprovalNeed({ lines }, discountRules, roleId, roleDiscountLimit);
}

/** Why the order's content may not be edited (or the order deleted by hand) now, or null. */
export function orderEditBlocker(order: Values): Label | null {
  if (isDeleted(order)) return { zh: '订单已删除', en: 'The order is deleted' };
  const s = orderStatusOf(order);
  if (s === 'draft') return null;
  if (s === 'submitted') return { zh: '订单正在审批中,已锁定', en: 'The order is awaiting approval and is locked' };
  if (s === 'completed' || s === 'cancelled') return { zh: '订单已结束,已锁定', en: 'The order is closed and locked' };
  return { zh: '订单已审批,已锁定;修改前请先退回草稿', en: 'The order is approved and locked; take it back to draft to edit it' };
}

/** What an action needs to know beyond the order. */
export interface ActionContext {
  /** The acting user and their role. */
  userId: string;
  role: RoleLike | undefined;
  today: string;
  /** From orderApprovalNeed (submit). */
  approval?: ApprovalNeed;
  /** From orderExecution (reopen, complete, cancel). */
  execution?: ExecutionStatus;
  /** Whether the order has live lines (submit). */
  hasLines?: boolean;
}

export type OrderPatch = Record<string, unknown>;

const NOTHING_DELIVERED: readonly (ExecutionStatus | undefined)[] = [undefined, 'none', 'returned'];

/** Run an action: the patch to write, or why it is refused (zh/en). */
export function orderAction(order: Values, action: OrderAction, ctx: ActionContext): Result<OrderPatch> {
  const status = orderStatusOf(order);
  if (isDeleted(order)) return refuse({ zh: '订单已删除', en: 'The order is deleted' });
  if (!TRANSITIONS[action].from.includes(status)) return refuse(notFrom(action, status));
  const why = extraBlocker(order, action, ctx);
  if (why) return refuse(why);
  if (action === 'submit' && !ctx.approval?.needed) return ok({ status: 'approved', approvedAt: ctx.today });
  if (action === 'approve') return ok({ status: 'approved', approvedAt: ctx.today });
  if (action === 'reopen' || action === 'reject' || action === 'withdraw') return ok({ status: 'draft', approvedAt: undefined });
  return ok({ status: TRANSITIONS[action].to });
}

function extraBlocker(order: Values, action: OrderAction, ctx: ActionContext): Label | null {
  switch (action) {
    case 'submit':
      return ctx.hasLines === false ? { zh: '订单至少需要一行明细', en: 'An order needs at least one line' } : null;
    case 'approve': case 'reject':
      if (!can(ctx.role, 'orders', 'approve')) return { zh: '没有订单管理的审批权限', en: 'No approval permission on Orders' };
      return asText(order.ownerId) === ctx.userId && !ctx.role?.admin ? { zh: '不能审批自己的订单', en: 'You cannot decide on your own order' } : null;
    case 'reopen':
      return NOTHING_DELIVERED.includes(ctx.execution) ? null : { zh: '订单已有发货,不能退回草稿', en: 'The order has deliveries and cannot go back to draft' };
    case 'complete':
      return ctx.execution === 'delivered' ? null : { zh: '订单尚未全部发货,不能完成', en: 'The order is not fully delivered and cannot be completed' };
    case 'cancel':
      return NOTHING_DELIVERED.includes(ctx.execution) ? null : { zh: '订单已有未退回的发货,请先退货再取消', en: 'Goods are delivered and not returned; return them before cancelling' };
    default:
      return null;
  }
}

const STATUS_LABEL: Record<OrderStatus, Label> = {
  draft: { zh: '草稿', en: 'draft' }, submitted: { zh: '已提交', en: 'submitted' }, approved: { zh: '已审批', en: 'approved' },
  executing: { zh: '执行中', en: 'executing' }, completed: { zh: '已完成', en: 'completed' }, cancelled: { zh: '已取消', en: 'cancelled' },
};

function notFrom(action: OrderAction, status: OrderStatus): Label {
  return { zh: `订单状态为“${STATUS_LABEL[status].zh}”,不能执行该操作`, en: `The order is ${STATUS_LABEL[status].en}; "${action}" is not allowed` };
}

/** Statuses in which an order binds the customer: its amount is receivable and counts as a sale. */
export const BINDING_STATUSES: readonly OrderStatus[] = ['approved', 'executing', 'completed'];

export function isBinding(order: Values): boolean {
  return !isDeleted(order) && BINDING_STATUSES.includes(orderStatusOf(order));
}

/** The day an order counts from: its approval day, else (older or imported data) its order date. */
export function bindingDay(order: Values): string | null {
  return asDay(order.approvedAt) ?? asDay(order.date);
}
