import { describe, expect, it } from 'vitest';
import type { EntityDef } from './entity';
import { fieldLabel, titleText, valueText, fieldDefOf, type NameEnv } from './history-format';

const DEFS: Record<string, EntityDef> = {
  customers: { key: 'customers', module: 'customers', label: { zh: '客户档案', en: 'Customers' }, titleField: 'name', fields: [
    { key: 'name', label: { zh: '客户名称', en: 'Name' }, type: 'text' },
    { key: 'ownerId', label: { zh: '专管业务员', en: 'Owner' }, type: 'ref', ref: 'users' },
    { key: 'industry', label: { zh: '行业', en: 'Industry' }, type: 'dict', dict: 'industry' },
    { key: 'creditLimit', label: { zh: '信用额度', en: 'Credit limit' }, type: 'money' },
    { key: 'nextContact', label: { zh: '下次联系时间', en: 'Next contact' }, type: 'date' },
    { key: 'rate', label: { zh: '完成率', en: 'Rate' }, type: 'percent' },
    { key: 'vip', label: { zh: '重点', en: 'Key' }, type: 'bool' },
  ] },
  users: { key: 'users', module: 'org', label: { zh: '用户', en: 'Users' }, titleField: 'name', fields: [{ key: 'name', label: { zh: '姓名', en: 'Name' }, type: 'text' }] },
  products: { key: 'products', module: 'products', label: { zh: '产品', en: 'Products' }, titleField: 'name', fields: [{ key: 'name', label: { zh: '名称', en: 'Name' }, type: 'text' }] },
  quotes: { key: 'quotes', module: 'sales', label: { zh: '报价单', en: 'Quotes' }, titleField: 'code', fields: [{ key: 'code', label: { zh: '报价单号', en: 'No.' }, type: 'text' }] },
  quoteLines: { key: 'quoteLines', module: 'sales', label: { zh: '报价明细', en: 'Quote lines' }, titleField: 'productId', embedded: true,
    parent: { entity: 'quotes', field: 'quoteId', onDelete: 'cascade' }, fields: [
      { key: 'productId', label: { zh: '产品', en: 'Product' }, type: 'ref', ref: 'products' },
      { key: 'quantity', label: { zh: '数量', en: 'Quantity' }, type: 'number' },
    ] },
  opportunities: { key: 'opportunities', module: 'sales', label: { zh: '商机', en: 'Opportunities' }, titleField: 'subject', fields: [],
    nested: [{ key: 'teamIds', label: { zh: '销售团队', en: 'Sales team' }, ref: 'users' }] } as EntityDef,
};
const RECORDS: Record<string, Record<string, unknown>> = {
  'users/u1': { id: 'u1', name: '王芳' },
  'users/u2': { id: 'u2', name: '李强', deleted: true },
  'products/p1': { id: 'p1', name: 'ERP 标准版' },
  'quotes/q1': { id: 'q1', code: 'BJ-0001' },
};
const env = (lang: 'zh' | 'en' = 'zh'): NameEnv => ({
  lang,
  record: (e, id) => RECORDS[`${e}/${id}`],
  def: (e) => DEFS[e],
  dictLabel: (d, c) => (d === 'industry' && c === 'it' ? (lang === 'zh' ? '信息技术' : 'IT') : ''),
  words: { empty: '(空)', yes: '是', no: '否', missing: (w) => `(已删除的${w})`, complex: '(复杂值)' },
});
const cust = DEFS.customers;
const v = (field: string, value: unknown, lang?: 'zh' | 'en') => valueText(fieldDefOf(cust, field), value, env(lang));

describe('history people can read', () => {
  it('names references by their display name — in the bin too — and a gone one as missing, never by id', () => {
    expect(v('ownerId', 'u1')).toBe('王芳');
    expect(v('ownerId', 'u2')).toBe('李强');
    expect(v('ownerId', 'u9')).toBe('(已删除的用户)');
  });

  it('shows dictionary labels, money, days, percentages and flags', () => {
    expect(v('industry', 'it')).toBe('信息技术');
    expect(v('industry', 'it', 'en')).toBe('IT');
    expect(v('creditLimit', 1234567.5)).toBe('1,234,567.50');
    expect(v('nextContact', '2024-03-05')).toBe('2024/03/05');
    expect(v('nextContact', '2024-03-05', 'en')).toBe('05/03/2024');
    expect(v('rate', 42.5)).toBe('42.5%');
    expect(v('vip', true)).toBe('是');
    expect(v('name', null)).toBe('(空)');
  });

  it('never shows JSON: objects from a peer are "complex", lists of ids are names', () => {
    expect(v('creditLimit', { amount: 5 })).toBe('(复杂值)');
    expect(v('name', { toString: 'x' })).toBe('(复杂值)');
    expect(valueText(undefined, ['a', 'b'], env())).toBe('a、b');
    expect(valueText(fieldDefOf(DEFS.opportunities, 'teamIds'), ['u1', 'u2'], env())).toBe('王芳、李强');
  });

  it('names fields by label, rows by their parent, number and title', () => {
    expect(fieldLabel(cust, 'creditLimit', 'zh')).toBe('信用额度');
    expect(fieldLabel(cust, 'creditLimit', 'en')).toBe('Credit limit');
    expect(fieldLabel(DEFS.opportunities, 'teamIds', 'zh')).toBe('销售团队');
    expect(titleText(cust, { name: '杭州恒远' }, env())).toBe('杭州恒远');
    expect(titleText(DEFS.quoteLines, { quoteId: 'q1', seq: 1, productId: 'p1' }, env())).toBe('BJ-0001 · 报价明细 2 · ERP 标准版');
    expect(titleText(DEFS.quoteLines, { quoteId: 'q1', seq: 0, productId: 'p1' }, env('en'))).toBe('BJ-0001 · Quote lines 1 · ERP 标准版');
  });
});
