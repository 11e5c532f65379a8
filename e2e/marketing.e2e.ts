import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, fill, goto, injectGroupUpdate, launch, loadSampleCompany, newPage, pickRef, shot, sidewaysOverflow, currentUserId } from './lib';
import { peer } from '../src/store/core/test-peers';
import { CORE_GROUP, GROUP_OF } from '../src/domain/registry';

/**
 * 市场管理 in real Chromium. A market activity from plan to ROI: bad input refused (negative
 * budget, end before start) and nothing saved; participants added from the picker, several at
 * once; a lead created from the activity, promoted and won; ROI "—" while nothing is spent, then an
 * expense recorded on the activity gives cost, cost per lead and ROI on the activity page and in
 * 市场分析, each figure drilling down; the customer's page lists the participation. An overdue
 * market task (written by a peer) is among the reminders and opens its page. The sample
 * company's activities, an activity page and the analysis at three sizes and in English.
 */

const pad = (n: number) => String(n).padStart(2, '0');
const day = (offset: number) => { const d = new Date(Date.now() + offset * 86_400_000); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

function seed(me: string): Map<string, Uint8Array> {
  const p = peer('seed-peer');
  p.collection('customers').create({ name: '甲公司', code: 'KH1', kind: 'customer', ownerId: me }, 'c1');
  p.collection('customers').create({ name: '乙公司', code: 'KH2', kind: 'customer', ownerId: me }, 'c2');
  p.collection('contacts').create({ name: '王经理', customerId: 'c2' }, 'k1');
  p.collection('marketTasks').create({ title: '展会物料准备', assigneeId: me, dueDate: day(-3), status: 'open', priority: 'high' }, 'mt1');
  p.collection('marketTasks').create({ title: '已完成的任务', assigneeId: me, dueDate: day(-5), status: 'done' }, 'mt2');
  const groups = new Set([CORE_GROUP, GROUP_OF.customers, GROUP_OF.contacts, GROUP_OF.marketTasks]);
  return new Map([...groups].map((g) => [g, Y.encodeStateAsUpdate(p.docs.get(g)!)]));
}

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '市场实验组', '王老师');
  await page.waitForFunction(async (name) => (await indexedDB.databases()).some((d) => d.name === name), `keyuan-ws-${ws}@${GROUP_OF.marketTasks}`);
  const me = await currentUserId(page, ws);
  for (const [g, update] of seed(me)) await injectGroupUpdate(page, ws, g, update);
  await page.reload();
  await page.getByText('您好,王老师').waitFor();
}, 120_000);
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const modal = () => page.locator('.modal');
const save = async () => {
  await modal().getByRole('button', { name: '保存', exact: true }).click();
  await modal().waitFor({ state: 'detached' });
};
const fig = (id: string) => page.getByTestId(id).locator('b');
const tab = (name: RegExp) => page.locator('.mkt-tabs .tab').filter({ hasText: name });
const panel = () => page.locator('.mkt-tabs .tab-panel:not([hidden])');

