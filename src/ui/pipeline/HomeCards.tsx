import { For, Show, createMemo } from 'solid-js';
import { A } from '@solidjs/router';
import { funnel, todayOf, type PlanSubject } from '../../domain/sales';
import { alertRuleOf } from '../../store/analysis/targets';
import { money, pct } from '../../domain/core/format';
import { useWorkspace } from '../shared/context';
import { MiniBars } from '../shared/MiniBars';
import { stageName, useModeId } from '../analysis/filters';
import { usePlanProgress } from './progress';
import { t } from '../i18n';

/**
 * A manager's home card: the team's active opportunities per stage of the busiest sales mode —
 * domain funnel() over what the data scope shows (a 销售经理 sees the department) — as small bars
 * over the counts; each stage opens the opportunities list filtered to it.
 */
export function TeamPipeline() {
  const ctx = useWorkspace();
  const modeId = useModeId();
  const base = `/w/${ctx.ws.id}`;
  const f = createMemo(() => funnel(ctx.visible('opportunities'), ctx.live('salesStages'), modeId()));
  const items = () => f().rows.map((r) => ({
    key: r.stageId, label: stageName(r), value: r.count, note: money(r.weighted, 0),
    href: `${base}/opportunities?stage=${encodeURIComponent(r.stageId)}`,
  }));
  return (
    <Show when={ctx.can('sales', 'read')}>
      <div class="card home-card" data-testid="home-team-pipeline">
        <h2>{t('pipeline.homeTeam')} <span class="n-badge">{f().total.count}</span></h2>
        <p class="muted small">{t('pipeline.homeTeamLine', { n: f().total.count, weighted: money(f().total.weighted, 0) })}</p>
        <MiniBars items={items()} label={t('pipeline.homeStageCount')} empty={t('pipeline.homeNoOpps')} />
        <A class="more-link" href={`${base}/analysis/funnel?mode=${modeId()}`}>{t('pipeline.homeToFunnel')}</A>
      </div>
    </Show>
  );
}

/**
 * A manager's home card: each rep's target of the month against the actual, with the reached and
 * behind notices of 销售计划 (the same computation, usePlanProgress); a rep's name opens their board.
 */
export function TeamTargets() {
  const ctx = useWorkspace();
  const month = todayOf(Date.now()).slice(0, 7);
  const base = `/w/${ctx.ws.id}`;
  const rows = usePlanProgress(() => month);
  // the team: the reps whose records this manager's data scope shows (a 销售经理: their department)
  const people = createMemo(() => rows().filter((r) => r.subject.scope === 'person' && r.target && ctx.seesOwner(r.subject.userId)));
  const count = (alert: 'reached' | 'behind') => people().filter((r) => r.alert === alert).length;
  const rule = () => alertRuleOf(ctx.get('company', 'company'));
  const who = (s: PlanSubject) => String(ctx.get('users', s.userId ?? '')?.name ?? '⚠');
  return (
    <Show when={ctx.can('sales', 'read')}>
      <div class="card home-card" data-testid="home-team-targets">
        <h2>{t('pipeline.homeTargets', { month })} <span class="n-badge">{people().length}</span></h2>
        <Show when={people().length} fallback={<p class="muted">{t('pipeline.homeNoTargets')}</p>}>
          <p class="muted small">{t('pipeline.homeTargetsLine', { reached: count('reached'), behind: count('behind') })}</p>
          <ul class="target-list">
            <For each={people()}>{(r) => (
              <li data-user={r.subject.userId} data-alert={r.alert ?? 'none'}>
                <A href={`${base}/pipeline?owner=${r.subject.userId}`} class="target-name">{who(r.subject)}</A>
                <span class="target-figures">{money(r.actual, 0)} / {money(r.target!.target, 0)} · {pct(r.share)}</span>
                <div class="meter" classList={{ reached: r.alert === 'reached', behind: r.alert === 'behind' }}>
                  <div style={{ width: `${Math.min(100, r.share ?? 0)}%` }} /></div>
                <Show when={r.alert === 'reached'}><span class="ok-text small">{t('plans.reached')}</span></Show>
                <Show when={r.alert === 'behind'}><span class="warn small">{t('plans.behind', { day: rule().day, share: rule().share })}</span></Show>
              </li>
            )}</For>
          </ul>
        </Show>
        <A class="more-link" href={`${base}/plans`}>{t('pipeline.homeToPlans')}</A>
      </div>
    </Show>
  );
}
