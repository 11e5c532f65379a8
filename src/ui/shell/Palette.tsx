import { For, Show, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import { Dialog } from '@kobalte/core/dialog';
import { useNavigate } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { displayName, type FieldDef } from '../../domain/core/entity';
import { rank, recentKey, terms, type RecentItem } from '../../domain/core/search';
import { loadRecent, rememberRecent } from '../../store/core/recent';
import { useWorkspace } from '../shared/context';
import { navGroups, ordered, useModules, type SearchSource } from '../shared/module';
import { searchIndex, textOf, type SearchIndex } from '../shared/search-text';
import { L, lang, t } from '../i18n';

/** One line of the palette: what it shows and what choosing it does. */
interface Entry { key: string; group: 'recent' | 'records' | 'pages' | 'actions'; title: string; sub: string; go: () => void }

const RECORDS = 8, PAGES = 5, ACTIONS = 4;

/**
 * The global search and command palette (Ctrl+K / ⌘K, the top bar's 搜索): records of every
 * module the manifests declare (`search`), the navigation's pages and the modules' "new record"
 * actions (`actions`); with nothing typed, what this device opened last. ↑↓ move, Enter opens,
 * Escape closes and focus goes back where it was (Kobalte's dialog).
 */
export function Palette(props: { onClose: () => void }) {
  const ctx = useWorkspace();
  const modules = useModules();
  const navigate = useNavigate();
  const base = `/w/${ctx.ws.id}`;
  const [query, setQuery] = createSignal('');
  const [active, setActive] = createSignal(0);
  const [recent] = createResource(() => loadRecent(ctx.ws.id));
  // closed, focus goes back where it was (the search button, a list): the dialog is removed, not closed, so say it here
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  onCleanup(() => queueMicrotask(() => { if (opener?.isConnected && !document.querySelector('[role=dialog]')) opener.focus(); }));

  const go = (path: string, remember?: RecentItem) => {
    props.onClose();
    navigate(path ? `${base}/${path}` : base);
    if (remember) void rememberRecent(ctx.ws.id, remember);
  };

  // ----- records: each source's fields, through the lists' search text (one index per source) -----
  const sources = modules.flatMap((m) => m.search ?? []);
  const sourceOf = new Map(sources.map((s) => [s.entity, s]));
  const fieldsOf = new Map<string, FieldDef[]>();
  const indexes = new Map<string, SearchIndex>();
  const fields = (s: SearchSource) => {
    const def = ctx.def(s.entity);
    let f = fieldsOf.get(s.entity);
    if (!f || f.some((x) => !def.fields.includes(x))) fieldsOf.set(s.entity, (f = s.fields.map((k) => def.fields.find((x) => x.key === k)!).filter(Boolean)));
    return f;
  };
  const recordEntry = (s: SearchSource, r: BaseRecord, group: Entry['group']): Entry => {
    const def = ctx.def(s.entity);
    const more = fields(s).slice(1).map((f) => ctx.display(f, r[f.key])).filter(Boolean);
    return {
      key: `r:${s.entity}:${r.id}`, group, title: displayName(def, r, lang()) || '—', sub: [L(def.label), ...more].join(' · '),
      go: () => go(s.open(r), { kind: 'record', entity: s.entity, id: r.id }),
    };
  };
  const records = (q: string): Entry[] => {
    const candidates = sources.flatMap((s) => {
      if (!ctx.can(ctx.def(s.entity).module, 'read')) return [];
      const idx = searchIndex(ctx, fields(s), indexes.get(s.entity));
      indexes.set(s.entity, idx);
      return ctx.visible(s.entity).map((r) => ({ item: { s, r }, texts: textOf(ctx, idx, r).cols }));
    });
    return rank(q, candidates, RECORDS).map(({ item }) => recordEntry(item.s, item.r, 'records'));
  };

  // ----- pages (the navigation) and actions (new records) -----
  const pages = navGroups(modules).flatMap((g) => g.items.map((item) => ({ item, group: g.group })));
  const pageEntry = (p: (typeof pages)[number], group: Entry['group']): Entry => ({
    key: `p:${p.item.path}`, group, title: t(p.item.label), sub: t(p.group.label),
    go: () => go(p.item.path, { kind: 'page', path: p.item.path }),
  });
  const actions = () => ordered(modules, 'actions').filter((a) => ctx.can(ctx.def(a.entity).module, 'write'));
  const actionEntry = (a: ReturnType<typeof actions>[number]): Entry => ({
    key: `a:${a.entity}`, group: 'actions', title: t(a.label), sub: L(ctx.def(a.entity).label), go: () => go(`${a.path}?new=1`),
  });

  const recentEntries = (): Entry[] => (recent() ?? []).flatMap((r): Entry[] => {
    if (r.kind === 'page') { const p = pages.find((x) => x.item.path === r.path); return p ? [pageEntry(p, 'recent')] : []; }
    const s = sourceOf.get(r.entity);
    const rec = ctx.get(r.entity, r.id);
    return s && rec && !rec.deleted && !ctx.outOfScope(r.entity, rec) ? [{ ...recordEntry(s, rec, 'recent'), key: recentKey(r) }] : [];
  });

  const entries = createMemo((): Entry[] => {
    const q = query();
    if (!terms(q).length) return [...recentEntries(), ...actions().slice(0, ACTIONS).map(actionEntry)];
    const byText = <T,>(items: T[], text: (x: T) => string[], limit: number) =>
      rank(q, items.map((item) => ({ item, texts: text(item).map((s) => s.toLowerCase()) })), limit).map((r) => r.item);
    return [
      ...records(q),
      ...byText(pages, (p) => [t(p.item.label), p.item.path], PAGES).map((p) => pageEntry(p, 'pages')),
      ...byText(actions(), (a) => [t(a.label), L(ctx.def(a.entity).label)], ACTIONS).map(actionEntry),
    ];
  });
  const clamp = (i: number) => { const n = entries().length; return n ? (i + n) % n : 0; };
  const current = () => Math.min(active(), Math.max(0, entries().length - 1));
  let list!: HTMLUListElement;
  const move = (by: number) => {
    setActive(clamp(current() + by));
    list.querySelector(`[data-index="${current()}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Enter') { e.preventDefault(); entries()[current()]?.go(); }
  };
  const groupTitle = { recent: 'shell.recent', records: 'shell.records', pages: 'shell.pages', actions: 'shell.actions' } as const;

  return (
    <Dialog open onOpenChange={(o) => !o && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay class="modal-overlay" />
        <div class="modal-positioner palette-positioner">
          <Dialog.Content class="modal palette" aria-label={t('shell.search')}>
            <Dialog.Title class="sr-only">{t('shell.search')}</Dialog.Title>
            <input class="palette-input" type="search" role="combobox" aria-expanded="true" aria-controls="palette-list" aria-autocomplete="list"
              aria-activedescendant={entries().length ? `palette-${current()}` : undefined}
              placeholder={t('shell.searchPlaceholder')} aria-label={t('shell.search')} value={query()}
              onInput={(e) => { setQuery(e.currentTarget.value); setActive(0); }} onKeyDown={onKey} />
            <ul class="palette-list" id="palette-list" role="listbox" ref={list}>
              <For each={entries()}>{(e, i) => (
                <>
                  <Show when={i() === 0 || entries()[i() - 1].group !== e.group}>
                    <li class="palette-group" role="presentation">{t(groupTitle[e.group])}</li>
                  </Show>
                  <li class="palette-item" role="option" id={`palette-${i()}`} data-index={i()} data-key={e.key} aria-selected={current() === i()}
                    onMouseMove={() => setActive(i())} onClick={() => e.go()}>
                    <span class="palette-title">{e.title}</span>
                    <span class="palette-sub">{e.sub}</span>
                  </li>
                </>
              )}</For>
            </ul>
            <Show when={!entries().length && terms(query()).length}>
              <p class="palette-empty">{t('shell.noResults', { q: query().trim() })}</p>
            </Show>
            <p class="palette-help">{t('shell.searchHelp')}</p>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
