// Developer aid: screenshot pages of a running build. Usage: node scripts/shot.mjs (builds nothing; run after vite build)
import { launch } from './lib/browser.mjs';
import { serveDist } from './lib/serve.mjs';
import { mkdirSync } from 'node:fs';

const out = process.env.OUT || '.shots';
mkdirSync(out, { recursive: true });
const { url, close } = await serveDist();
const browser = await launch();
const script = process.argv[2] ? (await import(new URL(process.argv[2], `file://${process.cwd()}/`).href)).default : null;
for (const [w, h] of [[1280, 800], [768, 1024]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  await script?.(page, url, async (name) => page.screenshot({ path: `${out}/${name}-${w}x${h}.png` }));
  await ctx.close();
}
await browser.close();
await close();
