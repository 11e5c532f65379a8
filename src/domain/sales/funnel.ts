import { asNumber, percent, roundMoney } from '../core/numbers';
import { asDay, asText, idOf, inPeriod, isLive, monthOf, num0, pushTo, type Values } from './read';
import { opportunityAmountOf, statusOf } from './opportunity';
import { stagesOfMode, type StageInfo } from './stages';
import type { OpportunityStatus } from './types';

/**
 * The sales funnel (销售漏斗, SPEC K; U8 §2.1.1.7) and the forecast, computed on the device.
 *
 * Per stage of one sales mode: count, amount (Σ expected amount), weighted amount
 * (Σ expected × completion % — the opportunity amount), the drop-off from the previous stage and
 * the attainment against the stage quota, coloured:
 *     green  — attainment ≥ 100 % (the stage holds what the plan needs)
 *     yellow — attainment ≥ 70 %
 *     red    — below 70 %
 *     none   — no quota set for the stage
 * Drop-off is a snapshot: (previous stage's count − this stage's count) ÷ previous count × 100; it
 * can be negative when a later stage holds more (a rise, shown as one). Zero denominators give
 * null ("—"). The end stage — the mode's last, or any stage whose completion rate is 100 % — has no
 * drop-off: an opportunity reaching it is won and leaves the active funnel, so its emptiness would
 * read as a 100 % loss at the very step that is the success.
 * Unreadable numbers count as missing (0 in sums). Deleted records are ignored; by default only
 * active opportunities are in the funnel and the forecast (won, lost and terminated ones are no
 * longer in the pipe). Every row carries the ids behind it.
 */

export const FUNNEL_THRESHOLDS = { green: 100, yellow: 70 } as const;

export type FunnelColor = 'green' | 'yellow' | 'red' | 'none';

export function funnelColor(attainment: number | null): FunnelColor {
  if (attainment === null) return 'none';
  return attainment >= FUNNEL_THRESHOLDS.green ? 'green' : attainment >= FUNNEL_THRESHOLDS.yellow ? 'yellow' : 'red';
}

export interface PipelineFilter {
  modeId?: string;
  ownerId?: string;
  /** Matches the opportunity's department, else its owner's (from `userDepartments`). */
  departmentId?: string;
  userDepartments?: Readonly<Record<string, string>>;
  /** Inclusive period 'YYYY-MM-DD' on `periodField` (default the planned completion date). */
  from?: string;
  to?: string;
  periodField?: 'plannedDate' | 'startDate';
  /** Default: active only. */
  statuses?: readonly OpportunityStatus[];
}

export function filterPipeline(opps: readonly Values[], f: PipelineFilter = {}): Values[] {
  const statuses = f.statuses ?? ['active'];
  return opps.filter((o) => isLive(o)
    && statuses.includes(statusOf(o))
    && (!f.modeId || o.modeId === f.modeId)
    && (!f.ownerId || o.ownerId === f.ownerId)
    && (!f.departmentId || departmentOf(o, f.userDepartments) === f.departmentId)
    // no period: skip reading the date (parsing dates is most of the cost at 20,000 records)
    && ((!f.from && !f.to) || inPeriod(asDay(o[f.periodField ?? 'plannedDate']), f.from, f.to)));
}

function departmentOf(o: Values, userDepartments?: Readonly<Record<string, string>>): string | null {
  const own = asText(o.departmentId);
  if (own) return own;
  const owner = asText(o.ownerId);
  return owner ? userDepartments?.[owner] ?? null : null;
}

export interface Bucket { count: number; amount: number; weighted: number; ids: string[] }

function bucket(list: readonly Values[]): Bucket {
  let amount = 0;
  let weighted = 0;
  for (const o of list) {
    amount += num0(o.expectedAmount);
    weighted += opportunityAmountOf(o) ?? 0;
  }
  return { count: list.length, amount: roundMoney(amount), weighted: roundMoney(weighted), ids: list.map(idOf) };
}

export interface FunnelRow extends Bucket {
  stageId: string;
  name: string;
  nameEn: string | null;
  quota: number | null;
  /** Count (or amount, per `basis`) ÷ quota × 100. */
  attainment: number | null;
  color: FunnelColor;
  /** % lost from the previous stage; null for the first stage, the end stage, or when the previous one is empty. */
  dropOff: number | null;
  /** The end state of the mode (its last stage, or a 100 % stage): won opportunities leave the funnel there. */
  end: boolean;
}

export type FunnelChange = 'drop' | 'rise' | 'flat';

/** How a stage compares with the one before: a negative drop-off is a rise; null when there is nothing to compare. */
export function funnelChange(dropOff: number | null): FunnelChange | null {
  if (dropOff === null) return null;
  return dropOff > 0 ? 'drop' : dropOff < 0 ? 'rise' : 'flat';
}

/** The stage where the mode ends: its last, or one whose completion rate is 100 % (won). */
export function isEndStage(order: readonly StageInfo[], i: number): boolean {
  return i === order.length - 1 || (order[i].rate ?? 0) >= 100;
}

export interface Funnel {
  rows: FunnelRow[];
  /** Opportunities of the mode whose stage is not one of its stages (deleted or foreign stage). */
  unstaged: Bucket;
  total: Bucket;
}

/**
 * The funnel of one mode. `quotas` maps stageId → quota, compared with the count (basis 'count',
 * U8: "当前实际处在该阶段的商机总数跟应该有的商机配额进行比较") or the amount (basis 'amount').
 */
export function funnel(
  opps: readonly Values[], stages: readonly Values[], modeId: string,
  opts: { filter?: PipelineFilter; quotas?: Readonly<Record<string, number>>; basis?: 'count' | 'amount' } = {},
): Funnel {
  const order = stagesOfMode(stages, modeId);
  const known = new Set(order.map((s) => s.id));
  // An opportunity without a (readable) mode still belongs here when its stage is one of the mode's.
  const inMode = (o: Values) => o.modeId === modeId || (!asText(o.modeId) && known.has(asText(o.stageId) ?? ''));
  const list = filterPipeline(opps, { ...opts.filter, modeId: undefined }).filter(inMode);
  const rows: FunnelRow[] = [];
  for (const [i, st] of order.entries()) {
    const b = bucket(list.filter((o) => o.stageId === st.id));
    const quota = asNumber(opts.quotas?.[st.id]);
    const actual = opts.basis === 'amount' ? b.amount : b.count;
    const attainment = quota === null ? null : percent(actual, quota);
    const prev = rows[rows.length - 1];
    const end = isEndStage(order, i);
    rows.push({
      ...b, stageId: st.id, name: st.name, nameEn: st.nameEn, quota, attainment, color: funnelColor(attainment),
      dropOff: prev && !end ? percent(prev.count - b.count, prev.count) : null, end,
    });
  }
  return { rows, unstaged: bucket(list.filter((o) => !known.has(asText(o.stageId) ?? ''))), total: bucket(list) };
}

export interface ForecastRow extends Bucket {
  /** 'YYYY-MM', or null for opportunities without a (readable) planned completion date. */
  month: string | null;
}

/** 预测: Σ expected × completion % per planned completion month, months ascending, undated last. */
export function forecast(opps: readonly Values[], filter: PipelineFilter = {}): ForecastRow[] {
  const list = filterPipeline(opps, { ...filter, periodField: 'plannedDate' });
  const byMonth = new Map<string | null, Values[]>();
  for (const o of list) {
    const d = asDay(o.plannedDate);
    pushTo(byMonth, d ? monthOf(d) : null, o);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([month, l]) => ({ month, ...bucket(l) }));
}
