import type { BaseRecord } from '../../domain/core/record';
import { latestStamp } from '../../domain/core/merge';

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
  if (typeof value.createdAt === 'number' && typeof value.updatedAt === 'number') return value;
  return { ...value, createdAt: value._c[0], updatedAt: latestStamp(value)[0] } as BaseRecord;
}

export function isRecord(v: unknown): v is BaseRecord & Record<string, unknown> {
  return typeof v === 'object' && v !== null && typeof (v as BaseRecord).id === 'string'
    && Array.isArray((v as BaseRecord)._c);
}
