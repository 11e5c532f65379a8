import type { Workspace } from '../core/workspace';
import { entityDef, saveRecord, type SaveResult } from '../core/records';
import type { BaseRecord } from '../../domain/core/record';
import { refuse } from '../../domain/core/result';
import {
  customerValues, pyramid, snapshotValues, type Measure, type Period, type Pyramid, type RevenueBasis, type TierRule,
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
