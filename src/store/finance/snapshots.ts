import type { Workspace } from '../core/workspace';
import { editRecord, entityDef, saveRecord, type SaveResult } from '../core/records';
import type { BaseRecord } from '../../domain/core/record';
import { ok, refuse, type Result } from '../../domain/core/result';
import type { Values } from '../../domain/sales/read';
import {
  customerValues, pyramid, snapshotValues, tierRuleOf, DEFAULT_TIER_RULE, type Measure, type Period, type Pyramid, type RevenueBasis, type TierRule,
} from '../../domain/finance/pyramids';
import { valueData } from './reads';

/**
 * Monthly snapshots of the customer value pyramid (客户价值快照, SPEC K): a month's pyramid is kept
 * so tier changes can be followed (tierMovement). One snapshot per month and measure, under a
 * stable id: two devices saving the same month while apart write the same record, which merges
 * into one (the later save wins) instead of two competing snapshots. A month is saved
 * automatically the first time the pyramid page is viewed after it ends, and on demand.
 */

export interface PyramidOptions { measure: Measure; basis: RevenueBasis; rule: TierRule }

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month's first and last day. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function snapshotId(month: string, measure: Measure): string {
  return `vs-${month}-${measure}`;
}

/** The pyramid of the workspace's customers on one measure over a period. */
export function pyramidOf(ws: Workspace, opts: PyramidOptions, p: Period): Pyramid {
  return pyramid(customerValues(valueData(ws), opts.measure, p, opts.basis), opts.rule);
}

/** Save (or save again) the month's pyramid. */
export function saveSnapshot(ws: Workspace, month: string, opts: PyramidOptions, userId?: string): SaveResult {
  if (!MONTH.test(month)) return refuse({ zh: '月份格式应为 2026-03', en: 'Use a month like 2026-03' });
  const values = { ...snapshotValues(month, opts.measure, opts.rule, pyramidOf(ws, opts, monthPeriod(month))), basis: opts.basis };
  return saveRecord(ws, entityDef(ws, 'valueSnapshots'), values, snapshotId(month, opts.measure), { userId });
}

/** Save the month's pyramid if the month has ended (before `today`'s month) and none is kept yet; the record saved, else null. */
export function ensureSnapshot(ws: Workspace, month: string, today: string, opts: PyramidOptions, userId?: string): BaseRecord | null {
  if (!MONTH.test(month) || month >= today.slice(0, 7)) return null;
  const kept = ws.collection('valueSnapshots').get(snapshotId(month, opts.measure));
  if (kept && !kept.deleted) return null;
  const res = saveSnapshot(ws, month, opts, userId);
  return res.ok ? res.value : null;
}

/** The month before `today`'s. */
export function previousMonth(today: string): string {
  const [y, m] = today.slice(0, 7).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Kept snapshots of one measure, oldest month first. */
export function snapshotsOf(ws: Workspace, measure: Measure): BaseRecord[] {
  return ws.collection('valueSnapshots').live().filter((s) => s.measure === measure)
    .sort((a, b) => String(a.month).localeCompare(String(b.month)));
}

/** The pyramid settings kept on the company record: revenue basis and tier rule (auto snapshots use them). */
export interface ValueSettings { basis: RevenueBasis; rule: TierRule }

export const DEFAULT_VALUE_SETTINGS: ValueSettings = { basis: 'orders', rule: DEFAULT_TIER_RULE };

export function valueSettingsOf(company: Values | undefined): ValueSettings {
  const basis = company?.valueBasis;
  return {
    basis: basis === 'deliveries' || basis === 'receipts' || basis === 'orders' ? basis : DEFAULT_VALUE_SETTINGS.basis,
    rule: tierRuleOf(company?.valueTierRule) ?? DEFAULT_VALUE_SETTINGS.rule,
  };
}

/**
 * A tier rule as typed: "20/30/50" (shares of the customer count, adding up to 100) or, for
 * thresholds, the minimum amounts of the upper tiers, highest first ("100000/20000").
 */
export function parseTierRule(kind: 'shares' | 'thresholds', text: string): Result<TierRule> {
  const parts = text.split(/[\/,,、\s]+/).filter(Boolean).map(Number);
  if (!parts.length || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    return refuse({ zh: '分层规则应为以 / 分隔的非负数字,例如 20/30/50', en: 'Enter non-negative numbers separated by /, e.g. 20/30/50' });
  }
  if (kind === 'shares') {
    const sum = parts.reduce((s, n) => s + n, 0);
    if (parts.length < 2 || Math.abs(sum - 100) > 1e-9) return refuse({ zh: `各层占比之和应为 100(现为 ${sum})`, en: `The shares must add up to 100 (now ${sum})` });
    return ok({ kind, shares: parts });
  }
  if (parts.some((n, i) => i > 0 && n >= parts[i - 1])) return refuse({ zh: '金额门槛应从高到低排列', en: 'List the thresholds from highest to lowest' });
  return ok({ kind, mins: parts });
}

export function saveValueSettings(ws: Workspace, s: ValueSettings, userId?: string): SaveResult {
  return editRecord(ws, 'company', 'company', { valueBasis: s.basis, valueTierRule: JSON.stringify(s.rule) }, userId);
}
