import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../core/record';
import { evaluate, matches, type LabData } from './predicates';

const T0 = 1_000_000; // the experiment's start
/** A record created at `at` by `by`; `edits` are [field, time, by] written later. */
function rec(id: string, at: number, by: string, values: Record<string, unknown> = {}, edits: [string, number, string][] = []): BaseRecord {
  const _s = Object.fromEntries(edits.map(([f, t]) => [f, [t, 7]]));
  const last = edits.reduce((a, e) => (e[1] > a[1] ? e : a), ['', at, by] as [string, number, string]);
  return { id, createdAt: at, createdBy: by, updatedAt: last[1], updatedBy: last[2], _c: [at, 1], ...(edits.length ? { _s } : {}), ...values } as BaseRecord;
}
const data = (tables: Record<string, BaseRecord[]>, events: LabData['events'] = []): LabData => ({ tables, events });

describe('count', () => {
  it('counts only records created at or after the start — the sample company never ticks a step', () => {
    const d = data({ customers: [rec('old', T0 - 1, 'u0'), rec('new', T0 + 5, 'u1')] });
    expect(evaluate({ kind: 'count', entity: 'customers' }, d, T0)).toMatchObject({ done: true, by: ['u1'], have: 1, need: 1 });
    expect(evaluate({ kind: 'count', entity: 'customers', atLeast: 2 }, d, T0)).toMatchObject({ done: false, have: 1, need: 2 });
    expect(evaluate({ kind: 'count', entity: 'customers' }, data({ customers: [rec('old', T0 - 1, 'u0')] }), T0).done).toBe(false);
  });

  it('an old record edited after the start is not a new one', () => {
    const d = data({ customers: [rec('old', T0 - 100, 'u0', { kind: 'agent' }, [['kind', T0 + 1, 'u2']])] });
    expect(evaluate({ kind: 'count', entity: 'customers', where: { kind: 'agent' } }, d, T0).done).toBe(false);
  });

  it('leaves binned records out and applies where', () => {
    const d = data({ customers: [rec('a', T0 + 1, 'u1', { kind: 'agent', deleted: true }), rec('b', T0 + 2, 'u1', { kind: 'customer' })] });
    expect(evaluate({ kind: 'count', entity: 'customers', where: { kind: 'agent' } }, d, T0).done).toBe(false);
    expect(evaluate({ kind: 'count', entity: 'customers', where: { kind: { in: ['customer', 'agent'] } } }, d, T0).done).toBe(true);
  });

  it('per: that many in one group, some of them matching (two contacts of one customer, one primary)', () => {
    const check = { kind: 'count', entity: 'contacts', per: 'customerId', atLeast: 2, some: { primary: true } } as const;
    const apart = data({ contacts: [rec('c1', T0 + 1, 'u1', { customerId: 'A', primary: true }), rec('c2', T0 + 2, 'u1', { customerId: 'B' })] });
    expect(evaluate(check, apart, T0)).toMatchObject({ done: false, have: 1 });
    const noPrimary = data({ contacts: [rec('c1', T0 + 1, 'u1', { customerId: 'A' }), rec('c2', T0 + 2, 'u1', { customerId: 'A' })] });
    expect(evaluate(check, noPrimary, T0).done).toBe(false);
    const together = data({ contacts: [rec('c1', T0 + 1, 'u1', { customerId: 'A', primary: true }), rec('c2', T0 + 2, 'u2', { customerId: 'A' })] });
    expect(evaluate(check, together, T0)).toMatchObject({ done: true, by: ['u1', 'u2'] });
  });

  it('having: a new customer with two contacts, one primary; the customer’s author did it', () => {
    const check = { kind: 'count', entity: 'customers', having: [{ entity: 'contacts', field: 'customerId', atLeast: 2, some: { primary: true } }] } as const;
    const one = data({ customers: [rec('A', T0 + 1, 'u3')], contacts: [rec('c1', T0 + 2, 'u3', { customerId: 'A', primary: true })] });
    expect(evaluate(check, one, T0).done).toBe(false);
    const two = data({ customers: [rec('A', T0 + 1, 'u3')], contacts: [rec('c1', T0 + 2, 'u3', { customerId: 'A', primary: true }), rec('c2', T0 + 3, 'u3', { customerId: 'A' })] });
    expect(evaluate(check, two, T0)).toMatchObject({ done: true, by: ['u3'] });
    const sampleCustomer = data({ customers: [rec('A', T0 - 1, 'u3')], contacts: two.tables.contacts as BaseRecord[] });
    expect(evaluate(check, sampleCustomer, T0).done).toBe(false);
  });

  it('a quote submitted and approved: two having clauses on its steps', () => {
    const check = { kind: 'count', entity: 'quotes', where: { status: 'approved' }, having: [
      { entity: 'quoteSteps', field: 'quoteId', where: { action: 'submit' } }, { entity: 'quoteSteps', field: 'quoteId', where: { action: 'approve' } }] } as const;
    const submitted = data({ quotes: [rec('q', T0 + 1, 'rep', { status: 'approved' })], quoteSteps: [rec('s0', T0 + 2, 'rep', { quoteId: 'q', action: 'submit' })] });
    expect(evaluate(check, submitted, T0).done).toBe(false);
    const approved = data({ ...submitted.tables, quoteSteps: [...submitted.tables.quoteSteps!, rec('s1', T0 + 3, 'boss', { quoteId: 'q', action: 'approve' })] } as Record<string, BaseRecord[]>);
    expect(evaluate(check, approved, T0)).toMatchObject({ done: true, by: ['rep'] });
  });
});

