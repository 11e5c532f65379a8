import { createMemo, createReaction, createSignal, onCleanup, type Accessor } from 'solid-js';
import { useWorkspace } from '../shared/context';
import { L, lang, t } from '../i18n';
import { EXPERIMENTS, experimentNo } from '../../domain/classroom/experiments';
import { describeSpec, exerciseGuideKey, parseSpec, checkOf } from '../../domain/classroom/exercises';
import { collectionsOf, guideStarts, progress, referencesOf, type GuideProgress } from '../../domain/classroom/progress';
import type { Check, LabEvent } from '../../domain/classroom/predicates';
import type { BaseRecord } from '../../domain/core/record';
import { sortRows } from '../../domain/core/rows';
import { labRefs, labTables } from '../../store/classroom/lab-tables';
import { loadLabEvents, onLabEvent } from '../../store/classroom/lab-events';
import { loadGuidePrefs, saveGuidePrefs } from '../../store/classroom/lab-prefs';

/** One experiment or exercise as the guide shows it, in the current language. */
export interface GuideView {
  key: string;
  /** 实验三 / 练习 */
  badge: string;
  title: string;
  goal?: string;
  tasks: string[];
  due?: string;
  steps: { key: string; text: string; route?: string; check: Check | null }[];
}

/** The eleven experiments, then the teacher's exercises (newest due last), as the guide lists them. */
export function useGuides(): Accessor<GuideView[]> {
  const ctx = useWorkspace();
  return createMemo(() => {
    const l = lang();
    const experiments: GuideView[] = EXPERIMENTS.map((e) => ({
      key: e.key, badge: experimentNo(e.no, l), title: L(e.title), goal: L(e.goal), tasks: e.tasks.map(L),
      steps: e.steps.map((s) => ({ key: s.key, text: L(s.text), route: s.route, check: s.check })),
    }));
    const stepsOf = new Map<string, BaseRecord[]>();
    for (const s of ctx.live('labExerciseSteps')) {
      const id = typeof s.exerciseId === 'string' ? s.exerciseId : '';
      stepsOf.set(id, [...(stepsOf.get(id) ?? []), s]);
    }
    const exercises: GuideView[] = ctx.live('labExercises')
      .sort((a, b) => String(a.due ?? '9').localeCompare(String(b.due ?? '9')) || a.createdAt - b.createdAt)
      .map((x) => ({
        key: exerciseGuideKey(x.id), badge: t('lab.exercises'), title: String(x.title ?? ''), goal: typeof x.note === 'string' ? x.note : undefined,
        tasks: [], due: typeof x.due === 'string' ? x.due : undefined,
        steps: sortRows(stepsOf.get(x.id) ?? []).map((s) => {
          const spec = parseSpec(s.spec);
          const text = typeof s.text === 'string' && s.text ? s.text : spec ? describeSpec(spec, l) : t('lab.badStep');
          const route = spec?.template === 'step' ? EXPERIMENTS.find((e) => e.key === spec.experiment)?.steps.find((x) => x.key === spec.step)?.route : undefined;
          return { key: s.id, text, route, check: spec ? checkOf(spec) : null };
        }),
      }));
    return [...experiments, ...exercises];
  });
}

/** When each guide was started by the group (labRuns in the workspace), following peers. */
export function useStarts(): Accessor<Record<string, number>> {
  const ctx = useWorkspace();
  return createMemo(() => guideStarts(ctx.live('labRuns')));
}

/** This device's lab events (page visits, an analysis read), reloaded when a page records one. */
export function useLabEvents(): Accessor<LabEvent[]> {
  const ctx = useWorkspace();
  const [events, setEvents] = createSignal<LabEvent[]>([]);
  const load = () => void loadLabEvents(ctx.ws.id).then(setEvents, () => undefined);
  load();
  onCleanup(onLabEvent((w) => { if (w === ctx.ws.id) load(); }));
  return events;
}

/**
 * The progress of one guide, evaluated off the typing path: after what it reads changes (its
 * collections — also a teammate's edit arriving —, the start, this device's events), once the
 * changes settle and the browser is idle. Only the open guide is evaluated, over the records
 * written since its start (store/classroom/lab-tables.ts).
 */
export function useGuideProgress(guide: Accessor<GuideView | undefined>, events: Accessor<LabEvent[]>): Accessor<GuideProgress | undefined> {
  const ctx = useWorkspace();
  const starts = useStarts();
  const [result, setResult] = createSignal<GuideProgress | undefined>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = (fn: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 1500 }) : setTimeout(fn, 50));
  const track = createReaction(() => { clearTimeout(timer); timer = setTimeout(() => idle(run), 250); });
  const run = () => {
    let g: GuideView | undefined;
    let since: number | undefined;
    let ev: LabEvent[] = [];
    let checked: { key: string; check: Check }[] = [];
    track(() => {
      g = guide();
      since = g ? starts()[g.key] : undefined;
      ev = events();
      checked = (g?.steps ?? []).flatMap((s) => (s.check ? [{ key: s.key, check: s.check }] : []));
      const read = [{ key: '', steps: checked }];
      for (const c of [...collectionsOf(read), ...referencesOf(read)]) { ctx.version(c)(); ctx.loaded(c); }
    });
    if (!g) return setResult(undefined);
    const key = g.key;
    const guides = [{ key, steps: checked }];
    const tables = since === undefined ? {} : labTables(ctx.ws, collectionsOf(guides), since);
    const refs = since === undefined ? {} : labRefs(ctx.ws, referencesOf(guides));
    setResult(progress(guides, { tables, refs, events: ev }, since === undefined ? {} : { [key]: since })[0]);
  };
  run();
  onCleanup(() => clearTimeout(timer));
  return result;
}

// --- the panel's state on this device -------------------------------------------------------------

const [open, setOpenSignal] = createSignal(false);
const [current, setCurrentSignal] = createSignal<string>('customers');
let prefsOf = '';

/** Whether the guide panel is open, and which guide it shows; kept per workspace on this device. */
export function usePanelState() {
  const ctx = useWorkspace();
  if (prefsOf !== ctx.ws.id) {
    prefsOf = ctx.ws.id;
    void loadGuidePrefs(ctx.ws.id).then((p) => { setOpenSignal(p.open); if (p.guide) setCurrentSignal(p.guide); }, () => undefined);
  }
  const save = () => void saveGuidePrefs(ctx.ws.id, { open: open(), guide: current() }).catch(() => undefined);
  return {
    open, current,
    setOpen: (v: boolean) => { setOpenSignal(v); save(); },
    show: (guide: string) => { setCurrentSignal(guide); setOpenSignal(true); save(); },
  };
}
