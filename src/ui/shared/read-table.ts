import { readTable, TableFileError, unreadable, type ParsedTable, type TextEncoding } from '../../domain/core/table-file';
import type { Label } from '../../domain/core/entity';

type Reply = { kind: 'progress'; rows: number } | { kind: 'done'; table: ParsedTable } | { kind: 'error'; label: Label };

/**
 * A CSV (UTF-8 or GBK, detected or chosen) or .xlsx file as a table, read in a worker with the
 * rows parsed so far reported; where workers are missing it is read here. Rejects with a
 * TableFileError whose label says why.
 */
export async function readTableFile(file: File, encoding: TextEncoding, onRows?: (n: number) => void): Promise<ParsedTable> {
  const bytes = await file.arrayBuffer();
  if (typeof Worker === 'undefined') return readTable(new Uint8Array(bytes), file.name, encoding, onRows);
  const worker = new Worker(new URL('./table-file.worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ParsedTable>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<Reply>) => {
        const m = e.data;
        if (m.kind === 'progress') onRows?.(m.rows);
        else if (m.kind === 'done') resolve(m.table);
        else reject(new TableFileError(m.label));
      };
      worker.onerror = (e) => reject(new TableFileError(unreadable(e.message)));
      worker.postMessage({ bytes, name: file.name, encoding }, [bytes]);
    });
  } finally {
    worker.terminate();
  }
}