describe('edited', () => {
  it('a field written after the start, on an old record, by whoever wrote it', () => {
    const check = { kind: 'edited', entity: 'customers', fields: ['ownerId'] } as const;
    const before = data({ customers: [rec('a', T0 - 50, 'u0', { ownerId: 'x' }, [['ownerId', T0 - 10, 'u0']])] });
    expect(evaluate(check, before, T0).done).toBe(false);
    const after = data({ customers: [rec('a', T0 - 50, 'u0', { ownerId: 'y' }, [['ownerId', T0 + 10, 'u5']])] });
    expect(evaluate(check, after, T0)).toMatchObject({ done: true, by: ['u5'], at: T0 + 10 });
    const createdWithIt = data({ customers: [rec('n', T0 + 5, 'u1', { ownerId: 'u1' })] });
    expect(evaluate(check, createdWithIt, T0).done).toBe(false); // a value the record was created with is no change
    const otherField = data({ customers: [rec('a', T0 - 50, 'u0', { ownerId: 'x', name: 'n' }, [['name', T0 + 10, 'u5']])] });
    expect(evaluate(check, otherField, T0).done).toBe(false);
  });

  it('a cleared field does not count, and where holds on the current value', () => {
    const cleared = data({ customers: [rec('a', T0 - 50, 'u0', {}, [['ownerId', T0 + 10, 'u5']])] });
    expect(evaluate({ kind: 'edited', entity: 'customers', fields: ['ownerId'] }, cleared, T0).done).toBe(false);
    const unaudited = data({ opportunities: [rec('o', T0 - 5, 'u0', { audited: false }, [['audited', T0 + 1, 'u1']])] });
    expect(evaluate({ kind: 'edited', entity: 'opportunities', fields: ['audited'], where: { audited: true } }, unaudited, T0).done).toBe(false);
  });
});