describe('a market activity from plan to ROI', () => {
  it('refuses a negative budget and an end before the start with a clear message, and saves nothing', async () => {
    await goto(page, ws, 'marketing/activities');
    await page.getByRole('heading', { name: '市场活动' }).waitFor();
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(page, 'name', '春季新品研讨会');
    await fill(page, 'type', '研讨会');
    await fill(page, 'startDate', day(-20));
    await fill(page, 'endDate', day(-21));
    await fill(page, 'budget', '-100');
    await modal().getByRole('button', { name: '保存', exact: true }).click();
    await expect(modal().innerText()).resolves.toContain('结束日期不能早于开始日期');
    await expect(modal().innerText()).resolves.toContain('预算不能为负数');
    await shot(page, 'marketing-refused-1280x800');
    await fill(page, 'endDate', day(-20));
    await fill(page, 'budget', '20000');
    await save();
    await expect(page.locator('.grid-row').count()).resolves.toBe(1);
  });

  it('participants from the picker, a lead from the activity promoted and won; ROI "—" until something is spent', async () => {
    await page.locator('.grid-row', { hasText: '春季新品研讨会' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: '春季新品研讨会' }).waitFor();
    const activityUrl = page.url();
    await expect(fig('fig-roi').innerText()).resolves.toBe('—');
    await expect(page.getByTestId('cost-source').innerText()).resolves.toBe('尚无费用记录');

    // two at once: a customer and a contact (who brings 乙公司)
    await page.getByTestId('add-participants').click();
    await modal().locator('li', { hasText: '甲公司' }).first().locator('input[type=checkbox]').check();
    await modal().locator('li', { hasText: '王经理' }).locator('input[type=checkbox]').check();
    await expect(modal().getByTestId('add-picked').innerText()).resolves.toBe('添加 2 位');
    await shot(page, 'marketing-picker-1280x800');
    await modal().getByTestId('add-picked').click();
    await modal().waitFor({ state: 'detached' });
    await expect(page.getByTestId('participant-counts').innerText()).resolves.toBe('已邀请 2 · 已出席 0 · 未出席 0');
    await expect(panel().locator('.grid-row').count()).resolves.toBe(2);
    expect((await panel().locator('.grid-row').allInnerTexts()).join('\n')).toMatch(/乙公司[\s\S]*王经理/);

    // 从此活动创建意向: the form comes with the activity chosen
    await page.getByTestId('lead-from-activity').click();
    await expect(modal().locator('#f-activityId').inputValue()).resolves.toBe('春季新品研讨会');
    await fill(page, 'subject', '甲公司 ERP 咨询');
    await pickRef(page, 'customerId', '甲公司');
    await fill(page, 'expectedAmount', '100000');
    await save();
    await expect(fig('fig-leads').innerText()).resolves.toBe('1');

    // promote it from the activity's leads tab, then win the opportunity
    await tab(/意向/).click();
    await panel().locator('.grid-row', { hasText: '甲公司 ERP 咨询' }).click();
    await panel().getByRole('button', { name: '升迁为商机' }).click();
    await modal().getByRole('button', { name: '升迁为商机' }).click();
    await page.getByRole('heading', { name: '甲公司 ERP 咨询' }).waitFor();
    await page.getByRole('button', { name: '成功', exact: true }).click();
    await page.locator('#prompt-text').fill('研讨会后签约');
    await modal().getByRole('button', { name: '确认' }).click();
    await page.locator('.badge', { hasText: '成功' }).first().waitFor();

    await page.goto(activityUrl);
    await page.getByRole('heading', { name: '春季新品研讨会' }).waitFor();
    await expect(fig('fig-won-amount').innerText()).resolves.toBe('100,000');
    await expect(fig('fig-won').innerText()).resolves.toBe('1');
    await expect(fig('fig-roi').innerText()).resolves.toBe('—'); // nothing spent yet
    expect(errors).toEqual([]);
  });

  it('an expense recorded on the activity is its actual cost: cost per lead and ROI on the page and in the analysis, each drilling down', async () => {
    await tab(/费用/).click();
    await panel().getByRole('button', { name: '+ 新增' }).click();
    await expect(modal().locator('#f-marketActivityId').inputValue()).resolves.toBe('春季新品研讨会');
    await pickRef(page, 'customerId', '甲公司');
    await fill(page, 'amount', '20000');
    await save();
    // (100,000 − 20,000) ÷ 20,000 × 100 = 400 %; 20,000 ÷ 1 lead
    await expect.poll(() => fig('fig-roi').innerText()).toBe('400.0%');
    await expect(fig('fig-cost').innerText()).resolves.toBe('20,000');
    await expect(page.getByTestId('cost-source').innerText()).resolves.toBe('按 1 笔费用合计');
    await expect(fig('fig-cpl').innerText()).resolves.toBe('20,000');
    await expect(page.getByTestId('conversion').innerText()).resolves.toContain('意向→商机 100.0%');
    await shot(page, 'marketing-activity-1280x800');

    // a figure opens its records
    await page.getByTestId('fig-leads').click();
    await modal().locator('tr', { hasText: '甲公司 ERP 咨询' }).waitFor();
    await modal().locator('.modal-head .icon-btn').click();
    await modal().waitFor({ state: 'detached' });

    await goto(page, ws, 'marketing/analysis');
    const table = page.getByTestId('market-analysis');
    const row = table.locator('tr[data-name="春季新品研讨会"]');
    await expect(row.locator('[data-col=roi]').innerText()).resolves.toBe('400.0%');
    await expect(row.locator('[data-col=actualCost]').innerText()).resolves.toBe('20,000.00');
    await page.getByTestId('market-chart').locator('canvas').waitFor();
    await row.locator('[data-col=wonAmount] button').click();
    await modal().locator('tr', { hasText: '甲公司 ERP 咨询' }).waitFor();
    await modal().locator('.modal-head .icon-btn').click();
    await modal().waitFor({ state: 'detached' });
    // by type: the seminar type carries the same figures
    await page.getByRole('radio', { name: '按类型' }).click();
    await expect(table.locator('tr[data-name="研讨会"] [data-col=roi]').innerText()).resolves.toBe('400.0%');
    await shot(page, 'marketing-analysis-small-1280x800');
    expect(errors).toEqual([]);
  });

  it('the customer page lists the participation, and its timeline shows it', async () => {
    await goto(page, ws, 'customers/c2');
    const section = page.getByTestId('customer-participations');
    await expect(section.innerText()).resolves.toMatch(/春季新品研讨会[\s\S]*王经理[\s\S]*已邀请/);
    await page.locator('.tl-title', { hasText: '春季新品研讨会' }).first().waitFor();
    expect(errors).toEqual([]);
  });
});

