import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, pickRef, rowTexts, shot } from './lib';
import {
  addCustomer, becomeNewMember, invite, join, newPeer, setSync, signalingServer, type LocalServer, type Peer,
} from './sync-helpers';

// History and presence on records other than customers: tabs of one browser over
// BroadcastChannel with no server at all, and two Chromium processes over WebRTC.

let signaling: LocalServer;
const browsers: Browser[] = [];

beforeAll(async () => { signaling = await signalingServer(); });
afterAll(async () => {
  for (const b of browsers) await b.close().catch(() => undefined);
  await signaling?.stop();
});

async function saveForm(page: Page): Promise<void> {
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

async function listRows(page: Page, title: string): Promise<void> {
  await page.locator('h1.page-title', { hasText: title }).waitFor();
  await page.locator('.record-list:not(.embedded) .toolbar').waitFor();
}

describe('history and presence on every record', () => {
  it('two tabs of one browser sync over BroadcastChannel with no server, and the history names who edited', async () => {
    const browser = await launch();
    browsers.push(browser);
    const { ctx, page: a, errors } = await newPage(browser);
    const wsId = await createWorkspace(a, '离线小组', '王老师');
    await setSync(a, wsId, { signaling: [] }); // no signaling server, no network: only the browser's own channel
    await addCustomer(a, wsId, 'KH001', '杭州恒远机械');
    await goto(a, wsId, 'contacts');
    await listRows(a, '联系人');
    await a.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(a, 'name', '陈经理');
    await pickRef(a, 'customerId', '杭州恒远');
    await saveForm(a);

    const b = await ctx.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await goto(b, wsId, 'contacts');
    await listRows(b, '联系人');
    await expect.poll(() => rowTexts(b), { timeout: 20_000 }).toEqual([expect.stringContaining('陈经理')]);

    // tab A edits; tab B sees it live and its history says who made the change
    await a.locator('.grid-row', { hasText: '陈经理' }).click();
    await a.getByRole('button', { name: '编辑', exact: true }).click();
    await fill(a, 'title', '采购经理');
    await saveForm(a);
    await expect.poll(async () => (await rowTexts(b)).join('|'), { timeout: 20_000 }).toContain('采购经理');
    await b.locator('.grid-row', { hasText: '陈经理' }).click();
    await b.getByRole('button', { name: '历史', exact: true }).click();
    const history = b.locator('.modal .record-history');
    await history.locator('li', { hasText: '采购经理' }).waitFor();
    const entry = await history.locator('li', { hasText: '采购经理' }).innerText();
    expect(entry).toContain('王老师');
    expect(entry).toMatch(/职务: \(空\) → 采购经理/);
    await shot(b, 'sync-tabs-contact-history-1280x800');
    await b.keyboard.press('Escape');

    // apart: tab B turns sync off and each tab adds a customer; when B turns it on again the
    // tabs exchange what the other lacks (same-document navigations: no reload from IndexedDB)
    await setSync(b, wsId, { enabled: false });
    await addCustomer(a, wsId, 'KH002', '宁波海曙贸易');
    await addCustomer(b, wsId, 'KH003', '绍兴柯桥纺织');
    await setSync(b, wsId, { enabled: true });
    for (const p of [a, b]) {
      await goto(p, wsId, 'customers');
      await listRows(p, '客户档案');
      await expect.poll(async () => (await rowTexts(p)).map((r) => r.match(/KH00\d/)?.[0]).sort(), { timeout: 20_000 })
        .toEqual(['KH001', 'KH002', 'KH003']);
    }
    expect(errors).toEqual([]);
  });

  it('a quote page follows a peer renaming its opportunity (the page reads the name subscribed)', async () => {
    const browser = await launch();
    browsers.push(browser);
    const { ctx, page: a, errors } = await newPage(browser);
    const wsId = await createWorkspace(a, '报价小组', '王老师');
    await setSync(a, wsId, { signaling: [] }); // tabs of one browser only
    await addCustomer(a, wsId, 'KH001', '杭州恒远机械');
    await goto(a, wsId, 'opportunities');
    await listRows(a, '商机');
    await a.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(a, 'subject', '生产管理系统');
    await pickRef(a, 'customerId', '杭州恒远');
    await saveForm(a);
    await a.waitForURL(/\/opportunities\/[a-z0-9]+$/);
    const oppPath = a.url().split('#/w/')[1].split('/').slice(1).join('/');
    await goto(a, wsId, 'quotes');
    await listRows(a, '报价');
    await a.getByRole('button', { name: '+ 新增' }).first().click();
    await pickRef(a, 'customerId', '杭州恒远');
    await pickRef(a, 'opportunityId', '生产管理系统');
    await saveForm(a);
    await a.waitForURL(/\/quotes\/[a-z0-9]+$/);
    const quotePath = a.url().split('#/w/')[1].split('/').slice(1).join('/');

    const b = await ctx.newPage();
    b.on('pageerror', (e) => errors.push(e.message));
    await goto(b, wsId, quotePath);
    await b.locator('.quote-page a', { hasText: '生产管理系统' }).waitFor({ timeout: 20_000 });

    await goto(a, wsId, oppPath);
    await a.locator('.page-head').getByRole('button', { name: '编辑', exact: true }).click();
    await fill(a, 'subject', '生产管理系统二期');
    await saveForm(a);
    await b.locator('.quote-page a', { hasText: '生产管理系统二期' }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
  });

  it('a second peer sees who is viewing and who is editing an opportunity', async () => {
    const A: Peer = { ...(await newPeer()), wsId: '' };
    const B: Peer = { ...(await newPeer()), wsId: '' };
    browsers.push(A.browser, B.browser);
    A.wsId = await createWorkspace(A.page, '商机小组', '王老师');
    await setSync(A.page, A.wsId, { signaling: [`ws://127.0.0.1:${signaling.port}`] });
    await addCustomer(A.page, A.wsId, 'KH009', '温州瑞达电器');
    await goto(A.page, A.wsId, 'opportunities');
    await listRows(A.page, '商机');
    await A.page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(A.page, 'subject', '生产管理系统');
    await pickRef(A.page, 'customerId', '温州瑞达');
    await saveForm(A.page);
    await A.page.waitForURL(/\/opportunities\/[a-z0-9]+$/);
    const oppPath = A.page.url().split('#/w/')[1].split('/').slice(1).join('/');

    const { code, password } = await invite(A.page, A.wsId);
    B.wsId = await join(B.page, code, password);
    await becomeNewMember(B.page, '李同学');
    await goto(B.page, B.wsId, oppPath);
    await B.page.getByRole('heading', { name: '生产管理系统' }).waitFor({ timeout: 30_000 });

    await goto(A.page, A.wsId, oppPath);
    await A.page.getByRole('heading', { name: '生产管理系统' }).waitFor();
    await B.page.locator('.record-presence', { hasText: '王老师 · 正在查看' }).waitFor({ timeout: 20_000 });
    await A.page.locator('.page-head').getByRole('button', { name: '编辑', exact: true }).click();
    await B.page.locator('.record-presence', { hasText: '王老师 · 正在编辑' }).waitFor({ timeout: 20_000 });
    // and A, in the form, sees that B is looking at the same opportunity
    await A.page.locator('.modal .record-presence', { hasText: '李同学 · 正在查看' }).waitFor({ timeout: 20_000 });
    await fill(A.page, 'subject', '生产管理系统二期');
    await saveForm(A.page);
    await B.page.getByRole('heading', { name: '生产管理系统二期' }).waitFor({ timeout: 20_000 });
    const history = B.page.locator('.record-history');
    await history.locator('li', { hasText: '生产管理系统二期' }).waitFor();
    expect(await history.locator('li', { hasText: '生产管理系统二期' }).innerText()).toContain('王老师');
    await B.page.setViewportSize({ width: 1280, height: 800 });
    await shot(B.page, 'sync-opportunity-presence-history-1280x800');
    expect(A.errors).toEqual([]);
    expect(B.errors).toEqual([]);
  });
});