describe('sequence', () => {
  const check = { kind: 'sequence', entity: 'contactRecords', per: 'opportunityId', order: 'completedAt', where: { completed: true } } as const;
  it('a contact record completed after an earlier one of the same opportunity', () => {
    const first = rec('r1', T0 + 1, 'u1', { opportunityId: 'o', completed: true, completedAt: T0 + 2 });
    expect(evaluate(check, data({ contactRecords: [first] }), T0)).toMatchObject({ done: false, have: 1 });
    const other = rec('r2', T0 + 3, 'u2', { opportunityId: 'p', completed: true, completedAt: T0 + 4 });
    expect(evaluate(check, data({ contactRecords: [first, other] }), T0).done).toBe(false);
    const second = rec('r3', T0 + 5, 'u1', { opportunityId: 'o', completed: false }, [['completed', T0 + 6, 'u4']]);
    const done = { ...second, completed: true, completedAt: T0 + 6 } as BaseRecord;
    expect(evaluate(check, data({ contactRecords: [first, second] }), T0).done).toBe(false);
    expect(evaluate(check, data({ contactRecords: [first, done] }), T0)).toMatchObject({ done: true, by: ['u4'], at: T0 + 6 });
  });

  it('goes by the stamps: completed since the start even when completedAt (the wall clock) runs behind the start’s clock', () => {
    // after the sample company's burst of writes the workspace clock is seconds ahead of Date.now()
    const first = rec('r1', T0 - 50, 'u1', { opportunityId: 'o', completed: true, completedAt: T0 - 40 });
    const second = rec('r2', T0 + 5, 'u2', { opportunityId: 'o', completed: true, completedAt: T0 - 3 });
    expect(evaluate(check, data({ contactRecords: [first, second] }), T0)).toMatchObject({ done: true, by: ['u2'] });
  });

  it('both completed before the start do not count', () => {
    const a = rec('r1', T0 - 9, 'u1', { opportunityId: 'o', completed: true, completedAt: T0 - 8 });
    const b = rec('r2', T0 - 7, 'u1', { opportunityId: 'o', completed: true, completedAt: T0 - 6 });
    expect(evaluate(check, data({ contactRecords: [a, b] }), T0).done).toBe(false);
  });
});

describe('event', () => {
  it('a device event since the start with the asked settings', () => {
    const check = { kind: 'event', event: 'serviceAnalysis', params: { period: 'last12', by: 'handlerId' } } as const;
    const d = (period: string, at: number) => data({}, [{ event: 'serviceAnalysis', params: { period, by: 'handlerId' }, at, by: 'u7' }]);
    expect(evaluate(check, d('thisYear', T0 + 1), T0).done).toBe(false);
    expect(evaluate(check, d('last12', T0 - 1), T0).done).toBe(false);
    expect(evaluate(check, d('last12', T0 + 1), T0)).toMatchObject({ done: true, by: ['u7'] });
  });
});

describe('field tests', () => {
  it('equal, in, not, filled, atLeast, below', () => {
    const r = { a: 'x', n: 5, b: true, e: '' };
    expect(matches(r, { a: 'x', b: true })).toBe(true);
    expect(matches(r, { a: { in: ['y', 'x'] }, n: { atLeast: 5 } })).toBe(true);
    expect(matches(r, { a: { not: 'x' } })).toBe(false);
    expect(matches(r, { e: { filled: true } })).toBe(false);
    expect(matches(r, { e: { filled: false }, n: { below: 6 } })).toBe(true);
    expect(matches(r, { n: { below: 5 } })).toBe(false);
    expect(matches({ n: '5' }, { n: { atLeast: 1 } })).toBe(false); // text where a number belongs is no number
  });
});

