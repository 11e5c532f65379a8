/**
 * How far a group is with its experiments and exercises: every step's check over the workspace's
 * records and this device's events, bounded by the guide's start time. Pure — the lab guide panel
 * runs it for the open experiment, the teacher's class view for a group's workspace.
 */
import { ALL_COLLECTIONS } from '../registry';
import type { BaseRecord } from '../core/record';
import { checkCollections, checkReferences, evaluate, type Check, type CheckResult, type LabData } from './predicates';

/** Anything with steps that carry checks: an experiment (experiments.ts) or a teacher's exercise (exercises.ts). */
export interface Guide { key: string; steps: readonly { key: string; check: Check }[] }

export type StepStatus = 'done' | 'open' | 'unavailable';

export interface StepProgress {
  key: string;
  status: StepStatus;
  /** The check's answer (who did it, how far) — none while the guide has not started or its module is missing. */
  result?: CheckResult;
  /** Collections the step needs that this build lacks (模块尚未提供). */
  missing: string[];
}

export interface GuideProgress {
  key: string;
  /** When the group pressed 开始实验; undefined: not started, nothing is checked. */
  since?: number;
  steps: StepProgress[];
  done: number;
  /** Steps that can be done with the modules this build has. */
  available: number;
}

/** A guide's start time: one for all, or by guide key (undefined: not started). */
export type Since = number | Readonly<Record<string, number | undefined>> | ((key: string) => number | undefined);

function sinceOf(since: Since, key: string): number | undefined {
  if (typeof since === 'number') return since;
  if (typeof since === 'function') return since(key);
  return since[key];
}

const KNOWN: ReadonlySet<string> = new Set(ALL_COLLECTIONS);

/** Collections a step needs that `known` lacks. */
export function missingFor(check: Check, known: ReadonlySet<string> = KNOWN): string[] {
  return [...checkCollections(check), ...checkReferences(check)].filter((c) => !known.has(c));
}

export function progress(guides: readonly Guide[], data: LabData, since: Since, known: ReadonlySet<string> = KNOWN): GuideProgress[] {
  return guides.map((g) => {
    const start = sinceOf(since, g.key);
    const steps = g.steps.map((s): StepProgress => {
      const missing = missingFor(s.check, known);
      if (missing.length) return { key: s.key, status: 'unavailable', missing };
      if (start === undefined) return { key: s.key, status: 'open', missing };
      const result = evaluate(s.check, data, start);
      return { key: s.key, status: result.done ? 'done' : 'open', result, missing };
    });
    return {
      key: g.key, since: start, steps,
      done: steps.filter((s) => s.status === 'done').length,
      available: steps.filter((s) => s.status !== 'unavailable').length,
    };
  });
}

/** Every collection the guides' steps read (the tables a caller must hand to `progress`). */
export function collectionsOf(guides: readonly Guide[], known: ReadonlySet<string> = KNOWN): string[] {
  return [...new Set(guides.flatMap((g) => g.steps.flatMap((s) => checkCollections(s.check))))].filter((c) => known.has(c));
}

/** The collections the guides' steps read whole, older records included (hand them to `progress` as `refs`). */
export function referencesOf(guides: readonly Guide[], known: ReadonlySet<string> = KNOWN): string[] {
  return [...new Set(guides.flatMap((g) => g.steps.flatMap((s) => checkReferences(s.check))))].filter((c) => known.has(c));
}

/** When each guide started (by guide key), read from the workspace's run records (labRuns); malformed ones are left out. */
export function guideStarts(runs: readonly BaseRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) {
    if (r.deleted || typeof r.guide !== 'string' || typeof r.startedAt !== 'number' || !Number.isFinite(r.startedAt)) continue;
    out[r.guide] = r.startedAt;
  }
  return out;
}
