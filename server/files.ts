import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write a file so that a crash (kill -9, power loss) leaves either the old or the new content:
 * written to a temporary file, flushed to disk, renamed over the old one, the folder flushed.
 */
export function writeFileDurably(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let at = 0;
    while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(dirname(path), 'r');
  try { fsyncSync(dir); } finally { closeSync(dir); }
}

/** A document name as a file name: only names of workspace documents (`keyuan-<id>[.<group>]`) are stored. */
export function safeName(documentName: string): string {
  if (!/^[A-Za-z0-9_-]{1,120}(\.[A-Za-z0-9_-]{1,60})?$/.test(documentName)) throw new Error(`refused document name ${JSON.stringify(documentName.slice(0, 80))}`);
  return documentName;
}
