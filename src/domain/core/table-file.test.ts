import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { decodeText, parseCsvText, readTable, TableFileError } from './table-file';
import { FORMULA_LIKE, toCsv } from './csv';

const gbk = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('table files as people have them', () => {
  it('reads UTF-8 with or without BOM, and GBK (detected or chosen)', () => {
    expect(decodeText(utf8('\ufeff客户,电话'))).toEqual({ text: '客户,电话', encoding: 'utf-8' });
    expect(decodeText(utf8('客户,电话'))).toEqual({ text: '客户,电话', encoding: 'utf-8' });
    // 客户名称 in GBK: BF CD BB A7 C3 FB B3 C6 — not valid UTF-8, so read as GB18030
    expect(decodeText(gbk('bfcdbba7c3fbb3c6'))).toEqual({ text: '客户名称', encoding: 'gb18030' });
    expect(decodeText(gbk('bfcdbba7c3fbb3c6'), 'gb18030').text).toBe('客户名称');
  });

  it('gives each row the line it starts on, across quoted line breaks and blank lines', async () => {
    const r = await parseCsvText('名称,备注\r\n甲,"两\r\n行"\r\n\r\n乙,"说""好"""\r\n');
    expect(r.rows).toEqual([['名称', '备注'], ['甲', '两\n行'], ['乙', '说"好"']]);
    expect(r.lines).toEqual([1, 2, 5]);
  });

  it('refuses an unclosed quote with its real line instead of swallowing the rows after it', async () => {
    const text = '名称,备注\n甲,好\n乙,"没有闭合\n丙,好\n丁,好\n';
    const err = await parseCsvText(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TableFileError);
    expect((err as TableFileError).label.zh).toContain('第 3 行');
    expect((err as TableFileError).label.en).toContain('Line 3');
  });

  it('reads the first sheet of an .xlsx: numbers and dates as the text a CSV would hold', async () => {
    const bytes = await writeXlsxFile([
      [{ value: '客户名称' }, { value: '注册资金' }, { value: '成立日期' }],
      [{ value: '杭州恒远' }, { value: 1200000 }, { value: new Date(Date.UTC(2020, 4, 8)), format: 'yyyy-mm-dd' }],
      [null, null, null],
      [{ value: '宁波海联' }, { value: 8.5 }, null],
    ]).toBuffer();
    const t = await readTable(new Uint8Array(bytes), '客户.xlsx');
    expect(t.encoding).toBe('xlsx');
    expect(t.header).toEqual(['客户名称', '注册资金', '成立日期']);
    expect(t.rows).toEqual([['杭州恒远', '1200000', '2020-05-08'], ['宁波海联', '8.5', '']]);
    expect(t.lines).toEqual([2, 4]);
  });

  it('a file with only a header has no data rows', async () => {
    await expect(readTable(utf8('名称,电话\n'), 'a.csv')).rejects.toBeInstanceOf(TableFileError);
  });
});

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula, keeps signed numbers', async () => {
    for (const bad of ['=HYPERLINK("http://x","点我")', '+cmd|calc', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(FORMULA_LIKE.test(bad)).toBe(true);
    for (const ok of ['-5', '+86 138', '-1,200.50', '杭州', '']) expect(FORMULA_LIKE.test(ok), ok).toBe(ok === '+86 138');
    const csv = await toCsv([['名称', '金额'], ['=HYPERLINK("http://x")', '-5']]);
    expect(csv).toBe('\ufeff名称,金额\r\n"\'=HYPERLINK(""http://x"")",-5\r\n');
  });
});
