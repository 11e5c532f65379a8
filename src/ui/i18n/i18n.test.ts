import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zh } from './zh';
import { en } from './en';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('UI languages', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('define every key the UI asks for', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[\w.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in zh) || !(k in en));
    expect(missing).toEqual([]);
  });

  it('keep Chinese text out of components (it belongs in the message tables)', () => {
    const offenders = sources(join(__dirname, '..'))
      .filter((f) => !f.includes('i18n') && !f.endsWith('.test.ts'))
      .filter((f) => /^(?!\s*(\/\/|\*|\/\*)).*[\u4e00-\u9fff]/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
