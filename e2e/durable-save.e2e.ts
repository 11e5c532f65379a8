import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the scripts
import { CHROMIUM, FLAGS } from '../scripts/lib/browser.mjs';
import { createWorkspace, fill, goto, pickRef, rowTexts, shot } from './lib';

/**
 * Issue 10: owner names of users created after a list was first shown, and edits lost to a
 * reload or a killed browser right after the form said "saved". One Chromium with a profile
 * on disk (so it can be killed with SIGKILL and started again on the same storage).
 */
interface Chrome { browser: Browser; proc: ChildProcess }
const profile = mkdtempSync(join(tmpdir(), 'keyuan-durable-'));
let chrome: Chrome;

async function startChromium(): Promise<Chrome> {
  // its own process group, so the kill reaches the browser and every child process at once
  const proc = spawn(CHROMIUM as string, [...(FLAGS as string[]), `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += String(d);
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.once('exit', () => { clearTimeout(timer); reject(new Error(`Chromium exited: ${err}`)); });
  });
  return { browser: await chromium.connectOverCDP(endpoint), proc };
}

/** SIGKILL the whole browser (every process of its group): nothing gets to shut down cleanly. */
async function killChromium(c: Chrome): Promise<void> {
  const exited = new Promise<void>((r) => { if (c.proc.exitCode !== null || c.proc.signalCode) r(); else c.proc.once('exit', () => r()); });
  process.kill(-c.proc.pid!, 'SIGKILL');
  await exited;
}

async function newPage(): Promise<{ page: Page; errors: string[] }> {
  const ctx = chrome.browser.contexts()[0];
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors };
}

const save = async (page: Page) => {
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
};

async function addCustomer(page: Page, code: string, name: string, owner?: string) {
  await page.getByRole('button', { name: '+ 新增' }).first().click();
  await fill(page, 'code', code);
  await fill(page, 'name', name);
  if (owner) await pickRef(page, 'ownerId', owner);
  await save(page);
}

const rowOf = (page: Page, name: string) => page.locator('.grid-rows .grid-row', { hasText: name });
/** The text of one cell of a row, by the column's header. */
async function cell(page: Page, rowText: string, header: string): Promise<string> {
  const heads = await page.locator('.grid-head .cell.head').allInnerTexts();
  const i = heads.findIndex((h) => h.replace(/[▲▼]/g, '').trim() === header);
  expect(i).toBeGreaterThanOrEqual(0);
  return (await rowOf(page, rowText).locator('.cell').nth(i + 1).innerText()).trim();
}

beforeAll(async () => { chrome = await startChromium(); });
afterAll(async () => {
  if (chrome) await killChromium(chrome).catch(() => {});
  rmSync(profile, { recursive: true, force: true });
});

describe('owner names follow the users collection', () => {
  it('a user created after the customer list was shown is named in the list', async () => {
    const { page, errors } = await newPage();
    const id = await createWorkspace(page, '负责人', '王老师');
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await addCustomer(page, 'KH1', '甲公司', '王老师');
    expect(await cell(page, '甲公司', '专管业务员')).toBe('王老师');

    // a new colleague, added after the list has shown owners once
    await goto(page, id, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.locator('.tab-panel .grid-row').first().waitFor();
    await page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '李娜');
    await pickRef(page, 'roleId', '业务员');
    await save(page);

    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await addCustomer(page, 'KH2', '乙公司', '李娜');
    expect(await cell(page, '乙公司', '专管业务员')).toBe('李娜');
    expect(await cell(page, '甲公司', '专管业务员')).toBe('王老师');

    // "find" searches owners' names (this indexes 乙公司 with 李娜)
    const find = page.getByRole('searchbox', { name: '查找' });
    await find.fill('李娜');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining('乙公司')]);
    await find.fill('');
    await expect.poll(() => rowTexts(page)).toHaveLength(2);

    // renamed in another tab while this list stays open: the tabs sync over BroadcastChannel
    // and the owner column follows at once
    const other = await chrome.browser.contexts()[0].newPage();
    await goto(other, id, 'org');
    await other.getByRole('tab', { name: '用户' }).click();
    await other.locator('.tab-panel .grid-row', { hasText: '李娜' }).dblclick();
    await other.locator('.modal #f-name').fill('李娜娜');
    await other.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await other.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => cell(page, '乙公司', '专管业务员'), { timeout: 20_000 }).toBe('李娜娜');
    await other.close();
    // and finds the owner by the new name
    await find.fill('李娜娜');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining('乙公司')]);
    await page.locator('.grid-scroll').evaluate((e) => { e.scrollLeft = e.scrollWidth; });
    await shot(page, 'owner-names');
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * Click the form's save and, in the page itself (no round trip to the test in between), reload
 * the moment the form closes — as a person pressing F5 as soon as they see it close — or just
 * report that moment (the test then kills the browser).
 */
async function saveThen(page: Page, then: 'reload' | 'report'): Promise<void> {
  const run = page.evaluate((then) => new Promise<void>((resolve) => {
    const done = () => { resolve(); if (then === 'reload') location.reload(); };
    const button = [...document.querySelectorAll<HTMLButtonElement>('.modal button')].find((b) => b.textContent === '保存');
    if (!button) throw new Error('no save button');
    const closed = () => !document.querySelector('.modal');
    const watch = new MutationObserver(() => { if (closed()) { watch.disconnect(); done(); } });
    watch.observe(document.body, { childList: true, subtree: true });
    button.click();
    if (closed()) { watch.disconnect(); done(); }
  }), then);
  // the reload may end the page's script before its answer arrives
  await run.catch((e: Error) => { if (then !== 'reload' || !/context was destroyed|navigat/i.test(e.message)) throw e; });
}

describe('a saved edit is stored before the form closes', () => {
  it('survives a reload the moment the form closes, twenty times in a row', async () => {
    const { page, errors } = await newPage();
    const id = await createWorkspace(page, '重载', '王老师');
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await addCustomer(page, 'KH1', '丙公司-0');
    const lost: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const phone = `0571-8800${String(i).padStart(4, '0')}`;
      await rowOf(page, '丙公司-').dblclick();
      await fill(page, 'name', `丙公司-${i}`);
      await fill(page, 'phone', phone);
      const loaded = page.waitForEvent('load');
      await saveThen(page, 'reload');
      await loaded;
      await rowOf(page, '丙公司-').waitFor();
      const row = (await rowTexts(page))[0];
      if (!row.includes(`丙公司-${i}`) || !row.includes(phone)) lost.push(`${i}: ${row.replace(/\s+/g, ' ')}`);
    }
    expect(lost).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('survives the browser being killed the moment the form closes', async () => {
    let { page } = await newPage();
    const id = await createWorkspace(page, '断电', '王老师');
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await addCustomer(page, 'KH1', '丁公司-0');
    const lost: string[] = [];
    for (let i = 1; i <= 4; i++) {
      await rowOf(page, '丁公司-').dblclick();
      await fill(page, 'name', `丁公司-${i}`);
      await saveThen(page, 'report');
      await killChromium(chrome);
      chrome = await startChromium();
      ({ page } = await newPage());
      await goto(page, id, 'customers');
      await rowOf(page, '丁公司-').waitFor();
      const row = (await rowTexts(page))[0];
      if (!row.includes(`丁公司-${i}`)) lost.push(`${i}: ${row.replace(/\s+/g, ' ')}`);
    }
    expect(lost).toEqual([]);
    await page.close();
  });
});
