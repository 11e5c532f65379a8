import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, shot } from './lib';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function saveForm(page: Page): Promise<void> {
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

async function addCustomer(page: Page, values: Record<string, string>): Promise<void> {
  await page.getByRole('button', { name: '+ 新增' }).first().click();
  for (const [k, v] of Object.entries(values)) await fill(page, k, v);
  await saveForm(page);
}

/** The text shown for a field on the customer page. */
async function shown(page: Page, label: string): Promise<string> {
  return (await page.locator('dl.fields > div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText()).trim();
}

describe('merging two customers (合并客户)', () => {
  it('merges a duplicate with its contact into the kept customer, one field taken from the duplicate, and the duplicate goes to the bin', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '合并测试', '王老师');
    await goto(page, ws, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await addCustomer(page, { code: 'KH001', name: '杭州恒远机械', address: '杭州市滨江区' });
    await addCustomer(page, { code: 'KH002', name: '恒远机械(重复录入)', phone: '0571-88881234', address: '杭州市西湖区' });
    // the duplicate has a contact of its own
    await page.getByRole('link', { name: 'KH002', exact: true }).click();
    await page.getByRole('heading', { name: /恒远机械\(重复录入\)/ }).waitFor();
    await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '李工');
    await saveForm(page);

    await goto(page, ws, 'customers');
    await page.getByRole('link', { name: 'KH001', exact: true }).click();
    await page.getByRole('heading', { name: /杭州恒远机械/ }).waitFor();
    const keptUrl = page.url();
    await page.getByRole('button', { name: '合并客户' }).click();
    const dialog = page.locator('.modal', { hasText: '合并客户' });
    expect(await dialog.getByRole('button', { name: '合并', exact: true }).isDisabled()).toBe(true);
    await dialog.locator('#merge-dup').fill('KH002');
    await dialog.locator('.ref-options li', { hasText: '恒远机械(重复录入)' }).click();
    // the empty phone starts from the duplicate's, the address from the kept one's
    await expect(dialog.locator('tr[data-field=phone] input[value=dup]').isChecked()).resolves.toBe(true);
    await expect(dialog.locator('tr[data-field=address] input[value=keep]').isChecked()).resolves.toBe(true);
    await dialog.locator('tr[data-field=address] input[value=dup]').check();
    await expect(dialog.locator('.merge-moves').innerText()).resolves.toContain('联系人 1');
    await shot(page, 'customers-merge-1280x800');
    await dialog.getByRole('button', { name: '合并', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('已合并,转移了 1 条关联记录').waitFor();

    const check = async () => {
      await page.getByRole('heading', { name: /杭州恒远机械/ }).waitFor();
      expect(await shown(page, '电话')).toBe('0571-88881234');
      expect(await shown(page, '地址')).toBe('杭州市西湖区');
      expect(await shown(page, '客户编码')).toBe('KH001');
      await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).locator('.grid-row', { hasText: '李工' }).waitFor();
    };
    await check();
    await page.reload();
    await check();
    expect(page.url()).toBe(keptUrl);

    await goto(page, ws, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await expect.poll(async () => (await page.locator('.grid-rows .grid-row').allInnerTexts()).join('|')).not.toContain('KH002');
    await goto(page, ws, 'bin');
    const binRow = page.locator('tr', { hasText: '恒远机械(重复录入)' });
    await expect(binRow.innerText()).resolves.toContain('已并入 杭州恒远机械');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
