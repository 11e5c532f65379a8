import type { Workspace } from '../core/workspace';
import { editRecord, type SaveResult } from '../core/records';
import { refuse } from '../../domain/core/result';
import type { AlertRule } from './targets';

/**
 * Store the target alert rule on the company record (read back by `alertRuleOf`). A day outside
 * 1–31 or a share outside (0, 100] is refused: nothing is written.
 */
export function saveAlertRule(ws: Workspace, rule: AlertRule, userId?: string): SaveResult {
  const { day, share } = rule;
  if (!Number.isInteger(day) || day < 1 || day > 31 || !(share > 0 && share <= 100)) {
    return refuse({
      zh: '预警日须为 1–31 的整数,完成率须大于 0 且不超过 100',
      en: 'The alert day must be a whole number 1–31 and the share above 0 and at most 100',
    });
  }
  return editRecord(ws, 'company', 'company', { targetAlertDay: day, targetAlertShare: share }, userId);
}