describe('market tasks', () => {
  it('an overdue market task is among the reminders and in the calendar, and opens its page with its tracking notes', async () => {
    await goto(page, ws, 'office/reminders');
    const item = page.locator('.reminder', { hasText: '展会物料准备' });
    await expect(item.getAttribute('data-kind')).resolves.toBe('marketTask');
    await expect(item.innerText()).resolves.toContain('逾期 3 天');
    await expect(page.locator('.reminder', { hasText: '已完成的任务' }).count()).resolves.toBe(0);
    await item.getByRole('link').click();
    await page.getByRole('heading', { name: '展会物料准备' }).waitFor();
    await page.getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'content', '物料已下单');
    await save();
    await page.locator('.grid-row', { hasText: '物料已下单' }).waitFor();
    // and in the calendar, on its due day
    await goto(page, ws, `office/calendar?view=week&day=${day(-3)}`);
    await page.locator('.cal-item.kind-market', { hasText: '展会物料准备' }).first().waitFor();
    await goto(page, ws, 'marketing/tasks?view=overdue');
    await expect(page.locator('.grid-row').allInnerTexts()).resolves.toEqual([expect.stringContaining('展会物料准备')]);
    expect(errors).toEqual([]);
  });
});

describe('the sample company', () => {
  it('activity list, an activity page and the analysis at three sizes and in English, without sideways scrolling', { timeout: 240_000 }, async () => {
    const s = await newPage(browser);
    const sws = await createWorkspace(s.page, '示例市场', '王老师');
    await loadSampleCompany(s.page, 120_000);
    const p = s.page;
    const sizes = [[1280, 800], [768, 1024], [390, 844]] as const;
    const pages: [string, string, string][] = [
      ['marketing/activities', 'marketing-list', '.grid-row'],
      ['marketing/activities/ma001', 'marketing-activity-page', '[data-testid=activity-results]'],
      ['marketing/analysis', 'marketing-analysis', '[data-testid=market-analysis]'],
    ];
    for (const [w, h] of sizes) {
      await p.setViewportSize({ width: w, height: h });
      for (const [path, name, ready] of pages) {
        await goto(p, sws, path);
        await p.locator(ready).first().waitFor();
        await p.waitForTimeout(200);
        expect((await sidewaysOverflow(p)).doc, `${name} ${w}`).toBeLessThanOrEqual(0);
        await shot(p, `${name}-${w}x${h}`);
      }
    }
    // the sample's first exhibition has leads, won opportunities and expenses
    await goto(p, sws, 'marketing/activities/ma001');
    await expect(p.getByTestId('fig-leads').locator('b').innerText()).resolves.not.toBe('0');
    await expect(p.getByTestId('cost-source').innerText()).resolves.toMatch(/按 \d 笔费用合计/);
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.getByRole('button', { name: 'English' }).click();
    await p.getByRole('heading', { name: 'Results' }).waitFor();
    await shot(p, 'marketing-activity-page-en-1280x800');
    await goto(p, sws, 'marketing/analysis');
    await p.getByRole('heading', { name: 'Marketing analysis' }).waitFor();
    await shot(p, 'marketing-analysis-en-1280x800');
    expect(s.errors).toEqual([]);
    await s.ctx.close();
  });
});
