import { For, Show, createEffect, createMemo, createResource, createSignal } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { ALL_COLLECTIONS, ENTITIES } from '../../domain/registry';
import type { BaseRecord } from '../../domain/core/record';
import { displayName } from '../../domain/core/entity';
import { dismissPoint, listPoints, loadPoint, type RestorePoint } from '../../store/recovery/points';
import { diffSnapshot, restoreRecords, snapshotFromFile, type CollectionDiff, type RestorePick, type RestoreSource } from '../../store/recovery/restore';
import { SyncFileError } from '../../store/sync/file';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { notify } from '../shared/toast';
import { dateTime } from '../../domain/core/format';
import { lang, t, type MessageKey } from '../i18n';
import { plainText } from '../sync/state';
import { collectionLabel, pointsChanged, pointsVersion, userLabel, watch, whatHappened } from './state';
import '../sync/sync.css';
import './recovery.css';

/**
 * `revert`: whether changed records start picked — yes for an event point (its records are the
 * damaged ones); no for a daily point or a backup, whose differences are mostly later work.
 */
interface Preview { title: string; source: RestoreSource; diffs?: CollectionDiff[]; error?: string; pointId?: string; revert: boolean }

/** 系统设置 → 数据恢复: this device's restore points, and restoring records from one or from a backup file. */
export function RecoveryTab() {
  const ctx = useWorkspace();
  const [search, setSearch] = useSearchParams();
  const [points] = createResource(() => pointsVersion() + 1, () => listPoints(ctx.ws.id));
  const [preview, setPreview] = createSignal<Preview | null>(null);
  const [taking, setTaking] = createSignal(false);

  const openPoint = async (p: RestorePoint) => {
    const source: RestoreSource = { kind: 'point', at: p.at };
    setPreview({ title: t('recovery.source.point', { time: dateTime(p.at, lang(), { seconds: true }) }), source, pointId: p.id, revert: p.kind === 'event' });
    try {
      const diffs = diffSnapshot(ctx.ws, await loadPoint(p.id));
      setPreview((cur) => (cur?.source === source ? { ...cur, diffs } : cur));
    } catch (e) {
      setPreview((cur) => (cur?.source === source ? { ...cur, error: String(e) } : cur));
    }
  };
  // the warning's button names the point: open it at once
  createEffect(() => {
    const wanted = typeof search.point === 'string' ? search.point : '';
    if (!wanted) return;
    void listPoints(ctx.ws.id).then((all) => { const p = all.find((x) => x.id === wanted); if (p) void openPoint(p); });
  });
  const closePreview = () => { setPreview(null); if (search.point) setSearch({ point: undefined }); };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const { header, snapshot } = snapshotFromFile(new Uint8Array(await file.arrayBuffer()), ctx.entry, ALL_COLLECTIONS);
      const from = plainText(header.by) || '?';
      const at = Number(header.exportedAt) || 0;
      setPreview({ title: t('recovery.source.file', { from, time: dateTime(at, lang(), { seconds: true }) }), source: { kind: 'file', at, from }, diffs: diffSnapshot(ctx.ws, snapshot), revert: false });
    } catch (e) {
      const code = e instanceof SyncFileError ? e.code : 'malformed';
      notify(t(`sync.fileError.${code}` as MessageKey), 'error');
    }
  };

  const takeNow = async () => {
    const w = watch();
    if (!w) return;
    setTaking(true);
    try {
      const p = await w.daily(Date.now(), true);
      if (p) notify(t('recovery.taken', { n: Object.values(p.collections).reduce((n, c) => n + c.records, 0) }));
    } finally {
      setTaking(false);
    }
  };

  const counts = (p: RestorePoint) => Object.entries(p.collections)
    .map(([c, n]) => `${collectionLabel(c)} ${n.records}`).join(t('recovery.sep'));
  const total = (p: RestorePoint) => Object.values(p.collections).reduce((n, c) => n + c.records, 0);
  const who = (p: RestorePoint) => { ctx.version('users')(); return p.by.map((id) => userLabel(ctx.ws, id)).join(t('recovery.and')); };

  return (
    <div class="recovery">
      <section class="card sync-section">
        <h3>{t('recovery.points')}</h3>
        <p class="muted">{t('recovery.pointsHint')}</p>
        <Show when={(points() ?? []).length} fallback={<p class="muted" data-testid="no-restore-points">{t('recovery.none')}</p>}>
          <table class="sync-table restore-points">
            <thead><tr><th class="nowrap">{t('recovery.when')}</th><th>{t('recovery.kind')}</th><th class="nowrap">{t('recovery.who')}</th><th>{t('recovery.records')}</th><th /></tr></thead>
            <tbody>
              <For each={points()}>{(p) => (
                <tr classList={{ current: search.point === p.id }} data-kind={p.kind}>
                  <td class="nowrap">{dateTime(p.at, lang(), { seconds: true })}</td>
                  <td>
                    <Show when={p.kind === 'event'} fallback={t('recovery.kind.daily')}>
                      <span classList={{ warn: p.warn }}>{whatHappened(p).join(t('recovery.sep')) || t('recovery.kind.event')}</span>
                    </Show>
                  </td>
                  <td class="nowrap">{who(p) || '—'}</td>
                  <td title={counts(p)}>
                    <Show when={p.kind === 'event'} fallback={t('recovery.total', { n: total(p) })}>{counts(p)}</Show>
                  </td>
                  <td class="nowrap"><button class="btn small-btn" onClick={() => void openPoint(p)}>{t('recovery.preview')}</button></td>
                </tr>
              )}</For>
            </tbody>
          </table>
        </Show>
        <div class="row-inline">
          <button class="btn" disabled={!watch() || taking()} onClick={() => void takeNow()}>{t('recovery.takeNow')}</button>
        </div>
      </section>
      <section class="card sync-section">
        <h3>{t('recovery.fromFile')}</h3>
        <p class="muted">{t('recovery.fromFileHint')}</p>
        <label class="btn">{t('recovery.pickFile')}
          <input type="file" accept=".keyuan,application/octet-stream" style={{ display: 'none' }} data-testid="restore-records-file" onChange={(e) => void onFile(e.currentTarget)} /></label>
      </section>
      <Show when={preview()}>{(p) => <RestorePreview preview={p()} onClose={closePreview} />}</Show>
    </div>
  );
}

