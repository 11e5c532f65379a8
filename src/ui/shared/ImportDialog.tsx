import { For, Show, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import type { EntityDef } from '../../domain/core/entity';
import { toCsv } from '../../domain/core/csv';
import { guessMapping, templateHeader, type ImportRow, type Mapping } from '../../domain/core/csv-import';
import { TableFileError, type TextEncoding } from '../../domain/core/table-file';
import { previewImportInSlices, writeImport } from '../../store/core/import';
import { useWorkspace } from './context';
import { Modal } from './Modal';
import { notify } from './toast';
import { download } from './download';
import { readTableFile } from './read-table';
import { L, lang, t } from '../i18n';

/**
 * Import: choose a CSV (UTF-8 or GBK, detected or chosen) or .xlsx file — read in a worker —,
 * map its columns, preview every row with its errors (checked in slices, with progress); nothing
 * is written until the user confirms, and then all valid rows are written in one transaction.
 * Rows go through the one save path's check (the entity's defaults, derived fields and rules),
 * so the preview shows what the form would store (time spent, 机会金额) and the form's messages.
 */
export function ImportDialog(props: { def: EntityDef; defaults?: Record<string, unknown>; onClose: () => void }) {
  const ctx = useWorkspace();
  const [header, setHeader] = createSignal<string[]>([]);
  const [data, setData] = createSignal<string[][]>([]);
  const [mapping, setMapping] = createSignal<Mapping>([]);
  const [lines, setLines] = createSignal<number[]>([]);
  const [fileError, setFileError] = createSignal('');
  const [busy, setBusy] = createSignal('');
  const [file, setFile] = createSignal<File | null>(null);
  const [encoding, setEncoding] = createSignal<TextEncoding>('auto');
  const [readAs, setReadAs] = createSignal('');
  const [prepared, setPrepared] = createSignal<ImportRow[]>([]);

  const readFile = async (f: File) => {
    setFile(f);
    setFileError('');
    setBusy(t('import.reading'));
    try {
      const table = await readTableFile(f, encoding(), (n) => setBusy(t('import.readingRows', { n })));
      setReadAs(table.encoding);
      setHeader(table.header);
      setLines(table.lines);
      setData(table.rows);
      setMapping(guessMapping(props.def, table.header));
    } catch (e) {
      setHeader([]); setData([]);
      setFileError(e instanceof TableFileError ? L(e.label) : String(e));
    } finally {
      setBusy('');
    }
  };

  // the rows are checked in slices after every change of file or mapping; a newer run cancels an older one
  let run = 0;
  onCleanup(() => run++);
  createEffect(on([data, mapping], async ([rows, map]) => {
    const mine = ++run;
    setPrepared([]);
    if (!rows.length) return;
    setBusy(t('import.checking', { done: 0, total: rows.length }));
    const out = await previewImportInSlices(ctx.ws, props.def, rows, map, {
      userId: ctx.userId(), fixed: props.defaults, lines: lines(), cancelled: () => mine !== run,
      onProgress: (done) => mine === run && setBusy(t('import.checking', { done, total: rows.length })),
    });
    if (out && mine === run) { setPrepared(out); setBusy(''); }
  }));
  const template = async () => {
    download(t('import.templateFile', { entity: L(props.def.label) }), await toCsv([templateHeader(props.def, lang())]));
  };
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

  /** What the list and the record page would show (names, labels, formatted money and dates), not codes. */
  const cell = (k: string, v: unknown) => {
    const f = props.def.fields.find((x) => x.key === k);
    return f ? ctx.display(f, v) : String(v ?? '');
  };
  const fieldLabel = (k: string) => L(props.def.fields.find((f) => f.key === k)?.label);
  return (
    <Modal open wide title={`${t('import.title')} · ${L(props.def.label)}`} onClose={props.onClose}
      footer={<>
        <Show when={busy()}><span class="muted import-busy" role="status"><span class="spinner" aria-hidden="true" /> {busy()}</span></Show>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={!good().length || !!busy()} onClick={confirm}>{t('import.confirm', { n: good().length })}</button>
      </>}>
      <div class="import-file row-inline wrap">
        <label class="field grow">
          <span class="field-label">{t('import.choose')}</span>
          <input type="file" id="import-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => e.currentTarget.files?.[0] && readFile(e.currentTarget.files[0])} />
        </label>
        <label class="field">
          <span class="field-label">{t('import.encoding')}</span>
          <select id="import-encoding" value={encoding()} onChange={(e) => { setEncoding(e.currentTarget.value as TextEncoding); const f = file(); if (f) void readFile(f); }}>
            <option value="auto">{t('import.encodingAuto')}</option>
            <option value="utf-8">UTF-8</option>
            <option value="gb18030">GBK / GB18030</option>
          </select>
        </label>
        <button class="btn" type="button" onClick={template}>{t('import.template')}</button>
      </div>
      <Show when={readAs() && header().length}>
        <p class="muted small import-read-as">{t('import.readAs', { as: readAs() === 'xlsx' ? 'Excel (.xlsx)' : readAs() === 'gb18030' ? 'GBK / GB18030' : 'UTF-8', n: data().length })}</p>
      </Show>
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
        {/* the preview appears once every row is checked (the footer shows the progress meanwhile) */}
        <Show when={prepared().length}>
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
      </Show>
    </Modal>
  );
}
