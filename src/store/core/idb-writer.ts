import { workerRequests } from './worker-requests';

/**
 * Large received updates stored by a worker (idb-writer.worker.ts) instead of the main thread:
 * IndexedDB serialises a value when it is added, and for a whole company workspace (~80 MB)
 * that was about a second of a joining peer's main thread. Posting the bytes to the worker is a
 * plain copy. Rows keep the document store's layout (idb-rows.ts), so loading is unchanged.
 */
export interface WriteRequest { id: number; name: string; update: Uint8Array; partBytes: number }
export type WriteAnswer = { id: number; ok: true } | { id: number; ok: false; error: string };

const toWriter = workerRequests<WriteAnswer>(
  () => new Worker(new URL('./idb-writer.worker.ts', import.meta.url), { type: 'module' }), 'IndexedDB writer stopped');

/** Store `update` in database `name` from the worker; null where there are no workers (Node). */
export function writeOffThread(name: string, update: Uint8Array, partBytes: number): Promise<void> | null {
  return toWriter<void>((id) => ({ id, name, update, partBytes } satisfies WriteRequest),
    (answer, done, fail) => (answer.ok ? done() : fail(new Error(answer.error))));
}
