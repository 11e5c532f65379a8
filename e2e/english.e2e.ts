import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, goto, launch, newPage, shot, sidewaysOverflow, loadSampleCompany } from './lib';

/**
 * English complete: with the sample company loaded and English chosen, the navigation, the
 * top bar, page titles, list headers, table headers and buttons of every main page hold no
 * Chinese (built-in data — roles, stages, sales modes, dictionaries — comes by its English
 * label), and nothing reaches past the screen's right edge at 1280 and 768.
 */
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;

/** Texts of the page's chrome that must be English: nav, top bar, headings, headers, buttons, tabs. */
function chromeTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // not record data shown in them: a knowledge article's title, a drill-down link naming a
    // customer or a person, a row's heading; and the language switch names 中文 in Chinese
    const sel = [
      'nav.sidebar a', 'nav.sidebar .nav-group-title', 'header.topbar button:not(.lang-switch)',
      'main h1', 'main h2:not(.kb-article h2)', 'main .grid-head .cell.head', 'main thead th', 'main button:not(.kb-item):not(.link)',
      'main [role=tab]', 'main label > span.field-label',
    ].join(',');
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.offsetParent !== null)
      .map((el) => (el.innerText || el.getAttribute('aria-label') || '').trim()).filter(Boolean);
  });
}

async function navPaths(page: Page, wsId: string): Promise<string[]> {
  const hrefs = await page.locator('nav.sidebar a.nav-item').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.split(`/w/${wsId}`)[1]).filter((p): p is string => p !== undefined).map((p) => p.replace(/^\//, ''));
}

describe('English', () => {
  it('every main page speaks English and fits at 1280 and 768', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, 'Class 1 Team 2', 'Ms Wang');
    await loadSampleCompany(page, 60_000);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Customers', exact: true }).waitFor();

    const paths = await navPaths(page, ws);
    expect(paths.length).toBeGreaterThan(20);
    const chinese: string[] = [];
    const sideways: unknown[] = [];
    for (const [w, h] of [[1280, 800], [768, 1024]] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const path of paths) {
        await goto(page, ws, path);
        await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
        await page.waitForTimeout(150);
        if (w === 1280) for (const text of await chromeTexts(page)) if (CJK.test(text)) chinese.push(`${path}: ${text.slice(0, 60)}`);
        const o = await sidewaysOverflow(page);
        if (o.doc > 0 || o.offenders.length) sideways.push({ w, path, ...o });
        if (['customers', 'opportunities', 'sales-modes', 'org', 'approvals', 'analysis/funnel'].includes(path)) await shot(page, `en-${w}-${path.replace(/\W+/g, '_')}`);
      }
    }
    expect({ chinese: [...new Set(chinese)], sideways }, 'Chinese in the English interface; pages that scroll sideways').toEqual({ chinese: [], sideways: [] });
    expect(errors).toEqual([]);
    await ctx.close();
  }, 400_000);
});
