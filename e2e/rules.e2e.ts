import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { createWorkspace, fill, goto, launch, newPage, OUT, pickRef, rowTexts, shot } from './lib';

/* Issue 11: CSV import goes through the entity's defaults and rules, like the form. */

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function importFile(page: Page, name: string, csv: string): Promise<void> {
  writeFileSync(`${OUT}/${name}`, csv);
  await page.getByRole('button', { name: '导入' }).click();
  await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/${name}`);
}

describe('entity rules in real Chromium', () => {
  it('imports service records and opportunities with the form\'s defaults, derived values and messages', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '规则组', '王老师');

    // a customers file without 客户类型 imports with the form's default (客户), owned by the importing user
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await importFile(page, 'rules-customers.csv', '\ufeff客户编码,客户名称\nKH001,杭州恒远机械有限公司\n');
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('1 行可以导入,0 行有错误');
    await page.getByRole('button', { name: '导入 1 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('.grid-row').first().waitFor();
    expect((await rowTexts(page)).join('\n')).toMatch(/杭州恒远机械有限公司[\s\S]*客户/);

    // service records: an end before the start gets the form's message; a good row shows its minutes
    await goto(page, id, 'service/records');
    await page.getByRole('heading', { name: '服务记录' }).waitFor();
    await importFile(page, 'rules-service.csv',
      '\ufeff客户,开始时间,结束时间,服务内容\n杭州恒远机械有限公司,2026-03-02T09:00,2026-03-02T10:30,装驱动\n杭州恒远机械有限公司,2026-03-02T10:00,2026-03-02T09:00,修打印机\n');
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('1 行可以导入,1 行有错误');
    await expect(page.locator('tr.row-error').innerText()).resolves.toContain('结束时间不能早于开始时间');
    const preview = page.locator('.modal table.preview');
    await expect(preview.locator('thead').innerText()).resolves.toContain('花费时间(分钟)');
    await expect(preview.locator('tbody tr').first().innerText()).resolves.toMatch(/90[\s\S]*王老师|王老师[\s\S]*90/);
    await shot(page, 'import-rules-service-1280x800');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    expect(await page.locator('.grid-row').count()).toBe(0); // nothing written until confirmed
    await importFile(page, 'rules-service.csv',
      '\ufeff客户,开始时间,结束时间,服务内容\n杭州恒远机械有限公司,2026-03-02T09:00,2026-03-02T10:30,装驱动\n');
    await page.getByRole('button', { name: '导入 1 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('.grid-row').first().waitFor();
    expect((await rowTexts(page)).join('\n')).toContain('90');

    // opportunities without 业务员 import with the importing user and get 机会金额 = 预期金额 × 完成率
    await goto(page, id, 'opportunities');
    await page.getByRole('heading', { name: /商机/ }).waitFor();
    await importFile(page, 'rules-opps.csv', '\ufeff主题,客户,预期金额,完成率(%)\n新机床,杭州恒远机械有限公司,100000,30\n');
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('1 行可以导入,0 行有错误');
    await expect(preview.locator('thead').innerText()).resolves.toContain('机会金额');
    await expect(preview.locator('tbody tr').first().innerText()).resolves.toContain('30,000.00'); // shown as the list shows it
    await page.getByRole('button', { name: '导入 1 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('.grid-row').first().waitFor();
    const row = (await rowTexts(page)).join('\n');
    expect(row).toContain('新机床');
    expect(row).toContain('王老师');
    expect(row).toMatch(/30,?000/);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the customer\'s owner is the default owner of a new task and opportunity (SPEC B)', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '规则组2', '王老师');
    const save = () => page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    const closed = () => page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '李业务');
    await pickRef(page, 'roleId', '业务员');
    await save();
    await closed();

    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'code', 'KH002');
    await fill(page, 'name', '宁波海达贸易有限公司');
    await pickRef(page, 'ownerId', '李业务');
    await save();
    await closed();

    // a task: picking the customer makes its owner the assignee; an assignee chosen first stays
    await goto(page, id, 'activities');
    await page.getByRole('button', { name: '+ 新增' }).click();
    await expect(page.locator('.modal #f-ownerId').inputValue()).resolves.toBe('王老师');
    await pickRef(page, 'customerId', '宁波海达');
    await expect.poll(() => page.locator('.modal #f-ownerId').inputValue()).toBe('李业务');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    await closed();

    // from the customer's page: a new opportunity belongs to the customer's owner
    await goto(page, id, 'customers');
    await page.locator('.grid-row').first().waitFor();
    await page.locator('.grid-row a.cell-link').first().click();
    await page.locator('.customer-sales .new-opportunity').click();
    await expect(page.locator('.modal #f-ownerId').inputValue()).resolves.toBe('李业务');
    await fill(page, 'subject', '港口设备');
    await save();
    await closed();
    await expect(page.locator('.customer-sales').innerText()).resolves.toContain('港口设备');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
