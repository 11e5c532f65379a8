import { For, Show, createMemo } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { addDays, asText, stagesOfMode, statusOf, type StageInfo, type Values } from '../../domain/sales';
import { useWorkspace } from '../shared/context';
import { lang, t } from '../i18n';

/**
 * Filters shared by the board and the analysis pages. They live in the URL (?mode=&owner=…) so a
 * view can be bookmarked, and a figure on one page can link to the same slice on another.
 */

export type ParamKey = 'mode' | 'owner' | 'dept' | 'from' | 'to' | 'stage' | 'status' | 'by' | 'basis' | 'month' | 'customer' | 'q';

export function useParam() {
  const [params, setParams] = useSearchParams();
  const get = (k: ParamKey): string => {
    const v = params[k];
    return typeof v === 'string' ? v : '';
  };
  const set = (patch: Partial<Record<ParamKey, string>>) => {
    const out: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(patch)) out[k] = v || undefined;
    setParams(out, { replace: true });
  };
  return { get, set };
}

export const stageName = (s: Pick<StageInfo, 'name' | 'nameEn'>): string => (lang() === 'en' && s.nameEn ? s.nameEn : s.name);

/** Live sales modes in their order. */
export function useModes() {
  const ctx = useWorkspace();
  return createMemo(() => {
    return ctx.live('salesModes')
      .sort((a, b) => (Number(a.order) || 0) - (Number(b.order) || 0) || (a.id < b.id ? -1 : 1));
  });
}

/** The chosen mode: the URL's, else the one holding the most active opportunities, else the first. */
export function useModeId() {
  const ctx = useWorkspace();
  const modes = useModes();
  const p = useParam();
  const busiest = createMemo(() => {
    const n = new Map<string, number>();
    for (const o of ctx.visible('opportunities')) {
      if (statusOf(o) === 'active' && typeof o.modeId === 'string') n.set(o.modeId, (n.get(o.modeId) ?? 0) + 1);
    }
    let best = modes()[0]?.id ?? '';
    for (const m of modes()) if ((n.get(m.id) ?? 0) > (n.get(best) ?? 0)) best = m.id;
    return best;
  });
  return createMemo(() => {
    const want = p.get('mode');
    return modes().some((m) => m.id === want) ? want : busiest();
  });
}

export function useStages(modeId: () => string) {
  const ctx = useWorkspace();
  return createMemo(() => stagesOfMode(ctx.live('salesStages'), modeId()));
}

export function modeName(m: BaseRecord | undefined): string {
  if (!m) return '';
  return String((lang() === 'en' && asText(m.nameEn)) || m.name || '');
}

export function ModeSelect() {
  const modes = useModes();
  const modeId = useModeId();
  const p = useParam();
  return (
    <label class="filter-item">
      <span>{t('pipeline.mode')}</span>
      <select aria-label={t('pipeline.mode')} value={modeId()} onChange={(e) => p.set({ mode: e.currentTarget.value, stage: '' })}>
        <For each={modes()}>{(m) => <option value={m.id}>{modeName(m)}</option>}</For>
      </select>
    </label>
  );
}

/** Active users, by name. */
export function useUsers() {
  const ctx = useWorkspace();
  return createMemo(() => {
    return ctx.live('users').filter((u) => u.active !== false)
      .sort((a, b) => String(a.code ?? a.name ?? '').localeCompare(String(b.code ?? b.name ?? '')));
  });
}

export function OwnerSelect(props: { label?: string }) {
  const ctx = useWorkspace();
  const users = useUsers();
  const p = useParam();
  const label = () => props.label ?? t('analysis.owner');
  return (
    <label class="filter-item">
      <span>{label()}</span>
      <select aria-label={label()} value={p.get('owner')} onChange={(e) => p.set({ owner: e.currentTarget.value })}>
        <option value="">{t('common.all')}</option>
        <option value={ctx.userId()}>{t('analysis.me')}</option>
        <For each={users()}>{(u) => <option value={u.id}>{String(u.name ?? '')}</option>}</For>
      </select>
    </label>
  );
}

/** Departments as a tree (parents first, children indented). */
export function useDepartments() {
  const ctx = useWorkspace();
  return createMemo(() => {
    const all = ctx.live('departments')
      .sort((a, b) => String(a.code ?? a.name ?? '').localeCompare(String(b.code ?? b.name ?? '')));
    const ids = new Set(all.map((d) => d.id));
    const out: { rec: BaseRecord; depth: number }[] = [];
    const walk = (parent: string | null, depth: number) => {
      if (depth > 8) return;
      for (const d of all) {
        const p = typeof d.parentId === 'string' && ids.has(d.parentId) ? d.parentId : null;
        if (p === parent) { out.push({ rec: d, depth }); walk(d.id, depth + 1); }
      }
    };
    walk(null, 0);
    return out;
  });
}

