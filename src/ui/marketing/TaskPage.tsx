import { Show, createSignal } from 'solid-js';
import { A, useParams } from '@solidjs/router';
import { RecordForm } from '../shared/RecordForm';
import { RecordList } from '../shared/RecordList';
import { RecordHistory } from '../sync/RecordHistory';
import { ConflictNotice } from '../sync/ConflictNotice';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge, FieldsView, WhyDisabled, readOnlyWhy } from '../shared/RecordView';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { Guard } from '../analysis/Guard';
import { localToday } from '../analysis/filters';
import { t } from '../i18n';
import { activityPath, taskTone } from './common';
import './marketing.css';

/** 市场任务 page: its fields, its activity, its tracking notes (市场跟踪). */
function Task() {
  const ctx = useWorkspace();
  const params = useParams();
  const title = useTitles();
  const page = useRecordPage('marketTasks', () => params.id!);
  const [editing, setEditing] = createSignal(false);
  const base = `/w/${ctx.ws.id}`;
  const today = localToday();
  const statusField = () => ctx.def('marketTasks').fields.find((f) => f.key === 'status')!;
  return (
    <section class="page mkt-page">
      <RecordPageGate page={page}>
        {(task) => (
          <>
            <div class="page-head wrap">
              <A href={`${base}/marketing/tasks`} end class="btn ghost">← {t('common.back')}</A>
              <h1 class="page-title" data-tone={taskTone(task(), today)}>{title('marketTasks', task())}</h1>
              <Badge tone={taskTone(task(), today)}>{ctx.display(statusField(), task().status) || '—'}</Badge>
              <span class="grow" />
              <button class="btn" disabled={!ctx.can('marketing', 'write')} onClick={() => setEditing(true)}>{t('common.edit')}</button>
              <WhyDisabled reasons={[!ctx.can('marketing', 'write') && readOnlyWhy(ctx.ws)]} />
            </div>
            <ConflictNotice collection="marketTasks" id={params.id!} writable={ctx.can('marketing', 'write')} />
            <div class="card">
              <h2>{t('marketing.basicInfo')}</h2>
              <Show when={task().activityId}>
                <p>{t('marketing.activity')}: <A href={`${base}/${activityPath(task().activityId)}`}>{title('marketActivities', task().activityId) || '—'}</A></p>
              </Show>
              <FieldsView entity="marketTasks" record={task()} skip={['activityId']} />
            </div>
            <div class="card">
              <h2>{t('marketing.tracking')}</h2>
              <RecordList entity="marketTracking" embedded filterBase={(r) => r.taskId === task().id} defaults={{ taskId: task().id }} />
            </div>
            <RecordHistory collection="marketTasks" id={params.id!} />
            <Show when={editing()}><RecordForm entity="marketTasks" record={task()} onClose={() => setEditing(false)} /></Show>
          </>
        )}
      </RecordPageGate>
    </section>
  );
}

export function TaskPage() {
  return <Guard module="marketing"><Task /></Guard>;
}
