import { For, Show, createMemo, createSignal } from 'solid-js';
import { asNumber } from '../../domain/core/numbers';
import { checkStages, stagesOfMode } from '../../domain/sales';
import { salesModes } from '../../store/sales/seed';
import { useWorkspace } from '../shared/context';
import { Violations } from '../shared/RecordView';
import { report } from '../shared/refusal';
import { refuse } from '../../domain/core/result';
import { lang, t } from '../i18n';

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
  const stages = createMemo(() => { ctx.version('salesStages')(); const m = current(); return m ? stagesOfMode(ctx.ws.collection('salesStages').live(), m) : []; });
  const problems = createMemo(() => { ctx.version('salesStages')(); const m = current(); return m ? checkStages(ctx.ws.collection('salesStages').live(), m) : []; });
  const editable = () => ctx.can('sales', 'approve');
  const used = (id: string) => {
    ctx.version('opportunities')(); ctx.version('projects')();
    return ['opportunities', 'projects'].reduce((n, c) => n + ctx.ws.collection(c).live().filter((r) => r.modeId === id || r.stageId === id).length, 0);
  };
  const [newMode, setNewMode] = createSignal('');
  const [draft, setDraft] = createSignal({ name: '', rate: '' });
  const [error, setError] = createSignal('');

  const setStage = (id: string, key: string, raw: string, numeric: boolean) => {
    const v = numeric ? asNumber(raw) : raw.trim();
    if (numeric && raw.trim() !== '' && v === null) return setError(t('sales.notNumber'));
    if ((key === 'rate' || key === 'conversion') && typeof v === 'number' && (v < 0 || v > 100)) return setError(t('sales.rateRange'));
    setError('');
    ctx.ws.transact(() => ctx.ws.collection('salesStages').update(id, { [key]: v === '' || v === null ? undefined : v }));
  };
  const addMode = () => {
    const name = newMode().trim();
    if (!name) return;
    const id = ctx.ws.transact(() => ctx.ws.collection('salesModes').create({ name, nameEn: name, order: modes().length + 1 })).id;
    setNewMode('');
    setModeId(id);
  };
  const addStage = () => {
    const m = current();
    const d = draft();
    const rate = asNumber(d.rate);
    if (!m || !d.name.trim()) return setError(t('welcome.nameRequired'));
    if (rate === null || rate < 0 || rate > 100) return setError(t('sales.rateRange'));
    const order = Math.max(0, ...stages().map((s) => (s.order < 1e9 ? s.order : 0))) + 1;
    ctx.ws.transact(() => ctx.ws.collection('salesStages').create({ modeId: m, order, name: d.name.trim(), nameEn: d.name.trim(), rate }));
    setDraft({ name: '', rate: '' });
    setError('');
  };
  const removeStage = (id: string) => {
    const n = used(id);
    if (n) return report(refuse({ zh: t('sales.stageInUse', { n }), en: t('sales.stageInUse', { n }) }));
    ctx.ws.transact(() => ctx.ws.collection('salesStages').remove(id));
  };
  const removeMode = (id: string) => {
    const n = used(id);
    if (n) return report(refuse({ zh: t('sales.modeInUse', { n }), en: t('sales.modeInUse', { n }) }));
    ctx.ws.transact(() => {
      ctx.ws.collection('salesModes').remove(id);
      for (const s of stagesOfMode(ctx.ws.collection('salesStages').live(), id)) ctx.ws.collection('salesStages').remove(s.id);
    });
    setModeId(null);
  };

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
            const mode = () => ctx.ws.collection('salesModes').get(m());
            return (
              <>
                <div class="row-inline wrap">
                  <label class="field"><span class="field-label">{t('sales.modeName')}</span>
                    <input value={String(mode()?.name ?? '')} disabled={!editable()} onChange={(e) => ctx.ws.transact(() => ctx.ws.collection('salesModes').update(m(), { name: e.currentTarget.value.trim() }))} /></label>
                  <label class="field"><span class="field-label">{t('sales.modeNameEn')}</span>
                    <input value={String(mode()?.nameEn ?? '')} disabled={!editable()} onChange={(e) => ctx.ws.transact(() => ctx.ws.collection('salesModes').update(m(), { nameEn: e.currentTarget.value.trim() }))} /></label>
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
                        <td><button class="icon-btn" disabled={!editable()} aria-label={t('common.delete')} onClick={() => removeStage(s.id)}>×</button></td>
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
