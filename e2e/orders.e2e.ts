import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, fill, goto, launch, newPage, OUT } from './lib';
import { Workspace } from '../src/store/core/workspace';
import { seedWorkspace } from '../src/store/org/setup';
import { migrate, schemaVersion } from '../src/store/core/migrations';

/*
 * The orders flow in real Chromium (issue 12): an approved quote becomes an order, its discount
 * is below the rep's limit so submitting sends it to the manager's 审批箱, the manager approves,
 * the rep delivers part of it, over-delivery is refused with its reason and nothing is written,
 * goods come back, and the execution status reads 部分退货. The same order then goes on to its money
 * on its own page: a collection plan (one instalment due 45 days ago; a wrong total refused with
 * the difference), a receipt above the balance refused, a partial one kept, the return refunded
 * from its 退款 button; 欠款查询 ages the overdue instalment, 催款提醒 lists it and takes a log with
 * a promised date, home shows the reminder, and 客户价值金字塔 tiers the customer, drills down,
 * keeps a snapshot and shows the movement matrix. Last, the same pages in English.
 * Screenshots at 1280×800 and 768×1024 (ORDERS_SHOTS and e2e/.out).
 */

const SHOTS = process.env.ORDERS_SHOTS ?? '/tmp/orders-shots';
const pad = (n: number) => String(n).padStart(2, '0');
/** The calendar day `offset` days from today, as the app's date inputs write it. */
const day = (offset: number) => { const d = new Date(Date.now() + offset * 86_400_000); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
const MONTH = day(0).slice(0, 7);
mkdirSync(SHOTS, { recursive: true });
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await ctx?.close(); await browser?.close(); });

/** A workspace built through the store (seed, then records as the sales module leaves them), as a backup file. */
function seededBackup(): string {
  const ws = new Workspace('orders-e2e');
  ws.actorId = 'seed';
  seedWorkspace(ws, '订单实验组', '王老师');
  migrate(ws);
  ws.transact(() => {
    // this company lets reps read the money side, so a rep's home shows the overdue instalments to chase
    ws.collection('roles').update('role-rep', { perm_finance: 'read' });
    ws.collection('departments').create({ name: '销售部', code: 'D02' }, 'd-sales');
    ws.collection('users').create({ name: '张三', code: 'S01', roleId: 'role-rep', departmentId: 'd-sales', active: true }, 'rep');
    ws.collection('users').create({ name: '李经理', code: 'M01', roleId: 'role-manager', departmentId: 'd-sales', active: true }, 'mgr');
    ws.collection('customers').create({ code: 'KH001', name: '恒远机械', kind: 'customer', ownerId: 'rep' }, 'c1');
    ws.collection('products').create({ code: 'P01', name: 'ERP 标准版', listPrice: 38000, costPrice: 20000 }, 'p1');
    ws.collection('products').create({ code: 'P02', name: '实施服务', listPrice: 5000, costPrice: 2000 }, 'p2');
    ws.collection('opportunities').create({ subject: 'ERP 升级项目', customerId: 'c1', ownerId: 'rep', status: 'won', startDate: '2026-02-01' }, 'o1');
    ws.collection('quotes').create({ code: 'BJ20260301-001', customerId: 'c1', ownerId: 'rep', opportunityId: 'o1', date: '2026-03-01', status: 'approved' }, 'q1');
    // ERP at 0.9: below 张三's position limit (0.95), so the order needs a manager's approval
    ws.collection('quoteLines').create({ quoteId: 'q1', seq: 0, productId: 'p1', quantity: 10, unitPrice: 38000, rate: 0.9 }, 'q1.L0');
    ws.collection('quoteLines').create({ quoteId: 'q1', seq: 1, productId: 'p2', quantity: 4, unitPrice: 5000, rate: 1 }, 'q1.L1');
    ws.collection('quoteSteps').create({ quoteId: 'q1', seq: 0, action: 'submit', by: 'rep', at: Date.parse('2026-03-01T09:00:00') }, 'q1.S0');
    ws.collection('quoteSteps').create({ quoteId: 'q1', seq: 1, action: 'approve', by: 'mgr', at: Date.parse('2026-03-01T11:00:00') }, 'q1.S1');
    // 张三's target this month: the approved standard order is his actual (opportunities only where no order exists)
    ws.collection('salesPlans').create({ scope: 'person', userId: 'rep', period: MONTH, target: 500_000 }, 'plan-rep');
  });
  return pack(ws, '订单实验组');
}

