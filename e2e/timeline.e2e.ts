import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createWorkspace, goto, injectUpdate, launch, newPage, pickRef, shot, loadSampleCompany } from './lib';
import { sampleCompany } from '../src/domain/sample';

/**
 * Issue 16 items 4 and 5 in Chromium: the customer 360 timeline (kinds in order, filters, 记一笔
 * surviving a reload), the opportunity's stage path, history that names things, and the notice
 * of a same-field conflict merged from two Y.Doc peers with "use the other value".
 */

type Rec = Record<string, unknown> & { id: string };
const pad2 = (n: number) => String(n).padStart(2, '0');
const now0 = new Date();
const TODAY = `${now0.getFullYear()}-${pad2(now0.getMonth() + 1)}-${pad2(now0.getDate())}`;
const data = sampleCompany({ history: true, today: TODAY });
const of = (k: string) => (data[k as keyof typeof data] ?? []) as unknown as Rec[];
const mine = (k: string, cid: string) => of(k).filter((r) => r.customerId === cid && r.deleted !== true);
// the sample customer with the most kinds of records: orders, receipts, service, activities, contact records
const score = (cid: string) => ['orders', 'receipts', 'serviceRecords', 'activities', 'quotes', 'complaints'].filter((k) => mine(k, cid).length > 0).length;
const customer = of('customers').slice().sort((a, b) => score(b.id) - score(a.id) || (a.id < b.id ? -1 : 1))[0];
const activeOpp = of('opportunities').find((o) => o.status === 'active' && o.modeId === 'standard')!;

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '时间线实验组', '王老师');
  await loadSampleCompany(page, 60_000);
});
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const timeline = () => page.getByTestId('customer-timeline');
const items = () => timeline().locator('li.timeline-item');
const kindsShown = async () => new Set(await items().evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))));
const timesShown = () => items().evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-at'))));

