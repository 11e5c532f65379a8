import { For, Show, createEffect, createMemo, createSignal } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { toCsv } from '../../domain/core/csv';
import {
  EMPTY_GROUP_LABEL, SERVICE_GROUP_BYS, analyzeService, type ServiceFigureIds, type ServiceFigures, type ServiceGroupBy,
} from '../../domain/service';
import { dictLabeler } from '../../store/core/dictionaries';
import { RecordList } from '../shared/RecordList';
import { Modal } from '../shared/Modal';
import { useWorkspace } from '../shared/context';
import { download } from '../shared/download';
import { pct } from '../../domain/core/format';
import { L, lang, t, type MessageKey } from '../i18n';
import { ServiceGate, serviceRecordForm } from './common';
import { ServiceChart } from './ServiceChart';
import { recordLabEvent } from '../../store/classroom/lab-events';

/**
 * 客户服务分析 (精财 §4.3, SPEC K): service records grouped by handler, importance, contact type,
 * satisfaction or service type, within a period on the start time. Every count drills down to its
 * records; a rate over nothing shows "—".
 */

const rate = (v: number | null) => pct(v, 2);

type Preset = 'thisMonth' | 'lastMonth' | 'thisQuarter' | 'thisYear' | 'last12' | 'all' | 'custom';
const PRESETS: { key: Preset; label: MessageKey }[] = [
  { key: 'thisMonth', label: 'svcAnalysis.thisMonth' },
  { key: 'lastMonth', label: 'svcAnalysis.lastMonth' },
  { key: 'thisQuarter', label: 'svcAnalysis.thisQuarter' },
  { key: 'thisYear', label: 'svcAnalysis.thisYear' },
  { key: 'last12', label: 'svcAnalysis.last12' },
  { key: 'all', label: 'svcAnalysis.allTime' },
  { key: 'custom', label: 'svcAnalysis.custom' },
];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The period of a preset as local calendar days, both ends included ('' = open). */
export function presetRange(p: Preset, now = new Date()): [string, string] {
  const y = now.getFullYear(), m = now.getMonth();
  switch (p) {
    case 'thisMonth': return [day(new Date(y, m, 1)), day(new Date(y, m + 1, 0))];
    case 'lastMonth': return [day(new Date(y, m - 1, 1)), day(new Date(y, m, 0))];
    case 'thisQuarter': { const q = m - (m % 3); return [day(new Date(y, q, 1)), day(new Date(y, q + 3, 0))]; }
    case 'thisYear': return [`${y}-01-01`, `${y}-12-31`];
    case 'last12': return [day(new Date(y - 1, m, now.getDate() + 1)), day(now)];
    default: return ['', ''];
  }
}

/** Figures of the table, in the seed's order; each count drills down to the ids of the same name. */
const COUNT_COLUMNS: { key: keyof ServiceFigureIds; figure: keyof ServiceFigures; label: MessageKey }[] = [
  { key: 'completed', figure: 'completed', label: 'svcAnalysis.completed' },
  { key: 'notCompleted', figure: 'notCompleted', label: 'svcAnalysis.notCompleted' },
  { key: 'progressed', figure: 'progressed', label: 'svcAnalysis.progressed' },
  { key: 'notProgressed', figure: 'notProgressed', label: 'svcAnalysis.notProgressed' },
];

interface Drill { title: string; ids: string[] }

