import { For, Show, createMemo, createSignal } from 'solid-js';
import { A } from '@solidjs/router';
import type { BaseRecord } from '../../domain/core/record';
import type { FieldDef } from '../../domain/core/entity';
import { opportunityAmountOf, quoteTotals } from '../../domain/sales';
import { viewsOf } from '../../store/sales/quotes';
import { useWorkspace } from '../shared/context';
import { Modal } from '../shared/Modal';
import { L, t } from '../i18n';
import { DASH, money } from '../../domain/core/format';

/**
 * Drill-down (SPEC K "every figure can be drilled down to its records"): a dialog listing the
 * records behind a figure, each linking to its own page, with the sums of the money columns so the
 * figure can be checked by eye.
 */

export type DrillEntity = 'opportunities' | 'projects' | 'quotes' | 'activities' | 'contactRecords' | 'orders' | 'customers'
  | 'leads' | 'expenses' | 'marketActivities';

export interface DrillSpec {
  title: string;
  entity: DrillEntity;
  ids: readonly string[];
  /** The figure drilled into, shown under the title. */
  figure?: string;
  /** Records of other entities behind the same figure (a target's actual: orders, then opportunities without one). */
  also?: readonly { entity: DrillEntity; ids: readonly string[] }[];
}

const COLUMNS: Record<DrillEntity, string[]> = {
  opportunities: ['subject', 'customerId', 'ownerId', 'stageId', 'status', 'expectedAmount', 'rate', 'amount', 'cost', 'plannedDate'],
  projects: ['subject', 'customerId', 'ownerId', 'stageId', 'expectedAmount', 'rate', 'amount', 'cost', 'actualCost', 'actualAmount'],
  quotes: ['code', 'customerId', 'ownerId', 'date', 'status'],
  activities: ['subject', 'kind', 'customerId', 'ownerId', 'status', 'dueDate'],
  contactRecords: ['date', 'way', 'stageId', 'rate', 'expectedAmount', 'amount', 'completed', 'summary'],
  orders: ['code', 'customerId', 'ownerId', 'type', 'status', 'approvedAt', 'amount'],
  customers: ['name', 'code', 'ownerId', 'lifecycle', 'firstContact', 'phone'],
  leads: ['subject', 'customerId', 'ownerId', 'date', 'status', 'expectedAmount'],
  expenses: ['code', 'customerId', 'ownerId', 'date', 'kind', 'status', 'amount'],
  marketActivities: ['name', 'type', 'startDate', 'ownerId', 'status', 'budget'],
};

const PAGE = 200;

/** Where a record of the entity is opened; null when it has no page of its own. */
export function recordHref(wsId: string, entity: DrillEntity, rec: BaseRecord): string | null {
  switch (entity) {
    case 'opportunities': return `/w/${wsId}/opportunities/${rec.id}`;
    case 'projects': return `/w/${wsId}/projects/${rec.id}`;
    case 'quotes': return `/w/${wsId}/quotes/${rec.id}`;
    case 'orders': return `/w/${wsId}/orders/${rec.id}`;
    case 'customers': return `/w/${wsId}/customers/${rec.id}`;
    case 'leads': return `/w/${wsId}/leads?open=${rec.id}`;
    case 'expenses': return `/w/${wsId}/finance/expenses?open=${rec.id}`;
    case 'marketActivities': return `/w/${wsId}/marketing/activities/${rec.id}`;
    case 'contactRecords': return typeof rec.opportunityId === 'string' ? `/w/${wsId}/opportunities/${rec.opportunityId}` : null;
    default: return null;
  }
}

export function DrillDialog(props: { spec: DrillSpec; onClose: () => void }) {
  const parts = () => {
    const all = [{ entity: props.spec.entity, ids: props.spec.ids }, ...(props.spec.also ?? [])];
    const some = all.filter((p) => p.ids.length);
    return some.length ? some : all.slice(0, 1);
  };
  const many = () => parts().length > 1;
  const ctx = useWorkspace();
  return (
    <Modal open wide title={props.spec.title} onClose={props.onClose}>
      <div class="drill">
        <p class="muted">
          <Show when={props.spec.figure}>{props.spec.figure} · </Show>
          {t('analysis.drillCount', { n: parts().reduce((n, p) => n + p.ids.length, 0) })}
        </p>
        <For each={parts()}>{(p) => (
          <>
            <Show when={many()}><h3 class="drill-part">{L(ctx.def(p.entity).label)} · {p.ids.length}</h3></Show>
            <DrillTable entity={p.entity} ids={p.ids} onClose={props.onClose} />
          </>
        )}</For>
      </div>
    </Modal>
  );
}