/** The backup file format (store/sync/file.ts): magic, a JSON header naming the groups, one section per group. */
function pack(ws: Workspace, name: string): string {
  const sections = [...ws.docs].map(([g, doc]) => [g, Y.encodeStateAsUpdate(doc)] as const);
  const header = { kind: 'full', workspace: name, room: 'orders-e2e-room', exportedAt: Date.now(), by: 'seed', schema: schemaVersion(ws.doc), groups: sections.map(([g]) => g) };
  const head = new TextEncoder().encode(`KEYUAN-SYNC 1\n${JSON.stringify(header)}\n`);
  const size = head.length + sections.reduce((s, [, b]) => s + 4 + b.length, 0);
  const out = new Uint8Array(size);
  out.set(head, 0);
  let at = head.length;
  for (const [, b] of sections) {
    new DataView(out.buffer).setUint32(at, b.length);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  const path = `${OUT}/orders-seed.keyuan`;
  writeFileSync(path, out);
  return path;
}

async function restoreAs(page: Page, file: string, user: string): Promise<string> {
  await page.goto(baseUrl());
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await page.locator('#restore-file').setInputFiles(file);
  await expect.poll(() => page.locator('#restore-name').inputValue(), { timeout: 30_000 }).toBe('订单实验组');
  await page.getByRole('button', { name: '恢复', exact: true }).click();
  await page.locator('.user-pick').getByRole('button', { name: user }).click();
  await page.waitForURL(/#\/w\/[a-z0-9]+$/);
  return page.url().split('#/w/')[1];
}

async function switchUser(page: Page, name: string, role: string) {
  await page.locator('.user-chip').click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.user-chip', { hasText: role }).waitFor();
}

/** Close toasts so screenshots show the page itself; the page scrolled to `top` (default: the top). */
async function snap(page: Page, name: string, scrollTo?: string) {
  for (const b of await page.locator('.toast .icon-btn, .pwa-toast .btn').all()) await b.click({ timeout: 1000 }).catch(() => undefined);
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
  if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
  else await page.locator('.content').evaluate((e) => { e.scrollTop = 0; });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  copyFileSync(`${SHOTS}/${name}.png`, `${OUT}/orders-${name}.png`);
}

/** The same view at 1280×800 and 768×1024 (back at 1280×800 after). */
async function snapBoth(page: Page, name: string, scrollTo?: string) {
  await snap(page, `${name}-1280x800`, scrollTo);
  await page.setViewportSize({ width: 768, height: 1024 });
  // below 900 px the sidebar becomes a drawer that slides out (.18 s): shoot once it is gone
  await page.waitForFunction(() => { const r = document.querySelector('.sidebar')?.getBoundingClientRect(); return !r || r.right <= 0; });
  await snap(page, `${name}-768x1024`, scrollTo);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const modalSave = async (page: Page) => page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();

const modalOk = async (page: Page, label: string, comment = '') => {
  const modal = page.locator('.modal');
  await modal.waitFor();
  if (comment) await modal.locator('#prompt-text').fill(comment);
  await modal.getByRole('button', { name: label, exact: true }).click();
  await modal.waitFor({ state: 'detached' });
};

const execStatus = (page: Page) => page.locator('.page-head .exec-status').innerText();

async function fillDocument(page: Page, kind: 'deliveries' | 'returns', quantities: string[]) {
  const card = page.locator(`[data-docs=${kind}]`);
  if (!(await card.locator('.doc-form').count())) await card.locator('.new-doc').click();
  const inputs = card.locator('.doc-form .doc-qty');
  for (let i = 0; i < quantities.length; i++) await inputs.nth(i).fill(quantities[i]);
}

// one browser page goes down the whole path; each step below continues where the last one left off
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws = '';
let orderPath = '';
const orderId = () => orderPath.split('/').at(-1)!;

describe('orders: quote → order → approval → deliveries and returns → money → arrears → dunning → pyramid', () => {
  it('runs the flow with the rules enforced, and looks right at two sizes', { timeout: 240_000 }, async () => {
    const file = seededBackup();
    ({ ctx, page, errors } = await newPage(browser));
    ws = await restoreAs(page, file, '张三');

    // the approved quote offers 生成订单
    await goto(page, ws, 'quotes/q1');
    const made = page.locator('.made-orders');
    await made.waitFor();
    await made.locator('.make-order').click();
    await page.waitForURL(/\/orders\/[^/]+$/);
    orderPath = page.url().split('#/w/')[1].split('/').slice(1).join('/');
    await page.locator('h1.page-title', { hasText: 'DD-S01-0001' }).waitFor();
    await expect.poll(() => page.locator('.order-lines tbody tr').count()).toBe(2);
    expect(await page.locator('.order-total').innerText()).toBe('362,000.00');
    await expect(page.locator('.approval-need').innerText()).resolves.toContain('需要审批');
    await snap(page, 'order-draft-1280x800');

    // submit: below the limit → 待审批, locked
    await page.locator('.action-bar [data-action=submit]').click();
    await modalOk(page, '提交', '年底采购,请批准');
    await page.locator('.page-head .badge', { hasText: '待审批' }).waitFor();
    await expect(page.locator('.action-why').innerText()).resolves.toContain('批准:没有订单管理的审批权限');

    // the manager decides from 审批箱
    await switchUser(page, '李经理', '销售经理');
    await goto(page, ws, 'approvals');
    const item = page.locator('.order-inbox .inbox-item');
    await item.waitFor();
    await expect(item.innerText()).resolves.toContain('DD-S01-0001');
    await snap(page, 'approvals-inbox-1280x800', '.order-inbox');
    await item.getByRole('button', { name: '批准' }).click();
    await modalOk(page, '批准', '同意');
    await page.locator('.order-inbox .empty-line').waitFor();

    // the rep delivers part of it
    await switchUser(page, '张三', '业务员');
    await goto(page, ws, orderPath);
    await page.locator('.page-head .badge', { hasText: '已审批' }).waitFor();
    await fillDocument(page, 'deliveries', ['4', '']);
    await page.locator('[data-docs=deliveries] .save-doc').click();
    await page.locator('.page-head .badge', { hasText: '执行中' }).waitFor();
    await expect.poll(() => execStatus(page)).toBe('部分发货');

    // over-delivery: refused with the reason, nothing written
    await fillDocument(page, 'deliveries', ['7', '4']);
    await page.locator('[data-docs=deliveries] .save-doc').click();
    const refusal = page.locator('[data-docs=deliveries] .doc-form .refusal');
    await refusal.waitFor();
    await expect(refusal.innerText()).resolves.toContain('第 1 行发货数量超过未发货数量 6');
    expect(await page.locator('[data-docs=deliveries] > table tbody tr').count()).toBe(1);
    await snap(page, 'order-overdelivery-1280x800', '[data-docs=deliveries]');
    await page.locator('[data-docs=deliveries] .doc-form').getByRole('button', { name: '取消' }).click();

    // goods come back: 部分退货
    await fillDocument(page, 'returns', ['2', '']);
    await page.locator('[data-docs=returns] .doc-text').fill('两套型号不符');
    await page.locator('[data-docs=returns] .save-doc').click();
    await expect.poll(() => execStatus(page)).toBe('部分退货');
    await expect(page.locator('.order-lines tbody tr').first().innerText()).resolves.toMatch(/4\s+2/);
    await expect(page.locator('.order-steps').innerText()).resolves.toContain('同意');
    await snapBoth(page, 'order-executing');

    // the list: execution status column, filtered
    await goto(page, ws, 'orders');
    const row = page.locator('.grid-rows .grid-row').first();
    await row.waitFor();
    await expect(row.locator('[data-col=execution]').innerText()).resolves.toBe('部分退货');
    await page.locator('.exec-filter').selectOption({ label: '未发货' });
    await page.locator('.grid-rows .grid-row').first().waitFor({ state: 'detached' });
    await page.locator('.exec-filter').selectOption({ label: '全部' });
    await row.waitFor();
    await snapBoth(page, 'orders-list');

    // the opportunity shows its order
    await goto(page, ws, 'opportunities/o1');
    await page.locator('.made-orders .order-table tbody tr', { hasText: 'DD-S01-0001' }).waitFor();
    await snap(page, 'opportunity-orders-1280x800', '.made-orders');

    // the customer's page lists its orders and deliveries
    await goto(page, ws, 'customers/c1');
    await page.locator('.customer-orders .order-table tbody tr', { hasText: 'DD-S01-0001' }).waitFor();
    await expect(page.locator('.customer-orders').innerText()).resolves.toContain('FH-S01-0001');
    expect(errors).toEqual([]);
  });

  it('the order page keeps its money: plan, receipts, the refund of the return', { timeout: 120_000 }, async () => {
    // 王老师 (admin) keeps the books; 362,000 ordered, two ERP came back at 34,200: receivable 293,600
    await switchUser(page, '王老师', '系统管理员');
    await goto(page, ws, orderPath);
    const account = page.getByTestId('order-account');
    await account.waitFor();
    await expect(account.innerText()).resolves.toContain('293,600.00');

    // collection plan: 200,000 due 45 days ago, the rest in a month; a wrong total first
    const plan = page.getByTestId('plan-editor');
    await plan.getByRole('button', { name: '+ 添加一期' }).click();
    await page.getByLabel('应收日期 1').fill(day(-45));
    await page.getByLabel('应收金额 1').fill('200000');
    await plan.getByRole('button', { name: '+ 添加一期' }).click();
    expect(await page.getByLabel('应收金额 2').inputValue()).toBe('162000'); // proposes the rest
    await page.getByLabel('应收日期 2').fill(day(30));
    await page.getByLabel('应收金额 2').fill('150000');
    await expect(page.getByTestId('plan-difference').innerText()).resolves.toContain('12,000.00');
    await plan.getByRole('button', { name: '保存计划' }).click();
    await expect(plan.getByRole('alert').innerText()).resolves.toContain('与订单金额 362,000.00 不符,差额 12,000.00');
    expect(await plan.locator('tbody tr[data-row]').count()).toBe(2);
    await snapBoth(page, 'order-plan-refused', '[data-testid=plan-editor]');
    await page.getByLabel('应收金额 2').fill('162000');
    await plan.getByRole('button', { name: '保存计划' }).click();
    await page.getByText('回款计划已保存').waitFor();
    expect(await plan.getByRole('alert').count()).toBe(0);

    // a receipt above the balance is refused at entry; a partial one is kept
    await page.getByRole('button', { name: '+ 收款' }).click();
    await fill(page, 'amount', '300000');
    await modalSave(page);
    await expect(page.locator('.modal .field-error').first().innerText()).resolves.toContain('收款金额超过订单余额 293600');
    await fill(page, 'amount', '100000');
    await modalSave(page);
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.getByTestId('order-receipts').innerText()).resolves.toContain('100,000.00');
    await expect(account.innerText()).resolves.toContain('193,600.00');

    // the return has no refund yet: 退款 proposes the returned value (68,400 ≤ 100,000 received)
    const due = page.getByTestId('refunds-due');
    await expect(due.innerText()).resolves.toContain('TH-S01-0001');
    await due.locator('.refund-return').click();
    expect(await page.locator('.modal #f-amount').inputValue()).toBe('68400');
    await modalSave(page);
    await page.locator('.modal').waitFor({ state: 'detached' });
    await due.waitFor({ state: 'detached' });
    await expect(page.getByTestId('order-payments').innerText()).resolves.toMatch(/68,400\.00\s+退款/);
    // 293,600 − 100,000 received + 68,400 paid back
    await expect(account.innerText()).resolves.toContain('262,000.00');
    await snapBoth(page, 'order-money', '[data-testid=order-money]');
    expect(errors).toEqual([]);
  });

  it('arrears age the overdue instalment; dunning lists it and keeps a log; home reminds', { timeout: 120_000 }, async () => {
    // the pool (100,000 − 68,400) pays 31,600 of the first instalment: 168,400 is 45 days late;
    // the second's unpaid part is cut to the balance: 262,000 − 168,400 = 93,600 not yet due
    await goto(page, ws, 'finance/arrears');
    const row = page.locator('[data-testid=arrears-table] tbody tr[data-key=c1]');
    await row.waitFor();
    expect(await row.locator('[data-bucket=d31to60]').innerText()).toBe('168,400.00');
    expect(await row.locator('[data-bucket=notDue]').innerText()).toBe('93,600.00');
    await snapBoth(page, 'arrears');
    await row.locator('[data-bucket=d31to60] button').click();
    await expect(page.getByTestId('orders-drill').innerText()).resolves.toContain('DD-S01-0001');
    await page.keyboard.press('Escape');

    await goto(page, ws, 'finance/dunning');
    const late = page.locator(`[data-testid=dunning-table] tbody tr[data-order="${orderId()}"]`);
    await late.waitFor();
    await expect(late.innerText()).resolves.toContain('168,400.00');
    await late.getByRole('button', { name: '记录催款' }).click();
    await fill(page, 'promisedDate', day(7));
    await fill(page, 'note', '对方财务答应下周付第一期');
    await modalSave(page);
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.getByTestId('dunning-log').innerText()).resolves.toContain('对方财务答应下周付第一期');
    await expect(late.innerText()).resolves.toContain(day(7));
    await snapBoth(page, 'dunning');

    // the rep whose customer owes sees it on the home page
    await switchUser(page, '张三', '业务员');
    await goto(page, ws, '');
    const card = page.getByTestId('home-dunning');
    await expect(card.innerText()).resolves.toContain('DD-S01-0001');
    await expect(card.innerText()).resolves.toContain('168,400.00');
    await snap(page, 'home-dunning-1280x800', '[data-testid=home-dunning]');
    expect(errors).toEqual([]);
  });

  it('the value pyramid tiers the customer, drills down, keeps a snapshot and shows the movement', { timeout: 120_000 }, async () => {
    await switchUser(page, '王老师', '系统管理员');
    await goto(page, ws, 'finance/pyramid');
    const table = page.getByTestId('pyramid-table');
    await table.waitFor();
    // the one customer with revenue this month is in one tier (the top: the best customer always is)
    const counts = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(counts.filter((c) => c === '1').length).toBe(1);
    await table.locator('tbody tr').nth(counts.indexOf('1')).locator('button.link').click();
    await expect(page.getByTestId('customers-drill').innerText()).resolves.toContain('恒远机械');
    await snapBoth(page, 'pyramid-drill');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '保存快照' }).click();
    await page.locator(`[data-testid=snapshot-list] tr[data-month="${MONTH}"]`).waitFor();
    // last month was kept when first viewed (恒远机械 at 0, alone, in the top tier): with this month's the
    // matrix shows it staying there, on the diagonal
    const matrix = page.getByTestId('movement-matrix');
    await matrix.waitFor();
    await expect(matrix.locator('td.same button.link').innerText()).resolves.toBe('1');
    await expect(page.locator('.move-lists').innerText()).resolves.toContain('↑ 上升 0');
    await snapBoth(page, 'pyramid-snapshot', '[data-testid=movement-matrix]');
    expect(errors).toEqual([]);
  });

  it("the rep's target counts the approved order; its actual drills down to the order", { timeout: 60_000 }, async () => {
    await goto(page, ws, 'plans');
    const row = page.getByTestId('plan-progress').locator('tbody tr', { hasText: '张三' });
    await row.locator('button.fig').click();
    const drill = page.locator('.modal .drill');
    await expect(drill.innerText()).resolves.toContain('DD-S01-0001');
    await expect(drill.locator('tbody tr').count()).resolves.toBe(1); // the won opportunity has the order: not counted twice
    await page.keyboard.press('Escape');
  });

  it('in English the order page, arrears and pyramid have no Chinese chrome and nothing overflows', { timeout: 120_000 }, async () => {
    await page.locator('.topbar .lang-switch').click();
    await page.locator('.topbar .lang-switch', { hasText: '中文' }).waitFor();
    // headings, column heads, labels and buttons are the UI's own words; record data (names, codes) may stay Chinese
    const chrome = 'h1, h2, h4, th, label, button, .money-fig span, .plan-foot > span, .muted.small';
    const chinese = () => page.locator('main').evaluate((main, sel) => [...main.querySelectorAll(sel)]
      .filter((e) => !e.closest('.modal') && !e.closest('td'))
      .map((e) => { const c = e.cloneNode(true) as Element; c.querySelectorAll('a').forEach((a) => a.remove()); return c.textContent!.trim(); }) // links name records
      .filter((text) => /[\u4e00-\u9fff]/.test(text)).map((text) => text.slice(0, 40)), chrome);
    const overflow = () => page.locator('main').evaluate((main) => [...main.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.table-wrap, .scroll-x, .table-card, .grid.simple'))
      .map((e) => `${e.tagName}.${e.className}`).slice(0, 5));
    for (const [path, name, ready] of [
      [orderPath, 'en-order', '[data-testid=order-money]'],
      ['finance/arrears', 'en-arrears', '[data-testid=arrears-table]'],
      ['finance/pyramid', 'en-pyramid', '[data-testid=pyramid-table]'],
    ] as const) {
      await goto(page, ws, path);
      await page.locator(ready).waitFor();
      expect(await chinese(), path).toEqual([]);
      expect(await overflow(), path).toEqual([]);
      await snap(page, `${name}-1280x800`);
      if (name === 'en-order') await snap(page, `${name}-money-1280x800`, '[data-testid=order-money]');
    }
    await page.locator('.topbar .lang-switch').click(); // back to Chinese for whoever opens this profile next
    expect(errors).toEqual([]);
  });
});
