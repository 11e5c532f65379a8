import type { Label } from '../core/entity';
import { percent } from '../core/numbers';
import { asFlag, asText, isDeleted, type Values } from './read';
import { asTime } from './time';

/**
 * 客户服务分析 (精财 §4.3, SPEC K): service records summed per group.
 *   completion rate % (联系完成率)   = completed ÷ (completed + not completed) × 100
 *   efficiency %      (联系完成效率) = progressed ÷ (progressed + not progressed) × 100
 * A rate is null when its denominator is zero (the UI shows "—"). Each figure carries the ids of
 * the records behind it so the report can drill down.
 */

export type ServiceGroupBy = 'handlerId' | 'importance' | 'contactType' | 'satisfaction' | 'serviceType';

/** The 统计方式 choices, in the seed's order. */
export const SERVICE_GROUP_BYS: { key: ServiceGroupBy; label: Label }[] = [
  { key: 'handlerId', label: { zh: '按业务员', en: 'By handler' } },
  { key: 'importance', label: { zh: '按重要程度', en: 'By importance' } },
  { key: 'contactType', label: { zh: '按联系类型', en: 'By contact type' } },
  { key: 'satisfaction', label: { zh: '按满意度', en: 'By satisfaction' } },
  { key: 'serviceType', label: { zh: '按服务类型', en: 'By service type' } },
];

/** Label of the group of records with no (or a malformed) value in the grouping field. */
export const EMPTY_GROUP_LABEL: Label = { zh: '(空)', en: '(empty)' };

export interface ServiceFigureIds {
  all: string[];
  completed: string[];
  notCompleted: string[];
  progressed: string[];
  notProgressed: string[];
}

export interface ServiceFigures {
  count: number;
  completed: number;
  notCompleted: number;
  /** Percent 0–100, or null when the group has no records. */
  completionRate: number | null;
  progressed: number;
  notProgressed: number;
  /** Percent 0–100, or null when the group has no records. */
  efficiency: number | null;
  ids: ServiceFigureIds;
}

export interface ServiceAnalysisRow extends ServiceFigures {
  /** The group's value (user id or dictionary code); null = the "(empty)" group. */
  key: string | null;
}

export interface ServiceAnalysis {
  groupBy: ServiceGroupBy;
  /** Sorted by key, the "(empty)" group last. */
  rows: ServiceAnalysisRow[];
  totals: ServiceFigures;
}

export interface ServiceAnalysisOptions {
  groupBy: ServiceGroupBy;
  /** Period on the start time, inclusive at both ends (epoch ms). Omit a bound to leave it open. */
  from?: number | null;
  to?: number | null;
}

export function analyzeService(records: readonly Values[], opts: ServiceAnalysisOptions): ServiceAnalysis {
  const groups = new Map<string | null, ServiceFigureIds>();
  const all = emptyIds();
  for (const rec of records) {
    const id = countable(rec, opts);
    if (id === null) continue;
    const key = asText(rec[opts.groupBy]);
    let ids = groups.get(key);
    if (!ids) groups.set(key, (ids = emptyIds()));
    addRecord(ids, id, rec);
    addRecord(all, id, rec);
  }
  const rows = [...groups].map(([key, ids]) => ({ key, ...figures(ids) })).sort(byKey);
  return { groupBy: opts.groupBy, rows, totals: figures(all) };
}

/** The record's id when it takes part: live, has an id, and (with a period) starts within it. */
function countable(rec: Values, opts: ServiceAnalysisOptions): string | null {
  if (typeof rec !== 'object' || rec === null || isDeleted(rec)) return null;
  const id = asText(rec.id);
  if (!id) return null;
  return inPeriod(rec.start, opts.from, opts.to) ? id : null;
}

/** Without bounds every record counts; with one, a record whose start is unknown cannot be placed. */
function inPeriod(start: unknown, from?: number | null, to?: number | null): boolean {
  const hasFrom = typeof from === 'number', hasTo = typeof to === 'number';
  if (!hasFrom && !hasTo) return true;
  const t = asTime(start);
  if (t === null) return false;
  return (!hasFrom || t >= from) && (!hasTo || t <= to);
}

function emptyIds(): ServiceFigureIds {
  return { all: [], completed: [], notCompleted: [], progressed: [], notProgressed: [] };
}

/** A record is either completed or not, and either progressed or not: an unticked box means "not". */
function addRecord(ids: ServiceFigureIds, id: string, rec: Values): void {
  ids.all.push(id);
  (asFlag(rec.completed) ? ids.completed : ids.notCompleted).push(id);
  (asFlag(rec.progressed) ? ids.progressed : ids.notProgressed).push(id);
}

function figures(ids: ServiceFigureIds): ServiceFigures {
  const completed = ids.completed.length, notCompleted = ids.notCompleted.length;
  const progressed = ids.progressed.length, notProgressed = ids.notProgressed.length;
  return {
    count: ids.all.length,
    completed,
    notCompleted,
    completionRate: percent(completed, completed + notCompleted),
    progressed,
    notProgressed,
    efficiency: percent(progressed, progressed + notProgressed),
    ids,
  };
}

function byKey(a: ServiceAnalysisRow, b: ServiceAnalysisRow): number {
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}
