import { describe, expect, it } from 'vitest';
import { rec } from '../sales/testing';
import { checkDelivery, checkReturn, executionViolations, lineCost, lineValue, orderAmount, orderExecution } from './execution';

/*
 * Order with two lines:        L1 10 × 100 at 0.9   L2 5 × 200 (no rate)
 * amount = 10×100×0.9 + 5×200 = 900 + 1000 = 1900
 *
 *  step                          L1 del/ret   L2 del/ret   status
 *  nothing                        0 / 0        0 / 0       none 未发货
 *  deliver L1 4                   4 / 0        0 / 0       partial 部分发货
 *  deliver L1 6, L2 5            10 / 0        5 / 0       delivered 已发货
 *  return L2 2                   10 / 0        5 / 2       partReturned 部分退货
 *  return L1 10, L2 3            10 / 10       5 / 5       returned 全部退货
 */
const lines = [
  rec('L1', { orderId: 'o', quantity: 10, unitPrice: 100, rate: 0.9, costPrice: 60 }),
  rec('L2', { orderId: 'o', quantity: 5, unitPrice: 200, costPrice: 150 }),
];
const d = (line: string, quantity: number) => rec(`d-${line}-${quantity}`, { orderLineId: line, quantity });

describe('order execution', () => {
  it('computes the amount with the quote lines function', () => {
    expect(orderAmount(lines)).toBe(1900);
    expect(orderAmount([...lines, rec('L3', { quantity: 1, unitPrice: 5, deleted: true })])).toBe(1900);
    expect(lineValue(lines[0], 3)).toBe(270);
    expect(lineCost(lines[1], 2)).toBe(300);
  });

  it('derives the status step by step', () => {
    expect(orderExecution(lines, [], []).status).toBe('none');
    expect(orderExecution(lines, [d('L1', 4)], []).status).toBe('partial');
    const all = [d('L1', 4), d('L1', 6), d('L2', 5)];
    expect(orderExecution(lines, all, []).status).toBe('delivered');
    expect(orderExecution(lines, all, [d('L2', 2)]).status).toBe('partReturned');
    expect(orderExecution(lines, all, [d('L2', 2), d('L1', 10), d('L2', 3)]).status).toBe('returned');
    // a binned delivery does not count
    expect(orderExecution(lines, [rec('x', { orderLineId: 'L1', quantity: 4, deleted: true })], []).status).toBe('none');
  });

  it('refuses a delivery above the undelivered quantity, summing rows of one line', () => {
    const exec = orderExecution(lines, [d('L1', 4)], []);
    expect(checkDelivery(exec, [{ orderLineId: 'L1', quantity: 6 }]).ok).toBe(true);
    const r = checkDelivery(exec, [{ orderLineId: 'L1', quantity: 4 }, { orderLineId: 'L1', quantity: 3 }]);
    expect(r.ok).toBe(false);
    // named by the order's line number (L1 is line 1), whatever the row's place in the request
    if (!r.ok) expect(r.refusal.fields?.line1?.zh).toBe('第 1 行发货数量超过未发货数量 6');
    expect(checkDelivery(exec, [{ orderLineId: 'L2', quantity: 0 }]).ok).toBe(false);
    expect(checkDelivery(exec, [{ orderLineId: 'other', quantity: 1 }]).ok).toBe(false);
    expect(checkDelivery(exec, []).ok).toBe(false);
  });

  it('refuses a return above what was delivered and not returned', () => {
    const exec = orderExecution(lines, [d('L2', 5)], [d('L2', 2)]);
    expect(checkReturn(exec, [{ orderLineId: 'L2', quantity: 3 }]).ok).toBe(true);
    const r = checkReturn(exec, [{ orderLineId: 'L2', quantity: 4 }]);
    expect(r.ok ? '' : r.refusal.message.en).toBe('Line 2: more than the 3 delivered and not returned');
    expect(checkReturn(exec, [{ orderLineId: 'L1', quantity: 1 }]).ok).toBe(false);
  });

  it('shows a merge that delivered too much, without changing anything', () => {
    // two devices each delivered the remaining 6 of L1 while apart: 4 + 6 + 6 = 16 > 10
    const exec = orderExecution(lines, [d('L1', 4), rec('a', { orderLineId: 'L1', quantity: 6 }), rec('b', { orderLineId: 'L1', quantity: 6 })], [d('L1', 17)]);
    expect(executionViolations(exec).map((v) => v.code)).toEqual(['overDelivered', 'overReturned']);
  });
});
