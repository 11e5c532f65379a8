/// <reference lib="webworker" />
// Deflates large peer messages into frames off the page's thread (see deflate-off-thread.ts).
import { compressToFrames } from './deflate';
import type { DeflateAnswer, DeflateRequest } from './deflate-off-thread';

const answer = (a: DeflateAnswer, transfer: Transferable[] = []) => self.postMessage(a, transfer);

self.onmessage = async (e: MessageEvent<DeflateRequest>) => {
  const { id, data, chunk } = e.data;
  try {
    await compressToFrames(data, chunk, (frames) => answer({ id, frames }, frames.map((f) => f.buffer)));
    answer({ id, done: true });
  } catch (err) {
    answer({ id, error: String((err as Error)?.message ?? err) });
  }
};