describe('the customer 360 timeline', () => {
  it('shows items of several kinds newest first; filters by kind, person and days narrow it; 记一笔 adds an item that survives a reload', async () => {
    expect(score(customer.id)).toBeGreaterThanOrEqual(4);
    await goto(page, ws, `customers/${customer.id}`);
    await items().first().waitFor({ timeout: 30_000 });
    // every group has loaded once the orders are in
    await expect.poll(async () => (await kindsShown()).has('orders'), { timeout: 30_000 }).toBe(true);
    const kinds = await kindsShown();
    for (const k of ['orders', 'receipts', 'serviceRecords', 'activities']) if (mine(k, customer.id).length) expect(kinds.has(k), k).toBe(true);
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    const times = await timesShown();
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await shot(page, 'timeline-customer-1280x800');
    await timeline().scrollIntoViewIfNeeded();
    await shot(page, 'timeline-stream-1280x800');

    // by kind: only orders, as many as the customer has (the stream shows 50 at a time)
    await timeline().locator('.chip-btn[data-kind=orders]').click();
    await expect.poll(async () => [...(await kindsShown())]).toEqual(['orders']);
    expect(await items().count()).toBe(Math.min(50, mine('orders', customer.id).length));
    await timeline().locator('.chip-btn[data-kind=orders]').click();

    // by person: every item left is that person's
    const ownerName = String(of('users').find((u) => u.id === mine('orders', customer.id)[0].ownerId)?.name);
    const all = await items().count();
    await timeline().locator('#tl-who').selectOption({ label: ownerName });
    const whos = await items().locator('.tl-who').allInnerTexts();
    expect(whos.length).toBeGreaterThan(0);
    expect(new Set(whos)).toEqual(new Set([ownerName]));
    await timeline().locator('#tl-who').selectOption({ value: '' });

    // by days: one order's day keeps that day's items only
    const day = String(mine('orders', customer.id)[0].date);
    await timeline().locator('#tl-from').fill(day);
    await timeline().locator('#tl-to').fill(day);
    const start = new Date(`${day}T00:00`).getTime();
    await expect.poll(async () => (await timesShown()).every((t) => t >= start && t < start + 86_400_000)).toBe(true);
    expect(await items().count()).toBeGreaterThan(0);
    expect(await items().count()).toBeLessThan(all);
    await timeline().getByRole('button', { name: '清除筛选' }).click();

    // 记一笔: a call, through the store; first in the stream, and still there after a reload
    await timeline().locator('#log-way').selectOption({ label: '电话' });
    await timeline().locator('#log-text').fill('电话回访:客户确认下月续约');
    await timeline().getByRole('button', { name: '记一笔' }).click();
    // newest first: only items dated later than now (planned contacts, tasks due) stand above it
    const note = items().filter({ hasText: '电话回访:客户确认下月续约' });
    await note.waitFor();
    expect(await note.getAttribute('data-kind')).toBe('customerNotes');
    await expect(note.innerText()).resolves.toContain('电话');
    const noteAt = Number(await note.getAttribute('data-at'));
    expect(Math.abs(noteAt - Date.now())).toBeLessThan(120_000);
    const above = (await timesShown()).slice(0, (await items().evaluateAll((els) => els.findIndex((e) => e.textContent?.includes('电话回访')))));
    expect(above.every((t) => t >= noteAt)).toBe(true);
    await page.reload();
    await items().first().waitFor({ timeout: 30_000 });
    await expect(note.innerText({ timeout: 30_000 })).resolves.toContain('王老师');
    expect(errors).toEqual([]);
  });

  it('looks right on a tablet, a phone and in English', async () => {
    for (const viewport of [{ width: 768, height: 1024 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await goto(page, ws, `customers/${customer.id}`);
      await items().first().waitFor({ timeout: 30_000 });
      await timeline().scrollIntoViewIfNeeded();
      await shot(page, `timeline-${viewport.width}x${viewport.height}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => localStorage.setItem('keyuan.lang', 'en'));
    await page.reload();
    await timeline().getByRole('heading', { name: 'Timeline' }).waitFor({ timeout: 30_000 });
    await timeline().getByRole('button', { name: 'Log it' }).waitFor();
    await timeline().scrollIntoViewIfNeeded();
    await shot(page, 'timeline-en-1280x800');
    await page.evaluate(() => localStorage.setItem('keyuan.lang', 'zh'));
    await page.reload();
    await timeline().getByRole('heading', { name: '时间线' }).waitFor({ timeout: 30_000 });
  });
});

describe('the timeline and history of the newer modules', () => {
  // a sample customer with a contract, a market activity it took part in and a survey it answered
  const has = (k: string, cid: string) => mine(k, cid).length > 0;
  const rich = of('customers').find((c) => ['contracts', 'activityParticipants', 'surveyResponses'].every((k) => has(k, c.id)))!;
  // what a person must never read: record ids, stored codes, JSON
  const RAW = /\b(?:cu|ct|mp|ma|svr|svy|us|od|op)\d{3,}\b|[{}[\]"]|\b(?:attended|invited|absent|staff|kiosk|active|draft|pending)\b/;

  it('a customer\'s timeline holds its contracts, the market activities it took part in and its survey answers, in words', async () => {
    expect(rich, 'the sample has such a customer').toBeTruthy();
    await goto(page, ws, `customers/${rich.id}`);
    await items().first().waitFor({ timeout: 30_000 });
    await expect.poll(async () => {
      const k = await kindsShown();
      return ['contracts', 'activityParticipants', 'surveyResponses'].every((x) => k.has(x));
    }, { timeout: 30_000 }).toBe(true);
    const contract = mine('contracts', rich.id)[0];
    const part = mine('activityParticipants', rich.id)[0];
    const answer = mine('surveyResponses', rich.id)[0];
    // a contract: its number, amount as money, status as a word; it opens the contract
    const c = await timeline().locator('li.timeline-item[data-kind=contracts]', { hasText: String(contract.code) }).first().innerText();
    expect(c).toContain(String(contract.code));
    expect(c).toMatch(/\d{1,3}(,\d{3})+\.\d{2}/);
    expect(c).not.toMatch(RAW);
    await timeline().locator('li.timeline-item[data-kind=contracts]', { hasText: String(contract.code) }).getByRole('link').first().click();
    await page.waitForURL(new RegExp(`/contracts/${contract.id}$`));
    await page.goBack();
    await items().first().waitFor({ timeout: 30_000 });
    // a participation: the activity, the contact by name, attendance as a word
    await timeline().locator('.chip-btn[data-kind=activityParticipants]').click();
    const p = await timeline().locator('li.timeline-item[data-kind=activityParticipants]', { hasText: String(part.activityName) }).first().innerText();
    expect(p).toContain(String(part.activityName));
    if (typeof part.contactId === 'string') expect(p).toContain(String(of('contacts').find((x) => x.id === part.contactId)!.name));
    expect(p).not.toMatch(RAW);
    await timeline().locator('.chip-btn[data-kind=activityParticipants]').click();
    // a survey answer: the survey, who entered it, the channel as a word
    await timeline().locator('.chip-btn[data-kind=surveyResponses]').click();
    const a = await timeline().locator('li.timeline-item[data-kind=surveyResponses]', { hasText: String(answer.title) }).first().innerText();
    expect(a).toContain(String(answer.title));
    expect(a).not.toMatch(RAW);
    await timeline().scrollIntoViewIfNeeded();
    await shot(page, 'timeline-new-kinds-1280x800');
    await timeline().locator('.chip-btn[data-kind=surveyResponses]').click();
    expect(errors).toEqual([]);
  });

  it('a contract page has a history that names the customer and writes money and dates', async () => {
    // a draft contract: its terms can be edited on its page
    const draft = of('contracts').find((c) => c.status === 'draft')!;
    const other = of('customers').find((c) => c.id !== draft.customerId)!;
    await goto(page, ws, `contracts/${draft.id}`);
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await pickRef(page, 'customerId', String(other.name));
    await page.locator('.modal #f-amount').fill('123456.5');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    const history = page.locator('.record-history');
    const customerChange = history.locator('.change', { hasText: '客户(甲方)' }).first();
    await expect.poll(() => customerChange.innerText()).toContain(String(other.name));
    expect(await customerChange.innerText()).toContain(String(of('customers').find((c) => c.id === draft.customerId)!.name));
    const amountChange = history.locator('.change', { hasText: '合同金额' }).first();
    await expect(amountChange.innerText()).resolves.toContain('123,456.50');
    expect(await history.innerText()).not.toMatch(/\bcu\d{3,}\b|[{}"]/);
    await history.scrollIntoViewIfNeeded();
    await shot(page, 'history-contract-1280x800');
    // the system log names the contract by its number and the field by its label
    await goto(page, ws, 'settings?tab=log');
    const row = page.locator('.system-log tbody tr', { hasText: String(draft.code) }).first();
    await expect(row.innerText()).resolves.toContain('合同金额');
    expect(await row.innerText()).not.toMatch(/\bamount\b|\bct\d{3}\b/);
    // an expense's page has its history too (the approval engine's other document)
    const expense = of('expenses').find((e) => e.status === 'approved')!;
    await goto(page, ws, `finance/expenses/${expense.id}`);
    await expect(page.locator('.record-history').innerText()).resolves.toContain('创建了此记录');
    expect(errors).toEqual([]);
  });
});

describe('the opportunity page', () => {
  it('the stage path marks passed stages and the current one; clicking a later stage moves the opportunity there', async () => {
    await goto(page, ws, `opportunities/${activeOpp.id}`);
    const path = page.locator('ol.stage-path');
    await path.waitFor();
    const current = path.locator('li.current');
    expect(await current.getAttribute('data-stage')).toBe(activeOpp.stageId);
    const ids = await path.locator('li').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage')));
    const at = ids.indexOf(String(activeOpp.stageId));
    expect(await path.locator('li.passed').count()).toBe(at);
    expect(at).toBeLessThan(ids.length - 1);
    await shot(page, 'stage-path-1280x800');
    const next = ids[at + 1]!;
    await path.locator(`li[data-stage="${next}"] button`).click();
    const dialog = page.locator('.modal');
    await dialog.getByRole('button', { name: '确认推进' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => path.locator('li.current').getAttribute('data-stage')).toBe(next);
    expect(await path.locator('li.passed').count()).toBe(at + 1);
    // the same contact record the board writes: completed, at the new stage
    await page.reload();
    await expect.poll(() => page.locator('ol.stage-path li.current').getAttribute('data-stage'), { timeout: 30_000 }).toBe(next);
    // on a phone the path scrolls inside its own box, the page does not
    await page.setViewportSize({ width: 390, height: 844 });
    await goto(page, ws, `opportunities/${activeOpp.id}`);
    await page.locator('ol.stage-path li.current').waitFor();
    await shot(page, 'stage-path-390x844');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(errors).toEqual([]);
  });

  it('history names the customer (not its id) when an opportunity moves to another customer', async () => {
    const other = of('customers').find((c) => c.id !== activeOpp.customerId)!;
    const before = of('customers').find((c) => c.id === activeOpp.customerId)!;
    await goto(page, ws, `opportunities/${activeOpp.id}`);
    await page.getByRole('button', { name: '编辑', exact: true }).first().click();
    await pickRef(page, 'customerId', String(other.name));
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    const change = page.locator('.record-history .change', { hasText: '客户' }).first();
    await expect.poll(() => change.innerText()).toContain(String(other.name));
    const text = await change.innerText();
    expect(text).toContain(String(before.name));
    expect(text).not.toContain(other.id);
    await change.scrollIntoViewIfNeeded();
    await shot(page, 'history-names-1280x800');
    // the system log names the opportunity and the field, not ids
    await goto(page, ws, 'settings?tab=log');
    const row = page.locator('.system-log tbody tr', { hasText: String(activeOpp.subject) }).first();
    await expect(row.innerText()).resolves.toContain('客户');
    expect(await row.innerText()).not.toContain('customerId');
    expect(errors).toEqual([]);
  });
});

describe('a same-field conflict merged from two peers', () => {
  it('the customer page says whose value was kept and whose overwritten; "使用另一值" writes it; dismissed notices stay away', async () => {
    const { ctx: c2, page: p, errors: errs } = await newPage(browser);
    const id = await createWorkspace(p, '冲突实验', '王老师');
    // a shared starting point, then two peers editing the same fields while apart
    const base = new Y.Doc();
    const t0 = Date.now() - 60_000;
    const enc = (r: object) => new TextEncoder().encode(JSON.stringify(r));
    const cust = { id: 'conflict000001', code: 'KH900', name: '冲突测试客户', kind: 'customer', phone: '0571-1000', address: '杭州市',
      createdBy: 'u-li', updatedBy: 'u-li', _c: [t0, base.clientID] };
    base.transact(() => {
      base.getMap('users').set('u-li', enc({ id: 'u-li', name: '李娜', active: true, createdBy: 'u-li', _c: [t0, base.clientID] }));
      base.getMap('users').set('u-zhang', enc({ id: 'u-zhang', name: '张伟', active: true, createdBy: 'u-li', _c: [t0, base.clientID] }));
      base.getMap('customers').set(cust.id, enc(cust));
    });
    const peer = (user: string, at: number, values: Record<string, string>) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
      const s = [at, d.clientID];
      const stamps = Object.fromEntries(Object.keys(values).map((k) => [k, s]));
      d.transact(() => {
        d.getMap('customers').set(cust.id, enc({ ...cust, ...values, updatedBy: user, _s: stamps }));
        d.getArray('history').push([{ c: 'customers', r: cust.id, s, u: user, f: Object.fromEntries(Object.keys(values).map((k) => [k, [cust[k as 'phone'], values[k]]])) }]);
      });
      return d;
    };
    const li = peer('u-li', t0 + 1000, { phone: '0571-1111', address: '杭州市滨江区' });
    const zhang = peer('u-zhang', t0 + 2000, { phone: '0571-2222', address: '杭州市西湖区' });
    await injectUpdate(p, id, Y.encodeStateAsUpdate(base));
    await injectUpdate(p, id, Y.encodeStateAsUpdate(li, Y.encodeStateVector(base)));
    await injectUpdate(p, id, Y.encodeStateAsUpdate(zhang, Y.encodeStateVector(base)));
    await goto(p, id, `customers/${cust.id}`);
    await p.reload();
    const phoneNotice = p.locator('.conflict-notice[data-field=phone]');
    await phoneNotice.waitFor({ timeout: 30_000 });
    // the later write (张伟's) was kept on the page and in the notice; 李娜's was overwritten
    const notice = await phoneNotice.innerText();
    for (const s of ['电话', '张伟', '0571-2222', '李娜', '0571-1111']) expect(notice).toContain(s);
    expect(await p.locator('.conflict-notice').count()).toBe(2);
    await shot(p, 'conflict-notice-1280x800');
    const shown = (label: string) => p.locator('dl.fields > div', { has: p.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();
    expect(await shown('电话')).toBe('0571-2222');

    await phoneNotice.getByRole('button', { name: '使用另一值' }).click();
    await expect.poll(() => shown('电话')).toBe('0571-1111');
    await p.getByText('已改为「0571-1111」').waitFor(); // said once stored
    await phoneNotice.waitFor({ state: 'detached' });
    await p.locator('.conflict-notice[data-field=address]').getByRole('button', { name: '知道了' }).click();
    expect(await p.locator('.conflict-notice').count()).toBe(0);
    await p.reload();
    await p.getByRole('heading', { name: /冲突测试客户/ }).waitFor({ timeout: 30_000 });
    expect(await shown('电话')).toBe('0571-1111');
    expect(await shown('地址')).toBe('杭州市西湖区');
    expect(await p.locator('.conflict-notice').count()).toBe(0);
    // the history still shows the overwritten value, marked, by name
    const lost = p.locator('.record-history .change.lost', { hasText: '0571-1111' });
    await expect(lost.innerText()).resolves.toContain('被同时进行的修改覆盖');
    expect(errs).toEqual([]);
    await c2.close();
  });
});
