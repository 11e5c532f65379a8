import type { Workspace } from '../core/workspace';
import type { PlanSubject } from '../../domain/sales';
import { salesActual, targetSettingsOf, type SalesActual, type SubjectScope } from '../../domain/finance/targets';
import { countingTypesOf } from './reads';

/**
 * The orders-based actual of a sales target (domain salesActual): standard orders approved in the
 * month, plus won opportunities no order names while the company setting
 * `targetCountsOpportunities` is on. The pages pass it to store/analysis/targets.ts targetProgress.
 */

/** Collections the actual reads (a page's memo subscribes to each). */
export const ACTUAL_COLLECTIONS = ['orders', 'orderLines', 'opportunities', 'dictOptions', 'company'] as const;

export function salesActualOf(ws: Workspace, who: PlanSubject, month: string, scope: SubjectScope = {}): SalesActual {
  const live = (c: string) => ws.collection(c).live();
  return salesActual({
    orders: live('orders'), orderLines: live('orderLines'), opportunities: live('opportunities'),
    countingTypes: countingTypesOf(ws), settings: targetSettingsOf(ws.collection('company').get('company')),
  }, who, month, scope);
}
