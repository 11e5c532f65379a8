/**
 * Large received updates stored by a worker (idb-writer.worker.ts) instead of the main thread:
 * IndexedDB serialises a value when it is added, and for a whole company workspace (~80 MB)
 * that was about a second of a joining peer's main thread. Posting the bytes to the worker is a
 * plain copy. Rows keep the document store's layout (idb-rows.ts), so loading is unchanged.
 */
export interface WriteRequest { id: number; name: string; update: Uint8Array; partBytes: number }
export type WriteAnswer = { id: number; ok: true } | { id: number; ok: false; error: string };

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

/** Store `update` in database `name` from the worker; null where there are no workers (Node). */
export function writeOffThread(name: string, update: Uint8Array, partBytes: number): Promise<void> | null {
  const w = writer();
  if (!w) return null;
  const id = ++nextId;
  return new Promise<void>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, name, update, partBytes } satisfies WriteRequest);
  });
}

function writer(): Worker | null {
  if (worker !== undefined) return worker;
  if (typeof Worker === 'undefined') return (worker = null);
  try {
    worker = new Worker(new URL('./idb-writer.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = (e: MessageEvent<WriteAnswer>) => {
    const w = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    if (e.data.ok) w?.resolve();
    else w?.reject(new Error(e.data.error));
  };
  // a worker that cannot start or crashed: what it held is written on the main thread, and so is everything after
  worker.onerror = () => {
    worker?.terminate();
    worker = null;
    for (const w of waiting.values()) w.reject(new Error('IndexedDB writer stopped'));
    waiting.clear();
  };
  return worker;
}
