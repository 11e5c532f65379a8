import { For, Show, createEffect, createMemo, createSignal, type JSX } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { asText, parseTags, searchArticles } from '../../domain/service';
import { dictOptions } from '../../store/core/dictionaries';
import { moveToBin } from '../../store/core/cascade';
import { RecordForm } from '../shared/RecordForm';
import { Modal } from '../shared/Modal';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { report } from '../shared/refusal';
import { dateTime } from '../../domain/core/format';
import { L, t, lang } from '../i18n';
import { ServiceGate } from './common';

/** 知识库: articles by category, found by search; service staff answer from here. */
export function KnowledgePage() {
  const ctx = useWorkspace();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = createSignal(typeof params.q === 'string' ? params.q : '');
  const [category, setCategory] = createSignal<string | null>(null);
  const [editing, setEditing] = createSignal<{ record?: BaseRecord } | null>(null);
  const [deleting, setDeleting] = createSignal<BaseRecord | null>(null);
  const writable = () => ctx.can('service', 'write');

  const articles = createMemo(() => {
    return ctx.live('knowledgeArticles').sort((a, b) => b.updatedAt - a.updatedAt);
  });
  const categories = createMemo(() => { ctx.version('dictOptions')(); return dictOptions(ctx.ws, 'kbCategory'); });
  const countIn = (code: string | null) => (code === null ? articles().length : articles().filter((a) => a.category === code).length);
  const results = createMemo(() => {
    const c = category();
    const pool = c === null ? articles() : articles().filter((a) => a.category === c);
    return searchArticles(pool, query());
  });
  const selectedId = () => (typeof params.article === 'string' ? params.article : '');
  const selected = createMemo(() => {
    const id = selectedId();
    return (id && articles().find((a) => a.id === id)) || results()[0];
  });
  const select = (id: string) => setParams({ article: id }, { replace: true });
  // an article opened by link that the current category hides: show all categories
  createEffect(() => {
    const a = articles().find((x) => x.id === selectedId());
    if (a && category() !== null && a.category !== category()) setCategory(null);
  });

  const terms = () => query().split(/[\s,，、]+/).filter((x) => x !== '');
  const categoryLabel = (code: unknown) => ctx.display({ key: 'category', type: 'dict', dict: 'kbCategory', label: { zh: '', en: '' } }, code);

  const remove = () => {
    const a = deleting();
    if (!a) return;
    const binned = report(moveToBin(ctx.ws, 'knowledgeArticles', [a.id]), t('list.deleted', { n: 1 }));
    setDeleting(null);
    if (binned) setParams({ article: undefined }, { replace: true });
  };

  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.knowledge')}</h1>
      <ServiceGate>
        <div class="kb">
          <div class="kb-bar">
            <input class="kb-search" type="search" placeholder={t('kb.searchHint')} aria-label={t('kb.search')} value={query()}
              onInput={(e) => { setQuery(e.currentTarget.value); setParams({ q: e.currentTarget.value || undefined, article: undefined }, { replace: true }); }} />
            <span class="muted">{t('kb.found', { n: results().length })}</span>
            <span class="grow" />
            <button class="btn primary" disabled={!writable()} onClick={() => setEditing({})}>+ {t('kb.new')}</button>
          </div>
          <div class="kb-body">
            <ul class="kb-cats side-list" aria-label={t('kb.categories')}>
              <li><button class="tree-item" classList={{ active: category() === null }} onClick={() => setCategory(null)}>
                {t('common.all')} <span class="muted">{countIn(null)}</span></button></li>
              <For each={categories()}>{(o) => (
                <li><button class="tree-item" classList={{ active: category() === o.code }} onClick={() => setCategory(o.code)}>
                  {L(o.label)} <span class="muted">{countIn(o.code)}</span></button></li>
              )}</For>
            </ul>
            <ul class="kb-results" aria-label={t('kb.results')}>
              <For each={results()} fallback={<li class="empty">{query() ? t('kb.noMatch') : t('kb.empty')}</li>}>{(a) => (
                <li classList={{ active: selected()?.id === a.id }}>
                  <button class="kb-item" onClick={() => select(a.id)}>
                    <b><Highlight text={String(a.title ?? '')} terms={terms()} /></b>
                    <span class="kb-meta">{categoryLabel(a.category)}
                      <For each={parseTags(a.tags)}>{(tag) => <span class="kb-tag">{tag}</span>}</For></span>
                    <span class="kb-snippet"><Highlight text={snippet(String(a.body ?? ''), terms())} terms={terms()} /></span>
                  </button>
                </li>
              )}</For>
            </ul>
            <article class="kb-article card">
              <Show when={selected()} fallback={<p class="muted">{t('kb.pick')}</p>}>{(a) => (
                <>
                  <header class="kb-article-head">
                    <h2>{String(a().title ?? '')}</h2>
                    <span class="grow" />
                    <button class="btn" disabled={!writable()} onClick={() => setEditing({ record: a() })}>{t('common.edit')}</button>
                    <button class="btn danger" disabled={!writable()} onClick={() => setDeleting(a())}>{t('common.delete')}</button>
                  </header>
                  <p class="kb-meta">{categoryLabel(a().category)}
                    <For each={parseTags(a().tags)}>{(tag) => <span class="kb-tag">{tag}</span>}</For>
                    <span class="muted">{t('kb.updated', { when: dateTime(a().updatedAt, lang()) })}</span></p>
                  <div class="kb-text svc-pre"><Highlight text={String(a().body ?? '')} terms={terms()} /></div>
                  <SourceNote serviceId={asText(a().sourceServiceId)} />
                </>
              )}</Show>
            </article>
          </div>
        </div>
        <Show when={editing()}>{(e) => (
          <RecordForm entity="knowledgeArticles" record={e().record} onClose={() => setEditing(null)}
            defaults={category() ? { category: category() } : { category: 'faq' }}
            onSaved={(r) => select(r.id)} />
        )}</Show>
        <Show when={deleting()}>{(a) => (
          <Modal open title={t('common.delete')} onClose={() => setDeleting(null)}
            footer={<>
              <button class="btn" onClick={() => setDeleting(null)}>{t('common.cancel')}</button>
              <button class="btn danger" onClick={remove}>{t('common.delete')}</button>
            </>}>
            <p>{t('kb.confirmDelete', { title: String(a().title ?? '') })}</p>
          </Modal>
        )}</Show>
      </ServiceGate>
    </section>
  );
}

