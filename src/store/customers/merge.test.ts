import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../org/setup';
import { entityDef } from '../core/records';
import { defaultChoices } from '../../domain/customers/merge';
import { HistoryLog, systemLog } from '../sync/history';
import { ALL_COLLECTIONS } from '../../domain/registry';
import { mergeCustomers, mergePreview } from './merge';

async function twoCustomers() {
  const { ws } = await createWorkspace('合并测试', '李老师');
  const customers = ws.collection('customers');
  const contacts = ws.collection('contacts');
  const keep = customers.create({ code: 'KH01', name: '华东机械', phone: '', industry: 'manufacturing' });
  const dup = customers.create({ code: 'KH01-2', name: '华东机械有限公司', phone: '0571-88881234', industry: 'trade' });
  contacts.create({ name: '张经理', customerId: keep.id, primary: true });
  contacts.create({ name: '李工', customerId: dup.id, primary: true });
  const service = ws.collection('serviceRecords').create({ customerId: dup.id, subject: '安装' });
  const opp = ws.collection('opportunities').create({ subject: 'ERP', customerId: dup.id });
  return { ws, keep, dup, service, opp };
}

describe('merging two customers', () => {
  it('takes the chosen values, re-points every reference, keeps one primary contact and bins the duplicate', async () => {
    const { ws, keep, dup, service, opp } = await twoCustomers();
    expect(mergePreview(ws, dup.id).map((x) => [x.entity.zh, x.count])).toEqual(expect.arrayContaining([['联系人', 1], ['商机', 1]]));
    const choices = defaultChoices(entityDef(ws, 'customers'), keep, dup);
    expect(choices.phone).toBe('dup'); // empty on the kept one
    expect(choices.industry).toBe('keep');
    const res = mergeCustomers(ws, keep.id, dup.id, { ...choices, name: 'dup' });
    expect(res.ok).toBe(true);
    const kept = ws.collection('customers').get(keep.id)!;
    expect([kept.name, kept.phone, kept.industry, kept.code]).toEqual(['华东机械有限公司', '0571-88881234', 'manufacturing', 'KH01']);
    const contacts = ws.collection('contacts').live().filter((c) => c.customerId === keep.id);
    expect(contacts.map((c) => c.name).sort()).toEqual(['张经理', '李工']);
    expect(contacts.filter((c) => c.primary === true).map((c) => c.name)).toEqual(['张经理']);
    expect(ws.collection('serviceRecords').get(service.id)!.customerId).toBe(keep.id);
    expect(ws.collection('opportunities').get(opp.id)!.customerId).toBe(keep.id);
    const gone = ws.collection('customers').get(dup.id)!;
    expect([gone.deleted, gone.mergedInto]).toEqual([true, keep.id]);
    const log = systemLog(ws, new HistoryLog(ws.doc), ALL_COLLECTIONS, 50);
    expect(log.some((it) => it.kind === 'sys' && it.event === 'customers.merged')).toBe(true);
  });

  it('refuses a customer merged with itself or one in the bin, and writes nothing', async () => {
    const { ws, keep, dup } = await twoCustomers();
    const before = ws.collection('customers').get(keep.id)!.updatedAt;
    expect(mergeCustomers(ws, keep.id, keep.id, {}).ok).toBe(false);
    ws.collection('customers').remove(dup.id);
    const res = mergeCustomers(ws, keep.id, dup.id, { phone: 'dup' });
    expect(res.ok).toBe(false);
    expect(ws.collection('customers').get(keep.id)!.updatedAt).toBe(before);
    expect(ws.collection('contacts').live().filter((c) => c.customerId === keep.id)).toHaveLength(1);
  });
});
