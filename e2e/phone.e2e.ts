import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, sampleContractCustomerPath, goto, launch, newPage, settled, shot, sidewaysOverflow, loadSampleCompany, SAMPLE_RECORD_PAGES } from './lib';

/**
 * A phone (390×844) and a portrait tablet (768×1024): the side navigation folds into a menu
 * button, the top bar stays one line, and no main page scrolls sideways.
 */
let browser: Browser;
/**
 * One phone-sized page with the sample company for the walks and the cards: none of them writes
 * a record (the form is closed unsaved), so they share it rather than load the sample three times.
 */
let shared: Awaited<ReturnType<typeof newPage>> & { ws: string };
beforeAll(async () => {
  browser = await launch();
  const p = await newPage(browser, { width: 390, height: 844 });
  shared = { ...p, ws: await createWorkspace(p.page, '手机测试', '王老师') };
  await loadSampleCompany(shared.page, 60_000);
});
afterAll(async () => { await browser?.close(); });

/** Every entry of the side navigation, as workspace-relative paths. */
async function navPaths(page: Page, wsId: string): Promise<string[]> {
  const hrefs = await page.locator('nav.sidebar a.nav-item').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split(`/w/${wsId}`)[1]).filter((p): p is string => p !== undefined).map((p) => p.replace(/^\//, ''));
}

/** The tablet walk's screenshots among the navigation's entries: home and the lists people work in most. */
const TABLET_SHOTS = ['', 'customers', 'contacts', 'leads', 'opportunities', 'quotes', 'orders', 'activities', 'marketing/activities', 'surveys', 'approvals', 'analysis/funnel', 'lab', 'class'];

describe('phone and tablet layout', () => {
  for (const [w, h, name] of [[390, 844, 'phone'], [768, 1024, 'tablet']] as const) {
    it(`${name} ${w}×${h}: menu button instead of the sidebar, no page scrolls sideways`, async () => {
      const { page, errors, ws } = shared;
      await page.setViewportSize({ width: w, height: h });

      const sidebar = page.locator('nav.sidebar');
      expect(await sidebar.isVisible(), 'the side navigation is folded away').toBe(false);
      const menu = page.getByRole('button', { name: '菜单' });
      const topbar = await page.locator('header.topbar').boundingBox();
      expect(topbar!.height, 'the top bar is one line').toBeLessThanOrEqual(48);

      const nav = await navPaths(page, ws);
      expect(nav.length).toBeGreaterThan(8);
      // and the record pages of every module (contracts, market activities and tasks, surveys, settings tabs…)
      const paths = [...nav, sampleContractCustomerPath(), ...SAMPLE_RECORD_PAGES];
      const sideways: unknown[] = [];
      for (const path of paths) {
        await goto(page, ws, path);
        await settled(page);
        const o = await sidewaysOverflow(page);
        if (o.doc > 0 || o.offenders.length) sideways.push({ path, ...o });
        // a tab's label on one line (not one character per line when a row of tabs is too long)
        const tall = await page.locator('main [role=tab]').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 44).map((e) => (e as HTMLElement).innerText));
        if (tall.length) sideways.push({ path, tabsBrokenOverLines: tall });
        // every page on the phone; on the tablet home, the main lists and every record page (the
        // English walk shoots the same at 768 too)
        if (w === 390 || TABLET_SHOTS.includes(path) || !nav.includes(path)) await shot(page, `${name}-${path.replace(/\W+/g, '_') || 'home'}`);
        if (path.startsWith('kiosk/')) await page.goto('about:blank'); // the kiosk refuses an in-app navigation
      }
      expect(sideways, 'pages that scroll sideways').toEqual([]);
      await goto(page, ws, 'customers');

      // the menu opens over the page, lists every entry, and closes on a choice
      await menu.click();
      await expect.poll(() => sidebar.isVisible()).toBe(true);
      await page.waitForTimeout(250); // the drawer's slide
      await shot(page, `${name}-menu`);
      await sidebar.getByRole('link', { name: '客户档案', exact: true }).click();
      await page.waitForURL(/\/customers$/);
      await expect.poll(() => sidebar.isVisible()).toBe(false);
      await shot(page, `${name}-customers`);
      // Escape closes it too
      await menu.click();
      await page.keyboard.press('Escape');
      await expect.poll(() => sidebar.isVisible()).toBe(false);
      expect(errors).toEqual([]);
    }, 240_000);
  }

  it('phone 390×844: lists are cards with their key fields; a form is a full-screen sheet with close and save in view', async () => {
    const { page, errors, ws } = shared;
    await page.setViewportSize({ width: 390, height: 844 });

    // customers: the definition's key fields (name as the title; code, phone, owner labelled)
    await goto(page, ws, 'customers');
    const card = page.locator('.grid-row.record-card').first();
    await card.waitFor();
    expect(await page.locator('.record-list .grid-head').isVisible(), 'no header row over cards').toBe(false);
    expect(await card.locator('dt').allInnerTexts()).toEqual(['客户编码', '电话', '专管业务员']);
    const name = await card.locator('.rc-title').innerText();
    expect(name).toMatch(/\S/);
    const box = (await card.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.height).toBeGreaterThan(60);
    const o = await sidewaysOverflow(page);
    expect(o.doc + o.offenders.length, 'the cards fit the screen').toBe(0);
    await shot(page, 'phone-cards-customers');
    await goto(page, ws, 'opportunities');
    const opp = page.locator('.grid-row.record-card').first();
    await opp.waitFor();
    expect(await opp.locator('dt').allInnerTexts()).toEqual(['客户', '销售阶段', '机会金额']);
    await shot(page, 'phone-cards-opportunities');
    // an entity without key fields shows its first columns
    await goto(page, ws, 'contacts');
    const contact = page.locator('.grid-row.record-card').first();
    await contact.waitFor();
    expect(await contact.locator('dt').allInnerTexts()).toEqual(['所属客户', '主联系人', '性别']);
    // the card's title opens the record
    await goto(page, ws, 'customers');
    await page.locator('.grid-row.record-card .rc-title').first().click();
    await page.waitForURL(/\/customers\/[^/]+$/);
    await page.getByRole('heading', { name }).first().waitFor();

    // the add form: a full-screen sheet, its close on top and save at the bottom, in view after scrolling
    await goto(page, ws, 'customers');
    await page.getByRole('button', { name: '+ 新增' }).click();
    const sheet = page.locator('.modal.modal-sheet');
    await sheet.waitFor();
    expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    const save = sheet.getByRole('button', { name: '保存' });
    const close = sheet.getByRole('button', { name: '关闭' });
    const inView = async () => {
      const [s, c] = [(await save.boundingBox())!, (await close.boundingBox())!];
      return s.y >= 0 && s.y + s.height <= 844 && c.y >= 0 && c.y + c.height <= 844 && s.x + s.width <= 390;
    };
    expect(await inView()).toBe(true);
    await shot(page, 'phone-form-sheet');
    await sheet.locator('.modal-body').evaluate((b) => { b.scrollTop = b.scrollHeight; });
    expect(await inView(), 'save and close stay in view at the end of the form').toBe(true);
    await shot(page, 'phone-form-sheet-scrolled');
    await close.click();
    await expect.poll(() => sheet.count()).toBe(0);

    // the top bar: one line; with 安装应用 offered it wraps onto a second line, never sideways
    const topbar = page.locator('header.topbar');
    const fits = () => topbar.evaluate((bar) => [...bar.children].every((c) => c.getBoundingClientRect().right <= document.documentElement.clientWidth));
    expect((await topbar.boundingBox())!.height).toBeLessThanOrEqual(48);
    expect(await fits()).toBe(true);
    await page.evaluate(() => {
      const e = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), { prompt: async () => undefined });
      window.dispatchEvent(e);
    });
    await topbar.getByRole('button', { name: '安装应用' }).waitFor();
    expect(await fits()).toBe(true);
    expect((await topbar.boundingBox())!.height).toBeLessThanOrEqual(84);
    await shot(page, 'phone-topbar-install');
    expect(errors).toEqual([]);
  }, 180_000);

  it('a laptop keeps the sidebar and has no menu button', async () => {
    const { ctx, page } = await newPage(browser);
    await createWorkspace(page, '电脑', '王老师');
    expect(await page.locator('nav.sidebar').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
    await ctx.close();
  }, 60_000);
});
