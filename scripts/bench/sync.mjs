// Sync scenarios for `npm run bench` (scripts/bench.mjs runs scripts/bench/scenarios/sync.mjs,
// which re-exports the default below). Real WebRTC between two Chromium processes on loopback,
// signaling from scripts/signaling.mjs on 127.0.0.1, everything driven through the app's UI.
//
//   freshPeerReceives(env, scale) → ms from "join" on a fresh browser until it is in sync with
//                                   the seeded workspace of that scale (status chip "connected")
//   editLatency(env, peers)       → { ms: [...], bytes: [...] } for one-field edits reaching the peer
//   startSignaling()              → { url, stop }
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { launch } from '../lib/browser.mjs';

const freePort = () => new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

async function waitPort(port) {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) => { const c = connect(port, '127.0.0.1'); c.once('connect', () => { c.destroy(); r(true); }); c.once('error', () => r(false)); });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`signaling did not start on ${port}`);
}

export async function startSignaling() {
  const port = await freePort();
  const proc = spawn(process.execPath, ['scripts/signaling.mjs'], { env: { ...process.env, PORT: String(port), KEYUAN_LAN: '0' }, stdio: 'ignore' });
  await waitPort(port);
  return { url: `ws://127.0.0.1:${port}`, stop: () => new Promise((r) => { proc.once('exit', r); proc.kill(); }) };
}

async function syncSettings(page, url, wsId) {
  await page.goto(`${url}#/w/${wsId}/settings?tab=sync`);
  await page.locator('#sync-signaling').waitFor({ timeout: 120_000 });
  await page.waitForFunction(() => document.querySelector('#sync-password')?.value, null, { timeout: 60_000 });
}

/** Point the seeded workspace at the signaling server and read its join code and password from the invite dialog. */
async function prepareHost(page, url, wsId, signaling) {
  await syncSettings(page, url, wsId);
  await page.fill('#sync-signaling', signaling);
  await page.locator('.sync-form').getByRole('button', { name: '保存' }).click();
  await page.getByText('同步设置已保存').first().waitFor();
  await page.getByRole('button', { name: '显示加入码和二维码' }).click();
  const code = (await page.locator('[data-testid=join-code]').innerText()).trim();
  await page.locator('.modal').getByRole('button', { name: '显示', exact: true }).click();
  const password = (await page.locator('[data-testid=room-password]').innerText()).trim();
  await page.keyboard.press('Escape');
  return { code, password };
}

const chip = (page) => page.locator('.sync-chip').innerText();

async function waitChip(page, re, timeout) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (re.test(await chip(page).catch(() => ''))) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`status never matched ${re}: ${await chip(page)}`);
}

/** A fresh browser joins by code; returns ms until it is in sync, and the open peer. */
export async function freshPeerReceives(env, scale, signaling) {
  const host = await env.newPage();
  const wsId = env.workspaces[scale];
  const { code, password } = await prepareHost(host, env.url, wsId, signaling.url);
  await host.goto(`${env.url}#/w/${wsId}`);
  const browser = await launch();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, permissions: ['camera', 'microphone'] });
  const peer = await ctx.newPage();
  if (process.env.SYNC_DEBUG) for (const [n, p] of [['peer', peer], ['host', host]]) {
    p.on('console', (m) => console.log(`  [${n}] ${m.type()} ${m.text().slice(0, 200)}`));
    p.on('pageerror', (e) => console.log(`  [${n}] pageerror ${e.message}`));
  }
  await peer.goto(env.url);
  await peer.getByRole('button', { name: '加入工作区' }).click();
  await peer.fill('#join-code', code);
  await peer.fill('#join-password', password);
  // SYNC_PROFILE=1: CPU profiles of both sides during the join (.bench/join-{peer,host}.cpuprofile)
  const profiles = process.env.SYNC_PROFILE ? await Promise.all([peer, host].map(startProfile)) : [];
  const t0 = Date.now();
  await peer.getByRole('button', { name: '加入', exact: true }).click();
  await waitChip(peer, /已连接 1 台设备/, 120_000).catch(async (e) => {
    await peer.screenshot({ path: '.bench/sync-peer-stuck.png' });
    throw e;
  });
  const ms = Date.now() - t0;
  for (const [i, stop] of profiles.entries()) await stop(`.bench/join-${i ? 'host' : 'peer'}.cpuprofile`);
  await printPhases({ peer, host }, t0);
  return { ms, host, peer, browser, wsId, peerWsId: peer.url().split('/w/')[1] };
}

