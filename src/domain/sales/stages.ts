import type { Label } from '../core/entity';
import { asNumber } from '../core/numbers';
import { asText, idOf, isLive, type Values, type Violation } from './read';

/**
 * Sales modes (销售模式) and their ordered stages (销售阶段) with a default completion rate
 * (成功率). Modes and stages are ordinary editable records; the defaults below only seed a new
 * workspace. Stage ids are stable strings so the seed is the same on every peer (two peers that
 * seed the same workspace while apart produce the same records, not duplicates).
 */

export interface StageSeed {
  id: string;
  name: string;
  nameEn: string;
  order: number;
  /** Default completion rate, percent. */
  rate: number;
  /** Average days in the stage and percent converting to the next stage: quota helper inputs. */
  avgDays: number;
  conversion: number;
}

export interface ModeSeed {
  id: string;
  name: string;
  nameEn: string;
  order: number;
  stages: StageSeed[];
}

const s = (id: string, order: number, name: string, nameEn: string, rate: number, avgDays: number, conversion: number): StageSeed =>
  ({ id, order, name, nameEn, rate, avgDays, conversion });

/**
 * 常规销售 follows the brief's example rates; 项目型销售 (as U8 sells NC) has more stages, a
 * longer cycle and lower conversion. Days and conversions are plausible starting points only.
 */
export const DEFAULT_SALES_MODES: ModeSeed[] = [
  {
    id: 'mode-standard', name: '常规销售', nameEn: 'Standard sales', order: 1, stages: [
      s('stage-standard-1', 1, '初步接洽', 'Initial contact', 10, 7, 60),
      s('stage-standard-2', 2, '需求确认', 'Needs confirmed', 30, 10, 70),
      s('stage-standard-3', 3, '方案报价', 'Proposal and quote', 50, 10, 60),
      s('stage-standard-4', 4, '商务谈判', 'Negotiation', 70, 7, 80),
      s('stage-standard-5', 5, '签约成交', 'Contract signed', 100, 3, 100),
    ],
  },
  {
    id: 'mode-project', name: '项目型销售', nameEn: 'Project sales', order: 2, stages: [
      s('stage-project-1', 1, '项目立项', 'Project identified', 10, 15, 50),
      s('stage-project-2', 2, '需求调研', 'Requirements study', 20, 20, 70),
      s('stage-project-3', 3, '方案交流', 'Solution presented', 40, 20, 60),
      s('stage-project-4', 4, '招投标', 'Tender', 60, 30, 50),
      s('stage-project-5', 5, '合同谈判', 'Contract negotiation', 80, 15, 80),
      s('stage-project-6', 6, '签约成交', 'Contract signed', 100, 5, 100),
    ],
  },
];

/** Values of the seed records: `salesModes` and `salesStages` (the store adds system fields). */
export function defaultModeRecords(): { modes: Values[]; stages: Values[] } {
  const modes = DEFAULT_SALES_MODES.map(({ stages: _unused, ...m }) => ({ ...m }));
  const stages = DEFAULT_SALES_MODES.flatMap((m) => m.stages.map((st) => ({ ...st, modeId: m.id })));
  return { modes, stages };
}

/** A stage as read from a (possibly malformed) record. */
export interface StageInfo {
  id: string;
  modeId: string | null;
  order: number;
  name: string;
  nameEn: string | null;
  rate: number | null;
  avgDays: number | null;
  conversion: number | null;
}

export function readStage(rec: Values): StageInfo {
  return {
    id: idOf(rec),
    modeId: asText(rec.modeId),
    order: asNumber(rec.order) ?? Number.MAX_SAFE_INTEGER,
    name: asText(rec.name) ?? '',
    nameEn: asText(rec.nameEn),
    rate: asNumber(rec.rate),
    avgDays: asNumber(rec.avgDays),
    conversion: asNumber(rec.conversion),
  };
}

/** Live stages of a mode in pipeline order (order, then id so every peer agrees on ties). */
export function stagesOfMode(stages: readonly Values[], modeId: string): StageInfo[] {
  return stages
    .filter((st) => isLive(st) && asText(st.modeId) === modeId)
    .map(readStage)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function firstStage(stages: readonly Values[], modeId: string): StageInfo | null {
  return stagesOfMode(stages, modeId)[0] ?? null;
}

/** Default completion rate of a stage (percent), or null when the stage is unknown. */
export function defaultRate(stages: readonly Values[], stageId: string): number | null {
  const st = stages.find((x) => isLive(x) && idOf(x) === stageId);
  return st ? asNumber(st.rate) : null;
}

/**
 * Values to write when the user picks a stage: the stage and its default rate. The rate stays
 * editable afterwards (精财 §3.1: "无论是销售阶段还是完成率都可随意修改").
 */
export function stageChange(stages: readonly Values[], stageId: string): { stageId: string; rate?: number } {
  const rate = defaultRate(stages, stageId);
  return rate === null ? { stageId } : { stageId, rate };
}

export function stageLabel(st: StageInfo): Label {
  return { zh: st.name, en: st.nameEn ?? st.name };
}

/**
 * Problems in a mode's stage list, for the settings page: rates outside 0–100, rates that fall
 * from one stage to the next, duplicated order numbers (two peers each added a stage while apart).
 */
export function checkStages(stages: readonly Values[], modeId: string): Violation[] {
  const list = stagesOfMode(stages, modeId);
  const out: Violation[] = [];
  list.forEach((st, i) => {
    if (st.rate === null || st.rate < 0 || st.rate > 100) {
      out.push({ code: 'stageRateInvalid', ids: [st.id], message: {
        zh: `阶段“${st.name}”的成功率无效(应在 0–100 之间)`, en: `Stage "${st.name}" has an invalid rate (must be 0–100)` } });
    }
    const prev = list[i - 1];
    if (!prev) return;
    if (prev.rate !== null && st.rate !== null && st.rate < prev.rate) {
      out.push({ code: 'stageRateFalls', ids: [prev.id, st.id], message: {
        zh: `阶段“${st.name}”的成功率低于前一阶段“${prev.name}”`, en: `Stage "${st.name}" has a lower rate than the stage before it, "${prev.name}"` } });
    }
    if (prev.order === st.order) {
      out.push({ code: 'stageOrderDuplicate', ids: [prev.id, st.id], message: {
        zh: `阶段“${prev.name}”和“${st.name}”的顺序号相同`, en: `Stages "${prev.name}" and "${st.name}" have the same order number` } });
    }
  });
  return out;
}
