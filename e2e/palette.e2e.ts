import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, goto, launch, newPage, shot, loadSampleCompany } from './lib';

/**
 * The global search and command palette (Ctrl+K, the top bar's 搜索): a customer found by its
 * phone and by its code and opened, a page, an action that opens the new-record form, recent
 * items after a reload, arrow keys, Escape with focus back; the 审批箱 badge; 安装应用.
 */
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const palette = (page: Page) => page.getByRole('dialog', { name: '搜索' });
const input = (page: Page) => palette(page).getByRole('combobox');
const options = (page: Page) => palette(page).getByRole('option');

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await input(page).waitFor();
  await input(page).fill(text);
}

/** The first customer of the list: its cells by column header. */
async function firstCustomer(page: Page): Promise<Record<string, string>> {
  const heads = await page.locator('.grid-head .cell.head').allInnerTexts();
  const cells = await page.locator('.grid-rows .grid-row').first().locator('.cell:not(.check)').allInnerTexts();
  return Object.fromEntries(heads.map((h, i) => [h.replace(/ [▲▼]$/, ''), cells[i]]));
}

describe('global search', () => {
  it('finds records by phone and code, pages and actions; remembers what was opened; arrow keys and Escape', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '搜索测试', '王老师');
    await loadSampleCompany(page, 60_000);

    await goto(page, ws, 'customers');
    await page.locator('.grid-rows .grid-row').first().waitFor();
    const c = await firstCustomer(page);
    expect(c['客户编码']).toMatch(/\S/);
    expect(c['电话']).toMatch(/\d{3}/);

    // by phone, typed without its separators
    const digits = c['电话'].replace(/\D/g, '');
    await search(page, digits);
    await expect.poll(() => options(page).first().innerText()).toContain(c['客户名称']);
    await shot(page, 'palette-phone-1280');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/customers\/[^/]+$/);
    await expect.poll(() => palette(page).count()).toBe(0);
    await page.getByRole('heading', { name: c['客户名称'] }).first().waitFor();
    const customerUrl = page.url();

    // by code, from another page
    await goto(page, ws, 'orders');
    await search(page, c['客户编码'].toLowerCase());
    await expect.poll(() => options(page).first().innerText()).toContain(c['客户名称']);
    await page.keyboard.press('Enter');
    await page.waitForURL(customerUrl);

    // a page
    await search(page, '漏斗');
    await expect.poll(() => options(page).first().innerText()).toContain('销售漏斗');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/analysis\/funnel$/);

    // an action opens the new-record form on its list
    await search(page, '新建商机');
    await expect.poll(() => options(page).first().innerText()).toContain('新建商机');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/opportunities$/);
    await page.getByRole('dialog', { name: '新增商机' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // arrow keys move the choice, Enter opens the chosen one
    await search(page, '客户');
    await expect.poll(() => options(page).count()).toBeGreaterThan(2);
    const second = await options(page).nth(1).getAttribute('data-key');
    await page.keyboard.press('ArrowDown');
    expect(await options(page).nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowUp');
    expect(await options(page).nth(0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Escape');

    // recent items, after a reload: the customer and the page, newest first
    await page.reload();
    await page.locator('main.content:not([aria-busy])').waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => palette(page).getByText('最近打开').count()).toBe(1);
    const recent = await options(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
    expect(recent.slice(0, 2)).toEqual(['p:analysis/funnel', `r:customers:${customerUrl.split('/').pop()}`]);
    expect(second).toBeTruthy();
    await shot(page, 'palette-recent-1280');

    // Escape closes and focus goes back to the search button it was opened from
    await page.keyboard.press('Escape');
    const button = page.getByRole('button', { name: /搜索/ });
    await button.click();
    await input(page).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => palette(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('search-btn'))).toBe(true);

    // a record page opened from its list is a recent item too
    await goto(page, ws, 'opportunities');
    await page.locator('.grid-rows .grid-row .cell-link').first().click();
    await page.waitForURL(/\/opportunities\/[^/]+$/);
    const oppId = page.url().split('/').pop();
    await page.keyboard.press('Control+k');
    await expect.poll(() => options(page).first().getAttribute('data-key')).toBe(`r:opportunities:${oppId}`);
    await page.keyboard.press('Escape');

    // nothing found says so
    await search(page, 'zzzzqqq');
    await palette(page).getByText('没有找到“zzzzqqq”').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('finds contracts by number, market activities and surveys by name, and offers their "new" actions', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '搜索新模块', '王老师');
    await loadSampleCompany(page, 60_000);
    // the sample's first contract, activity and survey, named as their pages name them
    await goto(page, ws, 'contracts/ct001');
    const contract = (await page.locator('main h1').innerText()).trim();
    const code = contract.split(' ')[0];
    expect(code).toMatch(/^HT-/);
    await goto(page, ws, 'marketing/activities/ma001');
    const activity = (await page.locator('main h1').first().innerText()).trim();
    const found: [string, string, RegExp][] = [
      [code.toLowerCase(), code, /\/contracts\/ct001$/],
      [activity, activity, /\/marketing\/activities\/ma001$/],
      ['满意度调查', '2026 年度客户满意度调查', /\/surveys\/svy001$/],
    ];
    for (const [query, title, url] of found) {
      await goto(page, ws, 'customers');
      await search(page, query);
      const option = options(page).filter({ hasText: title }).first();
      await option.waitFor();
      await option.click();
      await page.waitForURL(url);
    }
    // each "new" action opens its list's add form
    const actions: [string, RegExp, string][] = [
      ['新建合同', /\/contracts$/, '新增合同'],
      ['新建市场活动', /\/marketing\/activities$/, '新增市场活动'],
      ['新建市场任务', /\/marketing\/tasks$/, '新增市场任务'],
      ['新建调查活动', /\/surveys$/, '新增调查活动'],
    ];
    for (const [label, url, dialog] of actions) {
      await search(page, label);
      await expect.poll(() => options(page).first().innerText()).toContain(label);
      await page.keyboard.press('Enter');
      await page.waitForURL(url);
      await page.getByRole('dialog', { name: dialog }).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    }
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('the 审批箱 entry shows how many approvals wait for this user, and follows a decision', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '审批测试', '王老师');
    await loadSampleCompany(page, 60_000);
    await goto(page, ws, 'approvals');
    const pills = page.locator('main .count-pill');
    await expect.poll(() => pills.count()).toBe(3); // quotes, orders, and the other documents (expenses, contracts: the approval engine's list)
    const waiting = async () => (await pills.allInnerTexts()).reduce((n, s) => n + Number(s), 0);
    const n = await waiting();
    expect(n).toBeGreaterThan(0);
    const badge = page.locator('.sidebar a.nav-item[href$="/approvals"] .nav-badge');
    await expect.poll(() => badge.innerText()).toBe(String(n));
    await shot(page, 'approvals-badge-1280');
    // approve the first quote: one fewer
    await page.locator('.inbox-item').first().getByRole('button', { name: '批准' }).click();
    const confirm = page.getByRole('dialog');
    await confirm.waitFor();
    await confirm.getByRole('button', { name: /批准|确定/ }).last().click();
    await expect.poll(waiting).toBe(n - 1);
    await expect.poll(() => badge.innerText()).toBe(String(n - 1));
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('安装应用 shows while the browser offers installation and goes once used or installed', async () => {
    const { ctx, page, errors } = await newPage(browser);
    await createWorkspace(page, '安装', '王老师');
    const install = page.getByRole('button', { name: '安装应用' });
    expect(await install.count(), 'no offer, no button').toBe(0);
    // the browser offers (Chromium fires beforeinstallprompt when the app is installable)
    const offer = () => page.evaluate(() => {
      const e = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt: () => Promise<void> };
      e.prompt = async () => { (window as unknown as { prompted: number }).prompted = ((window as unknown as { prompted?: number }).prompted ?? 0) + 1; };
      window.dispatchEvent(e);
    });
    await offer();
    await install.waitFor();
    await shot(page, 'install-button-1280');
    await install.click();
    expect(await page.evaluate(() => (window as unknown as { prompted?: number }).prompted)).toBe(1);
    await expect.poll(() => install.count()).toBe(0);
    // offered again, then installed some other way: gone
    await offer();
    await install.waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await expect.poll(() => install.count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  }, 60_000);

  it('looks right at 768×1024 and 390×844, and in English', async () => {
    for (const [w, h] of [[768, 1024], [390, 844]] as const) {
      const { ctx, page, errors } = await newPage(browser, { width: w, height: h });
      const ws = await createWorkspace(page, '搜索', '王老师');
      await loadSampleCompany(page, 60_000);
      await goto(page, ws, 'customers');
      await page.getByRole('button', { name: /搜索/ }).click(); // touch: the top bar's button
      await input(page).fill('科技');
      await expect.poll(() => options(page).count()).toBeGreaterThan(0);
      const box = await palette(page).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(w);
      await shot(page, `palette-${w}`);
      if (w === 390) {
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'EN' }).or(page.getByRole('button', { name: 'English' })).first().click();
        await page.getByRole('button', { name: /Search/ }).click();
        await page.getByRole('dialog', { name: 'Search' }).getByRole('combobox').fill('fun');
        await expect.poll(() => page.getByRole('dialog', { name: 'Search' }).getByRole('option').first().innerText()).toContain('Sales funnel');
        await shot(page, 'palette-390-en');
      }
      expect(errors).toEqual([]);
      await ctx.close();
    }
  }, 180_000);
});
