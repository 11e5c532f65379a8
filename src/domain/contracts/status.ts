import type { Label } from '../core/entity';
import { asDay, isDeleted, type Values } from '../sales/read';

/**
 * A contract's status: the stored one (draft, pending, active, rejected, terminated — written by
 * the approval engine and by 终止), except that an active contract whose end date has passed reads
 * as expired. Derived, so a contract expires on every device at midnight without anybody writing.
 */
export const CONTRACT_STATUSES = ['draft', 'pending', 'active', 'rejected', 'expired', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export function contractStatusOf(c: Values, today: string): ContractStatus {
  const s = CONTRACT_STATUSES.includes(c.status as ContractStatus) ? (c.status as ContractStatus) : 'draft';
  if (s !== 'active') return s === 'expired' ? 'active' : s;
  const end = asDay(c.endDate);
  return end && end < today ? 'expired' : 'active';
}

/** Fields a person may not change now: everything while pending approval or once terminated. */
export function contractEditBlocker(c: Values | undefined): Label | null {
  if (!c) return null;
  if (isDeleted(c)) return { zh: '合同已删除', en: 'The contract is deleted' };
  if (c.status === 'pending') return { zh: '合同正在审批中,已锁定', en: 'The contract is awaiting approval and is locked' };
  if (c.status === 'terminated') return { zh: '合同已终止,已锁定', en: 'The contract is terminated and locked' };
  return null;
}

/** Why the contract cannot be terminated now, or null: only a contract in force (or expired) ends early. */
export function terminateBlocker(c: Values, today: string): Label | null {
  const s = contractStatusOf(c, today);
  return s === 'active' || s === 'expired' ? null : { zh: '只有生效中的合同可以终止', en: 'Only a contract in force can be terminated' };
}
