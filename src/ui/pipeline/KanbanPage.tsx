import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import { asDay, funnel, opportunityAmountOf, sortRecords, todayOf, type FunnelRow } from '../../domain/sales';
import { contactRecordsOf, userDepartments } from '../../store/analysis/pipeline';
import { useTitles } from '../shared/titles';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { L, t } from '../i18n';
import {
  NoModes, PipelineFilters, departmentSubtree, inDepartments, stageName,
  useModeId, useModes, useParam, useStages,
} from '../analysis/filters';
import { DASH, money, num, pct } from '../../domain/core/format';
import { MoveDialog } from './MoveDialog';
import { Guard } from '../analysis/Guard';

const PER_COLUMN = 40;

/**
 * 销售看板: the active opportunities of one sales mode by stage, with count and amounts per column
 * (the funnel's own buckets, so board and funnel always agree). A card moves by drag and drop, by
 * its "move" button, or from the keyboard (Shift+← / Shift+→ on a focused card); every move asks
 * for the contact record it creates (MoveDialog).
 */
function Kanban() {
  const ctx = useWorkspace();
  const p = useParam();
  const modes = useModes();
  const modeId = useModeId();
  const stages = useStages(modeId);
  const today = todayOf(Date.now());
  const [move, setMove] = createSignal<{ oppId: string; stageId: string } | null>(null);
  const [peek, setPeek] = createSignal<string | null>(null);
  const [dragging, setDragging] = createSignal<string | null>(null);
  const [over, setOver] = createSignal<string | null>(null);
  const [more, setMore] = createSignal<Record<string, number>>({});

  const board = createMemo(() => {
    ctx.version('customers')(); ctx.version('users')(); // read below in bulk, and by userDepartments
    const dept = p.get('dept');
    let opps = inDepartments(ctx.visible('opportunities'), dept ? departmentSubtree(ctx.ws, dept) : null, userDepartments(ctx.ws));
    const needle = p.get('q').trim().toLowerCase();
    if (needle) {
      const customers = ctx.ws.collection('customers');
      opps = opps.filter((o) => String(o.subject ?? '').toLowerCase().includes(needle)
        || String(customers.get(String(o.customerId ?? ''))?.name ?? '').toLowerCase().includes(needle));
    }
    const f = funnel(opps, ctx.live('salesStages'), modeId(), {
      filter: { ownerId: p.get('owner') || undefined, from: p.get('from') || undefined, to: p.get('to') || undefined },
    });
    const col = ctx.ws.collection('opportunities');
    const cards = (ids: string[]) => ids.map((id) => col.get(id)).filter((o): o is BaseRecord => !!o)
      .sort((a, b) => (asDay(a.plannedDate) ?? '9999').localeCompare(asDay(b.plannedDate) ?? '9999') || (a.id < b.id ? -1 : 1));
    return { rows: f.rows.map((r) => ({ row: r, cards: cards(r.ids) })), unstaged: f.unstaged, total: f.total };
  });

  const writable = () => ctx.can('sales', 'write');
  const neighbour = (stageId: unknown, step: number) => {
    const list = stages();
    const i = list.findIndex((s) => s.id === stageId);
    return i < 0 ? undefined : list[i + step];
  };
  const askMove = (oppId: string, stageId: string | undefined) => {
    if (!writable() || !stageId) return;
    const o = ctx.get('opportunities', oppId);
    if (o && o.stageId !== stageId) setMove({ oppId, stageId });
  };
  const name = useTitles();

  const Column = (props: { row: FunnelRow; cards: BaseRecord[] }) => {
    const limit = () => more()[props.row.stageId] ?? PER_COLUMN;
    return (
      <section class="kanban-col" classList={{ 'drop-target': over() === props.row.stageId }} data-stage={props.row.stageId}
        aria-label={stageName(props.row)}
        onDragOver={(e) => { if (dragging()) { e.preventDefault(); setOver(props.row.stageId); } }}
        onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null); }}
        onDrop={(e) => {
          e.preventDefault();
          const id = e.dataTransfer?.getData('text/plain') || dragging();
          setOver(null); setDragging(null);
          if (id) askMove(id, props.row.stageId);
        }}>
        <header class="kanban-head">
          <h2>{stageName(props.row)}</h2>
          <div class="kanban-figs">
            <span class="kanban-count" title={t('analysis.count')}>{num(props.row.count)}</span>
            <span title={t('analysis.amount')}>{money(props.row.amount, 0)}</span>
            <span class="muted" title={t('analysis.weighted')}>{t('analysis.weightedShort')} {money(props.row.weighted, 0)}</span>
          </div>
        </header>
        <ul class="kanban-cards">
          <For each={props.cards.slice(0, limit())}>{(o) => {
            const late = () => { const d = asDay(o.plannedDate); return d !== null && d < today; };
            return (
              <li class="kanban-card" tabIndex={0} draggable={writable()} data-id={o.id}
                classList={{ dragging: dragging() === o.id }}
                aria-label={String(o.subject ?? '')}
                onDragStart={(e) => { e.dataTransfer?.setData('text/plain', o.id); if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move'; setDragging(o.id); }}
                onDragEnd={() => { setDragging(null); setOver(null); }}
                onClick={(e) => { if (!(e.target as HTMLElement).closest('a,button')) setPeek(o.id); }}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget) return;
                  if (e.key === 'Enter') { e.preventDefault(); setPeek(o.id); }
                  else if (e.shiftKey && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
                    e.preventDefault();
                    askMove(o.id, neighbour(o.stageId, e.key === 'ArrowRight' ? 1 : -1)?.id);
                  }
                }}>
                <A class="card-title" href={`/w/${ctx.ws.id}/opportunities/${o.id}`}>{String(o.subject ?? DASH)}</A>
                <div class="card-line muted">{name('customers', o.customerId) || DASH}</div>
                <div class="card-line">
                  <b>{money(typeof o.expectedAmount === 'number' ? o.expectedAmount : null, 0)}</b>
                  <span class="muted">× {pct(typeof o.rate === 'number' ? o.rate : null)} = {money(opportunityAmountOf(o), 0)}</span>
                </div>
                <div class="card-line small">
                  <span class="muted">{name('users', o.ownerId)}</span>
                  <span classList={{ late: late() }} title={t('pipeline.plannedDate')}>{asDay(o.plannedDate) ?? DASH}</span>
                </div>
                <Show when={writable()}>
                  <button class="btn small-btn card-move" type="button" onClick={() => askMove(o.id, neighbour(o.stageId, 1)?.id ?? neighbour(o.stageId, -1)?.id)}>
                    {t('pipeline.moveTo')}</button>
                </Show>
              </li>
            );
          }}</For>
        </ul>
        <Show when={props.cards.length > limit()}>
          <button class="btn more" onClick={() => setMore({ ...more(), [props.row.stageId]: limit() + PER_COLUMN * 5 })}>
            {t('analysis.showMore', { n: props.cards.length - limit() })}</button>
        </Show>
        <Show when={!props.cards.length}><p class="empty small">{t('pipeline.emptyColumn')}</p></Show>
      </section>
    );
  };

  return (
    <section class="page kanban-page">
      <div class="page-head">
        <h1 class="page-title">{t('nav.pipeline')}</h1>
        <span class="grow" />
        <A class="btn" href={`/w/${ctx.ws.id}/analysis/funnel`}>{t('nav.funnel')}</A>
      </div>
      <div class="filter-bar">
        <PipelineFilters />
        <label class="filter-item">
          <span>{t('list.find')}</span>
          <input type="search" aria-label={t('list.find')} value={p.get('q')} onInput={(e) => p.set({ q: e.currentTarget.value })} />
        </label>
      </div>
      <NoModes when={!modes().length} />
      <Show when={modeId()}>
        <p class="muted small">
          {t('pipeline.totals', { n: board().total.count, amount: money(board().total.amount), weighted: money(board().total.weighted) })}
          <Show when={board().unstaged.count}> · {t('pipeline.unstagedNote', { n: board().unstaged.count })}</Show>
          {' · '}{t('pipeline.keyboardHint')}
        </p>
        <div class="kanban" role="list">
          <For each={board().rows}>{(c) => <Column row={c.row} cards={c.cards} />}</For>
        </div>
      </Show>
      <Show when={move()}>{(m) => <MoveDialog oppId={m().oppId} stageId={m().stageId} onClose={() => setMove(null)} />}</Show>
      <Show when={peek()}>{(id) => (
        <OppPeek oppId={id()} onClose={() => setPeek(null)}
          onMove={(stageId) => { setPeek(null); askMove(id(), stageId); }} />
      )}</Show>
    </section>
  );
}

