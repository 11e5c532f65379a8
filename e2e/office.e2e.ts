import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, rowTexts, shot, loadSampleCompany } from './lib';

// 员工中心 in real Chromium: a work plan whose end follows its mode and which keeps only its
// content and summary editable once saved, a manager's comment, an announcement read on opening
// (and its home card), and the customer analyses on the sample company.

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('employee centre', () => {
  it('a plan saved and only its content and summary editable after; the next plan carries its content; a comment', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'office/plans');
    await page.getByRole('heading', { name: '工作计划/总结' }).waitFor();
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(page, 'mode', '月');
    await fill(page, 'startDate', '2010-12-15');
    await expect.poll(() => page.locator('.modal #f-endDate').inputValue()).toBe('2011-01-14');
    await fill(page, 'content', '拜访 10 家客户');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect((await rowTexts(page))[0]).toContain('2010-12-15 ~ 2011-01-14 月');

    await page.locator('.grid-row').first().getByRole('link').first().click();
    await page.getByRole('heading', { name: '2010-12-15 ~ 2011-01-14 月' }).waitFor();
    await page.getByRole('button', { name: '编辑' }).click();
    for (const key of ['mode', 'startDate', 'endDate', 'ownerId']) await expect(page.locator(`.modal #f-${key}`).isDisabled(), key).resolves.toBe(true);
    await fill(page, 'content', '拜访 12 家客户');
    await fill(page, 'summary', '完成 11 家,签约 2 家');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.getByTestId('plan-summary').innerText()).resolves.toBe('完成 11 家,签约 2 家');
    await page.reload();
    await expect(page.getByTestId('plan-content').innerText()).resolves.toBe('拜访 12 家客户');

    // the administrator comments (an approver in the employee centre)
    await page.getByRole('textbox', { name: '添加批注' }).fill('请补充报价计划');
    await page.getByRole('button', { name: '添加批注' }).click();
    await page.locator('.comment-list li', { hasText: '请补充报价计划' }).waitFor();
    await shot(page, 'office-plan-1280x800');

    // the next plan starts with the previous plan's content
    await goto(page, id, 'office/plans');
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await expect(page.locator('.modal #f-content').inputValue()).resolves.toBe('拜访 12 家客户');
    await fill(page, 'mode', '上/中/下旬');
    await fill(page, 'startDate', '2011-01-15');
    await expect.poll(() => page.locator('.modal #f-endDate').inputValue()).toBe('2011-01-20');
    await page.setViewportSize({ width: 768, height: 1024 });
    await shot(page, 'office-plan-form-768x1024');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an announcement is read by opening it: the home card marks it until then, the page lists who read it', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'office/announcements');
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(page, 'title', '年终盘点通知');
    await fill(page, 'body', '12 月 31 日下午盘点库存,请各部门配合。');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, '');
    const card = page.locator('.home-announcements');
    await card.locator('li', { hasText: '年终盘点通知' }).waitFor();
    await expect(card.locator('li.unread').count()).resolves.toBe(1);
    await card.getByRole('link', { name: '年终盘点通知' }).click();
    await expect(page.getByTestId('announcement-body').innerText()).resolves.toContain('盘点库存');
    await page.locator('.readers .chips li', { hasText: '王老师' }).waitFor();
    await shot(page, 'office-announcement-1280x800');
    await goto(page, id, '');
    await card.locator('li', { hasText: '年终盘点通知' }).waitFor();
    await expect(card.locator('li.unread').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('customer analyses on the sample company: new and lost per rep, lifecycle by month, competitors, each drilling down', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await loadSampleCompany(page);
    await goto(page, id, 'analysis/customers?from=2020-01-01');
    await page.getByRole('heading', { name: '客户分析' }).waitFor();
    const newLost = page.getByTestId('new-lost');
    await newLost.locator('tbody tr').first().waitFor();
    await expect(page.getByTestId('lifecycle').locator('tbody tr').count()).resolves.toBeGreaterThan(1);
    await expect(page.getByTestId('competitors').locator('tbody tr').count()).resolves.toBeGreaterThan(0);
    // a figure opens the customers behind it, each linking to its page
    const fig = newLost.locator('tbody tr').first().locator('button.fig').first();
    const n = Number(await fig.innerText());
    await fig.click();
    await expect(page.locator('.modal .drill-table tbody tr').count()).resolves.toBe(n);
    await page.keyboard.press('Escape');
    // the lifecycle chart: a click on the last month's lowest band opens its customers
    const over = page.getByTestId('lifecycle-chart').locator('.u-over');
    await over.scrollIntoViewIfNeeded();
    const box = (await over.boundingBox())!;
    const months = await page.getByTestId('lifecycle').locator('tbody tr').count();
    await over.click({ position: { x: box.width * (months - 0.5) / months, y: box.height - 4 } });
    await page.locator('.modal .drill-table tbody tr').first().waitFor();
    await page.keyboard.press('Escape');
    await shot(page, 'office-lifecycle-chart-1280x800');
    await page.getByTestId('competitors').locator('tbody tr').first().locator('button.fig').click();
    await page.locator('.modal .drill-table tbody tr').first().waitFor();
    await page.keyboard.press('Escape');
    await shot(page, 'office-customer-analysis-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500); // the sidebar slides shut below 900 px
    await shot(page, 'office-customer-analysis-768x1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
