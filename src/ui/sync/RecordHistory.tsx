import { For, Show, createMemo, createSignal } from 'solid-js';
import type { HistoryItem } from '../../store/sync/history';
import { referring } from '../../store/core/cascade';
import { parentsOf } from '../../domain/core/entity';
import { futureStamps } from '../../domain/core/merge';
import { MAX_SKEW_MS, shownTime } from '../../store/core/clock';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { dateTime } from '../../domain/core/format';
import { fieldDefOf, fieldLabel as labelOfField, titleText, valueText } from '../../domain/core/history-format';
import { lang, t } from '../i18n';
import { useHistory, useNameEnv } from './history-ui';
import './sync.css';

/**
 * A record's history: every change (field, old → new, who, when), values lost in a concurrent edit
 * marked. `rows`: child collections whose rows are part of the record as a person sees it (a
 * quote's lines): their changes are listed too, each named by its row ("报价明细 2").
 */
export function RecordHistory(props: { collection: string; id: string; rows?: readonly string[] }) {
  const ctx = useWorkspace();
  const { log, version } = useHistory(ctx.ws);
  const [all, setAll] = createSignal(false);
  const rowNames = new Map<string, string>();
  const env = useNameEnv();
  const items = createMemo(() => {
    version();
    const own = log.forRecord(props.collection, props.id, ctx.get(props.collection, props.id));
    if (!props.rows?.length) return own;
    const out = [...own];
    for (const child of props.rows) {
      ctx.version(child)();
      const rel = parentsOf(ctx.def(child)).find((p) => p.entity === props.collection);
      if (!rel) continue;
      for (const row of referring(ctx.ws, child, rel.field, props.id)) {
        rowNames.set(`${child}/${row.id}`, titleText(ctx.def(child), row, env(), false));
        out.push(...log.forRecord(child, row.id, row));
      }
    }
    return out.sort((a, b) => b.stamp[0] - a.stamp[0] || b.stamp[1] - a.stamp[1]);
  });
  // fields stamped further ahead than the clock may run (a device with a wrong date, or a hostile
  // one): named here, shown at the bound in the list below; an edit made now still wins over them
  const ahead = createMemo(() => {
    const r = ctx.get(props.collection, props.id);
    return r ? futureStamps(r, Date.now(), MAX_SKEW_MS) : [];
  });
  const fieldLabel = (collection: string, field: string) => (field === 'deleted' ? t('history.binField') : labelOfField(ctx.def(collection), field, lang()));
  const aheadText = () => ahead().map((f) => (f === '_c' ? t('history.createdField') : fieldLabel(props.collection, f))).join(lang() === 'zh' ? '、' : ', ');
  const title = useTitles();
  const userName = (id: string) => title('users', id) || id || '?';
  const label = (it: HistoryItem, field: string) => fieldLabel(it.collection, field);
  const text = (it: HistoryItem, field: string, v: unknown) => (field === 'deleted' && (v === true || v === false || v === null)
    ? (v === true ? t('history.inBin') : t('history.notInBin')) : valueText(fieldDefOf(ctx.def(it.collection), field), v, env()));
  const rowName = (it: HistoryItem) => (it.collection === props.collection ? '' : rowNames.get(`${it.collection}/${it.recordId}`) ?? '');
  // a row's creation and its move to or from the bin are "added" / "removed" / "restored" lines of the record
  const rowEvent = (it: HistoryItem): string => {
    if (!rowName(it)) return '';
    if (it.kind === 'create') return t('history.rowAdded');
    const del = it.changes.length === 1 ? it.changes[0] : undefined;
    return del?.field === 'deleted' ? (del.value === true ? t('history.rowRemoved') : t('history.rowRestored')) : '';
  };
  // what an added row holds: its filled fields, as on the page
  const rowContent = (it: HistoryItem): string => {
    const row = ctx.get(it.collection, it.recordId);
    const def = ctx.def(it.collection);
    if (!row || !def) return '';
    const skip = new Set([def.titleField, 'seq', ...parentsOf(def).map((p) => p.field)]);
    return def.fields.filter((f) => !skip.has(f.key) && row[f.key] !== undefined && row[f.key] !== null && row[f.key] !== '')
      .map((f) => `${labelOfField(def, f.key, lang())} ${valueText(f, row[f.key], env())}`).join(' · ');
  };
  const shown = () => (all() ? items() : items().slice(0, 20));
  return (
    <div class="card record-history no-print">
      <h2>{t('history.title')}</h2>
      <Show when={ahead().length}>
        <p class="notice warn future-stamps" role="note">⚠ {t('history.future', { fields: aheadText(), min: MAX_SKEW_MS / 60_000 })}</p>
      </Show>
      <ul class="history-list">
        <For each={shown()}>{(it: HistoryItem) => (
          <li>
            <Show when={shownTime(it.at) < it.at} fallback={<span class="muted">{dateTime(it.at, lang(), { seconds: true })}</span>}>
              <span class="future-at" title={dateTime(it.at, lang(), { seconds: true })}>≥ {dateTime(shownTime(it.at), lang(), { seconds: true })} ⚠ {t('history.futureAt')}</span>
            </Show> · <strong>{userName(it.by)}</strong>{' '}
            <Show when={rowEvent(it)} fallback={<>
              <Show when={rowName(it)}><span class="history-row">{rowName(it)}</span>{' '}</Show>
              <Show when={it.kind === 'create'}>{t('history.created')}</Show>
              <Show when={it.kind === 'purge'}>{t('history.purged')}</Show>
            </>}>
              <span classList={{ 'row-event': true, removed: rowEvent(it) === t('history.rowRemoved') }}>{rowEvent(it)} <span class="history-row">{rowName(it)}</span></span>
              <Show when={it.kind === 'create' && rowContent(it)}><div class="change muted">{rowContent(it)}</div></Show>
            </Show>
            <For each={rowEvent(it) ? [] : it.changes}>{(ch) => (
              <div classList={{ change: true, lost: ch.lost }}>
                {label(it, ch.field)}: <span class="old">{text(it, ch.field, ch.old)}</span> → <Show when={ch.lost} fallback={<span class="new">{text(it, ch.field, ch.value)}</span>}>
                  <s>{text(it, ch.field, ch.value)}</s> <span class="lost-note">({t('history.lost')})</span></Show>
              </div>
            )}</For>
          </li>
        )}</For>
      </ul>
      <Show when={items().length > 20 && !all()}><button class="btn ghost" onClick={() => setAll(true)}>{t('history.showAll', { n: items().length })}</button></Show>
    </div>
  );
}