export default function ServiceAnalysisPage() {
  const ctx = useWorkspace();
  const [params, setParams] = useSearchParams();
  const initialBy = SERVICE_GROUP_BYS.some((g) => g.key === params.by) ? (params.by as ServiceGroupBy) : 'handlerId';
  const [groupBy, setGroupBy] = createSignal<ServiceGroupBy>(initialBy);
  const [preset, setPreset] = createSignal<Preset>('last12');
  const [from, setFrom] = createSignal(presetRange('last12')[0]);
  const [to, setTo] = createSignal(presetRange('last12')[1]);
  const [drill, setDrill] = createSignal<Drill | null>(null);

  const choosePreset = (p: Preset) => {
    setPreset(p);
    if (p === 'custom') return;
    const [f, tt] = presetRange(p);
    setFrom(f); setTo(tt);
  };
  const chooseBy = (g: ServiceGroupBy) => { setGroupBy(g); setParams({ by: g }, { replace: true }); };

  // the lab guide's step "read the service analysis of the last 12 months by handler" (实验十) is proven by this
  createEffect(() => void recordLabEvent(ctx.ws, ctx.userId(), 'serviceAnalysis', { period: preset(), by: groupBy() }).catch(() => undefined));

  const records = createMemo(() => ctx.live('serviceRecords'));
  const analysis = createMemo(() => {
    const f = from() ? new Date(`${from()}T00:00:00`).getTime() : null;
    const tt = to() ? new Date(`${to()}T23:59:59.999`).getTime() : null;
    return analyzeService(records(), { groupBy: groupBy(), from: Number.isFinite(f) ? f : null, to: Number.isFinite(tt) ? tt : null });
  });

  const labeler = createMemo(() => { ctx.version('dictOptions')(); return dictLabeler(ctx.ws, lang()); });
  const users = createMemo(() => new Map(ctx.live('users').map((u) => [u.id, String(u.name ?? u.id)])));
  const groupLabel = (key: string | null): string => {
    if (key === null) return L(EMPTY_GROUP_LABEL);
    if (groupBy() === 'handlerId') return users().get(key) ?? key;
    return labeler()(groupBy(), key);
  };
  const byLabel = () => L(SERVICE_GROUP_BYS.find((g) => g.key === groupBy())!.label);

  const open = (group: string, figure: string, ids: string[]) => setDrill({ title: `${group} · ${figure}`, ids });

  const exportCsv = async () => {
    const head = [byLabel(), t('svcAnalysis.count'), t('svcAnalysis.completed'), t('svcAnalysis.notCompleted'), t('svcAnalysis.completionRate'),
      t('svcAnalysis.progressed'), t('svcAnalysis.notProgressed'), t('svcAnalysis.efficiency')];
    const line = (name: string, r: ServiceFigures) => [name, String(r.count), String(r.completed), String(r.notCompleted), rate(r.completionRate),
      String(r.progressed), String(r.notProgressed), rate(r.efficiency)];
    const rows = [head, ...analysis().rows.map((r) => line(groupLabel(r.key), r)), line(t('svcAnalysis.total'), analysis().totals)];
    download(`${t('nav.serviceAnalysis')}-${from() || 'all'}-${to() || 'all'}.csv`, await toCsv(rows));
  };

  return (
    <section class="page">
      <h1 class="page-title">{t('nav.serviceAnalysis')}</h1>
      <ServiceGate>
        <div class="svc-filters card">
          <label class="svc-filter">
            <span>{t('svcAnalysis.groupBy')}</span>
            <select id="sa-by" value={groupBy()} onChange={(e) => chooseBy(e.currentTarget.value as ServiceGroupBy)}>
              <For each={SERVICE_GROUP_BYS}>{(g) => <option value={g.key}>{L(g.label)}</option>}</For>
            </select>
          </label>
          <label class="svc-filter">
            <span>{t('svcAnalysis.period')}</span>
            <select id="sa-preset" value={preset()} onChange={(e) => choosePreset(e.currentTarget.value as Preset)}>
              <For each={PRESETS}>{(p) => <option value={p.key}>{t(p.label)}</option>}</For>
            </select>
          </label>
          <label class="svc-filter">
            <span>{t('svcAnalysis.from')}</span>
            <input id="sa-from" type="date" value={from()} onChange={(e) => { setFrom(e.currentTarget.value); setPreset('custom'); }} />
          </label>
          <label class="svc-filter">
            <span>{t('svcAnalysis.to')}</span>
            <input id="sa-to" type="date" value={to()} onChange={(e) => { setTo(e.currentTarget.value); setPreset('custom'); }} />
          </label>
          <span class="grow" />
          <button class="btn" onClick={exportCsv}>{t('list.export')}</button>
        </div>
        <div class="svc-analysis-layout">
          <div class="card svc-analysis-table">
            <table class="grid simple service-analysis" aria-label={t('nav.serviceAnalysis')}>
              <thead><tr>
                <th>{byLabel()}</th>
                <th class="num">{t('svcAnalysis.count')}</th>
                <th class="num">{t('svcAnalysis.completed')}</th>
                <th class="num">{t('svcAnalysis.notCompleted')}</th>
                <th class="num">{t('svcAnalysis.completionRate')}</th>
                <th class="num">{t('svcAnalysis.progressed')}</th>
                <th class="num">{t('svcAnalysis.notProgressed')}</th>
                <th class="num">{t('svcAnalysis.efficiency')}</th>
              </tr></thead>
              <tbody>
                <For each={analysis().rows} fallback={<tr><td colspan="8" class="empty">{t('svcAnalysis.none')}</td></tr>}>{(r) => (
                  <FigureRow name={groupLabel(r.key)} fig={r} open={open} />
                )}</For>
              </tbody>
              <tfoot>
                <FigureRow name={t('svcAnalysis.total')} fig={analysis().totals} open={open} total />
              </tfoot>
            </table>
            <p class="muted small formula">{t('svcAnalysis.formula')}</p>
          </div>
          <div class="card svc-analysis-chart">
            <h2>{t('svcAnalysis.chartTitle', { by: byLabel() })}</h2>
            <Show when={analysis().rows.length} fallback={<p class="empty">{t('svcAnalysis.none')}</p>}>
              <ServiceChart ariaLabel={t('svcAnalysis.chartTitle', { by: byLabel() })}
                categories={analysis().rows.map((r) => groupLabel(r.key))}
                series={[
                  { label: t('svcAnalysis.completionRate'), values: analysis().rows.map((r) => r.completionRate), color: '#2c6aa3' },
                  { label: t('svcAnalysis.efficiency'), values: analysis().rows.map((r) => r.efficiency), color: '#7fb3a0' },
                ]} />
            </Show>
          </div>
        </div>
        <Show when={drill()}>{(d) => <DrillDialog drill={d()} onClose={() => setDrill(null)} />}</Show>
      </ServiceGate>
    </section>
  );
}

