import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { baseUrl, fill, goto, launch, newPage, rowTexts } from './lib';

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const sock = connect(port, '127.0.0.1');
      sock.once('connect', () => { sock.destroy(); resolve(); });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > until) reject(new Error(`port ${port} did not open`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** A server process bound to 127.0.0.1 that can be stopped and started again on the same port. */
export class LocalServer {
  private proc?: ChildProcess;
  constructor(readonly port: number, private readonly args: string[], private readonly env: Record<string, string>) {}

  async start(timeoutMs?: number): Promise<void> {
    this.proc = spawn(process.execPath, this.args, { env: { ...process.env, ...this.env }, stdio: ['ignore', 'ignore', 'inherit'] });
    await waitForPort(this.port, timeoutMs);
  }

  /** Kill the process at once (SIGKILL), as a crash or a power cut would. */
  kill9(): void {
    this.proc?.kill('SIGKILL');
    this.proc = undefined;
  }

  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((r) => { p.once('exit', () => r()); p.kill('SIGTERM'); setTimeout(() => { p.kill('SIGKILL'); r(); }, 3000); });
  }
}

/** y-webrtc's signaling server through the project's own wrapper (scripts/signaling.mjs), on 127.0.0.1. */
export async function signalingServer(): Promise<LocalServer> {
  const port = await freePort();
  const s = new LocalServer(port, ['scripts/signaling.mjs'], { PORT: String(port), SIGNALING_HOST: '127.0.0.1', KEYUAN_LAN: '0' });
  await s.start();
  return s;
}

/** A y-websocket server (@y/websocket-server) on 127.0.0.1. */
export async function yjsServer(): Promise<LocalServer> {
  const port = await freePort();
  const s = new LocalServer(port, ['node_modules/@y/websocket-server/src/server.js'], { PORT: String(port), HOST: '127.0.0.1' });
  await s.start();
  return s;
}

export interface Peer { browser: Browser; page: Page; errors: string[]; wsId: string }

/** A peer is its own Chromium process (BroadcastChannel cannot carry anything between them). */
export async function newPeer(): Promise<Omit<Peer, 'wsId'>> {
  const browser = await launch();
  const { page, errors } = await newPage(browser);
  // the app's own errors (the browser's own lines for a refused WebSocket are expected while a server is down)
  page.on('console', (m) => { if (m.type() === 'error' && /keyuan|webrtc|yjs|unhandled/i.test(m.text()) && !/WebSocket connection to/.test(m.text())) errors.push(`console: ${m.text()}`); });
  return { browser, page, errors };
}

export async function openSyncSettings(page: Page, wsId: string): Promise<void> {
  await goto(page, wsId, 'settings?tab=sync');
  await page.locator('#sync-signaling').waitFor();
  // the form is filled from the running session's settings
  await expect.poll(() => page.locator('#sync-password').inputValue(), { timeout: 10_000 }).not.toBe('');
}

/** Set this device's sync settings through the 同步 tab. */
export async function setSync(page: Page, wsId: string, opts: { signaling?: string[]; websocket?: string; enabled?: boolean; password?: string }): Promise<void> {
  await openSyncSettings(page, wsId);
  if (opts.signaling) await page.fill('#sync-signaling', opts.signaling.join('\n'));
  if (opts.websocket !== undefined) await page.fill('#sync-websocket', opts.websocket);
  if (opts.password !== undefined) await page.fill('#sync-password', opts.password);
  if (opts.enabled !== undefined) await page.locator('#sync-enabled').setChecked(opts.enabled);
  await page.locator('.sync-form').getByRole('button', { name: '保存' }).click();
  await page.getByText('同步设置已保存').first().waitFor();
}

/** The join code and password as the invite dialog shows them. */
export async function invite(page: Page, wsId: string): Promise<{ code: string; password: string }> {
  await openSyncSettings(page, wsId);
  await page.getByRole('button', { name: '显示加入码和二维码' }).click();
  const code = (await page.locator('[data-testid=join-code]').innerText()).trim();
  await page.locator('.modal').getByRole('button', { name: '显示', exact: true }).click();
  const password = (await page.locator('[data-testid=room-password]').innerText()).trim();
  await page.keyboard.press('Escape');
  return { code, password };
}

/** Join by code on the welcome page; returns the new local workspace id. */
export async function join(page: Page, code: string, password: string): Promise<string> {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: '加入工作区' }).click();
  await page.fill('#join-code', code);
  await page.fill('#join-password', password);
  await page.getByRole('button', { name: '加入', exact: true }).click();
  await page.waitForURL(/#\/w\/[a-z0-9]+$/);
  return page.url().split('/w/')[1];
}