describe('approved (a quote below the discount limit, submitted and approved through the engine)', () => {
  const check = { kind: 'approved', entity: 'quotes', discountBelowLimit: true } as const;
  // 业务员: 5 % off without approval (rate 0.95); a position rule may say otherwise
  const refs = { users: [rec('rep', 1, 'adm', { roleId: 'r-rep' }), rec('mgr', 1, 'adm', { roleId: 'r-mgr' })], roles: [rec('r-rep', 1, 'adm', { discountLimit: 5 }), rec('r-mgr', 1, 'adm', { discountLimit: 20 })], discounts: [] as BaseRecord[] };
  const quote = (id: string, status: string, owner = 'rep', at = T0 + 1) => rec(id, at, owner, { status, ownerId: owner });
  const line = (quoteId: string, rate: number) => rec(`${quoteId}-l`, T0 + 2, 'rep', { quoteId, productId: 'p1', quantity: 1, unitPrice: 1000, rate });
  const plan = JSON.stringify([{ approvers: [{ kind: 'module', module: 'sales' }], reasons: [] }]);
  const submit = (docId: string, by = 'rep', at = T0 + 3) => rec(`${docId}-s`, at, by, { docType: 'quotes', docId, round: 1, step: 0, action: 'submit', by, at, plan });
  const decide = (docId: string, action: 'approve' | 'reject', by = 'mgr', at = T0 + 4) => rec(`${docId}-${action}`, at, by, { docType: 'quotes', docId, round: 1, step: 1, action, by, at });
  const run = (tables: Record<string, BaseRecord[]>, r: LabData['refs'] = refs) => evaluate(check, { tables, refs: r }, T0);

  it('a quote at 九折 by a rep (limit 0.95), submitted and approved: done, by the rep and the approver', () => {
    const res = run({ quotes: [quote('q1', 'approved')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1'), decide('q1', 'approve')] });
    expect(res).toMatchObject({ done: true, by: ['rep', 'mgr'], have: 1, need: 1 });
  });

  it('near misses: within the limit; below it but pending or rejected; approved only in the old per-quote rows; made before the start', () => {
    // 0.96 is within a rep's 0.95: approved, but it never needed approval
    expect(run({ quotes: [quote('q1', 'approved')], quoteLines: [line('q1', 0.96)], approvalSteps: [submit('q1'), decide('q1', 'approve')] }).done).toBe(false);
    // a manager's 0.9 is within their 0.8
    expect(run({ quotes: [quote('q1', 'approved', 'mgr')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1', 'mgr'), decide('q1', 'approve', 'rep')] }).done).toBe(false);
    // below the limit, submitted, nobody decided yet
    expect(run({ quotes: [quote('q1', 'pending')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1')] }).done).toBe(false);
    // below the limit, rejected
    expect(run({ quotes: [quote('q1', 'rejected')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1'), decide('q1', 'reject')] }).done).toBe(false);
    // the status says approved but no engine step proves it (an older version's quoteSteps, or a raw write)
    expect(run({ quotes: [quote('q1', 'approved')], quoteLines: [line('q1', 0.9)], quoteSteps: [rec('x', T0 + 3, 'rep', { quoteId: 'q1', action: 'approve' })] }).done).toBe(false);
    // approved, then edited: back to draft
    expect(run({ quotes: [quote('q1', 'draft')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1'), decide('q1', 'approve')] }).done).toBe(false);
    // a sample quote from before the start
    expect(run({ quotes: [quote('q1', 'approved', 'rep', T0 - 10)], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1'), decide('q1', 'approve')] }).done).toBe(false);
  });

  it('the limit is the rules’ own: a position discount rule for the role wins over the role’s percentage', () => {
    const tables = { quotes: [quote('q1', 'approved')], quoteLines: [line('q1', 0.9)], approvalSteps: [submit('q1'), decide('q1', 'approve')] };
    const looser = { ...refs, discounts: [rec('d1', 1, 'adm', { kind: 'position', roleId: 'r-rep', rate: 0.85 })] };
    expect(run(tables, looser).done).toBe(false);
    const stricter = { ...refs, discounts: [rec('d1', 1, 'adm', { kind: 'position', roleId: 'r-rep', rate: 0.92 })] };
    expect(run(tables, stricter).done).toBe(true);
  });

  it('without the limit: any quote made, submitted and approved since the start', () => {
    const any = { kind: 'approved', entity: 'quotes' } as const;
    const tables = { quotes: [quote('q1', 'approved')], quoteLines: [line('q1', 1)], approvalSteps: [submit('q1'), decide('q1', 'approve')] };
    expect(evaluate(any, { tables }, T0).done).toBe(true);
  });
});
