import { For, Index, Show, Suspense, lazy, untrack, createEffect, createMemo, createSignal, onCleanup, onMount, type JSX } from 'solid-js';
import type { BaseRecord, RecordValues } from '../../domain/core/record';
import { displayName, type EntityDef, type FieldDef, type Label } from '../../domain/core/entity';
import { compareBy, compileFilter, type Filter } from '../../domain/core/filter';
import { malformedFields, type Errors } from '../../domain/core/validate';
import { deleteBlocker as entityDeleteBlocker } from '../../store/core/records';
import { moveToBin, type CascadeResult } from '../../store/core/cascade';
import type { Workspace } from '../../store/core/workspace';
import { descendantCodes } from '../../domain/core/dictionaries';
import { dictOptions } from '../../store/core/dictionaries';
import { useWorkspace } from './context';
import { fillIndex, searchIndex, textOf, type SearchIndex, type SearchText } from './search-text';
import type { FormHooks } from './RecordForm';
import { WhyDisabled } from './RecordView';
import { ColumnsDialog, defaultLayout, orderedKeys, useLayout } from './ColumnsDialog';
import { CategoryTree, type TreeMode } from './CategoryTree';
import { Modal } from './Modal';
import { report } from './refusal';
import { download, today } from './download';
import { L, lang, t } from '../i18n';
import { useSearchParams } from '@solidjs/router';

// the form and the history load the first time a list opens them (first-load JavaScript)
const RecordForm = lazy(() => import('./RecordForm').then((m) => ({ default: m.RecordForm })));
const RecordHistory = lazy(() => import('../sync/RecordHistory').then((m) => ({ default: m.RecordHistory })));

// dialogs opened on a click load then: the first list paints without them
const FilterDialog = lazy(async () => ({ default: (await import('./FilterDialog')).FilterDialog }));
const ImportDialog = lazy(async () => ({ default: (await import('./ImportDialog')).ImportDialog }));

const ROW_H = 30;
/** Below 600 px a row is a card (its key fields, labelled) of this height. */
const CARD_H = 78;
const CARD_FIELDS = 4;
const PHONE = '(max-width: 600px)';
/** Run in the browser's idle time (a plain timeout where there is none). */
// idle time, or 300 ms at the latest: a workspace's later groups loading after the first page left
// no idle time for seconds, and the first keystroke found the find index not even begun
const later = (fn: () => void) => (window.requestIdleCallback ? window.requestIdleCallback(fn, { timeout: 300 }) : setTimeout(fn, 200));

export interface RecordListProps {
  entity: string;
  /** Restrict to a subset (e.g. the contacts of one customer); default: every live record. */
  filterBase?: (r: BaseRecord) => boolean;
  /** Only the records whose `field` is `id` (a record page's own list: a customer's contacts), found without a scan. */
  parent?: { field: string; id: string };
  /** Values a new record starts with (e.g. its customer). */
  defaults?: RecordValues;
  /** Open a record's own page (Enter, double-click on the name); default: the edit form. */
  onOpen?: (r: BaseRecord) => void;
  /** Why a record may not be deleted, or null. */
  deleteBlocker?: (r: BaseRecord) => Label | null;
  /**
   * How the list's delete moves records to the bin: the store's generic cascade (`moveToBin`:
   * what belongs to them goes along) unless a module adds its own steps (sales back-fills parents).
   */
  toBin?: (ws: Workspace, entity: string, ids: readonly string[]) => CascadeResult;
  /** Extra toolbar buttons acting on the selected rows. */
  actions?: (selected: () => BaseRecord[]) => JSX.Element;
  /** Embedded lists (on a record page) are shorter and take no global shortcuts. */
  embedded?: boolean;
  checkDuplicates?: boolean;
  /** Derive values before saving (passed to the form). */
  prepare?: (values: RecordValues, old?: BaseRecord) => RecordValues;
  /** Extra checks and field visibility (passed to the form). */
  validate?: (values: RecordValues, old?: BaseRecord) => Errors;
  showField?: (f: FieldDef, values: RecordValues) => boolean;
  /** More form rules (live derivation, locked fields, after save), see FormHooks. */
  hooks?: FormHooks;
  /** A tone for a row (e.g. 'red' for a terminated opportunity), shown as data-tone. */
  rowTone?: (r: BaseRecord) => string | undefined;
  /** Called after the first rows are painted (the bench measures cold open with it). */
  onFirstPaint?: () => void;
  /** Columns computed from the record, not stored (an order's execution status): after the fields, display only. */
  extraColumns?: readonly ExtraColumn[];
  /** False: no "add" or import here (records made elsewhere, e.g. a delivery from its order's page). */
  addable?: boolean;
}

