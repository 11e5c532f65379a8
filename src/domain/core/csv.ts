/**
 * Cells a spreadsheet would run as a formula: a leading =, @, tab or CR, or a + or − that is not
 * simply a signed number. Such a cell is written with a leading ' so that a customer named
 * `=HYPERLINK(...)` stays text for whoever opens the export (OWASP "CSV injection").
 */
export const FORMULA_LIKE = /^(?:[=@\t\r]|[+-](?![\d.,]+$))/;

/**
 * CSV text (papaparse, loaded on the first export) with a BOM so that Excel opens Chinese text
 * as UTF-8; formula-like cells neutralised.
 */
export async function toCsv(rows: string[][]): Promise<string> {
  const { default: Papa } = await import('papaparse');
  return '\ufeff' + Papa.unparse(rows, { newline: '\r\n', escapeFormulae: FORMULA_LIKE }) + '\r\n';
}
