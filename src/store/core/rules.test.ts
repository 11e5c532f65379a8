import { describe, expect, it } from 'vitest';
import { Workspace } from './workspace';
import { addDictionary } from './dictionaries';
import { ALL_DICTIONARIES } from '../../domain/registry';
import { guessMapping } from '../../domain/core/csv-import';
import { entityDef, newRecordValues, saveRecord } from './records';
import { previewImport, writeImport } from './import';
import { seedSalesModes } from '../sales/seed';

/** A workspace in memory: dictionaries, sales modes, two users, a customer owned by 李业务. */
function setup(): Workspace {
  const ws = new Workspace('rules-test');
  ws.actorId = 'u-me';
  ws.transact(() => {
    for (const d of ALL_DICTIONARIES) addDictionary(ws, d);
    ws.collection('roles').create({ name: '管理员', scope: 'all', perm_service: 'approve', perm_sales: 'approve', perm_customers: 'write' }, 'r-admin');
    ws.collection('departments').create({ name: '销售一部' }, 'd1');
    ws.collection('users').create({ name: '我', roleId: 'r-admin', active: true }, 'u-me');
    ws.collection('users').create({ name: '李业务', roleId: 'r-admin', departmentId: 'd1', active: true }, 'u-rep');
    ws.collection('customers').create({ code: 'KH1', name: '甲公司', kind: 'customer', ownerId: 'u-rep' }, 'cu1');
    ws.collection('customers').create({ code: 'KH2', name: '乙公司', kind: 'customer' }, 'cu2');
  });
  seedSalesModes(ws);
  return ws;
}

/** A CSV as the import reads it (papaparse), split by hand on plain test text. */
const csv = (text: string) => {
  const rows = text.trim().split('\n').map((l) => l.split(','));
  return { header: rows[0], data: rows.slice(1) };
};

function preview(ws: Workspace, key: string, text: string) {
  const def = entityDef(ws, key);
  const { header, data } = csv(text);
  return previewImport(ws, def, data, guessMapping(def, header), 'u-me');
}

describe('entity rules: one save path for form, lists, pages and CSV import', () => {
  it('a service-record CSV with its end before its start gets the form\'s message; a good row gets its minutes', () => {
    const ws = setup();
    const rows = preview(ws, 'serviceRecords', '客户,开始时间,结束时间,服务内容\n甲公司,2024-03-15T10:00,2024-03-15T09:00,修打印机\n甲公司,2024-03-15T10:00,2024-03-15T11:30,装驱动\n');
    const form = saveRecord(ws, entityDef(ws, 'serviceRecords'), { customerId: 'cu1', start: '2024-03-15T10:00', end: '2024-03-15T09:00', content: '修打印机' });
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(form.refusal.fields!.end).toBeTruthy();
    expect(rows[0].errors.end).toEqual(form.refusal.fields!.end);
    expect(rows[1].errors).toEqual({});
    expect(rows[1].values.minutesSpent).toBe(90);
    // the customer's owner handles it by default
    expect(rows[1].values.handlerId).toBe('u-rep');
    expect(ws.collection('serviceRecords').live()).toHaveLength(0); // nothing written before confirming
    expect(writeImport(ws, entityDef(ws, 'serviceRecords'), rows, 'u-me')).toBe(1);
    expect(ws.collection('serviceRecords').live()[0]).toMatchObject({ minutesSpent: 90, handlerId: 'u-rep' });
  });

  it('imported opportunities get 机会金额 and the defaults (业务员 = the importing user, or the customer\'s owner)', () => {
    const ws = setup();
    const rows = preview(ws, 'opportunities', '主题,客户,预期金额,完成率(%)\n新机床,乙公司,100000,30\n备件,甲公司,5000,50\n');
    expect(rows.map((r) => r.errors)).toEqual([{}, {}]);
    expect(rows[0].values).toMatchObject({ amount: 30000, ownerId: 'u-me', status: 'active' });
    expect(rows[0].values.stageId).toBeTruthy();
    expect(rows[1].values).toMatchObject({ amount: 2500, ownerId: 'u-rep', departmentId: 'd1' });
    expect(writeImport(ws, entityDef(ws, 'opportunities'), rows, 'u-me')).toBe(2);
    expect(ws.collection('opportunities').live().map((r) => r.amount).sort()).toEqual([2500, 30000]);
  });

  it('a customers CSV without 客户类型 imports with the form\'s default', () => {
    const ws = setup();
    const rows = preview(ws, 'customers', '客户编码,客户名称\nKH9,丙公司\n');
    expect(rows[0].errors).toEqual({});
    expect(rows[0].values).toMatchObject({ kind: 'customer', ownerId: 'u-me' });
  });

  it('a CSV the form would refuse gets the same message per row (a complaint about nobody)', () => {
    const ws = setup();
    const def = entityDef(ws, 'complaints');
    const rows = preview(ws, 'complaints', '客户,投诉对象,投诉原因,投诉内容\n甲公司,人员,服务态度,态度差\n');
    const form = saveRecord(ws, def, { ...rows[0].values, status: undefined });
    expect(form.ok).toBe(false);
    if (form.ok) return;
    expect(Object.keys(rows[0].errors).length).toBeGreaterThan(0);
    expect(rows[0].errors).toEqual(form.refusal.fields!);
  });

  it('editing an approved quote from any path sends it back to draft', () => {
    const ws = setup();
    const def = entityDef(ws, 'quotes');
    const q = saveRecord(ws, def, { code: 'BJ1', customerId: 'cu1' });
    expect(q.ok && q.value).toMatchObject({ status: 'draft', ownerId: 'u-rep' });
    if (!q.ok) return;
    ws.collection('quotes').update(q.value.id, { status: 'approved' });
    const edited = saveRecord(ws, def, { note: '改了备注' }, q.value.id);
    expect(edited.ok && edited.value.status).toBe('draft');
    // a pending quote is locked
    ws.collection('quotes').update(q.value.id, { status: 'pending' });
    expect(saveRecord(ws, def, { note: '再改' }, q.value.id).ok).toBe(false);
  });

  it('the customer\'s owner is the default owner of a new opportunity, task and service record (SPEC B)', () => {
    const ws = setup();
    expect(newRecordValues(ws, 'opportunities', { customerId: 'cu1' }).ownerId).toBe('u-rep');
    expect(newRecordValues(ws, 'activities', { customerId: 'cu1' }).ownerId).toBe('u-rep');
    expect(newRecordValues(ws, 'serviceRecords', { customerId: 'cu1' }).handlerId).toBe('u-rep');
    expect(newRecordValues(ws, 'activities', { customerId: 'cu2' }).ownerId).toBe('u-me');
    expect(newRecordValues(ws, 'activities', { customerId: 'cu1', ownerId: 'u-me' }).ownerId).toBe('u-me');
  });
});

