import { For, Show, createMemo, createSignal } from 'solid-js';
import type { EntityDef } from '../../domain/core/entity';
import { parseCsv } from '../../domain/core/csv';
import { guessMapping, type ImportRow, type Mapping } from '../../domain/core/csv-import';
import { previewImport, writeImport } from '../../store/core/import';
import { useWorkspace } from './context';
import { Modal } from './Modal';
import { notify } from './toast';
import { L, t } from '../i18n';

/**
 * CSV import: choose a file, map its columns, preview every row with its errors; nothing is
 * written until the user confirms, and then all valid rows are written in one transaction.
 * Rows go through the one save path's check (the entity's defaults, derived fields and rules),
 * so the preview shows what the form would store (time spent, 机会金额) and the form's messages.
 */
export function ImportDialog(props: { def: EntityDef; defaults?: Record<string, unknown>; onClose: () => void }) {
  const ctx = useWorkspace();
  const [header, setHeader] = createSignal<string[]>([]);
  const [data, setData] = createSignal<string[][]>([]);
  const [mapping, setMapping] = createSignal<Mapping>([]);
  const [fileError, setFileError] = createSignal('');
  const [busy, setBusy] = createSignal('');

  const readFile = async (file: File) => {
    const rows = parseCsv(await file.text());
    if (rows.length < 2) { setFileError(t('import.empty')); return; }
    setFileError('');
    setHeader(rows[0]);
    setData(rows.slice(1));
    setMapping(guessMapping(props.def, rows[0]));
  };

  const prepared = createMemo<ImportRow[]>(() => {
    if (!data().length) return [];
    return previewImport(ctx.ws, props.def, data(), mapping(), ctx.userId(), props.defaults);
  });
  /** Mapped columns, then the fields the defaults and rules filled (客户类型, 业务员, 花费时间, 机会金额). */
  const columns = createMemo(() => {
    const mapped = mapping().filter((m): m is string => !!m);
    const seen = new Set(mapped);
    const filled = props.def.fields.map((f) => f.key)
      .filter((k) => !seen.has(k) && prepared().slice(0, 200).some((r) => r.values[k] !== undefined));
    return [...mapped, ...filled];
  });
  const good = () => prepared().filter((r) => !Object.keys(r.errors).length);
  const bad = () => prepared().filter((r) => Object.keys(r.errors).length);

  const confirm = async () => {
    const rows = good();
    setBusy(t('import.progress', { done: 0, total: rows.length }));
    await new Promise((r) => setTimeout(r, 0)); // let the progress paint before the single write
    const n = writeImport(ctx.ws, props.def, rows, ctx.userId());
    notify(t('import.done', { n }));
    props.onClose();
  };

  const cell = (k: string, v: unknown) => {
    const f = props.def.fields.find((x) => x.key === k);
    return f && (f.type === 'ref' || f.type === 'dict') ? ctx.display(f, v) : String(v ?? '');
  };
  const fieldLabel = (k: string) => L(props.def.fields.find((f) => f.key === k)?.label);
  return (
    <Modal open wide title={`${t('import.title')} · ${L(props.def.label)}`} onClose={props.onClose}
      footer={<>
        <Show when={busy()}><span class="muted" role="status">{busy()}</span></Show>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={!good().length || !!busy()} onClick={confirm}>{t('import.confirm', { n: good().length })}</button>
      </>}>
      <label class="field">
        <span class="field-label">{t('import.choose')}</span>
        <input type="file" accept=".csv,text/csv" onChange={(e) => e.currentTarget.files?.[0] && readFile(e.currentTarget.files[0])} />
      </label>
      <Show when={fileError()}><p class="error-banner" role="alert">{fileError()}</p></Show>
      <Show when={header().length}>
        <h4>{t('import.mapping')}</h4>
        <div class="mapping-grid">
          <For each={header()}>{(h, i) => (
            <label class="field">
              <span class="field-label">{h}</span>
              <select value={mapping()[i()] ?? ''} onChange={(e) => setMapping(mapping().map((m, j) => (j === i() ? e.currentTarget.value || null : m)))}>
                <option value="">{t('import.skip')}</option>
                <For each={props.def.fields.filter((f) => !f.readOnly)}>{(f) => <option value={f.key}>{L(f.label)}</option>}</For>
              </select>
            </label>
          )}</For>
        </div>
        <h4>{t('import.preview')} · <span class="import-summary">{t('import.rowsOk', { ok: good().length, bad: bad().length })}</span></h4>
        <Show when={bad().length}><p class="warn">{t('import.onlyValid')}</p></Show>
        <div class="preview-wrap">
          <table class="grid preview">
            <thead><tr><th>{t('import.line')}</th>
              <For each={columns()}>{(k) => <th>{fieldLabel(k)}</th>}</For>
              <th>{t('import.errors')}</th></tr></thead>
            <tbody>
              <For each={prepared().slice(0, 200)}>{(r) => (
                <tr classList={{ 'row-error': Object.keys(r.errors).length > 0 }}>
                  <td>{r.line}</td>
                  <For each={columns()}>{(k) => <td>{cell(k, r.values[k])}</td>}</For>
                  <td class="error-cell">{Object.values(r.errors).map(L).join(';')}</td>
                </tr>
              )}</For>
            </tbody>
          </table>
        </div>
      </Show>
    </Modal>
  );
}
