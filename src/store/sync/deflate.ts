/**
 * Deflating large peer messages and framing them (see guard.ts for the frame format), with no
 * other dependency: deflate.worker.ts runs the same code off the page's thread.
 */
export const FRAME_MORE = 0xa1;
/** Last frame of a message whose payload is deflate-compressed (large messages: a whole workspace). */
export const FRAME_FINAL_Z = 0xa2;

export function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/**
 * The stream's output, the input written in one piece: a third faster than piping a Blob's
 * stream through it (its 64 KiB reads), measured in Chromium on 31 MB of records.
 */
function through(data: Uint8Array, stream: CompressionStream | DecompressionStream): ReadableStreamDefaultReader<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(data as BufferSource).catch(() => undefined); // a failure reaches the reader
  writer.close().catch(() => undefined);
  return stream.readable.getReader();
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const reader = through(data, stream);
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('too-large');
    }
    parts.push(value);
  }
  return concat(parts, size);
}

/**
 * Deflate a large message into frames as the deflated bytes come (the browser's own
 * CompressionStream), handing each batch of full frames to `emit` at once: the first frames are
 * on the wire while the rest is still being compressed (a company workspace takes seconds to
 * deflate). The frames are those `toFrames(await compress(data), chunk, true)` would make: each
 * deflated chunk is copied once, into the frame it lands in.
 */
export async function compressToFrames(data: Uint8Array, chunk: number, emit: (frames: Uint8Array[]) => void): Promise<void> {
  const size = Math.max(2, chunk) - 1;
  const reader = through(data, new CompressionStream('deflate-raw'));
  // the frame being filled (payload after its header byte): it goes out once full and more
  // follows, so the last deflated bytes always end up in the final frame
  let frame = new Uint8Array(size + 1);
  let fill = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const full: Uint8Array[] = [];
    for (let at = 0; at < value.length;) {
      if (fill === size) {
        frame[0] = FRAME_MORE;
        full.push(frame);
        frame = new Uint8Array(size + 1);
        fill = 0;
      }
      const n = Math.min(size - fill, value.length - at);
      frame.set(value.subarray(at, at + n), 1 + fill);
      fill += n;
      at += n;
    }
    if (full.length) emit(full);
  }
  frame[0] = FRAME_FINAL_Z;
  emit([fill === size ? frame : frame.slice(0, 1 + fill)]);
}

/** Deflate a large message before framing (the browser's own CompressionStream). */
export function compress(data: Uint8Array): Promise<Uint8Array> {
  return pipe(data, new CompressionStream('deflate-raw'), Number.MAX_SAFE_INTEGER);
}

/** Inflate a received message, never past `limit` bytes (a small message must not unpack into gigabytes). */
export function decompress(data: Uint8Array, limit: number): Promise<Uint8Array> {
  return pipe(data, new DecompressionStream('deflate-raw'), limit);
}