describe('the form follows the defaults until a field is chosen', () => {
  it('picking a customer makes its owner the owner; a chosen owner stays', async () => {
    const { followDefaults } = await import('../../domain/core/rules');
    const { ruleContext, rulesOf } = await import('./records');
    const ws = setup();
    const ctx = ruleContext(ws, 'u-me');
    const rules = rulesOf('activities');
    const start = newRecordValues(ws, 'activities', {}, 'u-me');
    expect(start.ownerId).toBe('u-me');
    // the user picks 甲公司 (owned by 李业务): the owner follows
    const picked = followDefaults(rules, ctx, {}, new Set(['customerId']), start, { ...start, customerId: 'cu1' });
    expect(picked.ownerId).toBe('u-rep');
    // owner chosen first, then the customer: the chosen owner stays
    const mine = { ...start, ownerId: 'u-me' };
    expect(followDefaults(rules, ctx, {}, new Set(['ownerId', 'customerId']), mine, { ...mine, customerId: 'cu1' }).ownerId).toBe('u-me');
    // from the customer's page (customer fixed by the page) a new task starts with the owner
    expect(newRecordValues(ws, 'activities', { customerId: 'cu1' }, 'u-me').ownerId).toBe('u-rep');
  });
});

describe('contact records keep their sequence on every path', () => {
  it('a record dated before a completed one, or an edit of a completed one, is refused by saveRecord itself', () => {
    const ws = setup();
    const opp = saveRecord(ws, entityDef(ws, 'opportunities'), { subject: '机床', customerId: 'cu1', expectedAmount: 1000 });
    if (!opp.ok) throw new Error(JSON.stringify(opp.refusal));
    const def = entityDef(ws, 'contactRecords');
    const first = saveRecord(ws, def, { opportunityId: opp.value.id, date: '2026-03-10', summary: '拜访' });
    if (!first.ok) throw new Error(JSON.stringify(first.refusal));
    expect(first.value).toMatchObject({ ownerId: 'u-me', completed: false, expectedAmount: 1000 });
    ws.collection('contactRecords').update(first.value.id, { completed: true });
    const early = saveRecord(ws, def, { opportunityId: opp.value.id, date: '2026-03-01', summary: '更早' });
    expect(early.ok || early.refusal.fields!.date).toBeTruthy();
    expect(early.ok).toBe(false);
    const edit = saveRecord(ws, def, { summary: '改' }, first.value.id);
    expect(edit.ok).toBe(false);
  });
});
