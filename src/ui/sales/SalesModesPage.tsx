import { For, Show, createMemo, createSignal } from 'solid-js';
import { asNumber } from '../../domain/core/numbers';
import { checkStages, stagesOfMode } from '../../domain/sales';
import { salesModes } from '../../store/sales/seed';
import { addSalesMode, addSalesStage, editSalesMode, editSalesStage, modeUse, removeSalesMode, removeSalesStage } from '../../store/sales/modes';
import type { Result } from '../../domain/core/result';
import { useWorkspace } from '../shared/context';
import { Violations } from '../shared/RecordView';
import { report } from '../shared/refusal';
import { L, lang, t } from '../i18n';

/**
 * 销售模式与阶段: each mode with its ordered stages and their default completion rate (成功率),
 * average days in the stage and conversion to the next (inputs of the quota helper). Every
 * change writes one field of one record, so two managers editing different stages both keep theirs.
 */
export function SalesModesPage() {
  const ctx = useWorkspace();
  const modes = createMemo(() => { ctx.version('salesModes')(); ctx.version('salesStages')(); return salesModes(ctx.ws); });
  const [modeId, setModeId] = createSignal<string | null>(null);
  const current = () => modeId() ?? modes()[0]?.id ?? null;
  const stages = createMemo(() => { const m = current(); return m ? stagesOfMode(ctx.live('salesStages'), m) : []; });
  const problems = createMemo(() => { const m = current(); return m ? checkStages(ctx.live('salesStages'), m) : []; });
  const editable = () => ctx.can('sales', 'approve');
  const used = (id: string) => { ctx.version('opportunities')(); ctx.version('projects')(); return modeUse(ctx.ws, id); };
  const [newMode, setNewMode] = createSignal('');
  const [draft, setDraft] = createSignal({ name: '', rate: '' });
  const [error, setError] = createSignal('');

  // a refused save shows its reason beside the table (a cleared rate, a name another mode has)
  const saved = <T,>(res: Result<T>) => { setError(res.ok ? '' : L(res.refusal.message)); return res.ok; };
  const setStage = (id: string, key: string, raw: string, numeric: boolean) => {
    const v = numeric ? asNumber(raw) : raw.trim();
    if (numeric && raw.trim() !== '' && v === null) return setError(t('sales.notNumber'));
    saved(editSalesStage(ctx.ws, id, { [key]: v === '' || v === null ? undefined : v }, ctx.userId()));
  };
  const addMode = () => {
    const name = newMode().trim();
    if (!name) return;
    const res = addSalesMode(ctx.ws, name, ctx.userId());
    if (!saved(res)) return;
    setNewMode('');
    setModeId(res.value.id);
  };
  const addStage = () => {
    const m = current();
    const d = draft();
    const rate = asNumber(d.rate);
    if (!m || !d.name.trim()) return setError(t('welcome.nameRequired'));
    if (rate === null || rate < 0 || rate > 100) return setError(t('sales.rateRange'));
    if (saved(addSalesStage(ctx.ws, m, d.name.trim(), rate, ctx.userId()))) setDraft({ name: '', rate: '' });
  };
  const removeMode = (id: string) => { if (report(removeSalesMode(ctx.ws, id))) setModeId(null); };

  return (
    <section class="page sales-modes-page">
      <h1 class="page-title">{t('nav.salesModes')}</h1>
      <p class="muted small">{t('sales.modesHint')}</p>
      <Show when={!editable()}><p class="notice">{t('sales.modesReadOnly')}</p></Show>
      <div class="split">
        <ul class="side-list">
          <For each={modes()}>{(m) => (
            <li><button class="tree-item" classList={{ active: m.id === current() }} onClick={() => setModeId(m.id)}>{lang() === 'en' ? m.nameEn : m.name}</button></li>
          )}</For>
          <Show when={editable()}>
            <li class="row-inline"><input id="new-mode" placeholder={t('sales.newMode')} value={newMode()} onInput={(e) => setNewMode(e.currentTarget.value)} />
              <button class="btn" onClick={addMode}>+</button></li>
          </Show>
        </ul>
        <div class="card grow">
          <Show when={current()} fallback={<p class="muted">{t('sales.noModes')}</p>}>{(m) => {
            const mode = () => ctx.get('salesModes', m());
            return (
              <>
                <div class="row-inline wrap">
                  <label class="field"><span class="field-label">{t('sales.modeName')}</span>
                    <input value={String(mode()?.name ?? '')} disabled={!editable()} onChange={(e) => saved(editSalesMode(ctx.ws, m(), { name: e.currentTarget.value.trim() }, ctx.userId()))} /></label>
                  <label class="field"><span class="field-label">{t('sales.modeNameEn')}</span>
                    <input value={String(mode()?.nameEn ?? '')} disabled={!editable()} onChange={(e) => saved(editSalesMode(ctx.ws, m(), { nameEn: e.currentTarget.value.trim() }, ctx.userId()))} /></label>
                  <span class="grow" />
                  <button class="btn danger" disabled={!editable()} onClick={() => removeMode(m())}>{t('sales.deleteMode')}</button>
                </div>
                <Violations list={problems()} title={t('sales.stageProblems')} />
                <Show when={error()}><p class="error-banner" role="alert">{error()}</p></Show>
                <table class="grid simple stages">
                  <thead><tr><th>{t('sales.col.order')}</th><th>{t('sales.col.stageName')}</th><th>{t('sales.col.stageNameEn')}</th><th>{t('sales.col.defaultRate')}</th>
                    <th>{t('sales.col.avgDays')}</th><th>{t('sales.col.conversion')}</th><th>{t('sales.col.inUse')}</th><th /></tr></thead>
                  <tbody>
                    <For each={stages()}>{(s) => (
                      <tr data-id={s.id}>
                        <td><input class="num-input short" value={s.order < 1e9 ? String(s.order) : ''} disabled={!editable()} onChange={(e) => setStage(s.id, 'order', e.currentTarget.value, true)} /></td>
                        <td><input value={s.name} disabled={!editable()} onChange={(e) => setStage(s.id, 'name', e.currentTarget.value, false)} /></td>
                        <td><input value={s.nameEn ?? ''} disabled={!editable()} onChange={(e) => setStage(s.id, 'nameEn', e.currentTarget.value, false)} /></td>
                        <td><input class="num-input short stage-rate" value={s.rate === null ? '' : String(s.rate)} disabled={!editable()} onChange={(e) => setStage(s.id, 'rate', e.currentTarget.value, true)} /> %</td>
                        <td><input class="num-input short" value={s.avgDays === null ? '' : String(s.avgDays)} disabled={!editable()} onChange={(e) => setStage(s.id, 'avgDays', e.currentTarget.value, true)} /></td>
                        <td><input class="num-input short" value={s.conversion === null ? '' : String(s.conversion)} disabled={!editable()} onChange={(e) => setStage(s.id, 'conversion', e.currentTarget.value, true)} /> %</td>
                        <td class="muted">{used(s.id) || ''}</td>
                        <td><button class="icon-btn" disabled={!editable()} aria-label={t('common.delete')} onClick={() => report(removeSalesStage(ctx.ws, s.id))}>×</button></td>
                      </tr>
                    )}</For>
                  </tbody>
                </table>
                <Show when={editable()}>
                  <div class="row-inline">
                    <input id="new-stage-name" placeholder={t('sales.col.stageName')} value={draft().name} onInput={(e) => setDraft({ ...draft(), name: e.currentTarget.value })} />
                    <input id="new-stage-rate" class="num-input short" placeholder={t('sales.col.defaultRate')} value={draft().rate} onInput={(e) => setDraft({ ...draft(), rate: e.currentTarget.value })} />
                    <button class="btn" onClick={addStage}>+ {t('sales.addStage')}</button>
                  </div>
                </Show>
              </>
            );
          }}</Show>
        </div>
      </div>
    </section>
  );
}
