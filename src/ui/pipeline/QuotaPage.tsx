import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { asNumber } from '../../domain/core/numbers';
import { funnel, quotaMap, type StageInfo } from '../../domain/sales';
import { userDepartments } from '../../store/analysis/pipeline';
import { quotaSource } from '../../store/analysis/quota';
import { saveStageParameters } from '../../store/sales/modes';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { L, t } from '../i18n';
import { DrillDialog, Fig, type DrillSpec } from '../analysis/Drill';
import {
  ModeSelect, NoModes, departmentSubtree, inDepartments, localToday, stageName, useDepartments, useModeId, useModes,
  useParam, useStages, useUsers,
} from '../analysis/filters';
import { money, num, pct } from '../../domain/core/format';
import { FUNNEL_FILL } from '../analysis/colors';
import { Guard } from '../analysis/Guard';

type Scope = 'company' | 'department' | 'person';

/**
 * U8 quota helper (销售配额, 实验二 §2.1.1.3): from the target of the month (the sales plan of the
 * company, a department or a person — or a what-if figure), the average deal size, and each
 * stage's average days and conversion, the ideal number of opportunities each stage should hold
 * and the ideal number of new customers (domain/sales quotaHelper), beside what the stages hold now.
 */
function Quota() {
  const ctx = useWorkspace();
  const p = useParam();
  const modes = useModes();
  const modeId = useModeId();
  const stored = useStages(modeId);
  const users = useUsers();
  const depts = useDepartments();
  const [scope, setScope] = createSignal<Scope>('company');
  const [who, setWho] = createSignal('');
  const [targetText, setTargetText] = createSignal<string | null>(null);
  const [dealText, setDealText] = createSignal<string | null>(null);
  const [edits, setEdits] = createSignal<Record<string, { avgDays?: string; conversion?: string }>>({});
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const month = () => (/^\d{4}-\d{2}$/.test(p.get('month')) ? p.get('month') : localToday().slice(0, 7));
  const ownerId = () => (scope() === 'person' && who() ? who() : undefined);
  const departmentId = () => (scope() === 'department' && who() ? who() : undefined);

  const stages = createMemo((): StageInfo[] => stored().map((s) => {
    const e = edits()[s.id] ?? {};
    return {
      ...s,
      avgDays: e.avgDays !== undefined ? asNumber(e.avgDays) : s.avgDays,
      conversion: e.conversion !== undefined ? asNumber(e.conversion) : s.conversion,
    };
  }));
  const plan = createMemo(() => {
    ctx.version('salesPlans')(); ctx.version('opportunities')();
    if (!modeId()) return null;
    return quotaSource(ctx.ws, { modeId: modeId(), month: month(), ownerId: ownerId(), departmentId: departmentId() });
  });
  const source = createMemo(() => {
    ctx.version('salesPlans')(); ctx.version('opportunities')();
    if (!modeId()) return null;
    const tx = targetText();
    const dx = dealText();
    return quotaSource(ctx.ws, {
      modeId: modeId(), month: month(), ownerId: ownerId(), departmentId: departmentId(), stages: stages(),
      target: tx === null ? undefined : asNumber(tx) ?? -1,
      dealSize: dx === null ? undefined : asNumber(dx) ?? -1,
    });
  });
  /** What each stage holds now (the funnel of the same subject), coloured against the quota. */
  const holding = createMemo(() => {
    const s = source();
    if (!s) return null;
    const dept = departmentId();
    const opps = inDepartments(ctx.visible('opportunities'), dept ? departmentSubtree(ctx.ws, dept) : null, userDepartments(ctx.ws));
    return funnel(opps, ctx.live('salesStages'), modeId(), {
      filter: { ownerId: ownerId() }, quotas: s.result ? quotaMap(s.result, 'count') : undefined, basis: 'count',
    });
  });
  const targetValue = () => (targetText() ?? (plan()?.target ? String(plan()!.target!.target) : ''));
  const dealValue = () => (dealText() ?? (plan()?.dealSize.value !== null && plan()?.dealSize.value !== undefined ? String(plan()!.dealSize.value) : ''));
  const dirty = () => Object.keys(edits()).length > 0;
  const saveStages = () => {
    saveStageParameters(ctx.ws, stages().filter((s) => edits()[s.id]), ctx.userId());
    setEdits({});
    notify(t('quota.saved'));
  };
  const edit = (id: string, key: 'avgDays' | 'conversion', v: string) => setEdits({ ...edits(), [id]: { ...edits()[id], [key]: v } });

  return (
    <section class="page">
      <div class="page-head">
        <h1 class="page-title">{t('nav.quota')}</h1>
        <span class="grow" />
        <A class="btn" href={`/w/${ctx.ws.id}/analysis/funnel?month=${month()}${ownerId() ? `&owner=${ownerId()}` : ''}${departmentId() ? `&dept=${departmentId()}` : ''}`}>{t('nav.funnel')}</A>
      </div>
      <NoModes when={!modes().length} />
      <div class="filter-bar">
        <ModeSelect />
        <label class="filter-item"><span>{t('quota.scope')}</span>
          <select aria-label={t('quota.scope')} value={scope()} onChange={(e) => { setScope(e.currentTarget.value as Scope); setWho(''); setTargetText(null); }}>
            <option value="company">{t('plans.company')}</option>
            <option value="department">{t('analysis.department')}</option>
            <option value="person">{t('analysis.employee')}</option>
          </select>
        </label>
        <Show when={scope() === 'department'}>
          <label class="filter-item"><span>{t('analysis.department')}</span>
            <select aria-label={t('quota.who')} value={who()} onChange={(e) => { setWho(e.currentTarget.value); setTargetText(null); }}>
              <option value="">{t('form.pick')}</option>
              <For each={depts()}>{(d) => <option value={d.rec.id}>{'\u3000'.repeat(d.depth)}{String(d.rec.name ?? '')}</option>}</For>
            </select></label>
        </Show>
        <Show when={scope() === 'person'}>
          <label class="filter-item"><span>{t('analysis.employee')}</span>
            <select aria-label={t('quota.who')} value={who()} onChange={(e) => { setWho(e.currentTarget.value); setTargetText(null); }}>
              <option value="">{t('form.pick')}</option>
              <For each={users()}>{(u) => <option value={u.id}>{String(u.name ?? '')}</option>}</For>
            </select></label>
        </Show>
        <label class="filter-item"><span>{t('analysis.month')}</span>
          <input type="month" aria-label={t('analysis.month')} value={month()} onChange={(e) => { p.set({ month: e.currentTarget.value }); setTargetText(null); }} /></label>
      </div>
      <Show when={source()}>{(src) => (
        <>
          <div class="card quota-inputs">
            <div class="row-inline wrap">
              <label class="filter-item"><span>{t('quota.target')}</span>
                <input id="quota-target" type="text" inputmode="decimal" value={targetValue()} onInput={(e) => setTargetText(e.currentTarget.value)} /></label>
              <span class="muted small">{plan()?.target
                ? t('quota.targetFromPlan', { target: money(plan()!.target!.target, 0), from: t(plan()!.target!.from === 'quarter' ? 'analysis.fromQuarter' : 'analysis.fromMonth') })
                : t('quota.noPlan')}</span>
              <label class="filter-item"><span>{t('quota.dealSize')}</span>
                <input id="quota-deal" type="text" inputmode="decimal" value={dealValue()} onInput={(e) => setDealText(e.currentTarget.value)} /></label>
              <span class="muted small">
                {plan()?.dealSize.from === 'won' ? t('quota.dealFromWon', { n: plan()!.dealSize.ids.length })
                  : plan()?.dealSize.from === 'all' ? t('quota.dealFromAll', { n: plan()!.dealSize.ids.length }) : t('quota.dealNone')}
              </span>
              <Show when={targetText() !== null || dealText() !== null}>
                <button class="btn" onClick={() => { setTargetText(null); setDealText(null); }}>{t('quota.reset')}</button>
              </Show>
            </div>
          </div>
          <Show when={src().result} fallback={<p class="notice">{t('quota.needTarget')} <A href={`/w/${ctx.ws.id}/plans`}>{t('nav.plans')}</A></p>}>
            {(res) => (
              <>
                <div class="kpis">
                  <div class="kpi"><b data-testid="quota-deals">{num(res().dealsNeeded, 2)}</b><span>{t('quota.dealsNeeded')}</span></div>
                  <div class="kpi"><b data-testid="quota-customers">{num(res().idealCustomersCount)}</b>
                    <span>{t('quota.idealCustomers')} ({num(res().idealCustomers, 2)})</span></div>
                </div>
                <Show when={res().problems.length}>
                  <div class="error-banner" role="alert"><For each={res().problems}>{(m) => <div>{L(m)}</div>}</For></div>
                </Show>
              </>
            )}
          </Show>
          <div class="card">
            <div class="table-wrap">
              <table class="grid simple figures" data-testid="quota-table">
                <thead><tr>
                  <th>{t('analysis.stage')}</th><th class="num">{t('quota.avgDays')}</th><th class="num">{t('quota.conversion')}</th>
                  <th class="num">{t('quota.inflow')}</th><th class="num">{t('quota.quotaExact')}</th><th class="num">{t('analysis.quota')}</th>
                  <th class="num">{t('quota.quotaAmount')}</th><th class="num">{t('quota.holding')}</th><th class="num">{t('analysis.attainment')}</th>
                </tr></thead>
                <tbody>
                  <For each={stages()}>{(s, i) => {
                    const q = () => src().result?.stages[i()];
                    const h = () => holding()?.rows.find((r) => r.stageId === s.id);
                    return (
                      <tr data-stage={s.id}>
                        <td>{stageName(s)}</td>
                        <td class="num"><input class="narrow num" aria-label={`${stageName(s)} ${t('quota.avgDays')}`} disabled={!ctx.can('sales', 'approve')}
                          value={edits()[s.id]?.avgDays ?? (s.avgDays ?? '')} onInput={(e) => edit(s.id, 'avgDays', e.currentTarget.value)} /></td>
                        <td class="num"><input class="narrow num" aria-label={`${stageName(s)} ${t('quota.conversion')}`} disabled={!ctx.can('sales', 'approve')}
                          value={edits()[s.id]?.conversion ?? (s.conversion ?? '')} onInput={(e) => edit(s.id, 'conversion', e.currentTarget.value)} /></td>
                        <td class="num">{num(q()?.inflow, 2)}</td>
                        <td class="num">{num(q()?.quota, 2)}</td>
                        <td class="num"><b>{num(q()?.quotaCount)}</b></td>
                        <td class="num">{money(q()?.quotaAmount)}</td>
                        <td class="num"><Show when={h()} fallback="—">{(r) => (
                          <Fig v={num(r().count)} on={() => setDrill({ title: t('analysis.funnelDrill', { stage: stageName(s) }), entity: 'opportunities', ids: r().ids })} />
                        )}</Show></td>
                        <td class="num"><span class="swatch" style={{ background: FUNNEL_FILL[h()?.color ?? 'none'] }} />{pct(h()?.attainment)}</td>
                      </tr>
                    );
                  }}</For>
                </tbody>
              </table>
            </div>
            <div class="row-inline">
              <button class="btn primary" disabled={!dirty() || !ctx.can('sales', 'approve')} onClick={saveStages}>{t('quota.saveStages')}</button>
              <Show when={dirty()}><button class="btn" onClick={() => setEdits({})}>{t('common.cancel')}</button></Show>
            </div>
            <p class="muted small pre">{t('quota.explain')}</p>
          </div>
        </>
      )}</Show>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export default function QuotaPage() {
  return <Guard module="sales"><Quota /></Guard>;
}
