import { For, Show, createMemo, createSignal } from 'solid-js';
import { QUOTE_STATUSES, productQuoteDetails, type ProductQuoteRow, type QuoteStatus } from '../../domain/sales';
import { useWorkspace } from '../shared/context';
import { viewsOf } from '../../store/sales/quotes';
import { RefPicker } from '../shared/FieldInput';
import { t } from '../i18n';
import { DrillDialog, type DrillSpec } from './Drill';
import { OwnerSelect, PeriodInputs, useParam } from './filters';
import { ReportTable, type ReportCol } from './ReportTable';
import { Guard } from './Guard';

/**
 * 商品报价明细 (精财 §4.4; SPEC K): per product over the lines of the quotes, filterable by customer
 * and employee — quantity, amount, unit price = amount ÷ quantity, discounted amount — computed by
 * domain/sales productQuoteDetails(). Each figure drills down to the quotes.
 */
function QuoteDetails() {
  const ctx = useWorkspace();
  const p = useParam();
  const [drill, setDrill] = createSignal<DrillSpec | null>(null);
  const report = createMemo(() => {
    ctx.version('quoteLines')(); // viewsOf reads the lines
    const status = p.get('status');
    // the quotes with their lines (rows of quoteLines)
    return productQuoteDetails(viewsOf(ctx.ws, ctx.visible('quotes')), {
      customerId: p.get('customer') || undefined, ownerId: p.get('owner') || undefined,
      from: p.get('from') || undefined, to: p.get('to') || undefined,
      statuses: (QUOTE_STATUSES as readonly string[]).includes(status) ? [status as QuoteStatus] : undefined,
    });
  });
  const name = (r: ProductQuoteRow) => {
    if (!r.productId) return t('analysis.noProduct');
    const prod = ctx.get('products', r.productId);
    return prod ? `${String(prod.code ?? '')} ${String(prod.name ?? '')}`.trim() : `${r.productId} ⚠`;
  };
  const cols = (): ReportCol<ProductQuoteRow>[] => [
    { key: 'quantity', label: t('analysis.quantity'), kind: 'int', get: (r) => r.quantity },
    { key: 'unitPrice', label: t('analysis.unitPrice'), kind: 'money', get: (r) => r.unitPrice },
    { key: 'amount', label: t('analysis.quoteAmount'), kind: 'money', get: (r) => r.amount },
    { key: 'discountedAmount', label: t('analysis.discounted'), kind: 'money', get: (r) => r.discountedAmount },
    { key: 'lineCount', label: t('analysis.lines'), kind: 'int', get: (r) => r.lineCount },
  ];
  const invalid = () => report().total.invalidLines;
  return (
    <section class="page analysis-page">
      <div class="page-head"><h1 class="page-title">{t('nav.quoteDetails')}</h1></div>
      <div class="filter-bar">
        <label class="filter-item">
          <span>{t('analysis.customer')}</span>
          <RefPicker entity="customers" value={p.get('customer')} onChange={(v) => p.set({ customer: v })} />
        </label>
        <OwnerSelect label={t('analysis.employee')} />
        <label class="filter-item">
          <span>{t('analysis.status')}</span>
          <select aria-label={t('analysis.status')} value={p.get('status')} onChange={(e) => p.set({ status: e.currentTarget.value })}>
            <option value="">{t('common.all')}</option>
            <For each={QUOTE_STATUSES}>{(s) => <option value={s}>{ctx.display({ key: 'status', type: 'dict', dict: 'quoteStatus', label: { zh: '', en: '' } }, s)}</option>}</For>
          </select>
        </label>
        <PeriodInputs label={t('analysis.quotePeriod')} />
      </div>
      <div class="card table-card">
        <ReportTable testid="quote-details" nameHeader={t('analysis.product')} name={name} cols={cols()} rows={report().rows} total={report().total}
          onDrill={(r, label, figure) => setDrill({ title: t('analysis.quoteDrill', { name: label }), entity: 'quotes', ids: r.ids, figure })} />
        <Show when={invalid()}><p class="notice">{t('analysis.invalidLines', { n: invalid() })}</p></Show>
        <p class="muted small">{t('analysis.quoteFormulas')}</p>
      </div>
      <Show when={drill()}>{(d) => <DrillDialog spec={d()} onClose={() => setDrill(null)} />}</Show>
    </section>
  );
}

export default function QuoteDetailsPage() {
  return <Guard module="analysis"><QuoteDetails /></Guard>;
}
