import { createMemo, type Accessor } from 'solid-js';
import { todayOf } from '../../domain/sales';
import type { SalesActual } from '../../domain/finance';
import { userDepartments } from '../../store/analysis/pipeline';
import { alertRuleOf, plannedSubjects, targetProgress, type TargetProgress } from '../../store/analysis/targets';
import { ACTUAL_COLLECTIONS, salesActualOf } from '../../store/finance/targets';
import { departmentSubtree } from '../analysis/filters';
import { useWorkspace } from '../shared/context';

export type PlanRow = TargetProgress & { counted: SalesActual };

/**
 * Every planned subject of a month with its actual against its target and the alerts — the one
 * computation behind 销售计划 and the manager's home card (store/analysis/targets, the
 * orders-based actual of store/finance/targets), over the plans and opportunities the user may see.
 */
export function usePlanProgress(month: Accessor<string>): Accessor<PlanRow[]> {
  const ctx = useWorkspace();
  const today = todayOf(Date.now());
  return createMemo(() => {
    ctx.version('users')(); // userDepartments reads them
    const plans = ctx.visible('salesPlans');
    const opps = ctx.visible('opportunities');
    const depts = userDepartments(ctx.ws);
    const rule = alertRuleOf(ctx.get('company', 'company'));
    for (const c of ACTUAL_COLLECTIONS) ctx.version(c)(); // the orders-based actual reads them
    return plannedSubjects(plans, month()).map((who) => {
      const scope = {
        userDepartments: depts,
        departmentSet: who.scope === 'department' && who.departmentId ? departmentSubtree(ctx.ws, who.departmentId) : undefined,
      };
      const counted = salesActualOf(ctx.ws, who, month(), scope);
      return { ...targetProgress(plans, opps, who, month(), today, { rule, ...scope, actual: counted }), counted };
    });
  });
}
