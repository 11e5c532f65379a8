import { For, Show, createMemo, createSignal } from 'solid-js';
import type { BaseRecord } from '../../domain/core/record';
import type { Conflict, StepApprover, StepRecord } from '../../domain/approvals';
import { dateTime } from '../../domain/core/format';
import { approvalOf, decideBlockerOf, decideDoc, planOf, submitDoc, withdrawDoc } from '../../store/approvals/engine';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { Badge } from '../shared/RecordView';
import { TextPrompt } from '../shared/dialogs';
import { useRefusal } from '../shared/refusal';
import { L, lang, t, type MessageKey } from '../i18n';
import './approvals.css';

export const PHASE_TONE: Record<string, string> = { draft: 'gray', pending: 'warn', approved: 'ok', rejected: 'red' };

/** Follow every input of a document's approval (its steps, rules, people). */
export function trackApprovals(ctx: ReturnType<typeof useWorkspace>, entity: string): void {
  for (const c of [entity, 'approvalSteps', 'approvalRules', 'users', 'roles', 'departments']) ctx.version(c)();
}

type Prompt = 'submit' | 'approve' | 'reject';

/**
 * A document's approval on its page: the state (and what a submission would need), the actions
 * this user may take, the step history (who, when, action, comment) and any conflict from
 * decisions made apart — who decided what, and which outcome stands.
 */
