import { For, Show, createMemo, createSignal } from 'solid-js';
import type { FieldDef } from '../../domain/core/entity';
import type { RecordValues } from '../../domain/core/record';
import { asNumber } from '../../domain/core/numbers';
import { findRuleConflicts, priceLine } from '../../domain/sales';
import { limitOf, pricingContext } from '../../store/sales/quotes';
import { RecordList } from '../shared/RecordList';
import { RefPicker } from '../shared/FieldInput';
import { useWorkspace } from '../shared/context';
import { Violations } from '../shared/RecordView';
import { money } from '../../domain/core/format';
import { rateText } from './common';
import { t } from '../i18n';

/** 产品: the price list with its category tree. */
export function ProductsPage() {
  return (
    <section class="page page-list">
      <h1 class="page-title">{t('nav.products')}</h1>
      <RecordList entity="products" defaults={{ status: 'onSale' }} />
    </section>
  );
}

/** Which fields a discount rule of each kind uses (the others are hidden in its form). */
const KIND_FIELDS: Record<string, string[]> = {
  volume: ['minQty', 'productId'], position: ['roleId'], customer: ['customerId'], customerCategory: ['customerCategory'], agent: ['customerId'],
};
const REQUIRED_FOR: Record<string, string> = { volume: 'minQty', position: 'roleId', customer: 'customerId', customerCategory: 'customerCategory' };
const SPECIFIC = new Set(Object.values(KIND_FIELDS).flat());

/** 折扣: volume tiers, position limits, customer / category and agent discounts; the rule; a price check. */
export function DiscountsPage() {
  const ctx = useWorkspace();
  const conflicts = createMemo(() => findRuleConflicts(ctx.live('discounts')));
  const showField = (f: FieldDef, v: RecordValues) => !SPECIFIC.has(f.key) || (KIND_FIELDS[String(v.kind ?? '')] ?? []).includes(f.key);
  const validate = (v: RecordValues) => {
    const need = REQUIRED_FOR[String(v.kind ?? '')];
    const bad = findRuleConflicts([{ ...v, id: 'new' }]).find((x) => x.code === 'ruleInvalid');
    return need && bad && (v[need] === undefined || v[need] === '') ? { [need]: bad.message } : {};
  };
  return (
    <section class="page page-list discounts-page">
      <h1 class="page-title">{t('nav.discounts')}</h1>
      <p class="muted small rule-text">{t('sales.pricingRule')}</p>
      <Violations list={conflicts()} title={t('sales.ruleProblems')} />
      <RecordList entity="discounts" defaults={{ kind: 'volume', rate: 0.95 }} showField={showField} validate={validate} />
      <div class="cards">
        <RoleLimits />
        <PriceCheck />
      </div>
    </section>
  );
}

/** 职位折扣 per role: a position rule, else the role's own discount limit (set in 企业设置). */
function RoleLimits() {
  const ctx = useWorkspace();
  const rows = createMemo(() => {
    return ctx.live('roles').map((r) => {
      const user = ctx.live('users').find((u) => u.roleId === r.id);
      const rule = ctx.live('discounts').some((d) => d.kind === 'position' && d.roleId === r.id);
      return { name: String(r.name ?? ''), limit: user ? limitOf(ctx.ws, user.id) : limitFromRole(r.discountLimit), rule };
    });
  });
  return (
    <div class="card">
      <h2>{t('sales.positionLimits')}</h2>
      <table class="grid simple">
        <thead><tr><th>{t('sales.col.role')}</th><th>{t('sales.positionLimit')}</th><th>{t('sales.col.source')}</th></tr></thead>
        <tbody><For each={rows()}>{(r) => (
          <tr><td>{r.name}</td><td>{r.limit === null ? t('sales.noLimit') : r.limit <= 0 ? t('sales.anyDiscount') : r.limit >= 1 ? t('sales.noDiscountRight') : rateText(r.limit)}</td><td class="muted">{r.rule ? t('sales.fromRule') : t('sales.fromRole')}</td></tr>
        )}</For></tbody>
      </table>
    </div>
  );
}

function limitFromRole(pct: unknown): number | null {
  const n = asNumber(pct);
  return n === null || n < 0 || n > 100 ? null : Math.round((1 - n / 100) * 1e6) / 1e6;
}

/** Try the engine: a customer, a product and a quantity → the rate and why. */
function PriceCheck() {
  const ctx = useWorkspace();
  const [customer, setCustomer] = createSignal('');
  const [product, setProduct] = createSignal('');
  const [qty, setQty] = createSignal('1');
  const products = createMemo(() => ctx.live('products'));
  const result = createMemo(() => {
    ctx.version('discounts')(); ctx.version('customers')();
    const p = products().find((x) => x.id === product());
    if (!p) return null;
    return priceLine({ productId: p.id, quantity: asNumber(qty()) ?? 0 }, p.listPrice, pricingContext(ctx.ws, customer() || null));
  });
  return (
    <div class="card price-check">
      <h2>{t('sales.priceCheck')}</h2>
      <div class="form-grid">
        <label class="field"><span class="field-label">{t('sales.col.customer')}</span><RefPicker entity="customers" value={customer()} onChange={setCustomer} id="pc-customer" /></label>
        <label class="field"><span class="field-label">{t('sales.col.product')}</span>
          <select id="pc-product" value={product()} onChange={(e) => setProduct(e.currentTarget.value)}>
            <option value="">{t('form.pick')}</option>
            <For each={products()}>{(p) => <option value={p.id}>{String(p.code ?? '')} {String(p.name ?? '')}</option>}</For>
          </select></label>
        <label class="field"><span class="field-label">{t('sales.col.qty')}</span><input id="pc-qty" value={qty()} onInput={(e) => setQty(e.currentTarget.value)} /></label>
      </div>
      <Show when={result()}>{(r) => (
        <dl class="fields">
          <div><dt>{t('sales.why.customerPart')}</dt><dd>{r().why.customer ? `${rateText(r().why.customer!.rate)} (${r().why.customer!.via === 'customer' ? t('sales.fromCustomer') : t('sales.fromCategory')})` : '—'}</dd></div>
          <div><dt>{t('sales.why.agentPart')}</dt><dd>{r().why.agent ? rateText(r().why.agent!.rate) : '—'}</dd></div>
          <div><dt>{t('sales.why.volumePart')}</dt><dd>{r().why.volume ? rateText(r().why.volume!.rate) : '—'}</dd></div>
          <div><dt>{t('sales.col.engineRate')}</dt><dd><b>{rateText(r().why.rate)}</b></dd></div>
          <div><dt>{t('sales.col.lineAmount')}</dt><dd>{money(r().amounts.amount)}</dd></div>
          <div><dt>{t('sales.col.discounted')}</dt><dd><b>{money(r().amounts.discountedAmount)}</b></dd></div>
        </dl>
      )}</Show>
      <Show when={!result()}><p class="muted">{t('sales.priceCheckHint')}</p></Show>
    </div>
  );
}
