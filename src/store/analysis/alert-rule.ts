import type { Workspace } from '../core/workspace';
import { editRecord } from '../core/records';
import type { AlertRule } from './targets';

/**
 * Store the target alert rule on the company record (read back by `alertRuleOf`). A day outside
 * 1–31 or a share outside (0, 100] is refused: nothing is written and false is returned.
 */
export function saveAlertRule(ws: Workspace, rule: AlertRule, userId?: string): boolean {
  const { day, share } = rule;
  if (!Number.isInteger(day) || day < 1 || day > 31 || !(share > 0 && share <= 100)) return false;
  return editRecord(ws, 'company', 'company', { targetAlertDay: day, targetAlertShare: share }, userId).ok;
}
