import { describe, expect, it } from 'vitest';
import { AGEING_BUCKETS, allDues, arrearsBy, type FinanceData } from '../../domain/finance/accounts';
import { customerValues, pyramid, type ValueData } from '../../domain/finance/pyramids';
import { DEFAULT_COUNTING_TYPES } from '../../domain/orders/entities';
import { salesActual } from '../../domain/finance/targets';
import { countRecords, sampleCompany } from '../../domain/sample';
import { seededWorkspace } from '../test-workspace';
import { loadSampleCompany } from './load';

const TODAY = '2026-11-24';
const live = (ws: ReturnType<typeof seededWorkspace>, name: string) => ws.collection(name).live();

describe('loading the sample company into a workspace', () => {
  it('writes every collection; the orders and money land in the orders group; arrears and pyramids have figures', () => {
    const ws = seededWorkspace();
    const t0 = performance.now();
    loadSampleCompany(ws, TODAY);
    const ms = performance.now() - t0;
    const expected = countRecords(sampleCompany({ history: true, today: TODAY }));
    for (const name of ['orders', 'orderLines', 'deliveries', 'returns', 'instalments', 'receipts', 'payments', 'expenses', 'dunningLogs', 'quotes', 'quoteLines', 'contactRecords', 'leads', 'projects', 'salesPlans']) {
      expect(live(ws, name), name).toHaveLength(expected[name]);
    }
    expect(ws.docOf('orders')).toBe(ws.docOf('receipts'));
    expect(ws.docOf('orders')).not.toBe(ws.doc);

    const money: FinanceData = {
      orders: live(ws, 'orders'), orderLines: live(ws, 'orderLines'), returnLines: live(ws, 'returnLines'),
      instalments: live(ws, 'instalments'), receipts: live(ws, 'receipts'), payments: live(ws, 'payments'),
    };
    const byCustomer = arrearsBy(allDues(money), 'customerId', TODAY);
    expect(byCustomer.length).toBeGreaterThan(3);
    for (const b of AGEING_BUCKETS) expect(byCustomer.some((r) => r.buckets[b.key] > 0), b.key).toBe(true);
    expect(arrearsBy(allDues(money), 'ownerId', TODAY).length).toBeGreaterThan(1);

    const data = {
      ...money, customers: live(ws, 'customers'), deliveries: live(ws, 'deliveries'), deliveryLines: live(ws, 'deliveryLines'),
      returns: live(ws, 'returns'), expenses: live(ws, 'expenses'), activities: live(ws, 'activities'), countingTypes: DEFAULT_COUNTING_TYPES,
    } as ValueData;
    const p = pyramid(customerValues(data, 'revenue', { from: '2025-11-25', to: TODAY }));
    expect(p.tiers.every((t) => t.count > 0)).toBe(true);
    expect(p.tiers[0].total).toBeGreaterThan(0);
    // the targets count this year's standard orders
    const actual = salesActual({ orders: money.orders, orderLines: money.orderLines, opportunities: live(ws, 'opportunities'), countingTypes: DEFAULT_COUNTING_TYPES },
      { scope: 'company' }, money.orders.map((o) => String(o.approvedAt ?? '')).filter(Boolean).sort().at(-1)!.slice(0, 7));
    expect(actual.orderIds.length).toBeGreaterThan(0);
    // a company-scale load is the bench's business; the demo company stays quick
    expect(ms).toBeLessThan(15_000);
  });

  it('adds no duplicate department: the new workspace\'s 总经理办公室 is reused; loading twice adds nothing', () => {
    const ws = seededWorkspace();
    const before = live(ws, 'departments');
    expect(before.map((d) => d.name)).toEqual(['总经理办公室']);
    loadSampleCompany(ws, TODAY);
    const names = live(ws, 'departments').map((d) => d.name).sort();
    expect(names).toEqual(['华东销售组', '华北销售组', '客户服务部', '市场部', '总经理办公室', '财务部', '销售部'].sort());
    // the sample's people and records of that department point at the existing one
    expect(ws.collection('users').get('us001')?.departmentId).toBe(before[0].id);
    expect(ws.collection('departments').get('dp001')).toBeUndefined();
    const counts = () => Object.fromEntries(['departments', 'users', 'roles', 'customers', 'orders', 'receipts', 'salesPlans', 'activities'].map((n) => [n, live(ws, n).length]));
    const once = counts();
    expect(loadSampleCompany(ws, TODAY)).toBe(0);
    // even on another day: the same ids, nothing new
    expect(loadSampleCompany(ws, '2027-01-05')).toBe(0);
    expect(counts()).toEqual(once);
  });

  it('a department the class made under the same name is reused too, references moved to it', () => {
    const ws = seededWorkspace();
    const sales = ws.collection('departments').create({ name: '销售部', code: 'X9' }).id;
    loadSampleCompany(ws, TODAY);
    expect(live(ws, 'departments').filter((d) => d.name === '销售部')).toHaveLength(1);
    expect(ws.collection('departments').get('dp003')?.parentId).toBe(sales);
    expect(ws.collection('users').get('us002')?.departmentId).toBe(sales);
    expect(live(ws, 'salesPlans').some((p) => p.departmentId === sales)).toBe(true);
  });

  it('the sample\'s roles replace the workspace\'s of the same name; the creator keeps a staff number of their own; the sample\'s records stay as generated', { timeout: 60_000 }, () => {
    const ws = seededWorkspace();
    const creator = live(ws, 'users')[0];
    expect(creator).toMatchObject({ code: 'E001', roleId: 'role-admin' });
    loadSampleCompany(ws, TODAY);
    const names = live(ws, 'roles').map((r) => String(r.name));
    expect(names.length).toBe(new Set(names).size);
    expect(names).toContain('组员'); // a starting role the sample lacks stays
    expect(ws.collection('roles').get('role-rep')).toBeUndefined();
    // the creator is the sample's administrator now, with the next free number
    expect(ws.collection('users').get(creator.id)).toMatchObject({ roleId: 'rl001', code: 'E015' });
    const codes = live(ws, 'users').map((u) => u.code);
    expect(codes.length).toBe(new Set(codes).size);
    // every sample role, user and approval rule is as generated (departments apart: they reuse the workspace's)
    const data = sampleCompany({ history: true, today: TODAY });
    for (const name of ['roles', 'users', 'approvalRules', 'discounts'] as const) {
      for (const { id, perms, departmentId, ...values } of data[name] ?? []) {
        void perms; void departmentId;
        expect(ws.collection(name).get(id), `${name} ${id}`).toMatchObject(values);
      }
    }
    expect(loadSampleCompany(ws, TODAY)).toBe(0);
    expect(live(ws, 'roles').map((r) => String(r.name)).sort()).toEqual([...names].sort());
  });
});