export interface ExtraColumn { key: string; label: string; width: number; value: (r: BaseRecord) => string; tone?: (r: BaseRecord) => string | undefined }

/** The one record list every module uses (SPEC C). */
export function RecordList(props: RecordListProps) {
  const ctx = useWorkspace();
  const def = () => ctx.def(props.entity);
  const writable = () => ctx.can(def().module, 'write');
  const addable = () => writable() && props.addable !== false;
  const extras = () => props.extraColumns ?? [];
  const version = ctx.version(props.entity);

  // ----- layout (device-local, in Dexie) -----
  const [layout, saveLayout] = useLayout(ctx.ws.id, () => props.entity, () => defaultLayout(def()));
  const columns = createMemo<FieldDef[]>(() => {
    const l = layout() ?? defaultLayout(def());
    const hidden = new Set(l.hidden);
    return orderedKeys(def(), l).filter((k) => !hidden.has(k)).map((k) => def().fields.find((f) => f.key === k)!);
  });
  const lockedCount = () => layout()?.locked ?? 1;
  const lefts = createMemo(() => {
    let x = 28;
    return columns().map((f) => { const at = x; x += f.width ?? 120; return at; });
  });

  // ----- rows: base → tree → filter → find, over rows sorted once per change -----
  const [sort, setSort] = createSignal<{ key: string; dir: 1 | -1 } | null>(null);
  const [filter, setFilter] = createSignal<Filter>({ join: 'and', conditions: [] });
  const [findField, setFindField] = createSignal('*');
  const [findText, setFindText] = createSignal('');
  const [treeSel, setTreeSel] = createSignal<string | null>(null);
  const [treeMode, setTreeMode] = createSignal<TreeMode>('deep');

  const base = createMemo(() => {
    version();
    // a rep with data scope "own" sees only their records
    const rows = props.parent ? ctx.visibleWhere(props.entity, props.parent.field, props.parent.id) : ctx.visible(props.entity);
    return props.filterBase ? rows.filter(props.filterBase) : rows;
  });
  const sorted = createMemo(() => {
    const s = sort();
    const rows = base().slice();
    if (!s) return rows.sort((a, b) => b.createdAt - a.createdAt);
    const f = def().fields.find((x) => x.key === s.key);
    if (!f) return rows;
    const cmp = compareBy(f, ctx.display);
    return rows.sort((a, b) => s.dir * cmp(a, b));
  });
  /**
   * "find" reads the lower-cased display text of each record's columns (ui/shared/search-text.ts,
   * the index the global search shares), built in idle time after the list shows (see below).
   * Other columns or another language start afresh.
   */
  let index: SearchIndex | undefined;
  const searchTexts = () => (index = searchIndex(ctx, columns(), index));
  const treeField = () => def().treeField;
  const treeCodes = createMemo(() => {
    const code = treeSel();
    if (!code || treeMode() === 'all' || !treeField()) return null;
    if (treeMode() === 'only') return new Set([code]);
    const dict = def().fields.find((f) => f.key === treeField())?.dict ?? '';
    return descendantCodes(dictOptions(ctx.ws, dict), code);
  });
  /** Tree and filter builder: recomputed when they change, not on every keystroke of "find". */
  const narrowed = createMemo(() => {
    const codes = treeCodes();
    const tf = treeField();
    const active = filter().conditions.length > 0;
    if (!codes && !active) return sorted();
    const pred = compileFilter(def(), filter(), ctx.display);
    return sorted().filter((r) => (!codes || !tf || codes.has(r[tf] as string)) && pred(r));
  });
  // typing one more letter narrows the previous result instead of scanning everything again
  let lastFind: { source: BaseRecord[]; idx: SearchIndex; needle: string; col: number; result: BaseRecord[] } | null = null;
  // while the index is still being made, "find" shows the matches among the records indexed so
  // far (the keystroke never waits for the whole build) and runs again once it is complete
  const [indexed, setIndexed] = createSignal(0);
  let filling: SearchIndex | undefined;
  const fill = (idx: SearchIndex) => {
    if (idx.complete || filling === idx) return;
    filling = idx;
    // in the list's own order: what is indexed while the build runs is the top of the list
    fillIndex(ctx, idx, () => untrack(narrowed), () => index, () => queueMicrotask(() => setIndexed((n) => n + 1)));
  };
  const indexing = () => { indexed(); return !!findText().trim() && !index?.complete; };
  const rows = createMemo(() => {
    const source = narrowed();
    const needle = findText().trim().toLowerCase();
    if (!needle) return (lastFind = null, source);
    indexed();
    const idx = searchTexts();
    const col = findField() === '*' ? -1 : idx.fields.findIndex((f) => f.key === findField());
    const matches = (text: SearchText | undefined) => !!text && (col >= 0 ? text.cols[col].includes(needle) : text.all.includes(needle));
    if (!idx.complete) untrack(() => fill(idx));
    if (!idx.complete) {
      lastFind = null;
      // the matches among the records indexed so far: the top of the list, up to the first one not
      // yet indexed (a keystroke then costs what is indexed, not a scan of every record)
      const found: BaseRecord[] = [];
      for (const r of source) {
        const text = idx.texts.get(r.id);
        if (!text) break;
        if (text.rec === r && matches(text)) found.push(r);
      }
      return found;
    }
    const from = lastFind && lastFind.source === source && lastFind.idx === idx && lastFind.col === col && needle.startsWith(lastFind.needle)
      ? lastFind.result : source;
    const result = from.filter((r) => matches(textOf(ctx, idx, r)));
    lastFind = { source, idx, needle, col, result };
    return result;
  });

  // ----- selection and focus -----
  const [selected, setSelected] = createSignal<Set<string>>(new Set());
  const [focus, setFocus] = createSignal(0);
  // a memo that skips the scan when nothing is selected: toolbars read it on every keystroke
  const selectedRecords = createMemo(() => (selected().size ? rows().filter((r) => selected().has(r.id)) : []));
  const focused = () => rows()[focus()];
  const clickRow = (e: MouseEvent, i: number) => {
    const id = rows()[i].id;
    const s = new Set(e.ctrlKey || e.metaKey ? selected() : []);
    if (e.shiftKey) {
      const [a, b] = [Math.min(focus(), i), Math.max(focus(), i)];
      rows().slice(a, b + 1).forEach((r) => s.add(r.id));
    } else if (s.has(id) && (e.ctrlKey || e.metaKey)) s.delete(id);
    else s.add(id);
    setSelected(s);
    setFocus(i);
  };
  const toggleRow = (id: string) => { const s = new Set(selected()); if (s.has(id)) s.delete(id); else s.add(id); setSelected(s); };

  // ----- virtual scrolling -----
  let scroller!: HTMLDivElement;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [viewH, setViewH] = createSignal(600);
  // a phone shows cards: the same virtual slots, taller
  const cards = phoneWidth();
  const rowH = () => (cards() ? CARD_H : ROW_H);
  // the rows in view and 5 more on each side (at the top, 5 below only: each one is refilled on a keystroke in "find")
  const top = () => Math.floor(scrollTop() / rowH());
  const first = () => Math.max(0, top() - 5);
  const visible = createMemo(() => rows().slice(first(), top() + Math.ceil(viewH() / rowH()) + 5));
  const scrollToFocus = () => {
    const y = focus() * rowH();
    if (y < scroller.scrollTop) scroller.scrollTop = y;
    else if (y + rowH() > scroller.scrollTop + scroller.clientHeight - rowH()) scroller.scrollTop = y - scroller.clientHeight + 2 * rowH();
  };
  onMount(() => {
    const ro = new ResizeObserver(() => setViewH(scroller.clientHeight));
    ro.observe(scroller);
    onCleanup(() => ro.disconnect());
  });
  let painted = false;
  createEffect(() => {
    if (painted || layout.loading || !rows()) return;
    painted = true;
    requestAnimationFrame(() => props.onFirstPaint?.());
    // index the rows for "find" while the user looks at the list (in slices: see `fill`)
    later(() => untrack(() => fill(searchTexts())));
  });

  // ----- actions -----
  const [form, setForm] = createSignal<{ record?: BaseRecord } | null>(null);
  const [dialog, setDialog] = createSignal<'filter' | 'columns' | 'import' | 'delete' | 'history' | null>(null);
  const [printing, setPrinting] = createSignal(false);
  const add = () => addable() && setForm({});
  // the global search's "new record" actions open the page's list with ?new=1: its add form opens
  const [params, setParams] = useSearchParams();
  createEffect(() => {
    if (props.embedded || !params.new) return;
    setParams({ new: undefined }, { replace: true });
    untrack(add);
  });
  const edit = (r = selectedRecords()[0] ?? focused()) => writable() && r && setForm({ record: r });
  const open = (r = focused()) => r && (props.onOpen ? props.onOpen(r) : setForm({ record: r }));
  // a link to one record of the list (提醒中心's reminders, the calendar) says ?open=<id>: it opens as soon as it is read
  createEffect(() => {
    const id = params.open;
    if (props.embedded || typeof id !== 'string') return;
    const r = ctx.get(props.entity, id);
    if (!r) return;
    setParams({ open: undefined }, { replace: true });
    untrack(() => open(r));
  });
  const askDelete = () => { if (writable() && (selectedRecords().length || focused())) setDialog('delete'); };
  const toDelete = () => (selectedRecords().length ? selectedRecords() : focused() ? [focused()!] : []);
  // the page's blocker, else the entity's rule (a quote awaiting approval)
  const blockers = createMemo(() => (dialog() === 'delete'
    ? toDelete().map((r) => ({ r, why: props.deleteBlocker?.(r) ?? entityDeleteBlocker(ctx.ws, props.entity, r, ctx.userId()) }))
    : []));
  const doDelete = () => {
    const ok = blockers().filter((b) => !b.why).map((b) => b.r);
    if (ok.length) report((props.toBin ?? moveToBin)(ctx.ws, props.entity, ok.map((r) => r.id)), t('list.deleted', { n: ok.length }));
    setSelected(new Set<string>());
    setDialog(null);
  };
  const exportCsv = async () => {
    // the CSV writer and the history load on first use: first-load JavaScript stays small
    const [{ exportRows }, { toCsv }] = await Promise.all([import('../../domain/core/csv-import'), import('../../domain/core/csv')]);
    const csv = await toCsv(exportRows(columns(), rows(), ctx.display, lang()));
    download(`${L(def().label)}-${today()}.csv`, csv);
  };
  const print = () => {
    setPrinting(true);
    requestAnimationFrame(() => { window.print(); setPrinting(false); });
  };

  // the shortcuts belong to the list: not while typing in a field outside it, nor while any
  // dialog is open (another part's: the user chooser, a palette). A focused link or button of the
  // page (the menu entry just followed) leaves them to the list.
  let root!: HTMLDivElement;
  const forList = (e: KeyboardEvent) => {
    const at = e.target as HTMLElement;
    if (root.contains(at)) return true;
    const typing = at.isContentEditable || !!at.closest?.('input,select,textarea');
    return !typing && !document.querySelector('[role="dialog"]');
  };
  const onKey = (e: KeyboardEvent) => {
    if (form() || dialog() || !forList(e)) return;
    const k = e.key.toLowerCase();
    if (e.altKey && k === 'a') { e.preventDefault(); add(); }
    else if (e.altKey && k === 'e') { e.preventDefault(); edit(); }
    else if (e.altKey && k === 'd') { e.preventDefault(); askDelete(); }
    // Enter on a button or link of the list is that button's, not "open the focused row"
    else if ((e.target as HTMLElement).closest('input,select,textarea,button,a')) return;
    else if (k === 'enter') { e.preventDefault(); open(); }
    else if (k === 'escape') { setSelected(new Set<string>()); setFindText(''); }
    else if (k === 'arrowdown' || k === 'arrowup') {
      e.preventDefault();
      setFocus(Math.max(0, Math.min(rows().length - 1, focus() + (k === 'arrowdown' ? 1 : -1))));
      setSelected(new Set([rows()[focus()]?.id].filter(Boolean) as string[]));
      scrollToFocus();
    }
  };
  // onMount: a list still suspended (not yet in the page) must not take the shortcuts
  onMount(() => {
    if (props.embedded) return;
    window.addEventListener('keydown', onKey);
    onCleanup(() => window.removeEventListener('keydown', onKey));
  });

  const cellStyle = (i: number): JSX.CSSProperties => {
    const f = columns()[i];
    const style: JSX.CSSProperties = { width: `${f.width ?? 120}px` };
    if (i < lockedCount()) Object.assign(style, { position: 'sticky', left: `${lefts()[i]}px`, 'z-index': 1 });
    return style;
  };
  const totalWidth = () => 28 + columns().reduce((s, f) => s + (f.width ?? 120), 0) + extras().reduce((s, c) => s + c.width, 0);
  // checked once per record object (records are immutable: an edit is a new object), not on
  // every refill of a row slot — a keystroke in "find" refills every visible row
  const checked = new Map<string, { rec: BaseRecord; def: EntityDef; errors: Errors }>();
  const malformed = (r: BaseRecord): Errors => {
    const d = def();
    const hit = checked.get(r.id);
    if (hit?.rec === r && hit.def === d) return hit.errors;
    const errors = malformedFields(d, r);
    checked.set(r.id, { rec: r, def: d, errors });
    return errors;
  };
  // a card's fields: the ones the definition calls key (that the layout shows), else the first columns
  const cardFields = createMemo(() => {
    const shown = columns();
    const key = def().cardFields?.map((k) => shown.find((f) => f.key === k)).filter((f): f is FieldDef => !!f) ?? [];
    return (key.length ? key : shown).slice(0, CARD_FIELDS);
  });

  return (
    <div class="record-list" ref={root} classList={{ embedded: !!props.embedded, cards: cards() }} onKeyDown={props.embedded ? onKey : undefined}>
      <div class="toolbar" role="toolbar">
        <button class="btn primary" disabled={!addable()} onClick={add} title="Alt+A">+ {t('list.add')}</button>
        <button class="btn" disabled={!writable() || !(selectedRecords().length || focused())} onClick={() => edit()} title="Alt+E">{t('list.edit')}</button>
        <button class="btn" disabled={!writable() || !(selectedRecords().length || focused())} onClick={askDelete} title="Alt+D">{t('list.delete')}</button>
        {props.actions?.(selectedRecords)}
        <Show when={!props.onOpen}>
          <button class="btn" disabled={!(selectedRecords()[0] ?? focused())} onClick={() => setDialog('history')}>{t('list.history')}</button>
        </Show>
        <span class="sep" />
        <button class="btn" classList={{ active: filter().conditions.length > 0 }} onClick={() => setDialog('filter')}>
          {t('list.filter')}{filter().conditions.length ? ` (${filter().conditions.length})` : ''}</button>
        <Show when={!props.embedded}>
          <button class="btn" disabled={!addable()} onClick={() => setDialog('import')}>{t('list.import')}</button>
        </Show>
        <button class="btn" onClick={exportCsv}>{t('list.export')}</button>
        <button class="btn" onClick={print}>{t('list.print')}</button>
        <button class="btn" onClick={() => setDialog('columns')}>{t('list.columns')}</button>
        <span class="grow" />
        <select class="find-field" aria-label={t('list.findIn')} value={findField()} onChange={(e) => setFindField(e.currentTarget.value)}>
          <option value="*">{t('list.anyColumn')}</option>
          <For each={columns()}>{(f) => <option value={f.key}>{L(f.label)}</option>}</For>
        </select>
        <input class="find" type="search" placeholder={`${t('list.find')}…`} aria-label={t('list.find')} value={findText()}
          onInput={(e) => { scroller.scrollTop = 0; setFindText(e.currentTarget.value); setFocus(0); }} />
        <WhyDisabled reasons={[!writable() && t(ctx.ws.readOnly ? 'classView.readOnlyBanner' : 'common.readonly')]} />
      </div>
      <div class="list-body">
        <Show when={treeField() && !props.embedded}>
          <CategoryTree dict={def().fields.find((f) => f.key === treeField())?.dict ?? ''} selected={treeSel()} onSelect={setTreeSel}
            mode={treeMode()} onMode={setTreeMode} />
        </Show>
        <div class="grid-scroll" ref={scroller} tabIndex={0} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <div class="grid-head" style={{ width: `${totalWidth()}px` }} role="row">
            <div class="cell check" style={{ position: 'sticky', left: '0', 'z-index': 2 }} />
            <For each={columns()}>{(f, i) => (
              <div class="cell head" role="columnheader" style={cellStyle(i())} title={L(f.label)}
                onClick={() => setSort(sort()?.key === f.key ? (sort()!.dir === 1 ? { key: f.key, dir: -1 } : null) : { key: f.key, dir: 1 })}>
                {L(f.label)}{sort()?.key === f.key ? (sort()!.dir === 1 ? ' ▲' : ' ▼') : ''}
              </div>
            )}</For>
            <For each={extras()}>{(c) => <div class="cell head" role="columnheader" style={{ width: `${c.width}px` }}>{c.label}</div>}</For>
          </div>
          <div class="grid-rows" style={{ height: `${rows().length * rowH()}px`, width: cards() ? '100%' : `${totalWidth()}px` }} role="rowgroup">
            {/* Index, not For: a keystroke in "find" refills the same row slots instead of rebuilding them */}
            <Index each={visible()}>{(r, slot) => {
              const index = () => first() + slot;
              const bad = () => Object.keys(malformed(r()));
              return (
                <div class="grid-row" role="row" data-id={r().id} data-tone={props.rowTone?.(r())}
                  classList={{ selected: selected().has(r().id), focused: focus() === index(), malformed: bad().length > 0, 'record-card': cards() }}
                  style={{ top: `${index() * rowH()}px` }}
                  onClick={(e) => clickRow(e, index())} onDblClick={() => (writable() ? edit(r()) : open(r()))}>
                  <div class="cell check" style={{ position: 'sticky', left: '0', 'z-index': 1 }}>
                    <Show when={bad().length} fallback={<input type="checkbox" aria-label="select" checked={selected().has(r().id)} onClick={(e) => { e.stopPropagation(); toggleRow(r().id); }} />}>
                      <span class="bad-mark" title={`${t('list.malformedRow')}: ${bad().map((k) => L(malformed(r())[k])).join('; ')}`}>⚠</span>
                    </Show>
                  </div>
                  <Show when={cards()} fallback={<>
                  <For each={columns()}>{(f, i) => (
                    <div class="cell" style={cellStyle(i())} classList={{ num: ['money', 'number', 'percent'].includes(f.type) }}>
                      {i() === 0 && props.onOpen
                        ? <a href="#" class="cell-link" onClick={(e) => { e.preventDefault(); e.stopPropagation(); props.onOpen!(r()); }}>{ctx.display(f, r()[f.key]) || '—'}</a>
                        : ctx.display(f, r()[f.key])}
                    </div>
                  )}</For>
                  <For each={extras()}>{(c) => <div class="cell" style={{ width: `${c.width}px` }} data-col={c.key} data-tone={c.tone?.(r())}>{c.value(r())}</div>}</For>
                  </>}>
                    {/* a card: the first key field opens the record (its page, else the form), the others labelled */}
                    <div class="rc-main">
                      <a href="#" class="rc-title cell-link" onClick={(e) => { e.preventDefault(); e.stopPropagation(); open(r()); }}>
                        {ctx.display(cardFields()[0], r()[cardFields()[0]?.key]) || displayName(def(), r()) || '—'}</a>
                      <dl class="rc-fields">
                        <For each={cardFields().slice(1)}>{(f) => (
                          <div><dt>{L(f.label)}</dt><dd classList={{ num: ['money', 'number', 'percent'].includes(f.type) }}>{ctx.display(f, r()[f.key]) || '—'}</dd></div>
                        )}</For>
                        <For each={extras()}>{(c) => <div data-col={c.key} data-tone={c.tone?.(r())}><dt>{c.label}</dt><dd>{c.value(r())}</dd></div>}</For>
                      </dl>
                    </div>
                  </Show>
                </div>
              );
            }}</Index>
          </div>
          <Show when={!rows().length}><p class="empty">{ctx.loaded(props.entity) ? t('list.empty') : t('common.loading')}</p></Show>
        </div>
      </div>
      <div class="statusbar">
        <span>{filter().conditions.length || findText() ? t('list.shown', { n: rows().length, total: base().length }) : t('list.count', { n: rows().length })}</span>
        <Show when={selected().size}><span>{t('list.selected', { n: selected().size })}</span></Show>
        <Show when={indexing()}><span class="muted" role="status">{t('list.indexing')}</span></Show>
        <Show when={!writable()}><span class="muted">{t(ctx.ws.readOnly ? 'classView.readOnlyBanner' : 'common.readonly')}</span></Show>
      </div>

      <Show when={form()}>{(fm) => (
        <Suspense><RecordForm entity={props.entity} record={fm().record} defaults={props.defaults} onClose={() => setForm(null)}
          checkDuplicates={props.checkDuplicates} prepare={props.prepare} validate={props.validate} showField={props.showField} hooks={props.hooks} /></Suspense>
      )}</Show>
      <Show when={dialog() === 'filter'}>
        <Suspense><FilterDialog def={def()} workspaceId={ctx.ws.id} initial={filter()} onApply={setFilter} onClose={() => setDialog(null)} /></Suspense>
      </Show>
      <Show when={dialog() === 'columns'}>
        <ColumnsDialog def={def()} layout={layout() ?? defaultLayout(def())} onSave={saveLayout} onClose={() => setDialog(null)} />
      </Show>
      <Show when={dialog() === 'import'}>
        <Suspense><ImportDialog def={def()} defaults={props.defaults} onClose={() => setDialog(null)} /></Suspense>
      </Show>
      <Show when={dialog() === 'delete'}>
        <Modal open title={t('list.delete')} onClose={() => setDialog(null)}
          footer={<>
            <button class="btn" onClick={() => setDialog(null)}>{t('common.cancel')}</button>
            <button class="btn danger" disabled={!blockers().some((b) => !b.why)} onClick={doDelete}>{t('common.delete')}</button>
          </>}>
          <p>{t('list.confirmDelete', { n: blockers().filter((b) => !b.why).length })}</p>
          <For each={blockers().filter((b) => b.why)}>{(b) => (
            <p class="error-banner">{t('list.cannotDelete')}:{displayName(def(), b.r)} — {L(b.why!)}</p>
          )}</For>
        </Modal>
      </Show>
      <Show when={dialog() === 'history' && (selectedRecords()[0] ?? focused())}>{(r) => (
        <Modal open wide title={`${t('list.history')} · ${displayName(def(), r())}`} onClose={() => setDialog(null)}>
          <Suspense><RecordHistory collection={props.entity} id={r().id} /></Suspense>
        </Modal>
      )}</Show>
      <Show when={printing()}>
        <table class="print-only">
          <caption>{L(def().label)} · {today()}</caption>
          <thead><tr><For each={columns()}>{(f) => <th>{L(f.label)}</th>}</For></tr></thead>
          <tbody><For each={rows()}>{(r) => <tr><For each={columns()}>{(f) => <td>{ctx.display(f, r[f.key])}</td>}</For></tr>}</For></tbody>
        </table>
      </Show>
    </div>
  );
}

/** Whether the screen is phone-sized (below 600 px), following rotation and resizing. */
function phoneWidth(): () => boolean {
  if (typeof matchMedia !== 'function') return () => false;
  const mq = matchMedia(PHONE);
  const [on, setOn] = createSignal(mq.matches);
  const change = () => setOn(mq.matches);
  mq.addEventListener('change', change);
  onCleanup(() => mq.removeEventListener('change', change));
  return on;
}