/** One-field edits on the host reaching the connected peer's open customer page; bytes the host sent for each. */
export async function editLatency(session, rounds = 5) {
  const { host, peer, wsId, peerWsId } = session;
  const url = host.url().split('#')[0];
  // the peer acts as the first user and opens the first customer
  const pick = peer.locator('.modal .user-pick button').first();
  if (await pick.count()) await pick.click();
  await host.goto(`${url}#/w/${wsId}/customers`);
  const link = host.locator('.grid-row a').first();
  await link.waitFor({ timeout: 60_000 });
  const code = (await link.innerText()).trim();
  await link.click();
  await peer.goto(`${url}#/w/${peerWsId}/customers`);
  await peer.getByRole('link', { name: code, exact: true }).click({ timeout: 60_000 });
  await peer.locator('h1.page-title', { hasText: code }).waitFor({ timeout: 60_000 });
  const ms = [];
  const bytes = [];
  // BENCH_PROFILE_EDIT=1: CPU profiles of both sides during the edits (.bench/edit-host|peer.cpuprofile)
  const profiles = process.env.BENCH_PROFILE_EDIT ? await Promise.all([host, peer].map(startProfile)) : [];
  for (let i = 0; i < rounds; i++) {
    const name = `基准编辑 ${code} ${i} ${Date.now()}`;
    await host.locator('.page-head').getByRole('button', { name: '编辑', exact: true }).click();
    await host.locator('.modal #f-name').fill(name);
    await host.waitForTimeout(300);
    const seen = peer.evaluate((text) => new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error('the edit did not arrive within 30 s')), 30_000);
      const check = () => { if (document.querySelector('h1.page-title')?.textContent?.includes(text)) { obs.disconnect(); resolve(Date.now()); return true; } return false; };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    }), name);
    const sentBefore = await sentBytes(host);
    const t0 = await host.evaluate(() => {
      const btn = [...document.querySelectorAll('.modal button')].find((b) => b.textContent?.trim() === '保存');
      const t = Date.now();
      btn.click();
      return t;
    });
    ms.push((await seen.catch(async (e) => {
      await peer.screenshot({ path: '.bench/sync-edit-peer.png' });
      await host.screenshot({ path: '.bench/sync-edit-host.png' });
      throw e;
    })) - t0);
    await host.waitForTimeout(1200);
    bytes.push((await sentBytes(host)) - sentBefore);
  }
  for (const [i, stop] of profiles.entries()) await stop(`.bench/edit-${i ? 'peer' : 'host'}.cpuprofile`);
  return { ms, bytes };
}

/** The join's phases on both pages (the app's `keyuan:sync:*` performance marks), in ms after the click. */
async function printPhases(pages, t0) {
  const lines = [];
  for (const [name, page] of Object.entries(pages)) {
    const marks = await page.evaluate(() => performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('keyuan:'))
      .map((m) => [m.name.replace('keyuan:', ''), Math.round(performance.timeOrigin + m.startTime)]));
    for (const [mark, at] of marks) if (at >= t0 - 500) lines.push([at - t0, `${name} ${mark}`]);
  }
  lines.sort((a, b) => a[0] - b[0]);
  console.log(`    join phases (ms after the click): ${lines.map(([ms, what]) => `${what} ${ms}`).join(' · ')}`);
}

async function startProfile(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (file) => {
    const { profile } = await cdp.send('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(profile));
    await cdp.detach();
  };
}

/** Bytes this page has sent to peers, as its sync status chip carries them. */
async function sentBytes(page) {
  return Number(await page.locator('.sync-chip').getAttribute('data-sent'));
}

/** The scenario for scripts/bench.mjs: rows of figures. */
export default async function syncScenario(env) {
  const rows = [];
  const signaling = await startSignaling();
  try {
    await runScales(env, signaling, rows);
  } catch (e) {
    console.error('  sync scenario failed:', e?.message ?? e);
  } finally {
    await signaling.stop();
  }
  return rows;
}

async function runScales(env, signaling, rows) {
  {
    for (const scale of env.scales) {
      if (!env.workspaces[scale]) continue;
      const s = await freshPeerReceives(env, scale, signaling);
      rows.push({ scale, name: 'fresh peer receives the workspace over WebRTC (join → in sync)', value: s.ms, unit: 'ms', budget: scale === 'company' ? '≤ 10000 ms' : undefined });
      if (scale === env.scales[0]) {
        const e = await editLatency(s);
        rows.push({ scale, name: 'one edit reaches a connected peer (median)', value: env.median(e.ms), unit: 'ms', budget: '≤ 1000 ms' });
        rows.push({ scale, name: 'bytes sent for a one-field edit (update + history entry + presence)', value: env.median(e.bytes), unit: 'B' });
      }
      await s.browser.close();
      await s.host.close();
    }
  }
}
