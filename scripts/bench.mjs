// `npm run bench`: performance in real Chromium with real IndexedDB, reported beside the
// plain-JSON IndexedDB baseline of DESIGN.md as figures and ratios (never asserted in tests).
//   BENCH_SCALES=class,company (default both; orders = company + a year of orders, ~140,000 more records)
//   BENCH_RUNS=3 (medians of N cold opens)
//   BENCH_SCENARIOS=sync,analysis (default all; "none" runs only the open/heap/filter part)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { preview } from 'vite';
import { launch } from './lib/browser.mjs';

const SCALES = (process.env.BENCH_SCALES || 'class,company').split(',');
const RUNS = Number(process.env.BENCH_RUNS || 3);
const SCENARIOS = process.env.BENCH_SCENARIOS?.split(',');
const CONFIG = 'scripts/bench/vite.bench.config.mjs';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mb = (n) => n / 1024 / 1024;

console.log('building app + bench page…');
const built = spawnSync('npx', ['vite', 'build', '--config', CONFIG], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

/**
 * What index.html loads before anything else (entry, its preloads, CSS), gzipped as a server
 * would — of the app built alone with its own config: in the bench build the bench page shares
 * chunks with the app, and the shared chunks it pulls in are not what a user loads.
 */
function firstLoadKB() {
  const dir = '.bench/app-dist';
  const r = spawnSync('npx', ['vite', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
  const html = readFileSync(`${dir}/index.html`, 'utf8');
  const files = [...new Set([...html.matchAll(/\.?\/?(assets\/[^"]+\.(?:js|css))/g)].map((m) => m[1]))];
  return files.reduce((n, f) => n + gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length, 0) / 1024;
}

const server = await preview({ configFile: CONFIG, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const benchUrl = `${url}scripts/bench/page/bench.html`;

const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] });
const newPage = async () => {
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('  page error:', e.message));
  return page;
};

async function benchPage() {
  const page = await newPage();
  await page.goto(benchUrl);
  await page.waitForFunction(() => 'keyuanBench' in window);
  return page;
}

async function heapMB(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return mb(usedSize);
}

/** Keystrokes in the customer list's find box: input event → DOM updated and laid out. */
async function filterKeystrokes(page) {
  // BENCH_PROFILE_KEYS=1: a CPU profile of the keystrokes (.bench/keys.cpuprofile)
  const cdp = process.env.BENCH_PROFILE_KEYS ? await page.context().newCDPSession(page) : null;
  if (cdp) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start'); }
  const times = await typeKeys(page);
  if (cdp) { const { profile } = await cdp.send('Profiler.stop'); writeFileSync('.bench/keys.cpuprofile', JSON.stringify(profile)); await cdp.detach(); }
  return times;
}

function typeKeys(page) {
  return page.evaluate(async () => {
    const input = document.querySelector('input.find');
    const times = [];
    for (const q of ['华', '华东', '有', '有限', '机', '机械', '科', '科技', 'K', 'KH0', '']) {
      const t0 = performance.now();
      input.value = q;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight; // include style and layout of the updated rows
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 50));
    }
    return times;
  });
}

const results = [];
const row = (scale, name, value, unit, baseline, budget) => {
  results.push({ scale, name, value, unit, baseline, budget });
  const ratio = baseline ? ` (${(value / baseline).toFixed(2)}× baseline ${baseline.toFixed(1)} ${unit})` : '';
  console.log(`  ${name}: ${value.toFixed(1)} ${unit}${ratio}${budget ? ` — budget ${budget}` : ''}`);
};
const workspaces = {};

for (const scale of SCALES) {
  console.log(`\n== ${scale} scale ==`);
  const seeder = await benchPage();
  const t0 = Date.now();
  const seeded = await seeder.evaluate((s) => window.keyuanBench.seed(s), scale);
  console.log(`  seeded ${seeded.records} records (${(seeded.updateBytes / 1e6).toFixed(1)} MB document) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await seeder.close();
  workspaces[scale] = seeded.workspaceId;
  const probe = await benchPage();
  const p = await probe.evaluate((id) => window.keyuanBench.probeOpen(id), seeded.workspaceId);
  await probe.close();
  console.log(`  open, piece by piece: IndexedDB read ${p.idbReadMs.toFixed(0)} ms (${p.rows} rows, ${(p.bytes / 1e6).toFixed(1)} MB), Yjs apply ${p.yjsApplyMs.toFixed(0)} ms, with our observers ${p.withObserversMs.toFixed(0)} ms`);
  row(scale, 'largest value stored in IndexedDB', mb(p.largestValue), 'MB', undefined, 'far below 127 MiB');

  const base = [], open = [], heaps = [], baseHeaps = [], keys = [], baseKeys = [], phases = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await newPage();
    await b.goto(`${url}scripts/bench/page/baseline.html`);
    await b.waitForFunction(() => 'keyuanBaseline' in window, null, { timeout: 60_000 });
    base.push(await b.evaluate(() => {
      const at = (n) => performance.getEntriesByName(n)[0].startTime;
      return { total: at('baseline:parsed'), readParse: at('baseline:parsed') - at('baseline:read-start') };
    }));
    baseHeaps.push(await heapMB(b));
    baseKeys.push(...(await b.evaluate(() => window.keyuanBaseline.filter(['华', '华东', '有', '有限', '机', '机械', '科', '科技', 'K', 'KH0']))));
    await b.close();

    const page = await newPage();
    await page.goto(`${url}#/w/${seeded.workspaceId}/customers`);
    await page.waitForFunction(() => performance.getEntriesByName('keyuan:list-painted').length > 0, null, { timeout: 60_000 });
    const marks = await page.evaluate(() => Object.fromEntries(['keyuan:open-start', 'keyuan:doc-loaded', 'keyuan:list-painted']
      .map((n) => [n.slice(7), performance.getEntriesByName(n)[0]?.startTime ?? NaN])));
    open.push(marks['list-painted']);
    phases.push(marks);
    heaps.push(await heapMB(page));
    keys.push(...(await filterKeystrokes(page)));
    if (process.env.BENCH_VERBOSE) console.log("    keystrokes:", keys.slice(-11).map((k) => k.toFixed(1)).join(" "));
    await page.close();
  }
  row(scale, 'cold open → first list painted', median(open), 'ms', median(base.map((x) => x.total)), scale === 'company' ? '≤ 2× baseline and ≤ 1500 ms' : '≤ 300 ms');
  const phase = (k) => median(phases.map((p) => p[k]));
  console.log(`    baseline: navigation → records parsed ${median(base.map((x) => x.total)).toFixed(0)} ms, of which IndexedDB read + JSON.parse ${median(base.map((x) => x.readParse)).toFixed(0)} ms`);
  console.log(`    phases: page → open ${phase('open-start').toFixed(0)} ms, document loaded ${phase('doc-loaded').toFixed(0)} ms, list painted ${phase('list-painted').toFixed(0)} ms`);
  row(scale, 'JS heap after open', median(heaps), 'MB', median(baseHeaps), scale === 'company' ? '≤ 200 MB' : undefined);
  row(scale, 'filter keystroke (median)', median(keys), 'ms', median(baseKeys), '≤ 16 ms');
  row(scale, 'filter keystroke (worst)', Math.max(...keys), 'ms', Math.max(...baseKeys));
}

console.log('\n== bundle ==');
row('', 'first-load JS + CSS (gzip)', firstLoadKB(), 'KB', undefined, '≤ 200 KB');

// Scenarios of feature modules: scripts/bench/scenarios/*.mjs export default async (env) => rows.
const wanted = (f) => f.endsWith('.mjs') && (!SCENARIOS || SCENARIOS.includes(f.slice(0, -4)));
for (const file of readdirSync('scripts/bench/scenarios').filter(wanted).sort()) {
  console.log(`\n== ${file} ==`);
  const { default: scenario } = await import(`./bench/scenarios/${file}`);
  const rows = await scenario({ browser, context, url, benchUrl, newPage, benchPage, workspaces, scales: SCALES, median, heapMB });
  for (const r of rows ?? []) row(r.scale ?? '', r.name, r.value, r.unit, r.baseline, r.budget);
}

mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', JSON.stringify(results, null, 2));
console.log('\nresults written to .bench/results.json');
await browser.close();
server.httpServer.close();
process.exit(0);
