import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import { buildTimeline, CHANGES_KIND, filterTimeline, peopleOf, type TimelineChange, type TimelineItem } from '../../domain/core/timeline';
import { fieldDefOf, fieldLabel, valueText } from '../../domain/core/history-format';
import { dateTime, day } from '../../domain/core/format';
import { addCustomerNote } from '../../store/customers/notes';
import { useWorkspace } from '../shared/context';
import { ordered, useModules, type TimelineKind } from '../shared/module';
import { useTitles } from '../shared/titles';
import { report } from '../shared/refusal';
import { notify } from '../shared/toast';
import { useHistory, useNameEnv } from '../sync/history-ui';
import { lang, t, type MessageKey } from '../i18n';
import { shownTime } from '../../store/core/clock';
import './timeline.css';

const PAGE = 50;

/**
 * 客户全貌 · 时间线: everything about the customer in one stream, newest first — each module's
 * kinds (their UI manifests' `timeline`) and the customer's own field changes (the change log) —
 * with filters by kind, person and days, and 记一笔 on top. The stream is built by the pure
 * `buildTimeline` (domain/core/timeline.ts); this component only reads and draws.
 */
export function CustomerTimeline(props: { customerId: string }) {
  const ctx = useWorkspace();
  const kinds = ordered(useModules(), 'timeline');
  const kindOf = new Map<string, TimelineKind>(kinds.map((k) => [k.kind, k]));
  const { log, version } = useHistory(ctx.ws);
  const title = useTitles();
  const env = useNameEnv();
  const [picked, setPicked] = createSignal<ReadonlySet<string>>(new Set());
  const [who, setWho] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [shown, setShown] = createSignal(PAGE);

  const changes = createMemo<TimelineChange[]>(() => {
    version();
    return log.forRecord('customers', props.customerId).filter((i) => i.kind === 'update')
      // a change stamped ahead of the clock bound (a peer's wrong clock) is placed and shown at the bound, as the history shows it
      .map((i) => ({ id: `${i.stamp[0]}.${i.stamp[1]}`, at: shownTime(i.at), by: i.by, fields: i.changes }));
  });
  const items = createMemo(() => buildTimeline(kinds, props.customerId, (e, f, v) => ctx.where(e, f, v), changes()));
  const filtered = createMemo(() => filterTimeline(items(), { kinds: picked(), who: who(), from: from(), to: to() }));
  const people = createMemo(() => peopleOf(items()));
  const filtering = () => picked().size > 0 || !!who() || !!from() || !!to();
  const toggle = (kind: string) => {
    const next = new Set(picked());
    if (next.has(kind)) next.delete(kind); else next.add(kind);
    setPicked(next);
  };
  const clear = () => { setPicked(new Set<string>()); setWho(''); setFrom(''); setTo(''); };
  const kindLabel = (kind: string) => (kind === CHANGES_KIND ? t('customer.tl.changes') : t(kindOf.get(kind)?.label ?? ('customer.tl.title' as MessageKey)));
  const chips = () => [...kinds.map((k) => k.kind), CHANGES_KIND];

  return (
    <div class="card timeline-card" data-testid="customer-timeline">
      <div class="card-head"><h2>{t('customer.tl.title')}</h2><span class="grow" /><span class="muted small">{t('customer.tl.count', { n: filtered().length })}</span></div>
      <QuickLog customerId={props.customerId} />
      <div class="timeline-filters">
        <div class="chips" role="group" aria-label={t('customer.tl.kinds')}>
          <For each={chips()}>{(k) => (
            <button type="button" class="chip-btn" data-kind={k} aria-pressed={picked().has(k)} onClick={() => toggle(k)}>{kindLabel(k)}</button>
          )}</For>
        </div>
        <div class="row-inline">
          <label>{t('customer.tl.person')}{' '}
            <select id="tl-who" value={who()} onChange={(e) => setWho(e.currentTarget.value)}>
              <option value="">{t('customer.tl.anyone')}</option>
              <For each={people()}>{(id) => <option value={id}>{title('users', id) || '?'}</option>}</For>
            </select></label>
          <label>{t('customer.tl.from')} <input id="tl-from" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
          <label>{t('customer.tl.to')} <input id="tl-to" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} /></label>
          <Show when={filtering()}><button class="btn ghost" onClick={clear}>{t('customer.tl.clear')}</button></Show>
        </div>
      </div>
      <ol class="timeline">
        <For each={filtered().slice(0, shown())} fallback={<li class="muted timeline-empty">{items().length ? t('customer.tl.none') : t('customer.tl.empty')}</li>}>{(it) => (
          <TimelineEntry item={it} kind={kindOf.get(it.kind)} label={kindLabel(it.kind)} env={env} />
        )}</For>
      </ol>
      <Show when={filtered().length > shown()}>
        <button class="btn ghost" onClick={() => setShown(shown() + PAGE)}>{t('customer.tl.more', { n: Math.min(PAGE, filtered().length - shown()) })}</button>
      </Show>
    </div>
  );
}

