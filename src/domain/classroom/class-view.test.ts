import { describe, expect, it } from 'vitest';
import type { BaseRecord } from '../core/record';
import type { Errors } from '../core/validate';
import { contributions, gradeTable, lastActivity, parseClassList, problems, recordsByModule, type RecordSet } from './class-view';

const rec = (id: string, createdBy: string, extra: Partial<BaseRecord> = {}): BaseRecord =>
  ({ id, createdAt: 1000, createdBy, updatedAt: 1000, updatedBy: createdBy, _c: [1000, 1], ...extra });

describe('contributions by member, from the authorship stamps and the change log', () => {
  const sets: RecordSet[] = [
    { entity: 'customers', module: 'customers', records: [rec('c1', 'ann'), rec('c2', 'ann'), rec('c3', 'bob', { deleted: true }),
      rec('c4', 'bob', { updatedAt: 5000, updatedBy: 'ann', _s: { name: [5000, 2] } })] },
    { entity: 'contacts', module: 'customers', records: [rec('p1', 'bob')] },
    { entity: 'opportunities', module: 'sales', records: [rec('o1', 'cy')] },
  ];
  const edits = [
    { c: 'customers', r: 'c1', u: 'bob' }, { c: 'customers', r: 'c1', u: 'bob' }, // the same record twice: one record edited
    { c: 'opportunities', r: 'o1', u: 'bob' },
    { c: 'customers', r: 'c2', u: 'cy', k: 'purge' }, // a purge is not an edit
    { c: '', r: '', u: 'ann', k: 'sys' }, // a system event neither
    { c: 'notAnEntity', r: 'x', u: 'ann' },
  ];
  const out = contributions(sets, edits);
  const by = Object.fromEntries(out.map((c) => [c.member, c]));

  it('counts records created per module, the recycle bin included', () => {
    expect(by.ann.byModule.customers.created).toBe(2);
    expect(by.bob.byModule.customers.created).toBe(3); // c3 (binned), c4, contact p1
    expect(by.cy.byModule.sales.created).toBe(1);
  });
  it('counts distinct records edited: log entries by writer, and a later updatedBy', () => {
    expect(by.bob.byModule.customers.edited).toBe(1); // c1 (twice in the log)
    expect(by.bob.byModule.sales.edited).toBe(1);
    expect(by.ann.byModule.customers.edited).toBe(1); // c4, its updatedBy after creation
    expect(by.cy.total.edited).toBe(0);
    expect(by.bob.total).toEqual({ created: 3, edited: 2 });
  });
  it('orders members by how much they did', () => {
    expect(out.map((c) => c.member)).toEqual(['bob', 'ann', 'cy']);
  });
  it('live records per module and the last activity, never in the future', () => {
    expect(recordsByModule(sets)).toEqual({ customers: 4, sales: 1 });
    expect(lastActivity(sets, 9000)).toBe(5000);
    expect(lastActivity([{ entity: 'x', module: 'x', records: [rec('f', 'a', { updatedAt: 99_999 })] }], 9000)).toBe(9000);
  });
});

describe('problems of a group', () => {
  it('lists malformed records once, rule breaks, corrupt entries; skips the bin', () => {
    const sets: RecordSet[] = [{ entity: 'customers', module: 'customers', records: [
      rec('ok', 'a'), rec('bad', 'a', { name: { x: 1 } }), rec('dup', 'a'), rec('binned', 'a', { deleted: true }),
    ] }];
    const found = problems(sets, {
      malformedErrors: (_e, r): Errors => (typeof r.name === 'object' ? { name: { zh: '格式错误', en: 'malformed' } } : {}),
      ruleErrors: (_e, r): Errors => (r.id === 'dup' || r.id === 'bad' || r.id === 'binned' ? { code: { zh: '已存在', en: 'exists' } } : {}),
    }, [{ entity: 'customers', key: 'junk' }]);
    expect(found.map((p) => [p.kind, p.recordId])).toEqual([['malformed', 'bad'], ['rule', 'dup'], ['corrupt', 'junk']]);
    expect(found[1].message).toEqual({ zh: 'code: 已存在', en: 'code: exists' });
  });
});