function FigureRow(props: { name: string; fig: ServiceFigures; open: (group: string, figure: string, ids: string[]) => void; total?: boolean }) {
  const cell = (n: number, figure: string, ids: string[]) => (
    <td class="num">
      <Show when={n > 0} fallback={<span class="muted">0</span>}>
        <button class="link" onClick={() => props.open(props.name, figure, ids)}>{n}</button>
      </Show>
    </td>
  );
  const [c1, c2, p1, p2] = COUNT_COLUMNS;
  return (
    <tr classList={{ total: !!props.total }} data-group={props.name}>
      <th scope="row">{props.name}</th>
      {cell(props.fig.count, t('svcAnalysis.count'), props.fig.ids.all)}
      {cell(props.fig[c1.figure] as number, t(c1.label), props.fig.ids[c1.key])}
      {cell(props.fig[c2.figure] as number, t(c2.label), props.fig.ids[c2.key])}
      <td class="num rate">{rate(props.fig.completionRate)}</td>
      {cell(props.fig[p1.figure] as number, t(p1.label), props.fig.ids[p1.key])}
      {cell(props.fig[p2.figure] as number, t(p2.label), props.fig.ids[p2.key])}
      <td class="num rate">{rate(props.fig.efficiency)}</td>
    </tr>
  );
}

/** The records behind a figure, in the usual list (they can be opened and corrected from here). */
function DrillDialog(props: { drill: Drill; onClose: () => void }) {
  const ids = new Set(props.drill.ids);
  const form = serviceRecordForm();
  return (
    <Modal open wide title={props.drill.title} onClose={props.onClose}>
      <p class="muted">{t('svcAnalysis.drillCount', { n: props.drill.ids.length })}</p>
      <div class="svc-drill-list">
        <RecordList entity="serviceRecords" embedded filterBase={(r) => ids.has(r.id)}
          prepare={form.prepare} validate={form.validate} hooks={form.hooks} />
      </div>
    </Modal>
  );
}
