#!/usr/bin/env node
// Brings messages added to the old flat tables (src/ui/i18n/zh.ts, en.ts — e.g. left in the tree by
// a modify/delete conflict when merging a branch that still had them) into the per-module tables
// src/ui/<module>/messages.ts. Additive: keys already in a module table are kept (a different text
// is reported, never overwritten); a new key goes to the module that owns its prefix (`sales.*` →
// ui/sales), or to the one named with `--map prefix=module` (`nav.*` entries need one:
// `--map nav.orders=orders`). Then delete zh.ts/en.ts and list any new module in ui/messages.ts.
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

// the module tables: a zh section ending in `} as const;`, then an en section ending in `};`
const modules = new Map();
for (const dir of readdirSync(UI)) {
  const file = join(UI, dir, 'messages.ts');
  if (!existsSync(file)) continue;
  const lines = readFileSync(file, 'utf8').split('\n');
  const zhEnd = lines.indexOf('} as const;');
  const keys = new Map(lines.filter((l) => ENTRY.test(l)).map((l) => [l.match(ENTRY)[1], l]));
  modules.set(dir, { file, lines, zhEnd, keys });
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
    const [z0, e0] = [...t.lines.entries()].filter(([, l]) => l.startsWith(`  '${k}': `)).map(([, l]) => l);
    if (z0 !== zl || e0 !== el) differs.push(`${k} (ui/${have}): kept "${z0.trim()}" / "${e0?.trim()}", flat table has "${zl.trim()}" / "${el.trim()}"`);
    continue;
  }
  const m = map[k] ?? map[k.split('.').slice(0, 2).join('.')] ?? map[k.split('.')[0]] ?? (k.startsWith('nav.') ? undefined : owner.get(k.split('.')[0]));
  if (!m) { unplaced.push(k); continue; }
  if (!modules.has(m)) {
    const file = join(UI, m, 'messages.ts');
    const lines = [`/** Messages of ui/${m}, Simplified Chinese first; \`en\` must have exactly the same keys (tsc checks). */`,
      'export const zh = {', '} as const;', '', 'export const en: Record<keyof typeof zh, string> = {', '};', ''];
    modules.set(m, { file, lines, zhEnd: 2, keys: new Map(), created: true });
  }
  const t = modules.get(m);
  t.lines.splice(t.zhEnd, 0, zl);
  t.zhEnd += 1;
  t.lines.splice(t.lines.lastIndexOf('};'), 0, el);
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
  console.log(`ui/${m}: ${keys.length} added${t.created ? ' (new table: list it in src/ui/messages.ts)' : ''}`);
}
if (!Object.keys(added).length) console.log('nothing to add');
for (const d of differs) console.warn(`differs: ${d}`);
