import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import {
  asDay, classifyActivities, daysOverdue, opportunityAmountOf, statusOf, todayOf, DEFAULT_SOON_DAYS, type Values,
} from '../../domain/sales';
import { markActivityDone } from '../../store/analysis/pipeline';
import { alertRuleOf, targetProgress } from '../../store/analysis/targets';
import { ACTUAL_COLLECTIONS, salesActualOf } from '../../store/finance/targets';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { RecordForm } from '../shared/RecordForm';
import { report } from '../shared/refusal';
import { money } from '../../domain/core/format';
import { t } from '../i18n';

/** Longer lists continue on the activities page. */
const SHOWN = 8;
const OPPS = 10;

/**
 * 我的提醒 — a home card for every role (homeCards): my overdue, due-soon and upcoming tasks
 * (活动/销售任务, U8 "到期、超期预警") with a one-click "done".
 */
export function MyReminders() {
  const ctx = useWorkspace();
  const today = todayOf(Date.now());
  const base = `/w/${ctx.ws.id}`;
  const [adding, setAdding] = createSignal(false);
  const groups = createMemo(() => {
    const me = ctx.userId();
    return classifyActivities(ctx.where('activities', 'ownerId', me), today);
  });
  const writable = () => ctx.can('sales', 'write');
  const done = (a: BaseRecord) => {
    report(markActivityDone(ctx.ws, a.id, today), t('work.doneToast', { subject: String(a.subject ?? '') }));
  };
  const name = useTitles();

  const Task = (p: { a: Values & BaseRecord; tone: string }) => {
    const days = () => daysOverdue(p.a, today);
    return (
      <li class={`task tone-${p.tone}`} data-id={p.a.id}>
        <button class="btn small-btn done-btn" disabled={!writable()} onClick={() => done(p.a)} aria-label={`${t('work.done')} ${String(p.a.subject ?? '')}`}>
          ✓ {t('work.done')}</button>
        <div class="task-main">
          <div class="task-subject">{String(p.a.subject ?? '')}</div>
          <div class="muted small">
            {ctx.display({ key: 'kind', type: 'dict', dict: 'activityKind', label: { zh: '', en: '' } }, p.a.kind)}
            <Show when={p.a.customerId}> · {name('customers', p.a.customerId)}</Show>
            <Show when={p.a.opportunityId}> · <A href={`${base}/opportunities/${String(p.a.opportunityId)}`}>{name('opportunities', p.a.opportunityId)}</A></Show>
          </div>
        </div>
        <div class="task-due">
          <div>{asDay(p.a.dueDate) ?? '—'}</div>
          <div class="small">{days() === null ? '' : days()! > 0 ? t('work.overdueDays', { n: days()! }) : days() === 0 ? t('work.dueToday') : t('work.dueInDays', { n: -days()! })}</div>
        </div>
      </li>
    );
  };
  const Section = (p: { title: string; tone: string; list: (Values & BaseRecord)[]; empty: string; testid: string; alert: string }) => (
    <div class={`card work-card tone-${p.tone}`} data-testid={p.testid}>
      <h2>{p.title} <span class="n-badge">{p.list.length}</span></h2>
      <Show when={p.list.length} fallback={<p class="muted">{p.empty}</p>}>
        <ul class="task-list"><For each={p.list.slice(0, SHOWN)}>{(a) => <Task a={a} tone={p.tone} />}</For></ul>
      </Show>
      <Show when={p.list.length > SHOWN}>
        <A class="more-link" href={`${base}/activities?alert=${p.alert}`}>{t('work.seeAll', { n: p.list.length })}</A>
      </Show>
    </div>
  );
  const g = () => groups() as unknown as Record<'overdue' | 'dueSoon' | 'upcoming' | 'undated', (Values & BaseRecord)[]>;

  return (
    <div class="my-work">
      <div class="kpis">
        <A class="kpi tone-red" href={`${base}/activities?alert=overdue`}><b>{g().overdue.length}</b><span>{t('work.overdue')}</span></A>
        <A class="kpi tone-yellow" href={`${base}/activities?alert=dueSoon`}><b>{g().dueSoon.length}</b><span>{t('work.dueSoon', { n: DEFAULT_SOON_DAYS })}</span></A>
      </div>
      <div class="work-head">
        <h2>{t('work.title')}</h2>
        <span class="grow" />
        <button class="btn primary" disabled={!writable()} onClick={() => setAdding(true)}>+ {t('work.newTask')}</button>
        <A class="btn" href={`${base}/activities`}>{t('work.allActivities')}</A>
      </div>
      <div class="cards work-cards">
        <Section testid="work-overdue" title={t('work.overdue')} tone="red" list={g().overdue} empty={t('work.noneOverdue')} alert="overdue" />
        <Section testid="work-due-soon" title={t('work.dueSoon', { n: DEFAULT_SOON_DAYS })} tone="yellow" list={g().dueSoon} empty={t('work.noneDueSoon')} alert="dueSoon" />
        <Section testid="work-upcoming" title={t('work.upcoming')} tone="none" list={g().upcoming} empty={t('work.noneUpcoming')} alert="upcoming" />
      </div>
      <Show when={adding()}>
        <RecordForm entity="activities" onClose={() => setAdding(false)} />
      </Show>
    </div>
  );
}

