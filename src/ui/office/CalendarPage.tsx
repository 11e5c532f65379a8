import { For, Show, createMemo, createSignal } from 'solid-js';
import { A, useSearchParams } from '@solidjs/router';
import { placeItems, keyMove, stepView, viewDays, type CalendarItem, type CalendarView } from '../../domain/office/calendar';
import { asDay, todayOf } from '../../domain/sales';
import { money } from '../../domain/core/format';
import { rescheduleActivity } from '../../store/office/calendar';
import { useWorkspace } from '../shared/context';
import { useTitles } from '../shared/titles';
import { report } from '../shared/refusal';
import { t, type MessageKey } from '../i18n';
import './office.css';

const VIEWS: [CalendarView, MessageKey][] = [['month', 'cal.month'], ['week', 'cal.week'], ['day', 'cal.day']];
/** A month cell shows this many items, then "+n" (which opens the day). */
const IN_CELL = 3;
/** The kinds and their colours (office.css), shown as a legend under the grid. */
const KINDS = ['activity', 'contact', 'service', 'instalment', 'plan', 'market'] as const;
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** The records the calendar shows, as items: each kind only for a user who may read its module, within their data scope. */
function useItems(): () => CalendarItem[] {
  const ctx = useWorkspace();
  const name = useTitles();
  return createMemo(() => {
    const out: CalendarItem[] = [];
    const one = (kind: string, id: string, title: string, day: string | null, href: string, movable = false) => {
      if (day) out.push({ key: `${kind}:${id}`, kind, title: title || '—', start: day, end: day, href, movable });
    };
    if (ctx.can('sales', 'read')) {
      const writable = ctx.can('sales', 'write');
      for (const a of ctx.visible('activities')) one('activity', a.id, text(a.subject), asDay(a.dueDate), `activities?open=${a.id}`, writable && a.status !== 'done');
      for (const r of ctx.visible('contactRecords')) one('contact', r.id, text(r.summary) || name('opportunities', r.opportunityId), asDay(r.date), `opportunities/${text(r.opportunityId)}`);
    }
    if (ctx.can('service', 'read')) {
      for (const r of ctx.visible('serviceRecords')) one('service', r.id, `${name('customers', r.customerId)} · ${text(r.content)}`, asDay(r.start), `service/records?open=${r.id}`);
    }
    if (ctx.can('finance', 'read')) {
      for (const i of ctx.visible('instalments')) one('instalment', i.id, `${name('orders', i.orderId)} · ${money(Number(i.amount) || 0)}`, asDay(i.dueDate), `finance/account/${text(i.orderId)}`);
    }
    if (ctx.can('office', 'read')) {
      for (const p of ctx.visible('workPlans')) {
        const start = asDay(p.startDate);
        if (start) out.push({ key: `plan:${p.id}`, kind: 'plan', title: text(p.title) || start, start, end: asDay(p.endDate) ?? start, href: `office/plans/${p.id}` });
      }
    }
    if (ctx.can('marketing', 'read')) {
      // 市场管理: an activity over its days, a market task on its due date
      for (const a of ctx.visible('marketActivities')) {
        const start = asDay(a.startDate);
        if (start) out.push({ key: `market:${a.id}`, kind: 'market', title: text(a.name) || start, start, end: asDay(a.endDate) ?? start, href: `marketing/activities/${a.id}` });
      }
      for (const task of ctx.visible('marketTasks')) one('market', task.id, text(task.title), asDay(task.dueDate), `marketing/tasks/${task.id}`);
    }
    return out;
  });
}

