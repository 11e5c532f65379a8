import type { Label } from '../core/entity';
import type { RecordValues } from '../core/record';
import type { Errors } from '../core/validate';
import { asNumber } from '../core/numbers';
import { customerOwner, type EntityRules, type RuleContext } from '../core/rules';
import { asText, isLive, type Values } from '../sales/read';
import { ORDERS_ENTITIES, type OrdersEntityDef } from './entities';
import { orderAmount } from './execution';
import { CODE_PREFIX, nextCode, userCodeOf, type NumberedCollection } from './numbering';
import { orderEditBlocker, orderStatusOf, type OrderStatus } from './status';

/** Rules of the orders module's entities (read by the one save path, store/core/records.ts). */

/** Fields a person types (not written by a status action or derived): what a lock covers. */
export function contentFields(def: OrdersEntityDef): string[] {
  return def.fields.filter((f) => !f.readOnly).map((f) => f.key);
}

/** Whether any of `keys` changes from `old` to `values`. */
export function changes(values: RecordValues, old: Values, keys: readonly string[]): boolean {
  return keys.some((k) => k in values && values[k] !== old[k]);
}

/** The next document number of the acting user for a collection (numbering.ts). */
export function nextCodeFor(ctx: RuleContext, collection: NumberedCollection): string {
  return nextCode(CODE_PREFIX[collection], userCodeOf(ctx.get('users', ctx.userId), ctx.userId), ctx.live(collection));
}

/** A number that must be above zero, by field (quantities, amounts). */
export function positive(values: RecordValues, keys: readonly string[]): Errors {
  const out: Errors = {};
  for (const k of keys) {
    const n = asNumber(values[k]);
    if (n !== null && n <= 0) out[k] = { zh: '必须大于 0', en: 'Must be above 0' };
  }
  return out;
}

const defOf = (key: string) => ORDERS_ENTITIES.find((d) => d.key === key)!;
const ORDER_CONTENT = contentFields(defOf('orders'));

export const orderRules: EntityRules = {
  defaults: (ctx, given) => ({
    code: nextCodeFor(ctx, 'orders'), ownerId: customerOwner(ctx, given.customerId),
    date: ctx.today, status: 'draft', type: 'standard',
  }),
  /** The amount is Σ the live lines' amounts; the department is the owner's. */
  prepare: (values, old, ctx) => {
    const lines = old ? ctx.live('orderLines').filter((l) => l.orderId === old.id) : [];
    // the stored department stays (a status write must not look like an edit of a locked order)
    const departmentId = values.departmentId || old?.departmentId || asText(ctx.get('users', values.ownerId)?.departmentId) || undefined;
    return { ...values, amount: orderAmount(lines), departmentId };
  },
  validate: (values, old) => {
    const why = old && changes(values, old, ORDER_CONTENT) ? orderEditBlocker(old) : null;
    return why ? { [ORDER_CONTENT.find((k) => k in values && values[k] !== old![k]) ?? 'code']: why } : {};
  },
  locked: (old) => (old && orderEditBlocker(old) ? ORDER_CONTENT : []),
  deleteBlocker: (rec) => orderEditBlocker(rec),
};

/** The order a row belongs to must be a draft (its lines are part of what is approved). */
function draftOrderBlocker(ctx: RuleContext, orderId: unknown): Label | null {
  const order = ctx.get('orders', orderId);
  return order ? orderEditBlocker(order) : null;
}

export const orderLineRules: EntityRules = {
  defaults: (ctx, given) => {
    const p = ctx.get('products', given.productId);
    return { unitPrice: asNumber(p?.listPrice) ?? undefined, rate: 1, costPrice: asNumber(p?.costPrice) ?? 0 };
  },
  validate: (values, old, ctx) => {
    const why = draftOrderBlocker(ctx, values.orderId ?? old?.orderId);
    return why ? { orderId: why } : positive(values, ['quantity']);
  },
  deleteBlocker: (rec, ctx) => draftOrderBlocker(ctx, rec.orderId),
};

/** Deliveries and returns are made for an approved or executing order. */
const EXECUTABLE: readonly OrderStatus[] = ['approved', 'executing'];

function executableBlocker(ctx: RuleContext, orderId: unknown): Label | null {
  const order = ctx.get('orders', orderId);
  if (!order || !isLive(order)) return null; // the definition's required check names a missing order
  return EXECUTABLE.includes(orderStatusOf(order)) ? null
    : { zh: '订单未审批或已结束,不能发货或退货', en: 'The order is not approved or is closed: no deliveries or returns' };
}

function executionDocRules(collection: 'deliveries' | 'returns'): EntityRules {
  return {
    defaults: (ctx) => ({ code: nextCodeFor(ctx, collection), date: ctx.today }),
    validate: (values, old, ctx): Errors => {
      const why = executableBlocker(ctx, values.orderId ?? old?.orderId);
      return why ? { orderId: why } : {};
    },
  };
}

/** Room left on an order line: undelivered for a delivery line, delivered-not-returned for a return line. */
function lineRoom(ctx: RuleContext, orderLineId: unknown, kind: 'deliveryLines' | 'returnLines', selfId?: string): number | null {
  const line = ctx.get('orderLines', orderLineId);
  if (!line) return null;
  const sum = (c: string) => ctx.live(c).filter((r) => r.orderLineId === orderLineId && r.id !== selfId)
    .reduce((s, r) => s + (asNumber(r.quantity) ?? 0), 0);
  return kind === 'deliveryLines' ? (asNumber(line.quantity) ?? 0) - sum('deliveryLines') : sum('deliveryLines') - sum('returnLines');
}

function executionLineRules(kind: 'deliveryLines' | 'returnLines'): EntityRules {
  return {
    validate: (values, old, ctx) => {
      const errors = positive(values, ['quantity']);
      const room = lineRoom(ctx, values.orderLineId ?? old?.orderLineId, kind, old?.id);
      const q = asNumber(values.quantity);
      if (!errors.quantity && room !== null && q !== null && q > room) {
        errors.quantity = kind === 'deliveryLines'
          ? { zh: `发货数量超过未发货数量 ${room}`, en: `More than the ${room} still to deliver` }
          : { zh: `退货数量超过可退数量 ${room}`, en: `More than the ${room} delivered and not returned` };
      }
      return errors;
    },
  };
}

export const ORDERS_RULES: Record<string, EntityRules> = {
  orders: orderRules,
  orderLines: orderLineRules,
  deliveries: executionDocRules('deliveries'),
  returns: executionDocRules('returns'),
  deliveryLines: executionLineRules('deliveryLines'),
  returnLines: executionLineRules('returnLines'),
};

