import type { Label } from '../core/entity';
import { asText, idOf, isLive, pushTo, type Values, type Violation } from '../sales/read';

/**
 * Document numbers that stay unique across devices working offline, with no server to hand them
 * out: `<prefix>-<user code>-<sequence>`, e.g. DD-U01-0001. Each person numbers their own
 * documents, so two reps entering orders on separate tablets never pick the same number; the next
 * number is one past the highest this user's prefix has (binned documents included when the
 * caller passes them, so a number is not handed out twice). One person working on two devices
 * while apart can still produce the same number twice: `duplicateCodes` finds it after the merge
 * and the page shows it (a person renumbers one; nothing is renumbered automatically).
 */

/** Prefix per document collection (拼音 initials: 订单, 发货, 退货, 收款, 付款, 费用). */
export const CODE_PREFIX = {
  orders: 'DD', deliveries: 'FH', returns: 'TH', receipts: 'SK', payments: 'FK', expenses: 'FY', contracts: 'HT',
} as const;
export type NumberedCollection = keyof typeof CODE_PREFIX;

/** The user's part of a number: their staff code (工号) in capitals without separators, else their id. */
export function userCodeOf(user: Values | undefined, userId: string): string {
  const raw = asText(user?.code) ?? userId;
  return raw.replace(/[^A-Za-z0-9]/g, '').toUpperCase() || 'U';
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The next number for this user: one past the highest `<prefix>-<userCode>-NNNN` among `existing`. */
export function nextCode(prefix: string, userCode: string, existing: readonly Values[]): string {
  const re = new RegExp(`^${escape(prefix)}-${escape(userCode)}-(\\d+)$`);
  let max = 0;
  for (const r of existing) {
    const m = re.exec(asText(r.code) ?? '');
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}-${userCode}-${String(max + 1).padStart(4, '0')}`;
}

/** Live documents sharing one number (made apart, then merged); one violation per number. */
export function duplicateCodes(records: readonly Values[], what: Label): Violation[] {
  const by = new Map<string, string[]>();
  for (const r of records.filter(isLive)) {
    const code = asText(r.code);
    if (code) pushTo(by, code, idOf(r));
  }
  return [...by].filter(([, ids]) => ids.length > 1).map(([code, ids]) => ({
    code: 'duplicateCode', ids: [...ids].sort(),
    message: { zh: `${what.zh}号 ${code} 重复(${ids.length} 张),请为其中一张重新编号`, en: `${ids.length} ${what.en} share the number ${code}; renumber one` },
  }));
}

export function duplicateOrderCodes(orders: readonly Values[]): Violation[] {
  return duplicateCodes(orders, { zh: '订单', en: 'orders' });
}
