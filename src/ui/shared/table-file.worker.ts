/// <reference lib="webworker" />
// Reads a table file off the main thread (decoding, CSV or .xlsx parsing): a 10,000-row file
// does not freeze the page. ui/shared/read-table.ts starts it.
import { readTable, TableFileError, unreadable, type TextEncoding } from '../../domain/core/table-file';

export interface ReadRequest { bytes: ArrayBuffer; name: string; encoding: TextEncoding }

self.onmessage = async (e: MessageEvent<ReadRequest>) => {
  const { bytes, name, encoding } = e.data;
  try {
    const table = await readTable(new Uint8Array(bytes), name, encoding, (rows) => self.postMessage({ kind: 'progress', rows }));
    self.postMessage({ kind: 'done', table });
  } catch (err) {
    self.postMessage({ kind: 'error', label: err instanceof TableFileError ? err.label : unreadable(err) });
  }
};
