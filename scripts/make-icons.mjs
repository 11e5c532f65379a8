// Render the app icons (192, 512 and a maskable 512) from SVG with Chromium; run once, PNGs are committed.
import { mkdirSync } from 'node:fs';
import { launch } from './lib/browser.mjs';

const mark = (pad) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100%" height="100%">
  <rect width="100" height="100" rx="${pad ? 0 : 20}" fill="#1f4e79"/>
  <g transform="translate(50 50) scale(${pad ? 0.62 : 0.85}) translate(-50 -50)">
    <circle cx="38" cy="42" r="15" fill="none" stroke="#fff" stroke-width="8"/>
    <circle cx="62" cy="58" r="15" fill="none" stroke="#7fc4ff" stroke-width="8"/>
  </g></svg>`;

mkdirSync('public/icons', { recursive: true });
const browser = await launch();
const page = await browser.newPage();
for (const [name, size, pad] of [['icon-192', 192, false], ['icon-512', 512, false], ['icon-maskable-512', 512, true]]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0">${mark(pad)}</body></html>`);
  await page.screenshot({ path: `public/icons/${name}.png`, omitBackground: true });
}
await browser.close();
console.log('icons written to public/icons');