/** 日历: month, week and day views of activities, contact and service records, work plans and instalments. */
export function CalendarPage() {
  const ctx = useWorkspace();
  const base = `/w/${ctx.ws.id}`;
  const [params, setParams] = useSearchParams();
  const today = todayOf(Date.now());
  const view = (): CalendarView => (params.view === 'week' || params.view === 'day' ? params.view : 'month');
  const day = () => asDay(params.day) ?? today;
  const go = (p: { view?: CalendarView; day?: string }) => setParams({ view: p.view ?? params.view, day: p.day ?? day() }, { replace: true });
  const items = useItems();
  const days = createMemo(() => viewDays(view(), day()));
  const placed = createMemo(() => placeItems(items(), days()));
  const month = () => day().slice(0, 7);
  const title = () => {
    const [y, m] = day().split('-');
    if (view() === 'month') return t('cal.monthTitle', { y, m: Number(m) });
    if (view() === 'week') return `${days()[0]} ~ ${days()[6]}`;
    return day();
  };
  const weekdays = () => t('cal.weekdays').split(',');

  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.target as HTMLElement).closest('input, select, textarea')) return;
    const next = keyMove(day(), e.key);
    if (next) { e.preventDefault(); go({ day: next }); return; }
    if (e.key === 't' || e.key === 'T') { e.preventDefault(); go({ day: today }); }
    else if (e.key === 'Enter' && (e.target as HTMLElement).classList.contains('cal-grid')) go({ view: 'day' });
  };

  // ---- dragging an activity to another day: pointer events, so a finger on a tablet works too --
  const [drag, setDrag] = createSignal<{ id: string; from: string; x: number; y: number; over: string | null; moved: boolean } | null>(null);
  let justDragged = false;
  const dayAt = (x: number, y: number) => (document.elementFromPoint(x, y)?.closest('[data-day]') as HTMLElement | null)?.dataset.day ?? null;
  const onDown = (e: PointerEvent, it: CalendarItem, from: string) => {
    if (!it.movable || e.button !== 0) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    setDrag({ id: it.key.slice('activity:'.length), from, x: e.clientX, y: e.clientY, over: null, moved: false });
  };
  const onMove = (e: PointerEvent) => {
    const d = drag();
    if (!d) return;
    const moved = d.moved || Math.abs(e.clientX - d.x) + Math.abs(e.clientY - d.y) > 6;
    setDrag({ ...d, moved, over: moved ? dayAt(e.clientX, e.clientY) : null });
  };
  const onUp = (e: PointerEvent) => {
    const d = drag();
    setDrag(null);
    if (!d?.moved) return;
    justDragged = true; // the click that follows the drop must not open the record
    setTimeout(() => { justDragged = false; }, 0);
    const to = dayAt(e.clientX, e.clientY);
    if (to && to !== d.from) report(rescheduleActivity(ctx.ws, d.id, to, ctx.userId()), t('cal.moved', { day: to }));
  };

  const Chip = (p: { it: CalendarItem; day: string }) => (
    <A href={`${base}/${p.it.href}`} class={`cal-item kind-${p.it.kind}`} classList={{ movable: !!p.it.movable, dragging: drag()?.id === p.it.key.slice(9) && !!drag()?.moved }}
      data-key={p.it.key} title={`${t(`cal.kind.${p.it.kind}` as MessageKey)} · ${p.it.title}`}
      onPointerDown={(e) => onDown(e, p.it, p.day)} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={() => setDrag(null)}
      onClick={(e) => { if (justDragged) e.preventDefault(); }} draggable={false}>
      {p.it.title}
    </A>
  );

  return (
    <section class="page office-page calendar-page">
      <div class="page-head cal-head">
        <h1 class="page-title">{t('nav.calendar')}</h1>
        <div class="cal-nav">
          <button class="btn" aria-label={t('cal.prev')} onClick={() => go({ day: stepView(view(), day(), -1) })}>‹</button>
          <button class="btn" onClick={() => go({ day: today })} title="T">{t('cal.today')}</button>
          <button class="btn" aria-label={t('cal.next')} onClick={() => go({ day: stepView(view(), day(), 1) })}>›</button>
          <b class="cal-title" data-testid="cal-title">{title()}</b>
        </div>
        <span class="grow" />
        <div class="seg-tabs" role="tablist">
          <For each={VIEWS}>{([v, label]) => (
            <button class="btn" role="tab" aria-selected={view() === v} classList={{ active: view() === v }} onClick={() => go({ view: v })}>{t(label)}</button>
          )}</For>
        </div>
      </div>
      <Show when={view() !== 'day'} fallback={<DayList items={placed().get(day()) ?? []} base={base} />}>
        <div class={`cal-grid view-${view()}`} tabindex="0" role="grid" aria-label={title()} onKeyDown={onKey} data-testid="cal-grid">
          <For each={weekdays()}>{(w) => <div class="cal-wd" role="columnheader">{w}</div>}</For>
          <For each={days()}>{(d) => {
            const list = () => placed().get(d) ?? [];
            const cap = () => (view() === 'month' ? IN_CELL : Infinity);
            return (
              <div class="cal-cell" role="gridcell" data-day={d} aria-selected={d === day()}
                classList={{ other: view() === 'month' && d.slice(0, 7) !== month(), today: d === today, selected: d === day(), over: drag()?.over === d }}
                onClick={(e) => { if (!(e.target as HTMLElement).closest('a')) go({ day: d }); }}>
                <button class="cal-date" tabindex="-1" onClick={() => go({ view: 'day', day: d })} aria-label={d}>{Number(d.slice(8))}</button>
                <For each={list().slice(0, cap())}>{(it) => <Chip it={it} day={d} />}</For>
                <Show when={list().length > cap()}>
                  <button class="cal-more" onClick={() => go({ view: 'day', day: d })}>{t('cal.more', { n: list().length - cap() })}</button>
                </Show>
              </div>
            );
          }}</For>
        </div>
      </Show>
      <div class="cal-legend muted small">
        <For each={KINDS}>{(k) => <span class={`cal-item kind-${k}`}>{t(`cal.kind.${k}` as MessageKey)}</span>}</For>
        <span>{t('cal.hint')}</span>
      </div>
    </section>
  );
}

function DayList(props: { items: CalendarItem[]; base: string }) {
  return (
    <Show when={props.items.length} fallback={<p class="muted empty-note">{t('cal.empty')}</p>}>
      <ul class="cal-day-list">
        <For each={props.items}>{(it) => (
          <li class={`kind-${it.kind}`}>
            <span class="reminder-kind">{t(`cal.kind.${it.kind}` as MessageKey)}</span>
            <A href={`${props.base}/${it.href}`}>{it.title}</A>
            <Show when={it.end !== it.start}><span class="muted small">{it.start} ~ {it.end}</span></Show>
          </li>
        )}</For>
      </ul>
    </Show>
  );
}
