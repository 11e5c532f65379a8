import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import { canCommentPlan, commentPlan, planCommentsOf } from '../../store/office/office';
import { dateTime } from '../../domain/core/format';
import { RecordList } from '../shared/RecordList';
import { RecordForm } from '../shared/RecordForm';
import { RecordPageGate, useRecordPage } from '../shared/RecordPage';
import { FieldsView } from '../shared/RecordView';
import { RecordHistory } from '../sync/RecordHistory';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { useRefusal } from '../shared/refusal';
import { Guard } from '../analysis/Guard';
import { L, lang, t } from '../i18n';
import './office.css';

/** 工作计划/总结: the plans the data scope shows (a manager: the department's), newest first by the list's sort. */
export function PlansPage() {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  return (
    <Guard module="office">
      <section class="page page-list">
        <h1 class="page-title">{t('nav.workPlans')}</h1>
        <RecordList entity="workPlans" onOpen={(r) => navigate(`/w/${ctx.ws.id}/office/plans/${r.id}`)} />
      </section>
    </Guard>
  );
}

/** One plan: its fields, content and summary editable by its owner, the managers' comments. */
export function PlanPage() {
  const ctx = useWorkspace();
  const params = useParams();
  const title = useTitles();
  const refusal = useRefusal();
  const page = useRecordPage('workPlans', () => params.id!);
  const [editing, setEditing] = createSignal(false);
  const [text, setText] = createSignal('');
  const comments = createMemo(() => { ctx.version('planComments')(); return planCommentsOf(ctx.ws, params.id!); });
  const mayComment = createMemo(() => { ctx.version('workPlans')(); ctx.version('users')(); return canCommentPlan(ctx.ws, params.id!, ctx.userId()); });
  const writable = (ownerId: unknown) => ctx.can('office', 'write') && (ownerId === ctx.userId() || ctx.can('office', 'approve'));
  const add = () => {
    if (refusal.run(commentPlan(ctx.ws, params.id!, text().trim(), ctx.userId()), t('office.commented'))) setText('');
  };
  return (
    <Guard module="office">
      <section class="page office-page">
        <RecordPageGate page={page}>
          {(p) => (
            <>
              <div class="page-head wrap">
                <A href={`/w/${ctx.ws.id}/office/plans`} end class="btn ghost">← {t('common.back')}</A>
                <h1 class="page-title">{title('workPlans', p())}</h1>
                <span class="grow" />
                <button class="btn" disabled={!writable(p().ownerId)} onClick={() => setEditing(true)}>{t('common.edit')}</button>
              </div>
              <refusal.Banner />
              <div class="card">
                <FieldsView entity="workPlans" record={p()} skip={['title', 'content', 'summary']} />
                <p class="muted small">{t('office.lockedHint')}</p>
              </div>
              <div class="plan-texts">
                <div class="card"><h2>{L(ctx.def('workPlans').fields.find((f) => f.key === 'content')?.label)}</h2>
                  <p class="pre" data-testid="plan-content">{String(p().content ?? '') || '—'}</p></div>
                <div class="card"><h2>{L(ctx.def('workPlans').fields.find((f) => f.key === 'summary')?.label)}</h2>
                  <p class="pre" data-testid="plan-summary">{String(p().summary ?? '') || '—'}</p></div>
              </div>
              <div class="card plan-comments">
                <h2>{t('office.comments')}</h2>
                <Show when={comments().length} fallback={<p class="empty">{t('office.noComments')}</p>}>
                  <ul class="comment-list">
                    <For each={comments()}>{(c) => (
                      <li><b>{title('users', c.authorId)}</b> <span class="muted small">{dateTime(c.at, lang())}</span><p class="pre">{String(c.text ?? '')}</p></li>
                    )}</For>
                  </ul>
                </Show>
                <Show when={mayComment()} fallback={<p class="muted small">{t('office.onlyManager')}</p>}>
                  <div class="comment-box">
                    <textarea aria-label={t('office.addComment')} placeholder={t('office.commentPlaceholder')} value={text()} onInput={(e) => setText(e.currentTarget.value)} rows={3} />
                    <button class="btn primary" disabled={!text().trim()} onClick={add}>{t('office.addComment')}</button>
                  </div>
                </Show>
              </div>
              <RecordHistory collection="workPlans" id={params.id!} />
              <Show when={editing()}>
                <RecordForm entity="workPlans" record={p()} onClose={() => setEditing(false)} />
              </Show>
            </>
          )}
        </RecordPageGate>
      </section>
    </Guard>
  );
}
