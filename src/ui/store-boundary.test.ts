import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/*
 * The UI reads and writes only through the store (ARCHITECTURE "Layers"): no page writes to a
 * collection or opens a transaction itself, and none reaches the device's Dexie database or the
 * Yjs document's library. Read as text, so the rule holds without a linter.
 */

/** A collection write: `.create(`, `.update(`, `.remove(`, `.restore(`, `.purge(` with arguments (not `el.remove()`, `classList.remove`, `Object.create`), or a transaction. */
const WRITE = /(?<![\w.]classList|\bObject)\.(create|update|remove|restore|purge)\((?!\))|\.transact\(/;
/** An import of device storage or of Yjs itself. */
const STORAGE = /\bfrom\s+['"][^'"]*(\/local-db|dexie|yjs)['"]|\blocalDb\(/;

/** Comments are not code: a comment may name a write. (`//` only after a space or at a line's start: `ws://` stays.) */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function violations(pattern: RegExp): string[] {
  return sources(__dirname).flatMap((file) => code(readFileSync(file, 'utf8')).split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [`${relative(__dirname, file)}:${i + 1}: ${line.trim()}`] : [])));
}

describe('src/ui reads and writes through the store', () => {
  it('the patterns catch writes and nothing else', () => {
    for (const w of ["ctx.ws.collection('roles').update(id, patch)", 'col.remove(r.id)', "ws.collection('x').create({ a: 1 })", 'contacts.purge(id)', 'ctx.ws.transact(() => 1)'])
      expect(WRITE.test(w), w).toBe(true);
    for (const ok of ["p.set('month', m)", 'map.set(k, v)', "el.classList.remove('open')", 'node.remove()', 'Object.create(null)', 'URL.createObjectURL(blob)', 'restoreFromBin(ctx.ws, e, id)'])
      expect(WRITE.test(ok), ok).toBe(false);
    expect(STORAGE.test("import { localDb } from '../../store/core/local-db';")).toBe(true);
    expect(STORAGE.test("import * as Y from 'yjs';")).toBe(true);
    expect(STORAGE.test("import { saveLayout } from '../../store/core/layouts';")).toBe(false);
    expect(code('const u = "ws://host"; // col.update(x, y)')).toBe('const u = "ws://host"; ');
  });

  it('no UI file writes to a collection or opens a transaction (call a function of store/<module>)', () => {
    expect(violations(WRITE)).toEqual([]);
  });

  it('no UI file imports local-db, Dexie or Yjs (device storage has functions in store/core)', () => {
    expect(violations(STORAGE)).toEqual([]);
  });
});
