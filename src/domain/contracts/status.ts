import type { Label } from '../core/entity';
import { asDay, asText, isDeleted, type Values } from '../sales/read';
import { daysFrom } from '../core/reminders';
import type { Reminder } from '../core/reminders';
import type { CalendarItem } from '../office/calendar';

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

/** Days before the end date a contract in force is reminded of. */
export const EXPIRY_NOTICE_DAYS = 30;

/** 合同到期提醒: contracts in force ending within the notice (or ended in the last week, still active). */
export function contractExpiryReminders(contracts: readonly Values[], today: string, name: (c: Values) => string, notice = EXPIRY_NOTICE_DAYS): Reminder[] {
  const out: Reminder[] = [];
  for (const c of contracts) {
    if (isDeleted(c) || c.status !== 'active') continue;
    const end = asDay(c.endDate);
    if (!end) continue;
    const days = daysFrom(today, end);
    if (days > notice || days < -7) continue;
    out.push({
      key: `contractEnd:${String(c.id)}:${end}`, kind: 'contractEnd', day: end, days,
      tone: days < 0 ? 'overdue' : days === 0 ? 'due' : 'soon', subject: name(c), href: `contracts/${String(c.id)}`,
      detail: asText(c.title) ?? undefined,
    });
  }
  return out.sort((a, b) => a.days - b.days);
}

/** Contract end dates as calendar items (contracts in force, expired or not yet). */
export function contractCalendarItems(contracts: readonly Values[], name: (c: Values) => string): CalendarItem[] {
  const out: CalendarItem[] = [];
  for (const c of contracts) {
    const end = asDay(c.endDate);
    if (isDeleted(c) || !end || c.status !== 'active') continue;
    out.push({ key: `contractEnd:${String(c.id)}`, kind: 'contractEnd', title: name(c), start: end, end, href: `contracts/${String(c.id)}` });
  }
  return out;
}
