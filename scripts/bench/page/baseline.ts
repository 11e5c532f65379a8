export {};
// The baseline of DESIGN.md, "the physical limit" of a cold open: a page with no other code
// that reads every record stored as plain JSON in one IndexedDB object store (written by
// bench.ts) and parses them. Marks `baseline:read-start` and `baseline:parsed`, measured from
// navigation like the app's own `keyuan:list-painted`.
const BASELINE_DB = 'keyuan-bench-baseline';

function idb<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
}

async function readAll(): Promise<Record<string, unknown>[]> {
  performance.mark('baseline:read-start');
  const db = await idb(indexedDB.open(BASELINE_DB));
  const rows = await idb(db.transaction('records').objectStore('records').getAll());
  db.close();
  const parsed = rows.map((s) => JSON.parse(s as string) as Record<string, unknown>);
  performance.mark('baseline:parsed');
  return parsed;
}

const records = await readAll();
const customers = records.filter((r) => typeof r.code === 'string' && r.code.startsWith('KH'));

/** Plain filtering of the same customers: the baseline of a filter keystroke. */
function filter(needles: string[]): number[] {
  return needles.map((n) => {
    const t0 = performance.now();
    void customers.filter((r) => String(r.name).includes(n) || String(r.code).includes(n)).length;
    return performance.now() - t0;
  });
}

Object.assign(window, { keyuanBaseline: { count: records.length, customers: customers.length, filter } });
document.getElementById('out')!.textContent = `${records.length} records`;
