/**
 * The rows of a stored document (store/core/persistence.ts) and the IndexedDB calls that write
 * them, without Yjs: the document store and the worker that stores large received updates
 * (idb-writer.worker.ts) share them.
 */
export const UPDATES = 'updates';

export interface Part { i: number; n: number; b: Uint8Array }

/** An update as the rows that store it: itself, or parts of at most PART_BYTES. */
export function toRows(update: Uint8Array, size: number): (Uint8Array | Part)[] {
  if (update.length <= size) return [update];
  const n = Math.ceil(update.length / size);
  const out: Part[] = [];
  for (let i = 0; i < n; i++) out.push({ i, n, b: update.slice(i * size, (i + 1) * size) });
  return out;
}

export function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true });
      if (!db.objectStoreNames.contains('custom')) db.createObjectStore('custom');
    };
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Run writes on the updates store in one readwrite transaction; resolves when it commits. */
export function request(db: IDBDatabase, write: (s: IDBObjectStore) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction([UPDATES], 'readwrite');
      write(tx.objectStore(UPDATES));
    } catch (e) {
      reject(e);
      return;
    }
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => { /* abort follows */ };
  });
}
