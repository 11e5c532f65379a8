import { WhyDisabled } from '../shared/RecordView';
import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { completeBlocker, editBlocker, isCompleted, sortRecords } from '../../domain/sales';
import {
  completeRecord, deleteWithPlan, newRecordDefaults, planDelete,
  plannedIds, planSize, recordsOfParent, replyToRecord, type RecordKind,
} from '../../store/sales/ops';
import { createQuoteForRecord, quoteOfRecord } from '../../store/sales/quotes';
import { RecordForm, type FormHooks } from '../shared/RecordForm';
import { useWorkspace } from '../shared/context';
import { Confirm, TextPrompt } from '../shared/dialogs';
import { money } from '../../domain/core/format';
import { type useRefusal } from '../shared/refusal';
import { useNames } from './common';
import { L, t } from '../i18n';

/**
 * 联系记录 of an opportunity / 维护记录 of a project, in sequence order. The previous record must
 * be completed before the next one can be; a completed record is read-only (only 批复 is added
 * afterwards); completing one back-fills the parent. Each record may have one quote.
 */
export function RecordsSection(props: {
  kind: RecordKind; parentId: string; parent: BaseRecord; refusal: ReturnType<typeof useRefusal>; addBlocked?: string | null;
  /** Records named by a rule violation (highlighted). */
  flagged?: Set<string>;
}) {
  const ctx = useWorkspace();
  const navigate = useNavigate();
  const names = useNames();
  const base = `/w/${ctx.ws.id}`;
  const writable = () => ctx.can('sales', 'write');
  const records = createMemo(() => {
    ctx.version(props.kind)();
    return sortRecords(recordsOfParent(ctx.ws, props.kind, props.parentId)) as BaseRecord[];
  });
  const quotes = createMemo(() => { ctx.version('quotes')(); ctx.version(props.kind)(); return new Map(records().map((r) => [r.id, quoteOfRecord(ctx.ws, props.kind, r.id)])); });
  const [form, setForm] = createSignal<{ record?: BaseRecord } | null>(null);
  const [replying, setReplying] = createSignal<BaseRecord | null>(null);
  const [deleting, setDeleting] = createSignal<BaseRecord | null>(null);

  // live derivation, locked fields and the sequence checks are the entity's rules (domain/sales/rules.ts)
  const hooks: FormHooks = {};
  const complete = (r: BaseRecord) => props.refusal.run(completeRecord(ctx.ws, props.kind, r.id, ctx.userId()), t('sales.recordCompleted'));
  const quote = (r: BaseRecord) => {
    const existing = quotes().get(r.id);
    if (existing) return navigate(`${base}/quotes/${existing.id}`);
    const res = createQuoteForRecord(ctx.ws, props.kind, r.id, ctx.userId());
    if (props.refusal.run(res)) navigate(`${base}/quotes/${res.value}`);
  };
  const plan = () => (deleting() ? planDelete(ctx.ws, props.kind, [deleting()!.id]) : null);
  const title = () => (props.kind === 'contactRecords' ? t('sales.contactRecords') : t('sales.maintenanceRecords'));

  return (
    <div class="card records-section" data-kind={props.kind}>
      <div class="card-head">
        <h2>{title()} <span class="muted small">{t('sales.recordsRule')}</span></h2>
        <span class="grow" />
        <button class="btn primary" disabled={!writable() || !!props.addBlocked} title={props.addBlocked ?? ''}
          onClick={() => setForm({})}>+ {t('sales.addRecord')}</button>
        <WhyDisabled reasons={[writable() && props.addBlocked]} />
      </div>
      <div class="scroll-x">
        <table class="grid simple records">
          <thead><tr>
            <th>#</th><th>{t('sales.col.date')}</th><th>{t('sales.col.way')}</th><th>{t('sales.col.summary')}</th><th>{t('sales.col.stage')} / {t('sales.col.rate')}</th>
            <th class="num">{t('sales.col.cost')}</th><th class="num">{t('sales.col.expected')}</th>
            <th class="num">{t('sales.col.amount')}</th><th>{t('sales.col.completed')}</th><th>{t('sales.col.reply')}</th><th>{t('sales.col.quote')}</th><th />
          </tr></thead>
          <tbody>
            <For each={records()} fallback={<tr><td colspan="12" class="muted">{t('sales.noRecords')}</td></tr>}>{(r, i) => {
              const done = () => isCompleted(r);
              const blocker = () => completeBlocker(records(), r.id);
              const q = () => quotes().get(r.id);
              return (
                <tr classList={{ done: done(), flagged: !!props.flagged?.has(r.id) }} data-id={r.id}>
                  <td>{i() + 1}</td>
                  <td>{String(r.date ?? '—')}</td>
                  <td>{names.dict('contactWay', r.way)}</td>
                  <td class="wrap">{String(r.summary ?? '')}</td>
                  <td class="nowrap">{names.stage(r.stageId)} · {r.rate === undefined ? '—' : `${String(r.rate)}%`}</td>
                  <td class="num">{money(r.cost)}</td>
                  <td class="num">{money(r.expectedAmount)}</td>
                  <td class="num">{money(r.amount)}</td>
                  <td>
                    <Show when={done()} fallback={
                      <button class="btn small-btn" disabled={!writable()} title={blocker() ? L(blocker()!) : ''}
                        onClick={() => complete(r)}>{t('sales.complete')}</button>
                    }><span class="done-mark" title={`${names.user(r.completedBy)}`}>✓ {t('sales.completed')}</span></Show>
                  </td>
                  <td class="wrap">
                    <Show when={r.reply}><span class="reply">{String(r.reply)} <span class="muted small">— {names.user(r.replyBy)}</span></span></Show>
                    <Show when={ctx.can('sales', 'approve')}>
                      <button class="link" onClick={() => setReplying(r)}>{r.reply ? t('sales.editReply') : t('sales.reply')}</button>
                    </Show>
                  </td>
                  <td>
                    <Show when={q()} fallback={
                      <button class="btn small-btn" disabled={!writable()} onClick={() => quote(r)}>{t('sales.makeQuote')}</button>
                    }>{(qq) => <A href={`${base}/quotes/${qq().id}`}>{String(qq().code ?? t('sales.quote'))}</A>}</Show>
                  </td>
                  <td><div class="row-actions">
                    <button class="btn small-btn icon" disabled={!writable() || done()} aria-label={t('common.edit')}
                      title={done() ? L(editBlocker(r, ['summary'])!) : t('common.edit')} onClick={() => setForm({ record: r })}>✎</button>
                    <button class="btn small-btn icon danger" disabled={!writable()} aria-label={t('common.delete')} title={t('common.delete')}
                      onClick={() => setDeleting(r)}>×</button>
                  </div></td>
                </tr>
              );
            }}</For>
          </tbody>
        </table>
      </div>
      <Show when={form()}>{(fm) => (
        <RecordForm entity={props.kind} record={fm().record} hooks={hooks}
          defaults={newRecordDefaults(ctx.ws, props.kind, props.parentId, ctx.userId())}
          onClose={() => setForm(null)} />
      )}</Show>
      <Show when={replying()}>{(r) => (
        <TextPrompt title={t('sales.reply')} label={t('sales.replyLabel')} initial={String(r().reply ?? '')}
          onOk={(text) => props.refusal.run(replyToRecord(ctx.ws, props.kind, r().id, text, ctx.userId()), t('common.saved'))}
          onClose={() => setReplying(null)} />
      )}</Show>
      <Show when={deleting() && plan()}>{(p) => (
        <Confirm title={t('common.delete')} danger okLabel={t('common.delete')} onOk={() => deleteWithPlan(ctx.ws, p())} onClose={() => setDeleting(null)}>
          <p>{t('sales.confirmDeleteRecord', { n: planSize(p()) })}</p>
          <Show when={plannedIds(p(), 'quotes').length}><p class="notice">{t('sales.deleteTakesQuote', { n: plannedIds(p(), 'quotes').length })}</p></Show>
          <Show when={isCompleted(deleting()!)}><p class="muted">{t('sales.deleteRebackfill')}</p></Show>
        </Confirm>
      )}</Show>
    </div>
  );
}
