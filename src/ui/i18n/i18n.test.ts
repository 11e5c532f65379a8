import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGES } from '../messages';
import { joinTables } from '.';

const zh = joinTables('zh');
const en = joinTables('en');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('UI languages', () => {
  it('have the same keys and no empty message', () => {
    for (const [name, m] of Object.entries(MESSAGES)) expect(Object.keys(m.en).sort(), name).toEqual(Object.keys(m.zh).sort());
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('each key is defined by one module only', () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, m] of Object.entries(MESSAGES)) {
      for (const k of Object.keys(m.zh)) {
        if (owner.has(k)) twice.push(`${k} (${owner.get(k)}, ${name})`);
        owner.set(k, name);
      }
    }
    expect(twice).toEqual([]);
  });

  it('every module folder with a messages.ts is in the list (ui/messages.ts)', () => {
    const root = join(__dirname, '..');
    const folders = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory() && readdirSync(join(root, n)).includes('messages.ts'));
    expect(folders.sort()).toEqual(Object.keys(MESSAGES).sort());
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
      .filter((f) => !f.includes('i18n') && !f.endsWith('messages.ts') && !f.endsWith('.test.ts'))
      .filter((f) => /^(?!\s*(\/\/|\*|\/\*)).*[\u4e00-\u9fff]/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
