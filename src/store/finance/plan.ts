import type { Workspace } from '../core/workspace';
import { checkRecord, entityDef, saveRecord } from '../core/records';
import type { RecordValues } from '../../domain/core/record';
import { ok, refuse, type Result } from '../../domain/core/result';
import { money } from '../../domain/core/format';
import { asNumber } from '../../domain/core/numbers';
import { planDifference } from '../../domain/finance/accounts';
import { orderAmount } from '../../domain/orders/execution';
import { orderMoney } from './reads';

/**
 * 回款计划: the editor saves the whole plan of one order at once. Each row goes through the one save
 * path (required due date, an amount above 0); the rows must add up to the order amount
 * (`planDifference`), else nothing is written and the refusal names the difference. An empty plan
 * is allowed: the order is then one instalment due on its approval day (domain instalmentDues).
 * Rows the editor did not show (added on another device meanwhile) are left alone.
 */

export interface PlanRow { id?: string; dueDate?: unknown; amount?: unknown; note?: unknown }

/** Values a form field holds as text ('1200.5') become numbers; anything else stays as typed, for the check to refuse. */
function amountOf(v: unknown): unknown {
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return v;
}

export function savePlan(ws: Workspace, orderId: string, rows: readonly PlanRow[], shownIds: readonly string[], userId?: string): Result<number> {
  const m = orderMoney(ws, orderId);
  if (!m || m.order.deleted) return refuse({ zh: '订单不存在或已删除', en: 'The order does not exist or is deleted' });
  const def = entityDef(ws, 'instalments');
  const values: RecordValues[] = rows.map((r, i) => ({ orderId, seq: i + 1, dueDate: r.dueDate || undefined, amount: amountOf(r.amount), note: r.note || undefined }));
  for (const [i, v] of values.entries()) {
    // an empty cell is refused here: the entity's defaults would otherwise fill it (today, the rest of the amount)
    const blank = v.dueDate === undefined ? 'dueDate' : v.amount === undefined || v.amount === '' ? 'amount' : null;
    if (blank) {
      const what = blank === 'dueDate' ? { zh: '应收日期', en: 'due date' } : { zh: '应收金额', en: 'amount' };
      return refuse({ zh: `第 ${i + 1} 期:请填写${what.zh}`, en: `Instalment ${i + 1}: enter the ${what.en}` });
    }
    const { errors } = checkRecord(ws, def, v, rows[i].id, { userId });
    const first = Object.values(errors)[0];
    if (first) return refuse({ zh: `第 ${i + 1} 期:${first.zh}`, en: `Instalment ${i + 1}: ${first.en}` }, { fields: errors });
  }
  const amount = orderAmount(m.lines);
  const { planned, difference } = planDifference(amount, values.map((v) => ({ amount: asNumber(v.amount) })));
  if (rows.length && difference !== 0) {
    return refuse({
      zh: `回款计划合计 ${money(planned)} 与订单金额 ${money(amount)} 不符,差额 ${money(difference)}`,
      en: `The plan adds up to ${money(planned)}, not the order amount ${money(amount)}: a difference of ${money(difference)}`,
    });
  }
  const keep = new Set(rows.map((r) => r.id).filter((id): id is string => !!id));
  ws.transact(() => {
    const col = ws.collection('instalments');
    for (const id of shownIds) if (!keep.has(id) && col.get(id) && !col.get(id)!.deleted) col.remove(id);
    values.forEach((v, i) => saveRecord(ws, def, v, rows[i].id, { userId }));
  });
  return ok(rows.length);
}
