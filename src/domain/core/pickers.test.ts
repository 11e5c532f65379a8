import { describe, expect, it } from 'vitest';
import { contextValue, nearMismatch, pickDetail, pickMatch, rankPicks } from './pickers';
import type { EntityDef } from './entity';
import type { BaseRecord } from './record';
import { contacts as contactsDef, customers as customersDef } from '../customers/entities';
import { contactRecordsDef, leadsDef, salesStagesDef } from '../sales/entities';

const rec = (id: string, v: Record<string, unknown>): BaseRecord => ({ id, createdAt: 0, createdBy: '', updatedAt: 0, updatedBy: '', _c: [0, 0], ...v });
const customers = [rec('c1', { name: '杭州恒远机械有限公司', code: 'C001' }), rec('c2', { name: '宁波海诚贸易', code: 'C002' })];
const contacts = [
  rec('p1', { name: '陈刚', customerId: 'c2', mobile: '139 0000 1111' }),
  rec('p2', { name: '王芳', customerId: 'c1', mobile: '138-0000-2222' }),
  rec('p3', { name: '陈刚', customerId: 'c1', mobile: '137 0000 3333' }),
  rec('p4', { name: '刘陈', customerId: 'c1' }),
];
const byId = (all: BaseRecord[]) => (_e: string, id: unknown) => all.find((r) => r.id === id);

describe('picker rules', () => {
  it('offers the chosen customer\'s contacts first, a name starting with the text before one containing it', () => {
    const picks = rankPicks(contactsDef, contacts, '', { field: 'customerId', value: 'c1' });
    expect(picks.map((p) => p.record.id)).toEqual(['p2', 'p3', 'p4', 'p1']);
    expect(picks.map((p) => p.near)).toEqual([true, true, true, false]);
    expect(rankPicks(contactsDef, contacts, '陈', { field: 'customerId', value: 'c1' }).map((p) => p.record.id)).toEqual(['p3', 'p4', 'p1']);
  });

  it('without a customer keeps the stored order; with `only` offers only what fits', () => {
    expect(rankPicks(contactsDef, contacts, '陈刚').map((p) => p.record.id)).toEqual(['p1', 'p3']);
    const stages = [rec('s1', { name: '初步接触', modeId: 'm1' }), rec('s2', { name: '初步接触', modeId: 'm2' }), rec('s3', { name: '签约', modeId: 'm2' })];
    expect(rankPicks(salesStagesDef, stages, '', { field: 'modeId', only: true, value: 'm2' }).map((p) => p.record.id)).toEqual(['s2', 's3']);
    expect(rankPicks(salesStagesDef, stages, '', { field: 'modeId', only: true })).toHaveLength(3);
  });

  it('searches by name, code and phone digits however the phone was typed', () => {
    expect(pickMatch(customersDef, customers[0], 'c001')).toBe(true);
    expect(pickMatch(contactsDef, contacts[1], '13800002222')).toBe(true);
    expect(pickMatch(contactsDef, contacts[1], '0000 2222')).toBe(true);
    expect(pickMatch(contactsDef, contacts[1], '0000 3333')).toBe(false);
    expect(pickMatch(contactsDef, contacts[1], '13')).toBe(false); // too short to be a phone, not in the name
  });

  it('tells two 陈刚 apart by their company and phone', () => {
    const name = (_e: string, id: string) => customers.find((c) => c.id === id)?.name as string;
    expect(pickDetail(contactsDef, contacts[0], name)).toBe('宁波海诚贸易 · 139 0000 1111');
    expect(pickDetail(contactsDef, contacts[2], name)).toBe('杭州恒远机械有限公司 · 137 0000 3333');
    expect(pickDetail(customersDef, rec('c3', { name: 'X', code: 'C9', phone: '0571-1' }), name)).toBe('C9 · 0571-1');
  });

  it('a contact record inherits its customer and mode from its opportunity; a field never decides its own context', () => {
    const opp = rec('o1', { customerId: 'c1', modeId: 'm2' });
    const get = byId([opp, ...contacts]);
    expect(contextValue(contactRecordsDef, { opportunityId: 'o1' }, 'customerId', get, 'contactId')).toBe('c1');
    expect(contextValue(contactRecordsDef, { opportunityId: 'o1' }, 'modeId', get, 'stageId')).toBe('m2');
    expect(contextValue(leadsDef, { contactId: 'p1' }, 'customerId', get, 'contactId')).toBeUndefined();
    expect(contextValue(leadsDef, { customerId: 'c2', contactId: 'p3' }, 'customerId', get, 'contactId')).toBe('c2');
  });

  it('warns when the picked contact belongs to another customer', () => {
    expect(nearMismatch(contactsDef, contacts[0], 'customerId', 'c1')).toEqual({ theirs: 'c2', ours: 'c1' });
    expect(nearMismatch(contactsDef, contacts[2], 'customerId', 'c1')).toBeNull();
    expect(nearMismatch(contactsDef, contacts[0], 'customerId', undefined)).toBeNull();
    expect(nearMismatch({ ...contactsDef, fields: [] } as EntityDef, contacts[0], 'customerId', 'c1')).toBeNull();
  });
});

describe('pickers in English', () => {
  it('stages are named and found by their English names, and still by their Chinese ones', () => {
    const stages = [{ id: 's1', name: '初步接洽', nameEn: 'First contact', modeId: 'm1' }, { id: 's2', name: '需求确认', modeId: 'm1' }] as unknown as BaseRecord[];
    expect(rankPicks(salesStagesDef, stages, '', undefined, 30, 'en').map((o) => o.name)).toEqual(['First contact', '需求确认']);
    expect(rankPicks(salesStagesDef, stages, 'first', undefined, 30, 'en').map((o) => o.record.id)).toEqual(['s1']);
    expect(rankPicks(salesStagesDef, stages, '初步', undefined, 30, 'en').map((o) => o.record.id)).toEqual(['s1']);
    expect(rankPicks(salesStagesDef, stages, '').map((o) => o.name)).toEqual(['初步接洽', '需求确认']);
  });
});

describe('duplicate contacts', () => {
  it('a name repeats only within one customer; a phone anywhere', async () => {
    const { findDuplicates } = await import('../customers/rules');
    expect(findDuplicates({ name: '陈刚', customerId: 'c1' }, contacts, undefined, ['phone', 'mobile'], 'customerId').map((h) => h.record.id)).toEqual(['p3']);
    expect(findDuplicates({ name: '陈刚', customerId: 'c9' }, contacts, undefined, ['phone', 'mobile'], 'customerId')).toEqual([]);
    expect(findDuplicates({ name: '张三', customerId: 'c9', mobile: '13900001111' }, contacts, undefined, ['phone', 'mobile'], 'customerId').map((h) => h.by)).toEqual(['phone']);
    expect(findDuplicates({ name: '陈刚' }, contacts).length).toBe(2); // customers: everywhere
  });
});
