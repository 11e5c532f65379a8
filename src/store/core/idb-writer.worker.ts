/// <reference lib="webworker" />
// Stores large received updates off the main thread (see idb-writer.ts). The database is opened
// per write and closed after, so deleting a workspace on this device is never blocked by it.
import { openDb, request, toRows } from './idb-rows';
import type { WriteAnswer, WriteRequest } from './idb-writer';

self.onmessage = async (e: MessageEvent<WriteRequest>) => {
  const { id, name, update, partBytes } = e.data;
  let answer: WriteAnswer;
  try {
    const db = await openDb(name);
    try {
      const rows = toRows(update, partBytes);
      await request(db, (s) => { for (const r of rows) s.add(r); });
    } finally {
      db.close();
    }
    answer = { id, ok: true };
  } catch (err) {
    answer = { id, ok: false, error: String((err as Error)?.message ?? err) };
  }
  self.postMessage(answer);
};
