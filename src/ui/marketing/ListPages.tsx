import { For, createMemo } from 'solid-js';
import { useNavigate, useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { activityResult } from '../../domain/marketing/results';
import { taskOpen, TASK_SOON_DAYS } from '../../domain/marketing/reminders';
import { dayOf, daysFrom } from '../../domain/core/reminders';
import { money, pct } from '../../domain/core/format';
import { RecordList, type ExtraColumn } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { Guard } from '../analysis/Guard';
import { localToday } from '../analysis/filters';
import { t, type MessageKey } from '../i18n';
import { activityPath, activityTone, taskPath, taskTone, useResultIndex } from './common';
import './marketing.css';

/** 市场活动: every activity with its leads, actual cost and ROI (computed, not stored); a row opens the activity's page. */
export function MarketActivitiesPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const index = useResultIndex();
  const result = (r: BaseRecord) => activityResult(r, index());
  const extra = (): ExtraColumn[] => [
    { key: 'leads', label: t('marketing.leads'), width: 60, value: (r) => String(result(r).leadIds.length) },
    // nothing spent and nothing entered: no figure rather than a 0 that looks measured
    { key: 'actualCost', label: t('marketing.actualCost'), width: 110, value: (r) => (result(r).costSource === 'none' ? '—' : money(result(r).actualCost, 0)) },
    { key: 'roi', label: t('marketing.roi'), width: 80, value: (r) => pct(result(r).roi),
      tone: (r) => { const v = result(r).roi; return v === null ? undefined : v < 0 ? 'red' : 'green'; } },
  ];
  return (
    <Guard module="marketing">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.marketActivities')}</h1>
        <RecordList entity="marketActivities" extraColumns={extra()} rowTone={activityTone}
          onOpen={(r) => navigate(`/w/${ctx.ws.id}/${activityPath(r.id)}`)} />
      </section>
    </Guard>
  );
}

type TaskView = 'all' | 'mine' | 'overdue' | 'soon' | 'open';
const TASK_VIEWS: [TaskView, MessageKey][] = [
  ['open', 'marketing.view.open'], ['mine', 'marketing.view.mine'], ['overdue', 'marketing.view.overdue'],
  ['soon', 'marketing.view.soon'], ['all', 'marketing.view.all'],
];

/** 市场任务: open ones first (overdue in red); mine, overdue, due soon; a row opens the task with its tracking notes. */
export function MarketTasksPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const view = (): TaskView => (TASK_VIEWS.some(([k]) => k === params.view) ? (params.view as TaskView) : 'open');
  const predicate = (v: TaskView) => {
    const me = ctx.userId();
    return (r: BaseRecord) => {
      const day = dayOf(r.dueDate);
      const days = day ? daysFrom(today, day) : null;
      switch (v) {
        case 'mine': return r.assigneeId === me && taskOpen(r);
        case 'overdue': return taskOpen(r) && days !== null && days < 0;
        case 'soon': return taskOpen(r) && days !== null && days >= 0 && days <= TASK_SOON_DAYS;
        case 'open': return taskOpen(r);
        default: return true;
      }
    };
  };
  const counts = createMemo(() => {
    const rows = ctx.live('marketTasks');
    return Object.fromEntries(TASK_VIEWS.map(([k]) => [k, rows.filter(predicate(k)).length])) as Record<TaskView, number>;
  });
  return (
    <Guard module="marketing">
      <section class="page page-list">
        <div class="page-head wrap">
          <h1 class="page-title">{t('nav.marketTasks')}</h1>
          <div class="seg-tabs" role="tablist">
            <For each={TASK_VIEWS}>{([key, label]) => (
              <button class="btn" role="tab" aria-selected={view() === key} classList={{ active: view() === key }}
                onClick={() => setParams({ view: key === 'open' ? undefined : key }, { replace: true })}>
                {t(label, { n: TASK_SOON_DAYS })} <span class="n-badge">{counts()[key]}</span>
              </button>
            )}</For>
          </div>
        </div>
        <RecordList entity="marketTasks" filterBase={predicate(view())} rowTone={(r) => taskTone(r, today)}
          onOpen={(r) => navigate(`/w/${ctx.ws.id}/${taskPath(r.id)}`)} />
      </section>
    </Guard>
  );
}