/** Where an article came from: the service record, its customer and when. */
function SourceNote(props: { serviceId: string | null }) {
  const ctx = useWorkspace();
  const rec = createMemo(() => props.serviceId ? ctx.get('serviceRecords', props.serviceId) : undefined);
  const customer = () => asText(rec()?.customerId);
  const title = useTitles();
  const customerName = () => title('customers', customer());
  return (
    <Show when={props.serviceId}>
      <p class="muted small kb-source">
        {t('kb.fromService')}{' '}
        <Show when={rec()} fallback={t('kb.sourceGone')}>
          <Show when={customer()} fallback={String(rec()!.start ?? '').replace('T', ' ')}>
            <A href={`/w/${ctx.ws.id}/customers/${customer()}`}>{customerName()}</A> · {String(rec()!.start ?? '').replace('T', ' ')}
          </Show>
        </Show>
      </p>
    </Show>
  );
}

/** Some 120 characters of the body around the first term found (or its start). */
function snippet(body: string, terms: string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const low = flat.toLowerCase();
  const at = terms.map((x) => low.indexOf(x.toLowerCase())).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const from = Math.max(0, at - 30);
  const cut = flat.slice(from, from + 120);
  return (from > 0 ? '…' : '') + cut + (from + 120 < flat.length ? '…' : '');
}

/** The text with the search terms marked (as text nodes, never as HTML). */
function Highlight(props: { text: string; terms: string[] }): JSX.Element {
  const parts = createMemo(() => {
    const ts = props.terms.map((x) => x.toLowerCase()).filter((x) => x);
    if (!ts.length) return [{ s: props.text, hit: false }];
    const low = props.text.toLowerCase();
    const out: { s: string; hit: boolean }[] = [];
    let i = 0;
    while (i < props.text.length) {
      let best = -1, len = 0;
      for (const x of ts) {
        const j = low.indexOf(x, i);
        if (j >= 0 && (best < 0 || j < best || (j === best && x.length > len))) { best = j; len = x.length; }
      }
      if (best < 0) { out.push({ s: props.text.slice(i), hit: false }); break; }
      if (best > i) out.push({ s: props.text.slice(i, best), hit: false });
      out.push({ s: props.text.slice(best, best + len), hit: true });
      i = best + len;
    }
    return out;
  });
  return <For each={parts()}>{(p) => (p.hit ? <mark>{p.s}</mark> : p.s)}</For>;
}