/** What a restore would write, per collection; the person picks, then the records are written back. */
function RestorePreview(props: { preview: Preview; onClose: () => void }) {
  const ctx = useWorkspace();
  const allowed = (c: string) => ctx.can(ENTITIES[c]?.module ?? 'org', 'write');
  const [picks, setPicks] = createSignal<Record<string, { missing: boolean; changed: boolean }>>({});
  const pick = (c: string) => picks()[c] ?? { missing: allowed(c), changed: allowed(c) && props.preview.revert };
  const set = (c: string, which: 'missing' | 'changed', on: boolean) => setPicks({ ...picks(), [c]: { ...pick(c), [which]: on } });
  const diffs = () => props.preview.diffs ?? [];
  const chosen = createMemo(() => diffs().reduce((n, d) => n + (pick(d.collection).missing ? d.missing.length : 0) + (pick(d.collection).changed ? d.changed.length : 0), 0));
  const total = (k: 'missing' | 'changed') => diffs().reduce((n, d) => n + d[k].length, 0);
  const everything = () => diffs().every((d) => !allowed(d.collection)
    || ((!d.missing.length || pick(d.collection).missing) && (!d.changed.length || pick(d.collection).changed)));
  const setAll = (on: boolean) => setPicks(Object.fromEntries(diffs().map((d) => [d.collection, { missing: on && allowed(d.collection), changed: on && allowed(d.collection) }])));
  const title = (collection: string, r: BaseRecord) => displayName(ENTITIES[collection], r) || plainText(r.id);
  const examples = (d: CollectionDiff) => [...d.missing, ...d.changed.map((c) => c.before)].slice(0, 3).map((r) => title(d.collection, r)).join(t('recovery.sep'));
  const restore = () => {
    const list: RestorePick[] = diffs().filter((d) => allowed(d.collection)).map((d) => ({ collection: d.collection, ...pick(d.collection) }));
    const written = restoreRecords(ctx.ws, diffs(), list, props.preview.source);
    const n = Object.values(written).reduce((a, b) => a + b, 0);
    notify(t('recovery.restored', { n }));
    // its warning was acted on
    if (props.preview.pointId) void dismissPoint(props.preview.pointId).then(pointsChanged);
    props.onClose();
  };
  return (
    <Modal open wide title={t('recovery.previewTitle', { source: props.preview.title })} onClose={props.onClose}
      footer={<>
        <button class="btn" onClick={props.onClose}>{t('common.cancel')}</button>
        <button class="btn primary" disabled={!chosen()} onClick={restore}>{t('recovery.restore', { n: chosen() })}</button>
      </>}>
      <div class="restore-preview" data-testid="restore-preview">
        <Show when={!props.preview.error} fallback={<p class="error-banner" role="alert">{props.preview.error}</p>}>
          <Show when={props.preview.diffs} fallback={<p class="muted">{t('recovery.loading')}</p>}>
            <Show when={diffs().length} fallback={<p class="ok-banner">{t('recovery.same')}</p>}>
              <p class="summary">{t('recovery.summary', { missing: total('missing'), changed: total('changed') })}</p>
              <table class="sync-table">
                <thead><tr>
                  <th><label><input type="checkbox" checked={everything()} onChange={(e) => setAll(e.currentTarget.checked)} /> {t('recovery.entity')}</label></th>
                  <th class="num">{t('recovery.missing')}</th><th class="num">{t('recovery.changed')}</th><th>{t('recovery.examples')}</th>
                </tr></thead>
                <tbody>
                  <For each={diffs()}>{(d) => (
                    <tr data-collection={d.collection}>
                      <td>{collectionLabel(d.collection)}<Show when={!allowed(d.collection)}> <span class="muted small">({t('recovery.noPermission')})</span></Show></td>
                      <td class="num"><label><input type="checkbox" aria-label={`${collectionLabel(d.collection)} ${t('recovery.missing')}`} disabled={!allowed(d.collection) || !d.missing.length}
                        checked={pick(d.collection).missing && d.missing.length > 0} onChange={(e) => set(d.collection, 'missing', e.currentTarget.checked)} /> {d.missing.length}</label></td>
                      <td class="num"><label><input type="checkbox" aria-label={`${collectionLabel(d.collection)} ${t('recovery.changed')}`} disabled={!allowed(d.collection) || !d.changed.length}
                        checked={pick(d.collection).changed && d.changed.length > 0} onChange={(e) => set(d.collection, 'changed', e.currentTarget.checked)} /> {d.changed.length}</label></td>
                      <td class="examples" title={examples(d)}>{examples(d)}</td>
                    </tr>
                  )}</For>
                </tbody>
              </table>
              <p class="muted small note">{t('recovery.note')}</p>
            </Show>
          </Show>
        </Show>
      </div>
    </Modal>
  );
}
