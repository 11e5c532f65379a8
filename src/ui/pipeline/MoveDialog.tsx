import { For, Show, createMemo, createSignal } from 'solid-js';
import type { FieldDef } from '../../domain/core/entity';
import type { Errors } from '../../domain/core/validate';
import { opportunityAmount, stagesOfMode, todayOf, type Patch } from '../../domain/sales';
import { moveBlocker, moveDraft, moveOpportunity } from '../../store/analysis/pipeline';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { FieldInput } from '../shared/FieldInput';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { L, t } from '../i18n';
import { stageName } from '../analysis/filters';
import { money } from '../../domain/core/format';

/** Fields of the new contact record the rep confirms (the rest is copied from the opportunity). */
const FORM_FIELDS = ['date', 'way', 'rate', 'expectedAmount', 'cost', 'plannedDate', 'summary'];

/**
 * Confirming a move on the board (SPEC G back-fill rule): the new stage creates a contact record,
 * pre-filled from the opportunity with the stage's default rate, completed on confirmation, and the
 * opportunity is back-filled from it — one transaction (store/analysis/pipeline.ts).
 */
export function MoveDialog(props: { oppId: string; stageId: string; onClose: () => void; onMoved?: () => void }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const opp = createMemo(() => ctx.get('opportunities', props.oppId));
  const stages = createMemo(() => stagesOfMode(ctx.live('salesStages'), String(opp()?.modeId ?? '')));
  const nameOf = (id: unknown) => { const s = stages().find((x) => x.id === id); return s ? stageName(s) : '—'; };
  const today = todayOf(Date.now());
  const draft = (stageId: string): Patch => ({
    ...moveDraft(ctx.ws, props.oppId, stageId, today, ctx.userId()),
    way: 'visit',
    summary: t('pipeline.moveSummary', { from: nameOf(opp()?.stageId), to: nameOf(stageId) }),
  });
  const [values, setValues] = createSignal<Patch>(draft(props.stageId));
  const [errors, setErrors] = createSignal<Errors>({});
  const [refused, setRefused] = createSignal<string | null>(null);
  const def = () => ctx.def('contactRecords');
  const fields = () => FORM_FIELDS.map((k) => def().fields.find((f) => f.key === k)).filter((f): f is FieldDef => !!f);
  const blocker = createMemo(() => {
    ctx.version('contactRecords')(); ctx.version('opportunities')();
    return moveBlocker(ctx.ws, props.oppId, String(values().stageId ?? ''), values().date);
  });
  const writable = () => ctx.can('sales', 'write');
  const setStage = (stageId: string) => {
    const next = draft(stageId);
    // keep what the rep typed; take the new stage, its default rate and the matching summary
    setValues({ ...values(), stageId, rate: next.rate, summary: next.summary });
  };
  const confirm = () => {
    if (!writable() || blocker()) return;
    const res = moveOpportunity(ctx.ws, props.oppId, values(), ctx.userId());
    if (!res.ok) {
      if (res.refusal.fields) setErrors(res.refusal.fields);
      setRefused(res.refusal.fields ? null : L(res.refusal.message));
      return;
    }
    notify(t('pipeline.moved', { subject: title('opportunities', opp()), stage: nameOf(values().stageId) }));
    props.onMoved?.();
    props.onClose();
  };
  const amount = () => opportunityAmount(values().expectedAmount, values().rate);
  return (
    <Modal open wide title={t('pipeline.moveTitle', { subject: title('opportunities', opp()) })} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={!writable() || !!blocker()} onClick={confirm}>{t('pipeline.confirmMove')}</button>
      </>}>
      <div class="move-dialog">
        <div class="move-stages">
          <span class="stage-pill">{nameOf(opp()?.stageId)}</span>
          <span aria-hidden="true">→</span>
          <label class="field">
            <span class="field-label">{t('pipeline.toStage')}</span>
            <select id="move-stage" aria-label={t('pipeline.toStage')} value={String(values().stageId ?? '')} onChange={(e) => setStage(e.currentTarget.value)}>
              <For each={stages()}>{(s) => <option value={s.id} disabled={s.id === opp()?.stageId}>{stageName(s)}</option>}</For>
            </select>
          </label>
        </div>
        <p class="muted">{t('pipeline.moveExplain')}</p>
        <Show when={!writable()}><p class="notice">{t('common.readonly')}</p></Show>
        <Show when={blocker()}>{(b) => <p class="error-banner" role="alert">{L(b())}</p>}</Show>
        <Show when={refused()}>{(r) => <p class="error-banner" role="alert">{r()}</p>}</Show>
        <Show when={Object.keys(errors()).length}><p class="error-banner" role="alert">{t('common.errorsFix')}</p></Show>
        <form class="form-grid" onSubmit={(e) => { e.preventDefault(); confirm(); }}>
          <For each={fields()}>{(f) => (
            <label class={`field ${f.type === 'longtext' ? 'span2' : ''} ${errors()[f.key] ? 'has-error' : ''}`}>
              <span class="field-label">{L(f.label)}{f.required && <b class="req">*</b>}</span>
              <FieldInput field={f} value={values()[f.key]} id={`move-${f.key}`} disabled={!writable()}
                onChange={(v) => setValues({ ...values(), [f.key]: v })} />
              <Show when={errors()[f.key]}><span class="field-error">{L(errors()[f.key])}</span></Show>
            </label>
          )}</For>
          <div class="field">
            <span class="field-label">{t('pipeline.amountPreview')}</span>
            <output id="move-amount" class="amount-preview">{money(amount())}</output>
          </div>
          <button type="submit" hidden />
        </form>
      </div>
    </Modal>
  );
}
