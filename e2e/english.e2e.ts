import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sampleCompany } from '../src/domain/sample';
import { createWorkspace, sampleContractCustomerPath, goto, launch, newPage, settled, shot, sidewaysOverflow, loadSampleCompany, SAMPLE_RECORD_PAGES } from './lib';

/**
 * English complete: with the sample company loaded and English chosen, the navigation, the
 * top bar, page titles, list headers, table headers and buttons of every main page hold no
 * Chinese (built-in data — roles, stages, sales modes, dictionaries — comes by its English
 * label), and nothing reaches past the screen's right edge at 1280 and 768.
 */
let browser: Browser;
/** One page with the sample company in English for both tests: they only read, so they share it rather than load it twice. */
let shared: Awaited<ReturnType<typeof newPage>> & { ws: string };
beforeAll(async () => {
  browser = await launch();
  const p = await newPage(browser);
  shared = { ...p, ws: await createWorkspace(p.page, 'Class 1 Team 2', 'Ms Wang') };
  await loadSampleCompany(shared.page, 60_000);
  await shared.page.getByRole('button', { name: 'English' }).click();
  await shared.page.getByRole('link', { name: 'Customers', exact: true }).waitFor();
});
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
    const { page, errors, ws } = shared;
    await page.setViewportSize({ width: 1280, height: 800 });
    const nav = await navPaths(page, ws);
    expect(nav.length).toBeGreaterThan(20);
    // and the record pages of every module: contracts, market activities and tasks, surveys and their kiosk, settings tabs
    const paths = [...nav, sampleContractCustomerPath(), ...SAMPLE_RECORD_PAGES];
    const chinese: string[] = [];
    const sideways: unknown[] = [];
    for (const [w, h] of [[1280, 800], [768, 1024]] as const) {
      await page.setViewportSize({ width: w, height: h });
      for (const path of paths) {
        await goto(page, ws, path);
        await page.locator('main h1, main h2, .kiosk h1').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
        await settled(page);
        // record pages show the record's own (Chinese) name in their headings: the next test checks those against the user's data
        if (w === 1280 && nav.includes(path)) for (const text of await chromeTexts(page)) if (CJK.test(text)) chinese.push(`${path}: ${text.slice(0, 60)}`);
        const o = await sidewaysOverflow(page);
        if (o.doc > 0 || o.offenders.length) sideways.push({ w, path, ...o });
        if (['customers', 'opportunities', 'sales-modes', 'org', 'approvals', 'analysis/funnel'].includes(path) || !nav.includes(path)) await shot(page, `en-${w}-${path.replace(/\W+/g, '_')}`);
        if (path.startsWith('kiosk/')) await page.goto('about:blank'); // the kiosk refuses an in-app navigation
      }
    }
    expect({ chinese: [...new Set(chinese)], sideways }, 'Chinese in the English interface; pages that scroll sideways').toEqual({ chinese: [], sideways: [] });
    expect(errors).toEqual([]);
  }, 400_000);

  it('the newer modules\' pages hold no Chinese outside the records themselves', async () => {
    const { page, errors, ws } = shared;
    await page.setViewportSize({ width: 1280, height: 800 });
    // the records' own words (names, notes, options) are the user's data; everything else must be English
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const data = userDataTexts(sampleCompany({ history: true, today }));
    const paths = [
      'contracts', 'approvals', 'marketing/activities', 'marketing/tasks', 'marketing/analysis', 'surveys', 'surveys/templates',
      'lab', 'class', sampleContractCustomerPath(), ...SAMPLE_RECORD_PAGES,
    ];
    const chinese: string[] = [];
    for (const path of paths) {
      await goto(page, ws, path);
      await page.locator('main h1, main h2, .kiosk h1').first().waitFor({ timeout: 30_000 }).catch(() => undefined);
      await settled(page);
      for (const line of chineseLeft(await pageTexts(page), data)) chinese.push(`${path}: ${line}`);
      if (path.startsWith('kiosk/')) await page.goto('about:blank'); // the kiosk refuses an in-app navigation
    }
    expect([...new Set(chinese)], 'Chinese in the English interface, outside user data').toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});

/** Every text of the sample records with Chinese in it (JSON-held values opened), longest first. */
function userDataTexts(data: Record<string, Array<Record<string, unknown>>>): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!CJK.test(v)) return;
      out.add(v);
      if (/^[[{]/.test(v)) { try { walk(JSON.parse(v)); } catch { /* plain text */ } }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return [...out].sort((a, b) => b.length - a.length);
}

/** What the page shows: main's (or the kiosk's) text, placeholders, button names, the tab title. */
function pageTexts(page: Page): Promise<string> {
  return page.evaluate(() => {
    const root = document.querySelector<HTMLElement>('main.content') ?? document.querySelector<HTMLElement>('.kiosk') ?? document.body;
    const attrs = [...root.querySelectorAll<HTMLElement>('[placeholder], [aria-label], [title]')]
      .map((el) => [el.getAttribute('placeholder'), el.getAttribute('aria-label'), el.getAttribute('title')].filter(Boolean).join('\n'));
    const options = [...root.querySelectorAll('option')].map((o) => o.textContent ?? '');
    return [root.innerText, ...attrs, ...options, document.title].join('\n');
  });
}

/** Lines that still hold Chinese once every user-data text is taken out. */
function chineseLeft(text: string, data: string[]): string[] {
  let rest = text;
  for (const d of data) if (rest.includes(d)) rest = rest.split(d).join(' ');
  return rest.split('\n').map((l) => l.trim()).filter((l) => CJK.test(l)).map((l) => l.slice(0, 80));
}
