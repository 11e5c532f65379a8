import { inject } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sampleCompany } from '../src/domain/sample';
import { CORE_GROUP } from '../src/domain/registry';
// @ts-expect-error plain ESM helper shared with the scripts
import { launch as launchChromium } from '../scripts/lib/browser.mjs';

export const OUT = 'e2e/.out';
mkdirSync(OUT, { recursive: true });

export const baseUrl = (): string => inject('baseUrl');

export async function launch(): Promise<Browser> {
  return launchChromium();
}

/**
 * A fresh browser profile; page errors fail the test that made them. Without the service worker
 * unless asked (`{ serviceWorker: true }`, the tests of the installed app and of working offline):
 * in every fresh profile it precaches the whole build (~3 MB, 200+ files), which cost each test
 * about 1.5 s of the two cores while the test ran.
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 800 }, opts: { serviceWorker?: boolean } = {}): Promise<{ ctx: BrowserContext; page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport, locale: 'zh-CN', permissions: ['camera', 'microphone'], serviceWorkers: opts.serviceWorker ? 'allow' : 'block' });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { ctx, page, errors };
}

/** First run: create a workspace and name the first user; returns the workspace id. */
export async function createWorkspace(page: Page, name = '营销1班第2组', user = '王老师'): Promise<string> {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: '创建工作区' }).click();
  await page.fill('#ws-name', name);
  await page.getByRole('button', { name: '下一步' }).click();
  await page.fill('#user-name', user);
  await page.getByRole('button', { name: '创建工作区' }).click();
  await page.waitForURL(/#\/w\/[a-z0-9]+$/);
  await page.getByText(`您好,${user}`).waitFor();
  return page.url().split('/w/')[1];
}

/** Load the sample company from the home page's card and wait until the app says it is loaded. */
export async function loadSampleCompany(page: Page, timeout?: number): Promise<void> {
  await page.getByRole('button', { name: '载入示例公司' }).click();
  await page.getByText('示例公司已载入').waitFor(timeout === undefined ? undefined : { timeout });
}

/**
 * Open a page of a workspace and wait until it is the page shown: while the next page's code
 * loads, the previous one stays on screen (main is aria-busy) and a click would land on it.
 */
export async function goto(page: Page, wsId: string, path: string): Promise<void> {
  await page.goto(`${baseUrl()}#/w/${wsId}/${path}`);
  // the kiosk is a bare page, drawn without the frame's main: waiting for main there only ran out
  // (30 s a visit)
  const shown = path.startsWith('kiosk/') ? '.kiosk' : 'main.content:not([aria-busy])';
  // said in the log, not thrown (the test's own next step fails with a clearer message): a page
  // that never shows costs every run 30 s
  await page.locator(shown).waitFor({ timeout: 30_000 }).catch(() => console.warn(`goto ${path}: ${shown} not shown after 30 s`));
}

/**
 * Wait until the page shown has drawn what it loads: no Suspense placeholder (p.loading) left
 * in main or the kiosk, then two frames for layout. Instead of a fixed pause before reading a
 * page's texts or widths: measured on every page of the sample company at 390 and 1280, nothing
 * in main changed (markup, text, width) in the half second after this.
 */
export async function settled(page: Page): Promise<void> {
  await page.locator('main .loading, .kiosk .loading').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Fill a record form field by its key (inputs carry id="f-<key>"). */
export async function fill(page: Page, key: string, value: string): Promise<void> {
  const el = page.locator(`.modal #f-${key}`);
  const tag = await el.evaluate((e) => e.tagName);
  if (tag === 'SELECT') await el.selectOption({ label: value });
  else await el.fill(value);
}

export async function pickRef(page: Page, key: string, text: string): Promise<void> {
  await page.locator(`.modal #f-${key}`).fill(text);
  await page.locator('.ref-options li', { hasText: text }).first().click();
}

export function rowTexts(page: Page): Promise<string[]> {
  return page.locator('.grid-rows .grid-row').allInnerTexts();
}

/** How far the page, or anything inside main, reaches past the viewport's right edge. */
export function sidewaysOverflow(page: Page): Promise<{ doc: number; offenders: string[] }> {
  return page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('main.content *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= w + 1) continue;
      // inside a box that scrolls on its own (a wide table's wrapper) it is that box's business
      let p = el.parentElement; let clipped = false;
      while (p && p.tagName !== 'MAIN') {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden') { clipped = true; break; }
        p = p.parentElement;
      }
      if (!clipped) offenders.push(`${el.tagName.toLowerCase()}.${el.className} → ${Math.round(r.right)}`);
    }
    return { doc: document.documentElement.scrollWidth - w, offenders: offenders.slice(0, 5) };
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

/** The user this browser acts as in a workspace (its identity in the device-local database). */
export async function currentUserId(page: Page, wsId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open('keyuan-local'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const rec = await new Promise<{ userId: string }>((res) => { const q = db.transaction('identities').objectStore('identities').get(id); q.onsuccess = () => res(q.result); });
    db.close();
    return rec.userId;
  }, wsId);
}

/** Append a Yjs update to the workspace's IndexedDB store, as a peer's sync would have. */
export async function injectUpdate(page: Page, wsId: string, update: Uint8Array): Promise<void> {
  await page.evaluate(async ([name, bytes]) => {
    const db = await new Promise<IDBDatabase>((res, rej) => { const r = indexedDB.open(name as string); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
    const tx = db.transaction('updates', 'readwrite');
    tx.objectStore('updates').add(new Uint8Array(bytes as number[]));
    await new Promise((res) => { tx.oncomplete = res; });
    db.close();
  }, [`keyuan-ws-${wsId}`, Array.from(update)]);
}

/** `injectUpdate` into one document group of a workspace (core is stored under the workspace's id, group g under `<id>@g`). */
export function injectGroupUpdate(page: Page, wsId: string, group: string, update: Uint8Array): Promise<void> {
  return injectUpdate(page, group === CORE_GROUP ? wsId : `${wsId}@${group}`, update);
}

/**
 * Pages the side navigation does not list, opened on records of the sample company (their ids
 * are stable, see domain/sample): record pages, survey results and editor, the settings tabs.
 * The phone and English walks visit them after the navigation's entries. The kiosk goes last: it
 * asks before being left.
 */
export const SAMPLE_RECORD_PAGES = [
  'contracts/ct001', 'finance/expenses/ex0001', 'marketing/activities/ma001', 'marketing/tasks/mt0001',
  'surveys/svy001', 'surveys/svy001/results', 'surveys/templates/svt001',
  'settings?tab=sync', 'settings?tab=log', 'settings?tab=approvals', 'settings?tab=workspace',
  'kiosk/svy001',
] as const;

/** The customer page of the customer the sample's first contract belongs to (its 360 timeline holds contracts, participations and answers). */
export function sampleContractCustomerPath(): string {
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const contract = sampleCompany({ history: true, today }).contracts.find((c) => c.id === 'ct001')!;
  return `customers/${String(contract.customerId)}`;
}