/** One entity's records behind a figure, with the sums of the money columns. */
function DrillTable(props: { entity: DrillEntity; ids: readonly string[]; onClose: () => void }) {
  const ctx = useWorkspace();
  const [shown, setShown] = createSignal(PAGE);
  const def = () => ctx.def(props.entity);
  const fields = createMemo(() => COLUMNS[props.entity]
    .map((k) => def().fields.find((f) => f.key === k))
    .filter((f): f is FieldDef => !!f));
  const records = createMemo(() => props.ids.map((id) => ctx.get(props.entity, id)).filter((r): r is BaseRecord => !!r));
  const isQuote = () => props.entity === 'quotes';
  // amounts are recomputed, as the analyses do (a stored amount may be stale after a merge)
  const value = (r: BaseRecord, f: FieldDef): unknown =>
    (f.key === 'amount' && (props.entity === 'opportunities' || props.entity === 'projects') ? opportunityAmountOf(r) : r[f.key]);
  const moneyKeys = () => fields().filter((f) => f.type === 'money').map((f) => f.key);
  const sums = createMemo(() => {
    const out: Record<string, number> = {};
    for (const k of moneyKeys()) out[k] = 0;
    for (const r of records()) for (const k of moneyKeys()) {
      const v = value(r, { key: k } as FieldDef);
      if (typeof v === 'number' && Number.isFinite(v)) out[k] += v;
    }
    return out;
  });
  // a quote's totals come from its lines (rows of quoteLines)
  const totals = createMemo(() => {
    const out = new Map<string, ReturnType<typeof quoteTotals>>();
    if (!isQuote()) return out;
    ctx.version('quoteLines')();
    for (const q of viewsOf(ctx.ws, records())) out.set(q.id, quoteTotals(q.lines));
    return out;
  });
  const quoteSum = createMemo(() => {
    let amount = 0;
    let discounted = 0;
    for (const q of totals().values()) { amount += q.amount; discounted += q.discountedAmount; }
    return { amount, discounted };
  });
  const cell = (r: BaseRecord, f: FieldDef) => {
    const v = value(r, f);
    if (f.type === 'money') return typeof v === 'number' ? money(v) : DASH;
    return ctx.display(f, v) || DASH;
  };
  return (
        <Show when={records().length} fallback={<p class="empty">{t('analysis.drillEmpty')}</p>}>
          <div class="table-wrap">
            <table class="grid simple drill-table">
              <thead><tr>
                <For each={fields()}>{(f) => <th classList={{ num: ['money', 'percent', 'number'].includes(f.type) }}>{L(f.label)}</th>}</For>
                <Show when={isQuote()}><th class="num">{t('analysis.quoteAmount')}</th><th class="num">{t('analysis.discounted')}</th></Show>
              </tr></thead>
              <tbody>
                <For each={records().slice(0, shown())}>{(r) => {
                  const href = recordHref(ctx.ws.id, props.entity, r);
                  return (
                    <tr data-id={r.id}>
                      <For each={fields()}>{(f, i) => (
                        <td classList={{ num: ['money', 'percent', 'number'].includes(f.type) }}>
                          {i() === 0 && href ? <A href={href} onClick={() => props.onClose()}>{cell(r, f)}</A> : cell(r, f)}
                        </td>
                      )}</For>
                      <Show when={isQuote()}>
                        <td class="num">{money(totals().get(r.id)?.amount ?? 0)}</td>
                        <td class="num">{money(totals().get(r.id)?.discountedAmount ?? 0)}</td>
                      </Show>
                    </tr>
                  );
                }}</For>
              </tbody>
              <tfoot><tr>
                <For each={fields()}>{(f, i) => (
                  <td classList={{ num: f.type === 'money' }}>
                    {i() === 0 ? t('analysis.total') : f.type === 'money' ? money(sums()[f.key]) : ''}
                  </td>
                )}</For>
                <Show when={isQuote()}><td class="num">{money(quoteSum().amount)}</td><td class="num">{money(quoteSum().discounted)}</td></Show>
              </tr></tfoot>
            </table>
          </div>
          <Show when={records().length > shown()}>
            <button class="btn" onClick={() => setShown(shown() + PAGE * 5)}>
              {t('analysis.showMore', { n: records().length - shown() })}</button>
          </Show>
        </Show>
  );
}

/** A figure that opens its drill-down. */
export function Fig(props: { v: string; on: () => void }) {
  return <button class="fig" type="button" onClick={() => props.on()}>{props.v}</button>;
}