/** 我的商机 — a rep's home card: my active opportunities by planned close, and my sales target of the month with its alerts. */
export function MyPipeline() {
  const ctx = useWorkspace();
  const today = todayOf(Date.now());
  const base = `/w/${ctx.ws.id}`;
  const name = useTitles();
  const opps = createMemo(() => {
    const me = ctx.userId();
    return ctx.live('opportunities')
      .filter((o) => statusOf(o) === 'active' && (o.ownerId === me || (Array.isArray(o.teamIds) && o.teamIds.includes(me))))
      .sort((a, b) => (asDay(a.plannedDate) ?? '9999').localeCompare(asDay(b.plannedDate) ?? '9999') || (a.id < b.id ? -1 : 1));
  });
  const target = createMemo(() => {
    const who = { scope: 'person', userId: ctx.userId() } as const;
    for (const c of ACTUAL_COLLECTIONS) ctx.version(c)(); // the orders-based actual reads them
    const actual = salesActualOf(ctx.ws, who, today.slice(0, 7));
    return targetProgress(ctx.live('salesPlans'), ctx.live('opportunities'),
      who, today.slice(0, 7), today, { rule: alertRuleOf(ctx.get('company', 'company')), actual });
  });
  const weighted = () => opps().reduce((s, o) => s + (opportunityAmountOf(o) ?? 0), 0);
  return (
    <Show when={ctx.can('sales', 'read')}>
      <div class="my-pipeline">
        <div class="kpis">
          <A class="kpi" href={`${base}/pipeline?owner=${ctx.userId()}`}><b>{opps().length}</b><span>{t('work.myOpps')}</span></A>
          <A class="kpi" href={`${base}/analysis/forecast?owner=${ctx.userId()}`}><b>{money(weighted(), 0)}</b><span>{t('work.myWeighted')}</span></A>
        </div>
        <div class="cards work-cards">
          <div class="card" data-testid="work-opps">
            <h2>{t('work.myOpps')} <span class="n-badge">{opps().length}</span></h2>
            <Show when={opps().length} fallback={<p class="muted">{t('work.noOpps')}</p>}>
              <table class="grid simple">
                <thead><tr><th>{t('work.oppSubject')}</th><th>{t('analysis.customer')}</th><th>{t('analysis.stage')}</th>
                  <th class="num">{t('analysis.weighted')}</th><th>{t('pipeline.plannedDate')}</th></tr></thead>
                <tbody>
                  <For each={opps().slice(0, OPPS)}>{(o) => {
                    const late = () => { const d = asDay(o.plannedDate); return d !== null && d < today; };
                    return (
                      <tr data-id={o.id}>
                        <td><A href={`${base}/opportunities/${o.id}`}>{String(o.subject ?? '')}</A></td>
                        <td>{name('customers', o.customerId)}</td>
                        <td>{name('salesStages', o.stageId)}</td>
                        <td class="num">{money(opportunityAmountOf(o) ?? 0)}</td>
                        <td classList={{ late: late() }}>{asDay(o.plannedDate) ?? '—'}</td>
                      </tr>
                    );
                  }}</For>
                </tbody>
              </table>
              <A href={`${base}/pipeline?owner=${ctx.userId()}`}>{t('work.toBoard')}</A>
            </Show>
          </div>
          <div class="card" data-testid="work-target">
            <h2>{t('work.target', { month: today.slice(0, 7) })}</h2>
            <Show when={target().target} fallback={<p class="muted">{t('work.noTarget')} <A href={`${base}/plans`}>{t('nav.plans')}</A></p>}>
              {(tg) => (
                <>
                  <p>{t('work.targetLine', { actual: money(target().actual, 0), target: money(tg().target, 0) })}</p>
                  <div class="meter"><div style={{ width: `${Math.min(100, target().share ?? 0)}%` }} /></div>
                  <Show when={target().alert === 'reached'}><p class="ok-banner">{t('work.targetReached')}</p></Show>
                  <Show when={target().alert === 'behind'}>
                    <p class="notice">{t('work.targetBehind', { share: Math.round(target().share ?? 0), rule: alertRuleOf(ctx.get('company', 'company')).share })}</p>
                  </Show>
                </>
              )}
            </Show>
          </div>
        </div>
      </div>
    </Show>
  );
}