/** A card's summary and its contact records (the trail the board's moves leave). */
function OppPeek(props: { oppId: string; onClose: () => void; onMove: (stageId: string) => void }) {
  const ctx = useWorkspace();
  const opp = createMemo(() => ctx.get('opportunities', props.oppId));
  const records = createMemo(() => { ctx.version('contactRecords')(); return sortRecords(contactRecordsOf(ctx.ws, props.oppId)).reverse(); });
  const stages = useStages(() => String(opp()?.modeId ?? ''));
  const def = () => ctx.def('opportunities');
  const show = (key: string) => {
    const f = def().fields.find((x) => x.key === key);
    const o = opp();
    return f && o ? ctx.display(f, key === 'amount' ? opportunityAmountOf(o) : o[key]) || DASH : DASH;
  };
  const stageOf = (id: unknown) => { const s = stages().find((x) => x.id === id); return s ? stageName(s) : DASH; };
  return (
    <Modal open wide title={String(opp()?.subject ?? '')} onClose={props.onClose}
      footer={<>
        <A class="btn" href={`/w/${ctx.ws.id}/opportunities/${props.oppId}`} onClick={props.onClose}>{t('pipeline.openOpportunity')}</A>
        <span class="grow" />
        <label class="row-inline">
          <span>{t('pipeline.moveTo')}</span>
          <select aria-label={t('pipeline.moveTo')} value="" disabled={!ctx.can('sales', 'write')}
            onChange={(e) => { const v = e.currentTarget.value; if (v) props.onMove(v); }}>
            <option value="">{t('form.pick')}</option>
            <For each={stages()}>{(s) => <option value={s.id} disabled={s.id === opp()?.stageId}>{stageName(s)}</option>}</For>
          </select>
        </label>
      </>}>
      <dl class="fields peek-fields">
        <For each={['customerId', 'ownerId', 'stageId', 'rate', 'expectedAmount', 'amount', 'cost', 'startDate', 'plannedDate']}>{(k) => (
          <div data-field={k}><dt>{L(def().fields.find((f) => f.key === k)?.label)}</dt><dd>{show(k)}</dd></div>
        )}</For>
      </dl>
      <h3>{t('pipeline.contactRecords')}</h3>
      <Show when={records().length} fallback={<p class="muted">{t('pipeline.noRecords')}</p>}>
        <table class="grid simple peek-records">
          <thead><tr>
            <th>{t('pipeline.recordDate')}</th><th>{t('analysis.stage')}</th><th class="num">{t('pipeline.rate')}</th>
            <th class="num">{t('analysis.amount')}</th><th>{t('pipeline.completed')}</th><th>{t('pipeline.summary')}</th>
          </tr></thead>
          <tbody>
            <For each={records()}>{(r) => (
              <tr data-id={String(r.id)}>
                <td>{asDay(r.date) ?? DASH}</td><td>{stageOf(r.stageId)}</td>
                <td class="num">{pct(typeof r.rate === 'number' ? r.rate : null)}</td>
                <td class="num">{money(typeof r.expectedAmount === 'number' ? r.expectedAmount : null)}</td>
                <td>{r.completed === true ? t('common.yes') : t('common.no')}</td>
                <td class="wrap">{String(r.summary ?? '')}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </Show>
    </Modal>
  );
}

export default function KanbanPage() {
  return <Guard module="sales"><Kanban /></Guard>;
}
