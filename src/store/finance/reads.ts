import type { Workspace } from '../core/workspace';
import { ruleContext } from '../core/records';
import { orderMoneyIn } from '../../domain/finance/rules';
import {
  allDues, arrearsBy, instalmentDues, orderAccount, overdueInstalments,
  type ArrearsRow, type FinanceData, type InstalmentDue, type OrderAccount, type OrderMoney, type OverdueInstalment,
} from '../../domain/finance/accounts';
import type { ValueData } from '../../domain/finance/pyramids';
import { countingTypes, DEFAULT_COUNTING_TYPES } from '../../domain/orders/entities';
import { orderAmount } from '../../domain/orders/execution';

/**
 * Reads of the money side (SPEC H): an order's account and instalments, arrears with ageing, the
 * dunning list, and the records the value pyramids read. Pure look-ups over the collections; pages
 * call them inside memos that read the collections' version signals (`FINANCE_COLLECTIONS`), so a
 * figure is computed once per change of its data, not on every render.
 */

/** Collections the account and arrears figures read (a memo over them subscribes to each). */
export const FINANCE_COLLECTIONS = ['orders', 'orderLines', 'returnLines', 'instalments', 'receipts', 'payments'] as const;
/** Collections the pyramids read in addition. */
export const VALUE_COLLECTIONS = [...FINANCE_COLLECTIONS, 'customers', 'deliveries', 'deliveryLines', 'returns', 'expenses', 'activities', 'dictOptions'] as const;

/** One order's records as the account functions read them; null when the order does not exist. */
export function orderMoney(ws: Workspace, orderId: string): OrderMoney | null {
  return orderMoneyIn(ruleContext(ws), orderId);
}

export interface OrderSheet {
  money: OrderMoney;
  account: OrderAccount;
  dues: InstalmentDue[];
  /** The order amount (Σ lines), which the plan must add up to. */
  amount: number;
}

/** The order's account (receivable, received, refunded, balance, overpaid) and its instalments' dues. */
export function orderSheet(ws: Workspace, orderId: string): OrderSheet | null {
  const money = orderMoney(ws, orderId);
  if (!money) return null;
  const account = orderAccount(money);
  return { money, account, dues: instalmentDues(money, account), amount: orderAmount(money.lines) };
}

export function financeData(ws: Workspace): FinanceData {
  const live = (c: string) => ws.collection(c).live();
  return {
    orders: live('orders'), orderLines: live('orderLines'), returnLines: live('returnLines'),
    instalments: live('instalments'), receipts: live('receipts'), payments: live('payments'),
  };
}

/** Every order's instalments with what is unpaid. */
export function duesOf(ws: Workspace): InstalmentDue[] {
  return allDues(financeData(ws));
}

/** 欠款查询: arrears by customer or by rep, aged on `asOf` (from dues already computed, or the workspace). */
export function arrears(dues: readonly InstalmentDue[], by: 'customerId' | 'ownerId', asOf: string): ArrearsRow[] {
  return arrearsBy(dues, by, asOf);
}

/** 催款提醒: instalments past due and unpaid on `day`, oldest first. */
export function dunningList(dues: readonly InstalmentDue[], day: string): OverdueInstalment[] {
  return overdueInstalments(dues, day);
}

/** The order types that count toward sales and revenue, as the workspace's dictionary has them. */
export function countingTypesOf(ws: Workspace): Set<string> {
  // the raw option records: `counts` is a flag of the orderType options that dictOptions does not carry
  const options = ws.collection('dictOptions').live().filter((o) => o.dict === 'orderType');
  return options.length ? countingTypes(options) : new Set(DEFAULT_COUNTING_TYPES);
}

/** Everything the value pyramids read. */
export function valueData(ws: Workspace): ValueData {
  const live = (c: string) => ws.collection(c).live();
  return {
    ...financeData(ws), customers: live('customers'), deliveries: live('deliveries'), deliveryLines: live('deliveryLines'),
    returns: live('returns'), expenses: live('expenses'), activities: live('activities'), countingTypes: countingTypesOf(ws),
  };
}