/** One item: when, its kind, what (a link to its page when it has one), details, who. */
function TimelineEntry(props: { item: TimelineItem; kind?: TimelineKind; label: string; env: ReturnType<typeof useNameEnv> }) {
  const ctx = useWorkspace();
  const title = useTitles();
  const it = () => props.item;
  const when = () => (it().dateOnly ? day(it().at, lang()) : dateTime(it().at, lang()));
  const href = () => (it().record && props.kind?.href ? props.kind.href(it().record!) : null);
  const def = () => ctx.def(it().entity);
  const details = () => (props.kind?.details ?? []).map((f) => {
    const v = it().record?.[f];
    if (v === undefined || v === null || v === '') return null;
    return `${fieldLabel(def(), f, lang())}: ${valueText(fieldDefOf(def(), f), v, props.env())}`;
  }).filter((x): x is string => !!x);
  return (
    <li class="timeline-item" data-kind={it().kind} data-at={it().at}>
      <span class="tl-dot" aria-hidden="true" />
      <div class="tl-body">
        <div class="tl-head">
          <span class="tl-kind">{props.label}</span>
          <time class="muted small">{when()}</time>
          <span class="muted small tl-who">{title('users', it().who)}</span>
        </div>
        <Show when={it().changes} fallback={
          <div class="tl-title">
            <Show when={href()} fallback={<span>{title(it().entity, it().record) || '—'}</span>}>
              <A href={`/w/${ctx.ws.id}/${href()}`}>{title(it().entity, it().record) || '—'}</A>
            </Show>
          </div>
        }>
          <ul class="tl-changes">
            <For each={it().changes}>{(ch) => {
              const f = () => fieldDefOf(def(), ch.field);
              return <li>{fieldLabel(def(), ch.field, lang())}: <span class="old">{valueText(f(), ch.old, props.env())}</span> → <span class="new">{valueText(f(), ch.value, props.env())}</span></li>;
            }}</For>
          </ul>
        </Show>
        <Show when={details().length}><div class="muted small tl-details">{details().join(' · ')}</div></Show>
      </div>
    </li>
  );
}

/** 记一笔: a call, a visit (the 联系方式 options) or a plain note, written through the store. */
function QuickLog(props: { customerId: string }) {
  const ctx = useWorkspace();
  const [way, setWay] = createSignal('phone');
  const [text, setText] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const ways = createMemo(() => { ctx.version('dictOptions')(); return ctx.live('dictOptions').filter((o) => o.dict === 'contactWay'); });
  const wayField = { key: 'way', label: { zh: '', en: '' }, type: 'dict' as const, dict: 'contactWay' };
  const writable = () => ctx.can('customers', 'write');
  const save = async (e: Event) => {
    e.preventDefault();
    if (!text().trim() || busy()) return;
    const res = addCustomerNote(ctx.ws, { customerId: props.customerId, text: text(), way: way() }, ctx.userId());
    if (!res.ok) { report(res); return; }
    setBusy(true);
    try { await ctx.ws.flushed(); setText(''); notify(t('customer.log.saved')); } finally { setBusy(false); }
  };
  return (
    <form class="quick-log" onSubmit={save} aria-label={t('customer.log.title')}>
      <select id="log-way" aria-label={t('customer.log.way')} value={way()} onChange={(e) => setWay(e.currentTarget.value)} disabled={!writable()}>
        <For each={ways()}>{(o) => <option value={String(o.code)}>{ctx.display(wayField, o.code)}</option>}</For>
        <option value="">{t('customer.log.note')}</option>
      </select>
      <input id="log-text" type="text" placeholder={t('customer.log.placeholder')} aria-label={t('customer.log.title')} value={text()}
        onInput={(e) => setText(e.currentTarget.value)} disabled={!writable()} maxLength={2000} />
      <button class="btn primary" type="submit" disabled={!writable() || busy() || !text().trim()}>{t('customer.log.save')}</button>
    </form>
  );
}
