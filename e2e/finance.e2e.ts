import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, fill, goto, injectUpdate, launch, newPage, currentUserId } from './lib';
import { peer } from '../src/store/core/test-peers';

/**
 * The money side in real Chromium: an approved order is seeded as a peer's update (the orders UI
 * is built elsewhere), then the order's account page — plan refused then saved, a receipt above
 * the balance refused, a partial one kept —, arrears with the ageing bucket of the overdue
 * instalment, a dunning log entry, the value pyramid with its drill-down, a snapshot and the
 * movement matrix. Screenshots at 1280×800 and 768×1024 in /tmp/finance-shots.
 */

const SHOTS = '/tmp/finance-shots';
const pad = (n: number) => String(n).padStart(2, '0');
const dayStr = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const day = (offset: number) => dayStr(new Date(Date.now() + offset * 86_400_000));
const TODAY = day(0);
const MONTH = TODAY.slice(0, 7);
const PREV = (() => { const [y, m] = MONTH.split('-').map(Number); return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`; })();

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

/** Customers and approved orders written by a peer: o1 (甲公司, 10 × 1,000, approved 75 days ago) and a few orders this month and last. */
function seed(me: string): { core: Uint8Array; orders: Uint8Array } {
  const p = peer('seed-peer');
  const names = ['甲公司', '乙公司', '丙公司', '丁公司', '戊公司', '己公司'];
  names.forEach((name, i) => p.collection('customers').create({ name, code: `KH${i + 1}`, kind: 'customer', ownerId: me }, `c${i + 1}`));
  const order = (id: string, customerId: string, approvedAt: string, unitPrice: number) => {
    p.collection('orders').create({ code: `DD-${id.toUpperCase()}`, customerId, ownerId: me, type: 'standard', status: 'approved', date: approvedAt, approvedAt, amount: unitPrice * 10 }, id);
    p.collection('orderLines').create({ orderId: id, seq: 1, productId: 'p1', quantity: 10, unitPrice, rate: 1, costPrice: unitPrice / 2 }, `${id}-l1`);
  };
  order('o1', 'c1', day(-75), 1000);
  // this month: 乙 50,000 > 丙 20,000 > 丁 8,000 > 戊 3,000 > 己 1,000; last month: 己 60,000 > 戊 10,000 > 乙 2,000
  [['o2', 'c2', 5000], ['o3', 'c3', 2000], ['o4', 'c4', 800], ['o5', 'c5', 300], ['o6', 'c6', 100]]
    .forEach(([id, c, price]) => order(id as string, c as string, TODAY, price as number));
  [['o7', 'c6', 6000], ['o8', 'c5', 1000], ['o9', 'c2', 200]].forEach(([id, c, price]) => order(id as string, c as string, `${PREV}-15`, price as number));
  return { core: Y.encodeStateAsUpdate(p.docs.get('core')!), orders: Y.encodeStateAsUpdate(p.docs.get('orders')!) };
}

async function snap(name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1280x800.png`, fullPage: true });
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${SHOTS}/${name}-768x1024.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '财务实验组', '王老师');
  // every group's database exists once the workspace is open (the seed is added to them)
  await page.waitForFunction(async (name) => (await indexedDB.databases()).some((d) => d.name === name), `keyuan-ws-${ws}@orders`);
  const me = await currentUserId(page, ws);
  const { core, orders } = seed(me);
  await injectUpdate(page, ws, core);
  await injectUpdate(page, `${ws}@orders`, orders);
  await page.reload();
  await page.getByText('您好,王老师').waitFor();
}, 120_000);
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const account = () => page.getByTestId('order-account');