/** Answer "who are you" as a new member once the group's users have arrived. */
export async function becomeNewMember(page: Page, name: string, waitForUser = '王老师'): Promise<void> {
  const dialog = page.locator('.modal', { hasText: '您是谁?' });
  await dialog.getByRole('button', { name: new RegExp(waitForUser) }).waitFor({ timeout: 30_000 });
  await page.fill('#new-member-name', name);
  await dialog.getByRole('button', { name: '以新成员加入' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function addCustomer(page: Page, wsId: string, code: string, name: string): Promise<void> {
  await goto(page, wsId, 'customers');
  await page.locator('h1.page-title', { hasText: '客户档案' }).waitFor();
  await page.locator('input.find').first().waitFor();
  await page.getByRole('button', { name: '+ 新增' }).first().click();
  await fill(page, 'code', code);
  await fill(page, 'name', name);
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

/** Add an activity (it lives in the activities group's document, synced in a room of its own). */
export async function addActivity(page: Page, wsId: string, subject: string): Promise<void> {
  await goto(page, wsId, 'activities');
  await page.locator('input.find').first().waitFor();
  await page.getByRole('button', { name: '+ 新增' }).first().click();
  await fill(page, 'subject', subject);
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

/** Wait until the activities list (everyone's, not only mine) shows every text. */
export async function expectActivities(page: Page, wsId: string, texts: string[], timeout = 30_000): Promise<void> {
  await goto(page, wsId, 'activities?mine=0');
  await page.locator('input.find').first().waitFor();
  await expect.poll(async () => {
    const rows = await rowTexts(page);
    return texts.every((x) => rows.some((r) => r.includes(x)));
  }, { timeout, interval: 250 }).toBe(true);
}

/** Open a customer by its code and change fields through the edit form. */
export async function editCustomer(page: Page, wsId: string, code: string, values: Record<string, string>): Promise<void> {
  await goto(page, wsId, 'customers');
  await page.locator('h1.page-title', { hasText: '客户档案' }).waitFor();
  await page.getByRole('link', { name: code, exact: true }).click();
  await page.locator('.page-head').getByRole('button', { name: '编辑', exact: true }).click();
  for (const [k, v] of Object.entries(values)) await fill(page, k, v);
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

/** The customer list's rows, once it shows every expected text (polls: data arrives from peers). */
export async function expectCustomers(page: Page, wsId: string, texts: string[], timeout = 30_000): Promise<string[]> {
  await goto(page, wsId, 'customers');
  await page.locator('h1.page-title', { hasText: '客户档案' }).waitFor();
  let rows: string[] = [];
  await expect.poll(async () => {
    rows = await rowTexts(page);
    return texts.every((x) => rows.some((r) => r.includes(x)));
  }, { timeout, interval: 250 }).toBe(true);
  return rows;
}

export async function chip(page: Page): Promise<string> {
  return (await page.locator('.sync-chip').innerText()).trim();
}

export async function expectChip(page: Page, re: RegExp, timeout = 30_000): Promise<void> {
  await expect.poll(() => chip(page), { timeout, interval: 250 }).toMatch(re);
}

/**
 * A test file's signaling server on 127.0.0.1 and the peers (browsers) it opens, all stopped after
 * the file: call once at the top of the file. `url()` is the signaling address once it runs.
 */
export function peersOfThisFile(): { url: () => string; peer: () => Promise<Peer> } {
  let signaling: LocalServer | undefined;
  const peers: Peer[] = [];
  beforeAll(async () => { signaling = await signalingServer(); });
  afterAll(async () => {
    for (const p of peers) await p.browser.close().catch(() => undefined);
    await signaling?.stop();
  });
  return {
    url: () => `ws://127.0.0.1:${signaling!.port}`,
    peer: async () => {
      const p = { ...(await newPeer()), wsId: '' };
      peers.push(p);
      return p;
    },
  };
}
