import { For, Show, createMemo, createSignal } from 'solid-js';
import { checkPlans, todayOf, type PlanSubject } from '../../domain/sales';
import { alertRuleOf, planErrors } from '../../store/analysis/targets';
import { usePlanProgress } from './progress';
import { saveAlertRule } from '../../store/analysis/alert-rule';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { report } from '../shared/refusal';
import { L, t } from '../i18n';
import { DrillDialog, Fig, type DrillSpec } from '../analysis/Drill';
import { money, pct } from '../../domain/core/format';
import { Guard } from '../analysis/Guard';

/**
 * 销售计划/配额: targets per company, department and person per month or quarter (entity
 * salesPlans), and for a month each planned subject's actual against its target with the alerts of
 * seed 004 (reached; under the set share by the set day).
 */
function Plans() {
  const ctx = useWorkspace();
  const today = todayOf(Date.now());
  const [month, setMonth] = createSignal(today.slice(0, 7));
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const company = createMemo(() => ctx.get('company', 'company'));
  const rule = () => alertRuleOf(company());
  const rows = usePlanProgress(month);
  const problems = createMemo(() => checkPlans(ctx.visible('salesPlans')));
  const subjectName = (who: PlanSubject) => {
    if (who.scope === 'company') return String(company()?.name ?? t('plans.company'));
    const rec = who.scope === 'person' ? ctx.get('users', who.userId ?? '') : ctx.get('departments', who.departmentId ?? '');
    return rec ? String(rec.name ?? '') : '⚠';
  };
  const scopeName = (s: string) => ctx.display({ key: 'scope', type: 'dict', dict: 'planScope', label: { zh: '', en: '' } }, s);
  const [day, setDay] = createSignal(String(rule().day));
  const [share, setShare] = createSignal(String(rule().share));
  const saveRule = () => {
    report(saveAlertRule(ctx.ws, { day: Number(day()), share: Number(share()) }, ctx.userId()), t('common.saved'));
  };
  return (
    <section class="page">
      <h1 class="page-title">{t('nav.plans')}</h1>
      <div class="plans-list">
        <RecordList entity="salesPlans" embedded defaults={{ scope: 'company', period: today.slice(0, 7) }}
          showField={(f, v) => (f.key === 'departmentId' ? v.scope === 'department' : f.key === 'userId' ? v.scope === 'person' : true)}
          prepare={(v) => ({ ...v, departmentId: v.scope === 'department' ? v.departmentId : undefined, userId: v.scope === 'person' ? v.userId : undefined })}
          validate={planErrors} />
      </div>
      <Show when={problems().length}>
        <div class="notice"><For each={problems()}>{(v) => <div>{L(v.message)}</div>}</For></div>
      </Show>
      <div class="card">
        <div class="row-inline wrap">
          <h2>{t('plans.progress')}</h2>
          <span class="grow" />
          <label class="filter-item"><span>{t('analysis.month')}</span>
            <input type="month" aria-label={t('analysis.month')} value={month()} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} /></label>
        </div>
        <Show when={rows().length} fallback={<p class="muted">{t('plans.noPlans', { month: month() })}</p>}>
          <div class="table-wrap">
            <table class="grid simple figures" data-testid="plan-progress">
              <thead><tr>
                <th>{t('plans.subject')}</th><th>{t('plans.scope')}</th><th class="num">{t('plans.target')}</th>
                <th class="num">{t('plans.actual')}</th><th class="num">{t('plans.share')}</th><th>{t('plans.status')}</th>
              </tr></thead>
              <tbody>
                <For each={rows()}>{(r) => (
                  <tr classList={{ [`tone-${r.alert === 'reached' ? 'green' : r.alert === 'behind' ? 'red' : 'none'}`]: true }}>
                    <td>{subjectName(r.subject)}</td>
                    <td>{scopeName(r.subject.scope)}</td>
                    <td class="num">{money(r.target?.target)}<Show when={r.target?.from === 'quarter'}> <span class="muted small">{t('plans.fromQuarter')}</span></Show></td>
                    <td class="num"><Fig v={money(r.actual)} on={() => setDrill({
                      title: t('plans.actualDrill', { name: subjectName(r.subject), month: month() }),
                      entity: 'orders', ids: r.counted.orderIds, also: [{ entity: 'opportunities', ids: r.counted.opportunityIds }],
                    })} /></td>
                    <td class="num">{pct(r.share)}</td>
                    <td>{r.alert === 'reached' ? t('plans.reached') : r.alert === 'behind' ? t('plans.behind', { day: rule().day, share: rule().share }) : t('plans.onTrack')}</td>
                  </tr>
                )}</For>
              </tbody>
            </table>
          </div>
        </Show>
        <p class="muted small">{t('plans.actualBasis')}</p>
      </div>
      <div class="card">
        <h2>{t('plans.ruleTitle')}</h2>
        <div class="row-inline wrap">
          <label class="filter-item"><span>{t('plans.ruleDay')}</span>
            <input type="number" min="1" max="31" class="narrow" aria-label={t('plans.ruleDay')} value={day()} onInput={(e) => setDay(e.currentTarget.value)} /></label>
          <label class="filter-item"><span>{t('plans.ruleShare')}</span>
            <input type="number" min="1" max="100" class="narrow" aria-label={t('plans.ruleShare')} value={share()} onInput={(e) => setShare(e.currentTarget.value)} /></label>
          <button class="btn" disabled={!ctx.can('sales', 'approve')} onClick={saveRule}>{t('common.save')}</button>
        </div>
        <p class="muted small">{t('plans.ruleHint')}</p>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export default function PlansPage() {
  return <Guard module="sales"><Plans /></Guard>;
}