/** `title`: the card's heading (default approvals.title). */
export function ApprovalPanel(props: { entity: string; doc: BaseRecord; canSubmit: boolean; title?: string }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const refusal = useRefusal();
  const a = createMemo(() => { trackApprovals(ctx, props.entity); return approvalOf(ctx.ws, props.entity, props.doc); });
  const plan = createMemo(() => { trackApprovals(ctx, props.entity); ctx.version('discounts')(); return planOf(ctx.ws, props.entity, props.doc, ctx.userId()); });
  const mayDecide = createMemo(() => { trackApprovals(ctx, props.entity); return decideBlockerOf(ctx.ws, props.entity, props.doc, ctx.userId()) === null; });
  const [prompt, setPrompt] = createSignal<Prompt | null>(null);
  const who = (ap: StepApprover) => (ap.kind === 'module' ? t('approvals.approverModule') : ap.kind === 'role' ? title('roles', ap.roleId) : title('users', ap.userId));
  const phase = () => a()?.phase ?? 'draft';
  const run = (p: Prompt, text: string) => {
    const uid = ctx.userId();
    const res = p === 'submit' ? submitDoc(ctx.ws, props.entity, props.doc.id, uid, text)
      : decideDoc(ctx.ws, props.entity, props.doc.id, uid, p === 'approve', text);
    return refusal.run(res, t(p === 'submit' ? 'approvals.submitted' : p === 'approve' ? 'approvals.approved' : 'approvals.rejected'));
  };
  return (
    <div class="card approval-panel" data-phase={phase()}>
      <div class="approval-head">
        <h2>{props.title ?? t('approvals.title')}</h2>
        <Badge tone={PHASE_TONE[phase()]}>{t(`approvals.phase.${phase()}` as MessageKey)}</Badge>
        <span class="grow" />
        <Show when={props.canSubmit && (phase() === 'draft' || phase() === 'rejected')}>
          <button class="btn primary" data-approval="submit" onClick={() => setPrompt('submit')}>{t('approvals.submit')}</button>
        </Show>
        <Show when={mayDecide()}>
          <button class="btn primary" data-approval="approve" onClick={() => setPrompt('approve')}>{t('approvals.approve')}</button>
          <button class="btn danger" data-approval="reject" onClick={() => setPrompt('reject')}>{t('approvals.reject')}</button>
        </Show>
        <Show when={phase() === 'pending' && a()?.state.submission?.by === ctx.userId()}>
          <button class="btn" data-approval="withdraw" onClick={() => refusal.run(withdrawDoc(ctx.ws, props.entity, props.doc.id, ctx.userId()), t('approvals.withdrawn'))}>{t('approvals.withdraw')}</button>
        </Show>
      </div>
      <refusal.Banner />
      <Show when={phase() === 'draft' || phase() === 'rejected'}>
        <p class="small muted approval-plan">
          <Show when={plan().length} fallback={t('approvals.noSteps')}>
            {t('approvals.needsSteps')}{' '}
            <For each={plan()}>{(s, i) => <span class="plan-step">{t('approvals.stepN', { n: i() + 1 })} {s.approvers.map(who).join(' / ')}{s.reasons.length ? (lang() === 'zh' ? `(${s.reasons.map(L).join(';')})` : ` (${s.reasons.map(L).join('; ')})`) : ''}</span>}</For>
          </Show>
        </p>
      </Show>
      <Show when={phase() === 'pending' && a()?.state.current}>{(n) => (
        <p class="small approval-plan">{t('approvals.waitingStep', { n: n() })} {a()!.state.steps[n() - 1].approvers.map(who).join(' / ')}</p>
      )}</Show>
      <ConflictNotes conflicts={a()?.state.conflicts ?? []} />
      <h3 class="small">{t('approvals.history')}</h3>
      <div class="scroll-x">
        <table class="grid simple approval-steps">
          <thead><tr><th>{t('approvals.col.at')}</th><th>{t('approvals.col.by')}</th><th>{t('approvals.col.action')}</th><th>{t('approvals.col.step')}</th><th>{t('approvals.col.comment')}</th></tr></thead>
          <tbody>
            <For each={a()?.state.history ?? []} fallback={<tr><td colspan="5" class="muted">{t('approvals.noHistory')}</td></tr>}>{(s) => (
              <tr data-action={s.action}>
                <td>{dateTime(s.at, lang())}</td>
                <td>{title('users', s.by) || s.by}</td>
                <td><Badge tone={s.action === 'approve' ? 'ok' : s.action === 'reject' ? 'red' : undefined}>{t(`approvals.action.${s.action}` as MessageKey)}</Badge></td>
                <td class="num">{s.step ? `${s.round}-${s.step}` : String(s.round)}</td>
                <td class="wrap">{s.comment ?? ''}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
      <Show when={prompt()}>{(p) => (
        <TextPrompt title={t(p() === 'submit' ? 'approvals.submit' : p() === 'approve' ? 'approvals.approve' : 'approvals.reject')}
          label={t('approvals.comment')} required={p() === 'reject'}
          okLabel={t(p() === 'submit' ? 'approvals.submit' : p() === 'approve' ? 'approvals.approve' : 'approvals.reject')}
          onOk={(text) => run(p(), text)} onClose={() => setPrompt(null)} />
      )}</Show>
    </div>
  );
}

/** Decisions made apart that disagree: who decided what, and which outcome stands. */
function ConflictNotes(props: { conflicts: readonly Conflict[] }) {
  const title = useTitles();
  const names = (rs: readonly StepRecord[]) => rs.map((r) => `${title('users', r.by)} ${t(`approvals.action.${r.action}` as MessageKey)}`).join(',');
  const text = (c: Conflict) =>
    t(c.kind === 'decisions' ? 'approvals.conflictDecisions' : c.kind === 'withdrawn' ? 'approvals.conflictWithdrawn' : 'approvals.conflictSubmissions', { n: c.step, who: names(c.records) });
  return (
    <For each={props.conflicts}>{(c) => (
      <p class="notice approval-conflict" role="status"><b>{t('approvals.conflict')}</b>:{text(c)}</p>
    )}</For>
  );
}

/**
 * The conflicts of a document whose page keeps its own approval card (quotes, orders): decisions
 * two approvers made apart are both kept, and the page says so beside its history.
 */
export function ApprovalConflicts(props: { entity: string; doc: BaseRecord }) {
  const ctx = useWorkspace();
  const conflicts = createMemo(() => {
    trackApprovals(ctx, props.entity);
    for (const c of ['quoteSteps', 'orderSteps']) ctx.version(c)();
    return approvalOf(ctx.ws, props.entity, props.doc)?.state.conflicts ?? [];
  });
  return <ConflictNotes conflicts={conflicts()} />;
}
