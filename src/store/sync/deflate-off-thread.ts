import { compressToFrames } from './deflate';
import { workerRequests } from '../core/worker-requests';

/**
 * Large peer messages (a join's whole document group, tens of MB) deflated by a worker: on the
 * page's thread the browser's CompressionStream held a host's main thread for seconds, while it
 * also had to encode the next group and feed the channels. Frames come back as they are made.
 */
export interface DeflateRequest { id: number; data: Uint8Array; chunk: number }
export type DeflateAnswer = { id: number; frames: Uint8Array[] } | { id: number; done: true } | { id: number; error: string };

/**
 * `compressToFrames`, one large message at a time across every connection of the page, in the
 * order asked; the next one starts once this one's frames are all handed to its channel
 * (`handedOver`, at most a few seconds). A join asks for every document group at once: deflated
 * and sent side by side, their frames shared the peers' data channels (whose throughput is
 * bound by the CPU, not the connection count) and every group arrived last, so the receiver
 * applied nothing until all had come. In turn, the core group (what every page reads) is whole
 * and being applied while the next one is still on the way.
 */
let turns: Promise<unknown> = Promise.resolve();
const HANDOVER_WAIT = 5000;
export function compressInTurn(data: Uint8Array, chunk: number, emit: (frames: Uint8Array[]) => void,
  handedOver: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  const deflated = turns.then(() => offThread(data, chunk, emit) ?? compressToFrames(data, chunk, emit));
  // a stalled channel holds the others back for a while, not for ever
  turns = deflated.then(() => Promise.race([handedOver(), new Promise((r) => setTimeout(r, HANDOVER_WAIT))])).catch(() => undefined);
  return deflated;
}

// a worker that stopped: what it was deflating is sent plain by the caller, later messages are deflated here
const toDeflater = workerRequests<DeflateAnswer>(
  () => new Worker(new URL('./deflate.worker.ts', import.meta.url), { type: 'module' }), 'deflate worker stopped');

/** Deflate in the worker; null where there are no workers (Node, or it could not start): then on this thread. */
function offThread(data: Uint8Array, chunk: number, emit: (frames: Uint8Array[]) => void): Promise<void> | null {
  // copied, not transferred: y-webrtc hands the same message to every connection of the room
  return toDeflater<void>((id) => ({ id, data, chunk } satisfies DeflateRequest), (answer, done, fail) => {
    if ('frames' in answer) emit(answer.frames);
    else if ('done' in answer) done();
    else fail(new Error(answer.error));
  });
}
