import { describe, it, expect, vi, afterEach } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGES } from '../messages';
import { MESSAGES_EN } from '../messages.en';
import { joinTables } from '.';

const zh = joinTables(MESSAGES);
const en = joinTables(MESSAGES_EN);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('UI languages', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(MESSAGES_EN)).toEqual(Object.keys(MESSAGES)); // same modules, same order
    for (const [name, m] of Object.entries(MESSAGES)) {
      expect(Object.keys(MESSAGES_EN[name as keyof typeof MESSAGES].en).sort(), name).toEqual(Object.keys(m.zh).sort());
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)]) expect(v.trim(), k).not.toBe('');
  });

  it('each key is defined by one module only', () => {
    for (const tables of [Object.entries(MESSAGES).map(([n, m]) => [n, m.zh] as const), Object.entries(MESSAGES_EN).map(([n, m]) => [n, m.en] as const)]) {
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const [name, table] of tables) {
        for (const k of Object.keys(table)) {
          if (owner.has(k)) twice.push(`${k} (${owner.get(k)}, ${name})`);
          owner.set(k, name);
        }
      }
      expect(twice).toEqual([]);
    }
  });

  it('every module folder with messages.ts (and messages.en.ts) is in both lists (ui/messages.ts, ui/messages.en.ts)', () => {
    const root = join(__dirname, '..');
    const folders = readdirSync(root).filter((n) => statSync(join(root, n)).isDirectory());
    const withZh = folders.filter((n) => readdirSync(join(root, n)).includes('messages.ts'));
    const withEn = folders.filter((n) => readdirSync(join(root, n)).includes('messages.en.ts'));
    expect(withZh.sort()).toEqual(Object.keys(MESSAGES).sort());
    expect(withEn.sort()).toEqual(Object.keys(MESSAGES_EN).sort());
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
      .filter((f) => !f.includes('i18n') && !/messages(\.en)?\.ts$/.test(f) && !f.endsWith('.test.ts'))
      .filter((f) => /^(?!\s*(\/\/|\*|\/\*)).*[\u4e00-\u9fff]/m.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keep English out of the first load: the English tables are imported only by ui/messages.en.ts, which only boot and ui/i18n import, dynamically', () => {
    const src = join(__dirname, '../..');
    const found: string[] = [];
    for (const file of sources(src).filter((f) => !f.endsWith('.test.ts'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(import\(\s*|from\s+)'([^']*messages\.en)'/g)) found.push(`${relative(src, file)}: ${m[1].startsWith('import(') ? 'import(' : 'from '}${m[2]}`);
    }
    expect(found.filter((f) => !f.startsWith('ui/messages.en.ts: from ./')).sort()).toEqual([
      'boot.ts: import(./ui/messages.en',
      'ui/i18n/index.ts: import(../messages.en',
    ]);
  });
});

describe('switching language', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.doUnmock('../messages.en');
    vi.resetModules();
  });

  /** A fresh ui/i18n with this device's stored choice, and an English table lacking common.save. */
  async function fresh(stored: string | null) {
    const store = new Map<string, string>(stored ? [['keyuan.lang', stored]] : []);
    vi.stubGlobal('localStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) });
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } });
    vi.resetModules();
    let loads = 0;
    vi.doMock('../messages.en', async (original: () => Promise<typeof import('../messages.en')>) => {
      loads++;
      const m = await original();
      const { 'common.save': _, ...shared } = m.MESSAGES_EN.shared.en;
      return { MESSAGES_EN: { ...m.MESSAGES_EN, shared: { en: shared } } };
    });
    return { i18n: await import('.'), store, loads: () => loads };
  }

  it('starts in Chinese without loading English; setLang("en") loads it once, then switches', async () => {
    const { i18n, store, loads } = await fresh(null);
    expect(i18n.storedLang).toBe('zh');
    expect(i18n.t('home.recent')).toBe(zh['home.recent']);
    expect(loads()).toBe(0);
    const switching = i18n.setLang('en');
    expect(i18n.lang()).toBe('zh'); // not before the table is in
    await switching;
    expect([i18n.lang(), i18n.t('home.recent'), store.get('keyuan.lang'), document.documentElement.lang]).toEqual(['en', en['home.recent'], 'en', 'en']);
    expect(i18n.t('common.save')).toBe(zh['common.save']); // a key English lacks falls back to Chinese
    await i18n.setLang('zh');
    expect([i18n.lang(), i18n.t('home.recent'), store.get('keyuan.lang'), document.documentElement.lang]).toEqual(['zh', zh['home.recent'], 'zh', 'zh-CN']);
    await i18n.setLang('en');
    expect(i18n.t('home.recent')).toBe(en['home.recent']);
    expect(loads()).toBe(1);
  });

  it('the last choice wins while English is loading', async () => {
    const { i18n, store } = await fresh(null);
    const first = i18n.setLang('en');
    await i18n.setLang('zh');
    await first;
    expect([i18n.lang(), store.get('keyuan.lang')]).toEqual(['zh', 'zh']);
  });

  it('reports English as the stored choice (main.tsx awaits setLang before the first render)', async () => {
    const { i18n } = await fresh('en');
    expect([i18n.storedLang, i18n.lang()]).toEqual(['en', 'zh']);
    await i18n.setLang(i18n.storedLang);
    expect(i18n.t('home.recent')).toBe(en['home.recent']);
  });
});
