import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, goto, launch, newPage, shot } from './lib';

/**
 * A phone (390×844) and a portrait tablet (768×1024): the side navigation folds into a menu
 * button, the top bar stays one line, and no main page scrolls sideways.
 */
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Every entry of the side navigation, as workspace-relative paths. */
async function navPaths(page: Page, wsId: string): Promise<string[]> {
  const hrefs = await page.locator('nav.sidebar a.nav-item').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split(`/w/${wsId}`)[1]).filter((p): p is string => p !== undefined).map((p) => p.replace(/^\//, ''));
}

/** How far the page, or anything inside main, reaches past the viewport's right edge. */
function sidewaysOverflow(page: Page): Promise<{ doc: number; offenders: string[] }> {
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

describe('phone and tablet layout', () => {
  for (const [w, h, name] of [[390, 844, 'phone'], [768, 1024, 'tablet']] as const) {
    it(`${name} ${w}×${h}: menu button instead of the sidebar, no page scrolls sideways`, async () => {
      const { ctx, page, errors } = await newPage(browser, { width: w, height: h });
      const ws = await createWorkspace(page, '手机测试', '王老师');
      await page.getByRole('button', { name: '载入示例公司' }).click();
      await page.getByText('示例公司已载入').waitFor({ timeout: 60_000 });

      const sidebar = page.locator('nav.sidebar');
      expect(await sidebar.isVisible(), 'the side navigation is folded away').toBe(false);
      const menu = page.getByRole('button', { name: '菜单' });
      const topbar = await page.locator('header.topbar').boundingBox();
      expect(topbar!.height, 'the top bar is one line').toBeLessThanOrEqual(48);

      const paths = await navPaths(page, ws);
      expect(paths.length).toBeGreaterThan(8);
      const sideways: unknown[] = [];
      for (const path of paths) {
        await goto(page, ws, path);
        await page.waitForTimeout(150);
        const o = await sidewaysOverflow(page);
        if (o.doc > 0 || o.offenders.length) sideways.push({ path, ...o });
        await shot(page, `${name}-${path.replace(/\W+/g, '_') || 'home'}`);
      }
      expect(sideways, 'pages that scroll sideways').toEqual([]);

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
      await ctx.close();
    }, 240_000);
  }

  it('a laptop keeps the sidebar and has no menu button', async () => {
    const { ctx, page } = await newPage(browser);
    await createWorkspace(page, '电脑', '王老师');
    expect(await page.locator('nav.sidebar').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
    await ctx.close();
  }, 60_000);
});
