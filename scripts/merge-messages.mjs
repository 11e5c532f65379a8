#!/usr/bin/env node
// Brings messages added to the old flat tables (src/ui/i18n/zh.ts, en.ts — e.g. left in the tree by
// a modify/delete conflict when merging a branch that still had them) into the per-module tables
// src/ui/<module>/messages.ts (zh) and messages.en.ts (en). Additive: keys already in a module
// table are kept (a different text is reported, never overwritten); a new key goes to the module
// that owns its prefix (`sales.*` → ui/sales), or to the one named with `--map prefix=module`
// (`nav.*` entries need one: `--map nav.orders=orders`). Then delete zh.ts/en.ts and list any new
// module in ui/messages.ts and ui/messages.en.ts.
//   node scripts/merge-messages.mjs [--map prefix=module]…
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const UI = 'src/ui';
const ENTRY = /^  '([^']+)': /;
const map = Object.fromEntries(process.argv.slice(2).flatMap((a, i, all) => (all[i - 1] === '--map' ? [a.split('=')] : [])));

function flat(file) {
  return new Map(readFileSync(file, 'utf8').split('\n').filter((l) => ENTRY.test(l)).map((l) => [l.match(ENTRY)[1], l]));
}
const zh = flat(join(UI, 'i18n/zh.ts'));
const en = flat(join(UI, 'i18n/en.ts'));

// the module tables: zh in messages.ts ending in `} as const;`, en in messages.en.ts ending in `};`
const modules = new Map();
for (const dir of readdirSync(UI)) {
  const file = join(UI, dir, 'messages.ts');
  const enFile = join(UI, dir, 'messages.en.ts');
  if (!existsSync(file)) continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  const enLines = readFileSync(enFile, 'utf8').split('\n');
  const zhEnd = lines.indexOf('} as const;');
  const keys = new Map(lines.filter((l) => ENTRY.test(l)).map((l) => [l.match(ENTRY)[1], l]));
  modules.set(dir, { file, enFile, lines, enLines, zhEnd, keys });
}
const owner = new Map(); // prefix → module, from where that prefix lives now
for (const [m, { keys }] of modules) for (const k of keys.keys()) if (!k.startsWith('nav.')) owner.set(k.split('.')[0], m);
const where = (k) => [...modules.entries()].find(([, t]) => t.keys.has(k))?.[0];

const added = {}, differs = [], unplaced = [];
for (const [k, zl] of zh) {
  const el = en.get(k);
  if (!el) { unplaced.push(`${k} (no English)`); continue; }
  const have = where(k);
  if (have) {
    const t = modules.get(have);
    const z0 = t.lines.find((l) => l.startsWith(`  '${k}': `));
    const e0 = t.enLines.find((l) => l.startsWith(`  '${k}': `));
    if (z0 !== zl || e0 !== el) differs.push(`${k} (ui/${have}): kept "${z0.trim()}" / "${e0?.trim()}", flat table has "${zl.trim()}" / "${el.trim()}"`);
    continue;
  }
  const m = map[k] ?? map[k.split('.').slice(0, 2).join('.')] ?? map[k.split('.')[0]] ?? (k.startsWith('nav.') ? undefined : owner.get(k.split('.')[0]));
  if (!m) { unplaced.push(k); continue; }
  if (!modules.has(m)) {
    const file = join(UI, m, 'messages.ts');
    const enFile = join(UI, m, 'messages.en.ts');
    const lines = [`/** Messages of ui/${m} in Simplified Chinese (the default language). The English table is messages.en.ts beside it, with exactly these keys (tsc checks). */`,
      'export const zh = {', '} as const;', ''];
    const enLines = [`/** Messages of ui/${m} in English: exactly the keys of the Chinese table in messages.ts (tsc checks). Loaded only when English is chosen (ui/messages.en.ts). */`,
      "import type { zh } from './messages';", '', 'export const en: Record<keyof typeof zh, string> = {', '};', ''];
    modules.set(m, { file, enFile, lines, enLines, zhEnd: 2, keys: new Map(), created: true });
  }
  const t = modules.get(m);
  t.lines.splice(t.zhEnd, 0, zl);
  t.zhEnd += 1;
  t.enLines.splice(t.enLines.lastIndexOf('};'), 0, el);
  t.keys.set(k, zl);
  (added[m] ??= []).push(k);
}
if (unplaced.length) {
  console.error(`No module for these keys; rerun with --map (e.g. --map ${unplaced[0].split('.')[0]}=<module>):\n  ${unplaced.join('\n  ')}`);
  process.exit(1);
}
for (const [m, keys] of Object.entries(added)) {
  const t = modules.get(m);
  mkdirSync(join(UI, m), { recursive: true });
  writeFileSync(t.file, t.lines.join('\n'));
  writeFileSync(t.enFile, t.enLines.join('\n'));
  console.log(`ui/${m}: ${keys.length} added${t.created ? ' (new tables: list them in src/ui/messages.ts and src/ui/messages.en.ts)' : ''}`);
}
if (!Object.keys(added).length) console.log('nothing to add');
for (const d of differs) console.warn(`differs: ${d}`);
