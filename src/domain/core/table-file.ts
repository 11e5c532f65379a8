import type { Label } from './entity';

/**
 * A table file as people have them: CSV in UTF-8 (with or without BOM) or GBK/GB18030 (what
 * Excel on a Chinese Windows saves), or an .xlsx workbook (its first sheet). The parsers are
 * well-kept packages (papaparse, read-excel-file), imported only when a file is read.
 */
export type TextEncoding = 'auto' | 'utf-8' | 'gb18030';

export interface ParsedTable {
  header: string[];
  rows: string[][];
  /** The file line each data row starts on (1 = the header), for messages people can find. */
  lines: number[];
  /** What the text was read as ('xlsx' for a workbook). */
  encoding: 'utf-8' | 'gb18030' | 'xlsx';
}

/** A file that cannot be read as a table; the label says why in both languages. */
export class TableFileError extends Error {
  constructor(readonly label: Label) {
    super(label.en);
  }
}

/** Why a file could not be read, for a failure that is not one of ours (a worker that would not start). */
export function unreadable(err: unknown): Label {
  const why = err instanceof Error ? err.message : String(err);
  return { zh: `无法读取文件:${why}`, en: `The file cannot be read: ${why}` };
}

/**
 * Bytes to text. `auto`: a UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GB18030
 * (a superset of GBK and GB2312), since a Chinese CSV that is not UTF-8 is almost always that.
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding = 'auto'): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'gb18030') return { text: new TextDecoder('gb18030').decode(bytes), encoding };
  if (encoding === 'utf-8' || bom) return { text: new TextDecoder('utf-8').decode(bom ? bytes.subarray(3) : bytes), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number, from = 0, line = 1): number {
  for (let i = from; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * CSV text to rows (RFC 4180 by papaparse), each with the line it starts on. A quote that is
 * never closed would swallow every row after it: that is refused with its line instead.
 */
export async function parseCsvText(text: string, onRow?: (n: number) => void): Promise<{ rows: string[][]; lines: number[] }> {
  const { default: Papa } = await import('papaparse');
  // one line break for the whole file: papaparse guesses one, and a file mixing CRLF and LF
  // would otherwise keep a stray LF inside the last cell of a row
  const s = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  const lines: number[] = [];
  let cursor = 0;
  let line = 1;
  let broken: number | null = null;
  Papa.parse<string[]>(s, {
    skipEmptyLines: 'greedy',
    newline: '\n',
    step: (r) => {
      // the row starts after the line breaks that ended the previous one
      let start = cursor;
      while (start < s.length && s[start] === '\n') start++;
      line = lineAt(s, start, cursor, line);
      cursor = start;
      if (r.errors.some((e) => e.code === 'MissingQuotes') && broken === null) broken = line;
      rows.push(r.data);
      lines.push(line);
      line = lineAt(s, r.meta.cursor, cursor, line);
      cursor = r.meta.cursor;
      if (onRow && rows.length % 1000 === 0) onRow(rows.length);
    },
  });
  if (broken !== null) {
    throw new TableFileError({
      zh: `第 ${broken} 行有一个没有闭合的引号("),后面的行会被当作同一个单元格。请在该行补上引号后再导入。`,
      en: `Line ${broken} has a quote (") that is never closed, so the rows after it would be read as one cell. Close it and import again.`,
    });
  }
  const kept = rows.map((_, i) => i).filter((i) => rows[i].some((c) => c.trim() !== ''));
  return { rows: kept.map((i) => rows[i]), lines: kept.map((i) => lines[i]) };
}

/** A workbook cell as the text a CSV would have held: dates as YYYY-MM-DD (with the time when it has one). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
  }
  return String(v);
}

/** The first sheet of an .xlsx workbook as rows of text (row n of the sheet is line n). */
export async function readXlsx(bytes: Uint8Array): Promise<{ rows: string[][]; lines: number[] }> {
  const { readSheet } = await import('read-excel-file/universal');
  let data: unknown[][];
  try {
    data = await readSheet(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer) as unknown[][];
  } catch {
    throw new TableFileError({ zh: '无法读取这个 Excel 文件(只支持 .xlsx)', en: 'This Excel file cannot be read (only .xlsx is supported)' });
  }
  const rows: string[][] = [];
  const lines: number[] = [];
  data.forEach((r, i) => {
    const cells = r.map(cellText);
    if (cells.some((c) => c.trim() !== '')) { rows.push(cells); lines.push(i + 1); }
  });
  return { rows, lines };
}

const isXlsx = (name: string, bytes: Uint8Array) =>
  /\.xlsx$/i.test(name) || (bytes[0] === 0x50 && bytes[1] === 0x4b && !/\.(csv|txt)$/i.test(name)); // a zip

/** Any table file: header row, data rows and their lines. */
export async function readTable(bytes: Uint8Array, name: string, encoding: TextEncoding = 'auto', onRow?: (n: number) => void): Promise<ParsedTable> {
  let out: { rows: string[][]; lines: number[] };
  let used: ParsedTable['encoding'];
  if (isXlsx(name, bytes)) {
    out = await readXlsx(bytes);
    used = 'xlsx';
  } else {
    const text = decodeText(bytes, encoding);
    out = await parseCsvText(text.text, onRow);
    used = text.encoding;
  }
  if (out.rows.length < 2) throw new TableFileError({ zh: '文件中没有数据行', en: 'The file has no data rows' });
  return { header: out.rows[0].map((h) => h.trim()), rows: out.rows.slice(1), lines: out.lines.slice(1), encoding: used };
}