describe('finance', () => {
  it('collection plan: a wrong total is refused with the difference, the right one saved', async () => {
    await goto(page, ws, 'finance/account/o1');
    await account().waitFor();
    expect(await account().innerText()).toContain('10,000.00');
    const plan = page.getByTestId('plan-editor');
    await plan.getByRole('button', { name: '+ 添加一期' }).click();
    await page.getByLabel('应收日期 1').fill(day(-45));
    await page.getByLabel('应收金额 1').fill('6000');
    await plan.getByRole('button', { name: '+ 添加一期' }).click();
    expect(await page.getByLabel('应收金额 2').inputValue()).toBe('4000');
    await page.getByLabel('应收日期 2').fill(day(30));
    await page.getByLabel('应收金额 2').fill('3000');
    expect(await page.getByTestId('plan-difference').innerText()).toContain('1,000.00');
    await plan.getByRole('button', { name: '保存计划' }).click();
    await expect(plan.getByRole('alert').innerText()).resolves.toContain('与订单金额 10,000.00 不符,差额 1,000.00');
    await snap('plan-refused');
    expect(await page.evaluate(() => document.querySelectorAll('[data-testid=plan-editor] tbody tr[data-row]').length)).toBe(2);
    await page.getByLabel('应收金额 2').fill('4000');
    await plan.getByRole('button', { name: '保存计划' }).click();
    await page.getByText('回款计划已保存').waitFor();
    expect(await plan.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('plan-difference').innerText()).toContain('0.00');
  });

  it('a receipt above the balance is refused at entry; a partial receipt is kept', async () => {
    await page.getByRole('button', { name: '+ 收款' }).click();
    await fill(page, 'amount', '12000');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('.modal .field-error').first().innerText()).resolves.toContain('收款金额超过订单余额 10000');
    await fill(page, 'amount', '2000');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.getByTestId('order-receipts').innerText()).resolves.toContain('2,000.00');
    await expect(account().innerText()).resolves.toContain('8,000.00');
    await snap('order-account');
  });

  it('arrears show the overdue instalment in its ageing bucket and drill to the order', async () => {
    await goto(page, ws, 'finance/arrears');
    const row = page.locator('[data-testid=arrears-table] tbody tr[data-key=c1]');
    await row.waitFor();
    // 6,000 due 45 days ago, 2,000 received: 4,000 in 31–60; 4,000 not yet due
    expect(await row.locator('[data-bucket=d31to60]').innerText()).toBe('4,000.00');
    expect(await row.locator('[data-bucket=notDue]').innerText()).toBe('4,000.00');
    await snap('arrears');
    await row.locator('[data-bucket=d31to60] button').click();
    await expect(page.getByTestId('orders-drill').innerText()).resolves.toContain('DD-O1');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: '按业务员' }).click();
    await expect(page.getByTestId('arrears-table').innerText()).resolves.toContain('王老师');
  });

  it('the dunning list takes a log entry with the promised date', async () => {
    await goto(page, ws, 'finance/dunning');
    const row = page.locator('[data-testid=dunning-table] tbody tr[data-order=o1]');
    await row.waitFor();
    expect(await row.innerText()).toContain('4,000.00');
    await row.getByRole('button', { name: '记录催款' }).click();
    await fill(page, 'promisedDate', day(7));
    await fill(page, 'note', '财务经理答应下周付款');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.getByTestId('dunning-log').innerText()).resolves.toContain('财务经理答应下周付款');
    await expect(row.innerText()).resolves.toContain(day(7));
    await snap('dunning');
  });

  it('the pyramid shows tiers, drills down, keeps snapshots and shows who moved', async () => {
    await goto(page, ws, 'finance/pyramid');
    const table = page.getByTestId('pyramid-table');
    await table.waitFor();
    // six customers under 20/30/50: 1, 2, 3
    const counts = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(counts).toEqual(['1', '2', '3']);
    // last month, ended, was kept when first viewed
    await page.locator('[data-testid=snapshot-list] tr[data-month="' + PREV + '"]').waitFor();
    await page.locator('[data-testid=pyramid-svg] .tier[data-tier="0"] polygon').click();
    await expect(page.getByTestId('customers-drill').innerText()).resolves.toContain('乙公司');
    await snap('pyramid-drill');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存快照' }).click();
    await page.locator('[data-testid=snapshot-list] tr[data-month="' + MONTH + '"]').waitFor();
    const matrix = page.getByTestId('movement-matrix');
    await matrix.waitFor();
    const text = await page.locator('.move-lists').innerText();
    expect(text).toContain('↑ 上升 3'); // 乙 to the top, 丙 and 丁 to the middle
    expect(text).toContain('↓ 下降 2'); // 己 and 戊 down to the rest
    await snap('pyramid');
  });

  it('the customer page shows receivables, arrears and the value tier; expenses list', async () => {
    await goto(page, ws, 'customers/c2');
    const card = page.getByTestId('customer-money');
    await card.waitFor();
    expect(await card.innerText()).toContain('前 20%');
    await card.scrollIntoViewIfNeeded();
    await snap('customer');
    await goto(page, ws, 'finance/expenses');
    await page.locator('.grid-head').waitFor();
    await snap('expenses');
  });

  it('home shows my overdue instalments; nothing failed in the page', async () => {
    await goto(page, ws, '');
    await expect(page.getByTestId('home-dunning').innerText()).resolves.toContain('DD-O1');
    await snap('home');
    expect(errors).toEqual([]);
  });
});
