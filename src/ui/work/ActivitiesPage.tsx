import { For, createMemo } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { activityAlert, todayOf, DEFAULT_SOON_DAYS, type ActivityAlert } from '../../domain/sales';
import { markActivityDone } from '../../store/analysis/pipeline';
import { RecordList } from '../shared/RecordList';
import { useWorkspace } from '../shared/context';
import { notify } from '../shared/toast';
import { L, t, type MessageKey } from '../i18n';
import { Guard } from '../analysis/Guard';

const TABS: [ActivityAlert | '', MessageKey][] = [
  ['', 'work.tabAll'], ['overdue', 'work.overdue'], ['dueSoon', 'work.tabDueSoon'], ['upcoming', 'work.upcoming'],
  ['undated', 'work.undated'], ['done', 'work.tabDone'],
];

/** 活动/销售任务: every activity, filtered by alert (overdue, due soon…) and by "mine", with a bulk "done". */
function Activities() {
  const ctx = useWorkspace();
  const [params, setParams] = useSearchParams();
  const today = todayOf(Date.now());
  const alert = () => (typeof params.alert === 'string' ? params.alert : '');
  const mine = () => params.mine !== '0';
  const counts = createMemo(() => {
    const out: Record<string, number> = { '': 0 };
    for (const a of ctx.live('activities')) {
      if (mine() && a.ownerId !== ctx.userId()) continue;
      const k = activityAlert(a, today);
      out[k] = (out[k] ?? 0) + 1;
      out[''] += 1;
    }
    return out;
  });
  const filterBase = () => {
    const want = alert();
    const me = ctx.userId();
    const onlyMine = mine();
    return (r: BaseRecord) => (!onlyMine || r.ownerId === me) && (!want || activityAlert(r, today) === want);
  };
  const markDone = (rows: BaseRecord[]) => {
    let n = 0;
    for (const r of rows) {
      const res = markActivityDone(ctx.ws, r.id, today);
      if (!res.ok) notify(`${String(r.subject ?? '')}: ${L(res.refusal.message)}`, 'error'); else n++;
    }
    if (n) notify(t('work.doneMany', { n }));
  };
  return (
    <section class="page page-list">
      <div class="page-head">
        <h1 class="page-title">{t('nav.activities')}</h1>
        <div class="seg-tabs" role="tablist">
          <For each={TABS}>{([key, label]) => (
            <button class="btn" role="tab" aria-selected={alert() === key} classList={{ active: alert() === key, [`tone-${key}`]: !!key }}
              onClick={() => setParams({ alert: key || undefined }, { replace: true })}>
              {t(label, { n: DEFAULT_SOON_DAYS })} <span class="n-badge">{counts()[key] ?? 0}</span>
            </button>
          )}</For>
        </div>
        <span class="grow" />
        <label class="row-inline">
          <input type="checkbox" checked={mine()} onChange={(e) => setParams({ mine: e.currentTarget.checked ? undefined : '0' }, { replace: true })} />
          {t('work.onlyMine')}
        </label>
      </div>
      <RecordList entity="activities" filterBase={filterBase()}
        actions={(sel) => (
          <button class="btn" disabled={!sel().some((r) => r.status !== 'done') || !ctx.can('sales', 'write')}
            onClick={() => markDone(sel().filter((r) => r.status !== 'done'))}>✓ {t('work.markDone')}</button>
        )} />
    </section>
  );
}

export default function ActivitiesPage() {
  return <Guard module="sales"><Activities /></Guard>;
}