/** A department and every department under it. */
export function departmentSubtree(ws: { collection: (n: string) => { live: () => BaseRecord[] } }, id: string): Set<string> {
  const all = ws.collection('departments').live();
  const out = new Set([id]);
  for (let grew = true, n = 0; grew && n < 10; n++) {
    grew = false;
    for (const d of all) if (typeof d.parentId === 'string' && out.has(d.parentId) && !out.has(d.id)) { out.add(d.id); grew = true; }
  }
  return out;
}

/**
 * Keep the records of a department (and its sub-departments): the record's own department, else its
 * owner's — the rule of the funnel's department filter, extended to the department tree.
 */
export function inDepartments<T extends Values>(list: readonly T[], depts: Set<string> | null, userDepts: Record<string, string>): T[] {
  if (!depts) return list as T[];
  return list.filter((o) => {
    const own = asText(o.departmentId) ?? userDepts[asText(o.ownerId) ?? ''] ?? null;
    return own !== null && depts.has(own);
  });
}

export function DepartmentSelect() {
  const depts = useDepartments();
  const p = useParam();
  return (
    <label class="filter-item">
      <span>{t('analysis.department')}</span>
      <select aria-label={t('analysis.department')} value={p.get('dept')} onChange={(e) => p.set({ dept: e.currentTarget.value })}>
        <option value="">{t('common.all')}</option>
        <For each={depts()}>{(d) => <option value={d.rec.id}>{'\u3000'.repeat(d.depth)}{String(d.rec.name ?? '')}</option>}</For>
      </select>
    </label>
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar day of now. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function endOfMonth(y: number, m: number): string {
  return addDays(`${m === 12 ? y + 1 : y}-${pad(m === 12 ? 1 : m + 1)}-01`, -1);
}

/** Presets of the period filter, relative to today. */
export function periodPresets(today: string): { key: 'month' | 'quarter' | 'year' | 'next3'; from: string; to: string }[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const q0 = Math.floor((m - 1) / 3) * 3 + 1;
  const m3 = m + 2 > 12 ? m + 2 - 12 : m + 2;
  return [
    { key: 'month', from: `${y}-${pad(m)}-01`, to: endOfMonth(y, m) },
    { key: 'quarter', from: `${y}-${pad(q0)}-01`, to: endOfMonth(y, q0 + 2) },
    { key: 'year', from: `${y}-01-01`, to: `${y}-12-31` },
    { key: 'next3', from: `${y}-${pad(m)}-01`, to: endOfMonth(m + 2 > 12 ? y + 1 : y, m3) },
  ];
}

const PRESET_LABEL = { month: 'analysis.thisMonth', quarter: 'analysis.thisQuarter', year: 'analysis.thisYear', next3: 'analysis.next3' } as const;

export function PeriodInputs(props: { label: string }) {
  const p = useParam();
  const presets = periodPresets(localToday());
  return (
    <div class="filter-item period">
      <span>{props.label}</span>
      <input type="date" aria-label={t('analysis.from')} value={p.get('from')} onChange={(e) => p.set({ from: e.currentTarget.value })} />
      <span class="muted">–</span>
      <input type="date" aria-label={t('analysis.to')} value={p.get('to')} onChange={(e) => p.set({ to: e.currentTarget.value })} />
      <select aria-label={t('analysis.preset')} value=""
        onChange={(e) => {
          const v = e.currentTarget.value;
          const pr = presets.find((x) => x.key === v);
          if (pr) p.set({ from: pr.from, to: pr.to });
          else if (v === 'all') p.set({ from: '', to: '' });
          e.currentTarget.value = '';
        }}>
        <option value="">{t('analysis.preset')}…</option>
        <For each={presets}>{(pr) => <option value={pr.key}>{t(PRESET_LABEL[pr.key])}</option>}</For>
        <option value="all">{t('analysis.allTime')}</option>
      </select>
    </div>
  );
}

/** Shown when the workspace has no sales mode yet (nothing to draw). */
/** The filters the pipeline board and the funnel share: sales mode, owner, department, planned period. */
export function PipelineFilters() {
  return (
    <>
      <ModeSelect />
      <OwnerSelect />
      <DepartmentSelect />
      <PeriodInputs label={t('analysis.plannedPeriod')} />
    </>
  );
}

export function NoModes(props: { when: boolean }) {
  return <Show when={props.when}><p class="notice">{t('pipeline.noModes')}</p></Show>;
}