describe('the class list file', () => {
  const isCode = (c: string) => c.startsWith('KY1.');
  it('reads a header in Chinese or English, or none', () => {
    expect(parseClassList([['组名', '加入码', '密码'], ['第1组', 'KY1.a', 'p1']], isCode)).toEqual({ groups: [{ name: '第1组', code: 'KY1.a', password: 'p1' }], errors: [] });
    expect(parseClassList([['Password', 'Code', 'Group'], ['p2', 'KY1.b', 'G2']], isCode).groups).toEqual([{ name: 'G2', code: 'KY1.b', password: 'p2' }]);
    expect(parseClassList([['第3组', 'KY1.c', 'p3']], isCode).groups).toHaveLength(1);
  });
  it('gives every bad row its own message with its line, in Chinese and English, and keeps the good rows', () => {
    const { groups, errors } = parseClassList([
      ['组名', '加入码', '密码'],
      ['第1组', 'KY1.a', 'p1'],
      ['', 'KY1.b', 'p'],
      ['第3组', '', 'p'],
      ['第4组', 'hello', 'p'],
      ['第5组', 'KY1.e', ''],
      ['第6组', 'KY1.a', 'p'],
      ['', '', ''],
      ['第8组', 'KY1.h', 'p8'],
    ], isCode, [1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(groups.map((g) => g.name)).toEqual(['第1组', '第8组']);
    expect(errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7]);
    expect(errors.map((e) => e.message.zh)).toEqual([
      '第 3 行:缺少组名', '第 4 行:“第3组”缺少加入码', '第 5 行:“第4组”的加入码无效', '第 6 行:“第5组”缺少密码', '第 7 行:加入码与第 2 行重复',
    ]);
    expect(errors[2].message.en).toBe('Line 5: the join code of “第4组” is not valid');
  });
  it('says so when a file lists no group at all', () => {
    expect(parseClassList([['组名', '加入码', '密码']], isCode).errors[0].message.en).toBe('The file lists no groups');
  });
});

describe('the grading table', () => {
  it('one row per member: created / edited per module, progress per experiment, times as given', () => {
    const table = gradeTable([
      { group: '第1组', member: '安', lastActivity: 5000, lastSynced: 0, problems: 2, byModule: { customers: { created: 3, edited: 1 } },
        progress: [{ experiment: 'e1', title: { zh: '实验一', en: 'Lab 1' }, done: 2, total: 5 }] },
    ], [{ key: 'customers', label: '客户' }, { key: 'sales', label: '销售' }], [{ key: 'e1', label: '实验一' }],
    { group: '小组', member: '成员', last: '最近活动', synced: '最近同步', problems: '问题', created: '新建', edited: '编辑' }, (ms) => `t${ms}`);
    expect(table).toEqual([
      ['小组', '成员', '最近活动', '最近同步', '问题', '客户 新建', '客户 编辑', '销售 新建', '销售 编辑', '实验一'],
      ['第1组', '安', 't5000', '', '2', '3', '1', '0', '0', '2/5'],
    ]);
  });
});

describe('the grading table as CSV (domain/core/csv.ts)', () => {
  it('is the repo’s CSV: BOM, CRLF, quoted where needed, a member named like a formula stays text', async () => {
    const { toCsv } = await import('../core/csv');
    const table = gradeTable([{ group: '第1组, A', member: '=HYPERLINK("x")', lastActivity: 0, lastSynced: 0, problems: 0, byModule: {}, progress: [] }],
      [{ key: 'customers', label: '客户' }], [], { group: 'G', member: 'M', last: 'L', synced: 'S', problems: 'P', created: 'c', edited: 'e' }, String);
    const csv = await toCsv(table);
    expect(csv).toBe('\ufeffG,M,L,S,P,客户 c,客户 e\r\n"第1组, A","\'=HYPERLINK(""x"")",,,0,0,0\r\n');
  });
});
