import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { FRAME_FINAL_Z, FRAME_MORE, concat } from './deflate';

/**
 * Defences for messages from peers, kept free of WebRTC so they can be tested in Node.
 *
 * Framing: a WebRTC data channel drops or closes on messages above its SCTP limit (256 KiB in
 * Chromium), and y-webrtc sends a whole document as one message. Every message our peers send
 * is cut into frames: one header byte (FRAME_MORE: more follows, FRAME_FINAL: last frame) and
 * a payload. The receiver reassembles up to a size limit and drops anything else.
 *
 * Inspection: the reassembled y-webrtc message is checked before y-webrtc sees it: known
 * message types only, a size limit per type, decodable headers.
 */
export const FRAME_FINAL = 0xa0;
export { FRAME_MORE, FRAME_FINAL_Z, compress, compressToFrames, decompress } from './deflate';
/** Messages above this size are compressed before framing (records compress several times over). */
export const COMPRESS_ABOVE = 64 * 1024;

/** Default limits (bytes) for what a peer may send in one message. */
export interface Limits {
  /** A document update or a sync answer (a whole company workspace fits). */
  update: number;
  /** A state vector (sync step 1). */
  stateVector: number;
  /** A presence (awareness) message. */
  awareness: number;
}
export const DEFAULT_LIMITS: Limits = { update: 256 * 1024 * 1024, stateVector: 1024 * 1024, awareness: 64 * 1024 };

/** Cut a message into frames of at most `chunk` bytes (header included); `compressed` marks the last one. */
export function toFrames(message: Uint8Array, chunk: number, compressed = false): Uint8Array[] {
  const size = Math.max(2, chunk) - 1;
  const out: Uint8Array[] = [];
  for (let at = 0; at < message.length || out.length === 0; at += size) {
    const part = message.subarray(at, Math.min(message.length, at + size));
    const frame = new Uint8Array(part.length + 1);
    frame[0] = at + size >= message.length ? (compressed ? FRAME_FINAL_Z : FRAME_FINAL) : FRAME_MORE;
    frame.set(part, 1);
    out.push(frame);
  }
  return out;
}

export type FrameResult =
  | { kind: 'partial' }
  | { kind: 'message'; message: Uint8Array; compressed: boolean }
  | { kind: 'rejected'; reason: 'bad-frame' | 'too-large' };

/** Joins the frames of one peer; never holds more than `limit` bytes. */
export class Reassembler {
  private parts: Uint8Array[] = [];
  private size = 0;
  private discarding = false;
  constructor(private readonly limit: number) {}

  push(frame: Uint8Array): FrameResult {
    const flag = frame[0];
    if (frame.length < 1 || (flag !== FRAME_FINAL && flag !== FRAME_MORE && flag !== FRAME_FINAL_Z)) {
      this.reset();
      return { kind: 'rejected', reason: 'bad-frame' };
    }
    const payload = frame.subarray(1);
    if (!this.discarding) {
      this.size += payload.length;
      if (this.size > this.limit) {
        this.parts = [];
        this.discarding = true;
      } else {
        this.parts.push(payload.slice());
      }
    }
    if (flag === FRAME_MORE) return { kind: 'partial' };
    if (this.discarding) {
      this.reset();
      return { kind: 'rejected', reason: 'too-large' };
    }
    const message = this.parts.length === 1 ? this.parts[0] : concat(this.parts, this.size);
    this.reset();
    return { kind: 'message', message, compressed: flag === FRAME_FINAL_Z };
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
    this.discarding = false;
  }
}

/** Message types of the y-webrtc / y-websocket protocol. */
export const MSG_SYNC = 0;
export const MSG_AWARENESS = 1;
export const MSG_AUTH = 2;
export const MSG_QUERY_AWARENESS = 3;
export const MSG_BC_PEER_ID = 4;

export type Inspection =
  | { ok: true; kind: 'step1'; stateVector: Map<number, number> }
  | { ok: true; kind: 'step2' | 'update'; bytes: number; body: Uint8Array }
  | { ok: true; kind: 'awareness'; clients: number[] }
  | { ok: true; kind: 'query-awareness' }
  | { ok: false; reason: 'too-large' | 'unknown-type' | 'malformed'; detail?: string };

/**
 * Check one protocol message from a peer before it is applied. `allowBcPeerId` is false for
 * WebRTC and WebSocket: only tabs of this browser may announce themselves that way.
 */
export function inspectMessage(msg: Uint8Array, limits: Limits = DEFAULT_LIMITS): Inspection {
  try {
    const d = decoding.createDecoder(msg);
    const type = decoding.readVarUint(d);
    if (type === MSG_SYNC) {
      const sub = decoding.readVarUint(d);
      const body = decoding.readVarUint8Array(d);
      if (sub === 0) {
        if (body.length > limits.stateVector) return { ok: false, reason: 'too-large', detail: `state vector ${body.length}` };
        return { ok: true, kind: 'step1', stateVector: Y.decodeStateVector(body) };
      }
      if (sub === 1 || sub === 2) {
        if (body.length > limits.update) return { ok: false, reason: 'too-large', detail: `update ${body.length}` };
        return { ok: true, kind: sub === 1 ? 'step2' : 'update', bytes: body.length, body };
      }
      return { ok: false, reason: 'unknown-type', detail: `sync ${sub}` };
    }
    if (type === MSG_AWARENESS) {
      if (msg.length > limits.awareness) return { ok: false, reason: 'too-large', detail: `awareness ${msg.length}` };
      const u = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(u);
      const clients: number[] = [];
      for (let i = 0; i < n; i++) {
        clients.push(decoding.readVarUint(u));
        decoding.readVarUint(u);
        const state = decoding.readVarString(u);
        JSON.parse(state);
      }
      return { ok: true, kind: 'awareness', clients };
    }
    if (type === MSG_QUERY_AWARENESS) return { ok: true, kind: 'query-awareness' };
    return { ok: false, reason: 'unknown-type', detail: `type ${type}` };
  } catch (e) {
    return { ok: false, reason: 'malformed', detail: String((e as Error)?.message ?? e) };
  }
}

/** Chunk size for a data channel: below its negotiated limit, 64 KiB at most. */
export function chunkSize(maxMessageSize: number | null | undefined): number {
  const max = typeof maxMessageSize === 'number' && maxMessageSize > 0 ? maxMessageSize : 16 * 1024;
  return Math.min(64 * 1024, max);
}

