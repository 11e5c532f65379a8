import { For, Show, createMemo, createSignal } from 'solid-js';
import { t } from '../i18n';
import { Fig } from './Drill';
import { money, num, pct } from '../../domain/core/format';

/**
 * The table of a grouped report (opportunity, project, product-quote analysis): one row per group
 * plus the total row; every figure is a button that drills down to the records behind it. Columns
 * sort on click; long reports (20,000 customers) show in pages.
 */

export interface ReportCol<R> {
  key: string;
  label: string;
  kind: 'money' | 'pct' | 'int';
  get: (r: R) => number | null;
}

const FORMAT = { money, pct, int: num } as const;
const PAGE = 200;

export function ReportTable<R extends { ids: string[] }>(props: {
  testid: string;
  nameHeader: string;
  name: (r: R) => string;
  cols: ReportCol<R>[];
  rows: R[];
  total: R;
  onDrill: (r: R, label: string, figure: string) => void;
}) {
  const [sort, setSort] = createSignal<{ key: string; dir: 1 | -1 } | null>(null);
  const [shown, setShown] = createSignal(PAGE);
  const sorted = createMemo(() => {
    const s = sort();
    if (!s) return props.rows;
    if (s.key === '_name') return [...props.rows].sort((a, b) => s.dir * props.name(a).localeCompare(props.name(b)));
    const col = props.cols.find((c) => c.key === s.key);
    if (!col) return props.rows;
    // missing figures ("—") sort last whichever the direction
    return [...props.rows].sort((a, b) => {
      const x = col.get(a);
      const y = col.get(b);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return s.dir * (x - y);
    });
  });
  const head = (key: string, label: string, num: boolean) => (
    <th classList={{ num, sortable: true }} aria-sort={sort()?.key === key ? (sort()!.dir === 1 ? 'ascending' : 'descending') : undefined}
      onClick={() => { setSort(sort()?.key === key ? (sort()!.dir === -1 ? { key, dir: 1 } : null) : { key, dir: -1 }); }}>
      {label}{sort()?.key === key ? (sort()!.dir === 1 ? ' ▲' : ' ▼') : ''}
    </th>
  );
  const row = (r: R, total: boolean) => (
    <>
      <td>{total ? t('analysis.total') : props.name(r)}</td>
      <For each={props.cols}>{(c) => (
        <td class="num" data-col={c.key}>
          <Fig v={FORMAT[c.kind](c.get(r))} on={() => props.onDrill(r, total ? t('analysis.total') : props.name(r), c.label)} />
        </td>
      )}</For>
    </>
  );
  return (
    <div class="table-wrap">
      <table class="grid simple figures report" data-testid={props.testid}>
        <thead><tr>{head('_name', props.nameHeader, false)}<For each={props.cols}>{(c) => head(c.key, c.label, true)}</For></tr></thead>
        <tbody>
          <For each={sorted().slice(0, shown())}>{(r) => <tr data-name={props.name(r)}>{row(r, false)}</tr>}</For>
        </tbody>
        <tfoot><tr data-name="total">{row(props.total, true)}</tr></tfoot>
      </table>
      <Show when={!props.rows.length}><p class="empty">{t('analysis.noData')}</p></Show>
      <Show when={sorted().length > shown()}>
        <button class="btn" onClick={() => setShown(shown() + PAGE * 5)}>{t('analysis.showMore', { n: sorted().length - shown() })}</button>
      </Show>
    </div>
  );
}
