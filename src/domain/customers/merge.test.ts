import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../core/record';
import { customers } from './entities';
import { ENTITIES } from '../registry';
import { customerRefs, defaultChoices, differingFields, mergedValues, mergeProblem, primariesToClear } from './merge';

const rec = (id: string, v: Record<string, unknown>) => ({ id, createdAt: 0, updatedAt: 0, ...v }) as unknown as BaseRecord;

describe('merge rules', () => {
  const keep = rec('k', { code: 'A', name: '华东', phone: '', notes: '老客户' });
  const dup = rec('d', { code: 'B', name: '华东', phone: '123456', notes: '重复录入' });

  it('asks only about fields that differ, and starts from the kept value unless it is empty', () => {
    expect(differingFields(customers, keep, dup).map((f) => f.key).sort()).toEqual(['code', 'notes', 'phone']);
    expect(defaultChoices(customers, keep, dup)).toEqual({ code: 'keep', phone: 'dup', notes: 'keep' });
    expect(mergedValues(customers, keep, dup, { phone: 'dup', notes: 'dup', code: 'keep' })).toEqual({ phone: '123456', notes: '重复录入' });
  });

  it('finds every reference to customers in the entity definitions', () => {
    const refs = customerRefs(Object.values(ENTITIES)).map((r) => `${r.entity.key}.${r.field}`);
    expect(refs).toEqual(expect.arrayContaining(['contacts.customerId', 'opportunities.customerId', 'serviceRecords.customerId', 'complaints.customerId']));
  });

  it('leaves exactly one primary contact, the kept customer\'s first', () => {
    const cs = [rec('1', { customerId: 'k', primary: true }), rec('2', { customerId: 'd', primary: true }), rec('3', { customerId: 'd', primary: false })];
    expect(primariesToClear(cs, 'k', 'd')).toEqual(['2']);
    expect(primariesToClear(cs.slice(1), 'k', 'd')).toEqual([]);
  });

  it('refuses merging a customer with itself or with one in the bin', () => {
    expect(mergeProblem(keep, keep)?.zh).toContain('自己');
    expect(mergeProblem(keep, { ...dup, deleted: true })).not.toBeNull();
    expect(mergeProblem(keep, dup)).toBeNull();
  });
});
