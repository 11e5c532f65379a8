import type { BaseRecord } from '../../domain/core/record';
import { withTimes } from '../../domain/core/merge';

/**
 * How a record is held as a value of its collection's Y.Map: the UTF-8 bytes of its JSON.
 *
 * Why bytes and not a plain object (measured, docs/ARCHITECTURE.md "data shape"): Yjs decodes an
 * object value key by key into fresh JS objects, so opening a company-scale document (210,000
 * records) took 1.5–2 s and ~290 MB of heap before anything was shown. Bytes are copied, not
 * parsed, when the document loads (≈4× faster, ≈⅓ of the heap); a record is parsed the first time
 * something reads it, and only the records a page needs are ever parsed.
 *
 * `createdAt` and `updatedAt` are not stored: they are the times of the record's creation stamp
 * and of its latest field stamp, so they are derived when a record is decoded.
 *
 * Values written by older builds (plain objects) and JSON strings are still read.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeRecord(rec: BaseRecord): Uint8Array {
  const { createdAt: _a, updatedAt: _b, ...stored } = rec;
  void _a; void _b;
  return encoder.encode(JSON.stringify(stored));
}

/** The record a stored value holds, or undefined when it is not a record (garbage from a peer). */
export function decodeRecord(raw: unknown): BaseRecord | undefined {
  let value = raw;
  try {
    if (raw instanceof Uint8Array) value = JSON.parse(decoder.decode(raw));
    else if (typeof raw === 'string') value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  // schema-1 values stored the times; derived here all the same, so every reader (and the merge) agrees
  return withTimes(value);
}

export function isRecord(v: unknown): v is BaseRecord & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as BaseRecord).id === 'string'
    && Array.isArray((v as BaseRecord)._c);
}

/**
 * A test on stored bytes, without parsing them: "may this record hold `field` = `value`?".
 * encodeRecord writes the pair exactly as `"field":value` (JSON, no spaces), so bytes without it
 * cannot hold it; values that are not bytes (older builds) always may. Finds my 3,000 tasks among
 * 100,000 activities without parsing the other 97,000.
 */
export function mayHold(field: string, value: string | number | boolean): (raw: unknown) => boolean {
  const needle = encoder.encode(`${JSON.stringify(field)}:${JSON.stringify(value)}`);
  return (raw) => !(raw instanceof Uint8Array) || containsBytes(raw, needle);
}

/** A test on stored bytes, without parsing them: "may this record have the key `field`?" (values from older builds always may). */
export function mayHaveKey(field: string): (raw: unknown) => boolean {
  const needle = encoder.encode(`${JSON.stringify(field)}:`);
  return (raw) => !(raw instanceof Uint8Array) || containsBytes(raw, needle);
}

function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  // anchor on the field name's first letter: the quote before it is in every key and value
  const at = needle.length > 1 ? 1 : 0;
  const anchor = needle[at];
  const last = hay.length - needle.length + at;
  outer: for (let i = hay.indexOf(anchor, at); i !== -1 && i <= last; i = hay.indexOf(anchor, i + 1)) {
    const start = i - at;
    for (let j = 0; j < needle.length; j++) if (hay[start + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
