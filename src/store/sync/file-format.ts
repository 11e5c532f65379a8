import { CORE_GROUP } from '../../domain/registry';

/*
 * The .keyuan file format alone (no workspace, no IndexedDB), so that the Hocuspocus server's
 * daily backups (server/main.ts) are files every device can restore from. See file.ts.
 */

export const MAGIC = new TextEncoder().encode('KEYUAN-SYNC 1\n');
/** Largest file accepted (a company workspace is tens of MB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;
export const FILE_ORIGIN = 'keyuan:file';

export interface FileHeader {
  kind: 'full' | 'diff' | 'state';
  workspace: string;
  room: string;
  exportedAt: number;
  by: string;
  schema: number;
  /** For a diff: whom it was made for. */
  for?: string;
  /** The document groups of the sections, in order (absent: one section, the one document of schema ≤ 4). */
  groups?: string[];
}

/** One Yjs update or state vector per document group. */
export type Sections = Map<string, Uint8Array>;

export class SyncFileError extends Error {
  constructor(readonly code: 'not-keyuan' | 'too-large' | 'malformed' | 'newer' | 'other-room' | 'not-full') { super(code); }
}

export function pack(header: FileHeader, sections: Sections): Uint8Array {
  const h = new TextEncoder().encode(JSON.stringify({ ...header, groups: [...sections.keys()] }) + '\n');
  let size = MAGIC.length + h.length;
  for (const b of sections.values()) size += 4 + b.length;
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  out.set(h, MAGIC.length);
  let at = MAGIC.length + h.length;
  for (const b of sections.values()) {
    new DataView(out.buffer).setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  return out;
}

/** The sections after the header: one per group named in it, or the whole rest as core (an older file). */
export function unpack(header: FileHeader, body: Uint8Array): Sections {
  if (header.groups === undefined) return new Map([[CORE_GROUP, body]]);
  if (!Array.isArray(header.groups) || header.groups.some((g) => typeof g !== 'string')) throw new SyncFileError('malformed');
  const out: Sections = new Map();
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  for (const g of header.groups) {
    if (at + 4 > body.length) throw new SyncFileError('malformed');
    const n = view.getUint32(at);
    if (at + 4 + n > body.length) throw new SyncFileError('malformed');
    out.set(g, body.subarray(at + 4, at + 4 + n));
    at += 4 + n;
  }
  if (at !== body.length) throw new SyncFileError('malformed');
  return out;
}

