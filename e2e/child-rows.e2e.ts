import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { oneDocumentPeer } from '../src/store/core/test-peers';
import { createWorkspace, goto, launch, newPage, shot, injectUpdate } from './lib';

/*
 * Child rows in real Chromium: a quote and a complaint written by the previous build (schema 2:
 * lines and steps as arrays inside the records) arrive in a workspace; the app converts them to
 * rows (and the complaint into the service group's document) when it opens, shows them as before, adds a line, and the quote goes to the recycle bin
 * with its lines and comes back with them.
 */

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });


/** What a device on schema 2 wrote: the quote's lines and steps, the complaint's steps, inside the records. */
function schema2Update(): Uint8Array {
  const old = oneDocumentPeer('old-device');
  old.transact(() => {
    old.collection('users').create({ name: '老业务员', active: true }, 'old-rep');
    old.collection('products').create({ code: 'P001', name: 'ERP 标准版', listPrice: 38000 }, 'p1');
    old.collection('products').create({ code: 'P002', name: 'CRM 标准版', listPrice: 12000 }, 'p2');
    old.collection('customers').create({ code: 'KH900', name: '旧版客户有限公司', kind: 'customer' }, 'c-old');
    old.collection('quotes').create({
      code: 'BJ-OLD-1', customerId: 'c-old', ownerId: 'old-rep', date: '2026-10-01', status: 'approved',
      lines: [{ productId: 'p1', quantity: 2, unitPrice: 38000, rate: 1 }, { productId: 'p2', quantity: 1, unitPrice: 12000, rate: 0.9 }],
      steps: [{ action: 'submit', by: 'old-rep', at: Date.parse('2026-10-01T09:00:00'), comment: '旧版提交' },
        { action: 'approve', by: 'old-rep', at: Date.parse('2026-10-01T10:00:00'), comment: '旧版批准' }],
    }, 'q-old');
    old.collection('complaints').create({
      customer: 'c-old', targetKind: 'product', targetProduct: 'p1', reason: 'quality', details: '旧版投诉', status: 'assigned', handler: 'old-rep',
      steps: [{ kind: 'record', by: 'old-rep', at: Date.parse('2026-10-02T09:00:00') },
        { kind: 'assign', by: 'old-rep', at: Date.parse('2026-10-02T10:00:00'), handler: 'old-rep', comment: '旧版分配' }],
    }, 'cm-old');
    old.meta.set('schema', 2);
  });
  return Y.encodeStateAsUpdate(old.doc);
}

const lineCount = (page: Page) => page.locator('table.quote-lines tbody tr[data-line]').count();

describe('child rows: quote lines and steps are records of their own', () => {
  it('a schema-2 quote and complaint open with their rows; a line is added; the quote goes to the bin with its lines and comes back', { timeout: 180_000 }, async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '明细行实验', '王老师');
    await injectUpdate(page, ws, schema2Update());
    await goto(page, ws, 'quotes/q-old');
    await page.reload();
    await page.getByRole('heading', { name: /报价单 BJ-OLD-1/ }).waitFor();

    // converted on open: the two lines, their totals and the approval history, as the old build showed them
    await expect.poll(() => lineCount(page)).toBe(2);
    await expect(page.locator('.total-discounted').innerText()).resolves.toBe('86,800.00');
    const history = await page.locator('table.steps').innerText();
    expect(history).toMatch(/提交[\s\S]*旧版提交[\s\S]*批准[\s\S]*旧版批准/);

    // a third line, saved as a row of its own (saving prices every line again, as it always did:
    // the old 0.9 on the CRM line came from no rule of this workspace)
    await page.getByRole('button', { name: '+ 添加明细' }).click();
    await page.locator('.line-product').nth(2).selectOption({ label: 'P001 ERP 标准版' });
    await page.locator('.line-qty').nth(2).fill('1');
    await page.getByRole('button', { name: '保存明细' }).click();
    await page.locator('.badge', { hasText: '草稿' }).waitFor(); // an edit sends an approved quote back to draft
    await expect(page.locator('.total-discounted').innerText()).resolves.toBe('126,000.00');
    expect(await lineCount(page)).toBe(3);
    // the quote's history lists the line that was added, named by its row
    await expect(page.locator('.record-history').innerText()).resolves.toContain('报价明细 3');
    await shot(page, 'child-rows-quote-1280x800');

    // the quote to the recycle bin: one entry (its lines go with it), restored with all three lines
    await page.locator('.head-actions').getByRole('button', { name: '删除' }).click();
    await page.locator('.modal').getByRole('button', { name: '删除' }).click();
    await page.waitForURL(/\/quotes$/);
    await goto(page, ws, 'bin');
    const binRows = page.locator('table.grid tbody tr');
    await binRows.first().waitFor();
    expect(await binRows.allInnerTexts()).toEqual([expect.stringMatching(/报价单\s+BJ-OLD-1/)]);
    await shot(page, 'child-rows-bin-1280x800');
    await binRows.first().getByRole('button', { name: '恢复' }).click();
    await page.getByText('回收站是空的').or(page.locator('.empty')).first().waitFor();
    await goto(page, ws, 'quotes/q-old');
    await page.getByRole('heading', { name: /报价单 BJ-OLD-1/ }).waitFor();
    await expect.poll(() => lineCount(page)).toBe(3);
    await expect(page.locator('.total-discounted').innerText()).resolves.toBe('126,000.00');

    // the complaint's steps became rows too: its timeline reads as before
    await goto(page, ws, 'service/complaints/cm-old');
    await page.locator('.svc-timeline').waitFor();
    const steps = await page.locator('.svc-timeline li .tl-head').allInnerTexts();
    expect(steps.map((s) => s.split(/\s+/).slice(0, 2).join(' '))).toEqual(['登记 老业务员', '分配处理人 老业务员']);
    await expect(page.locator('.svc-timeline').innerText()).resolves.toContain('旧版分配');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
