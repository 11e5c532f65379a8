import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { baseUrl, createWorkspace, fill, goto, launch, newPage, rowTexts, shot, injectUpdate, loadSampleCompany } from './lib';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });


describe('foundation: custom fields, malformed data, static hosting', () => {
  it('a custom dictionary field added at run time appears in the form, list, filter and export', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'settings');
    await page.getByRole('button', { name: '添加“受教育程度”字典(实验示例)' }).click();
    await page.getByRole('tab', { name: '自定义字段' }).click();
    await page.getByLabel('所属对象').selectOption({ label: '联系人' });
    await page.getByLabel('字段名(中文)').fill('受教育程度');
    await page.getByLabel('字段名(英文)').fill('Education');
    await page.getByLabel('类型', { exact: true }).selectOption({ label: '字典(下拉选择)' });
    await page.getByLabel('字典', { exact: true }).selectOption({ label: '受教育程度' });
    await page.getByRole('button', { name: '+ 添加字段' }).click();
    await page.getByText('已添加自定义字段“受教育程度”').waitFor();

    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'KH1');
    await fill(page, 'name', '甲公司');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, 'contacts');
    await page.getByRole('heading', { name: '联系人' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'name', '周敏');
    await page.locator('.modal #f-customerId').fill('甲公司');
    await page.locator('.ref-options li', { hasText: '甲公司' }).click();
    const options = await page.locator('.modal #f-education option').allInnerTexts();
    expect(options.slice(1)).toEqual(['博士', '硕士', '本科', '专科', '高中及以下']);
    await fill(page, 'education', '硕士');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect(page.locator('.grid-head').innerText()).resolves.toContain('受教育程度');
    expect((await rowTexts(page))[0]).toContain('硕士');
    await page.getByRole('button', { name: '过滤' }).click();
    await page.getByLabel('字段', { exact: true }).first().waitFor(); // the dialog loads on first use
    const fields = await page.getByLabel('字段', { exact: true }).first().locator('option').allInnerTexts();
    expect(fields).toContain('受教育程度');
    await page.locator('.modal').getByRole('button', { name: '清除过滤' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toContain('受教育程度');
    expect(csv.split('\r\n')[1]).toContain('硕士');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('marks a malformed record from another device in the list and on its page, and nothing crashes', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    // a peer with a bug writes an object where a number belongs and a number where a date belongs
    const peer = new Y.Doc();
    peer.getMap('customers').set('bad00000000001', {
      id: 'bad00000000001', code: 'KH999', name: '格式错误的客户', kind: 'customer', creditLimit: { amount: 5 }, nextContact: 20240101,
      createdAt: Date.now(), createdBy: 'x', updatedAt: Date.now(), updatedBy: 'x', _c: [Date.now(), peer.clientID],
    });
    peer.getMap('customers').set('junk', 'not a record at all');
    await injectUpdate(page, id, Y.encodeStateAsUpdate(peer));
    await goto(page, id, 'customers');
    await page.reload();
    const row = page.locator('.grid-row', { hasText: '格式错误的客户' });
    await row.waitFor();
    await expect(row.locator('.bad-mark').getAttribute('title')).resolves.toContain('信用额度必须是数字');
    await shot(page, 'malformed-list-1280x800');
    await row.getByRole('link').click();
    const banner = page.getByRole('alert');
    await expect(banner.innerText()).resolves.toContain('信用额度必须是数字');
    await expect(banner.innerText()).resolves.toContain('下次联系时间不是有效日期');
    await shot(page, 'malformed-page-1280x800');
    // the user fixes it through the form
    await page.getByRole('button', { name: '编辑' }).first().click();
    await fill(page, 'creditLimit', '5000');
    await fill(page, 'nextContact', '2026-12-01');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a field a peer stamped a year ahead is named on the record page, and an edit made now still wins', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '时钟实验');
    const peer = new Y.Doc();
    const now = Date.now();
    const rec = {
      id: 'fut00000000001', code: 'KH777', name: '时钟超前的客户', kind: 'customer', phone: '0571-1111',
      createdBy: 'x', updatedBy: 'x', _c: [now, peer.clientID], _s: { phone: [now + 365 * 86_400_000, peer.clientID] },
    };
    peer.getMap('customers').set(rec.id, new TextEncoder().encode(JSON.stringify(rec)));
    peer.getArray('history').push([{ c: 'customers', r: rec.id, s: rec._s.phone, u: 'x', f: { phone: [null, '0571-1111'] } }]);
    await injectUpdate(page, id, Y.encodeStateAsUpdate(peer));
    await goto(page, id, 'customers');
    await page.reload();
    await page.locator('.grid-row', { hasText: '时钟超前的客户' }).getByRole('link').first().click();
    const note = page.locator('.future-stamps');
    await expect(note.innerText()).resolves.toContain('电话');
    await expect(page.locator('.history-list .future-at').count()).resolves.toBeGreaterThan(0);
    // the last change is shown at the bound, not a year ahead
    await expect(page.locator('main').innerText()).resolves.not.toContain(`${new Date(now + 365 * 86_400_000).getFullYear()}/`);
    await shot(page, 'future-stamp-1280x800');
    await page.getByRole('button', { name: '编辑' }).first().click();
    await fill(page, 'phone', '0571-2222');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(() => page.locator('main').innerText(), { timeout: 10_000 }).toContain('0571-2222');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the customer form takes 联系周期 and 下次联系时间 through 表单布局, keeps that order after reload, and 清除格式配置 resets it', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '表单布局实验');
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    const form = page.locator('.modal .form-grid');
    const labels = () => form.locator('.field-label').allInnerTexts();
    await page.keyboard.press('Alt+A');
    await form.waitFor();
    expect((await labels()).join('|')).not.toContain('联系周期');
    await page.locator('.modal').getByRole('button', { name: '表单布局' }).click();
    const dialog = page.getByRole('dialog', { name: '表单布局' });
    // required fields cannot be taken off the form
    await expect(dialog.getByRole('checkbox', { name: '客户编码' }).isDisabled()).resolves.toBe(true);
    await dialog.getByRole('checkbox', { name: '联系周期(天)' }).check();
    await dialog.getByRole('checkbox', { name: '下次联系时间' }).check();
    await dialog.getByRole('checkbox', { name: '网址' }).uncheck();
    const items = dialog.locator('.column-list li');
    const at = async (name: string) => (await items.allInnerTexts()).findIndex((x) => x.includes(name));
    // 下次联系时间 moves up one place, above 联系周期(天)
    await items.nth(await at('下次联系时间')).getByRole('button', { name: '上移' }).click();
    expect(await at('下次联系时间')).toBeLessThan(await at('联系周期(天)'));
    await shot(page, 'form-layout-1280x800');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await labels()).join('|')).toContain('联系周期');
    await fill(page, 'code', 'KH501');
    await fill(page, 'name', '周期客户');
    await fill(page, 'contactCycle', '30');
    await fill(page, 'nextContact', '2026-12-15');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });

    await page.reload();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.locator('.grid-row', { hasText: 'KH501' }).click();
    await page.keyboard.press('Alt+E');
    await form.waitFor();
    await expect(page.locator('.modal #f-contactCycle').inputValue()).resolves.toBe('30');
    const after = await labels();
    expect(after.findIndex((x) => x.includes('下次联系时间'))).toBeLessThan(after.findIndex((x) => x.includes('联系周期')));
    expect(after.join('|')).not.toContain('网址');
    await page.locator('.modal').getByRole('button', { name: '表单布局' }).click();
    await page.getByRole('dialog', { name: '表单布局' }).getByRole('button', { name: '清除格式配置' }).click();
    await expect.poll(async () => (await labels()).join('|')).not.toContain('联系周期');
    expect((await labels()).join('|')).toContain('网址');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the built app works from a static host under a sub-path', async () => {
    const server = await staticServer('/course/crm/keyuan/');
    const { ctx, page, errors } = await newPage(browser, undefined, { serviceWorker: true });
    const root = `http://127.0.0.1:${(server.address() as { port: number }).port}/course/crm/keyuan/`;
    await page.goto(root);
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.fill('#ws-name', '子路径演示');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.fill('#user-name', '演示老师');
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByText('您好,演示老师').waitFor();
    expect(page.url()).toContain('/course/crm/keyuan/#/w/');
    const sw = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(sw).toContain('/course/crm/keyuan/');
    await page.reload();
    await page.getByText('您好,演示老师').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
    server.close();
  });

  it('looks right on a tablet (768×1024) and a laptop (1024×768)', async () => {
    for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
      const { ctx, page } = await newPage(browser, viewport);
      const id = await createWorkspace(page);
      await loadSampleCompany(page);
      const size = `${viewport.width}x${viewport.height}`;
      await shot(page, `home-${size}`);
      for (const path of ['customers', 'contacts', 'org', 'settings']) {
        await goto(page, id, path);
        await page.locator('.page-title').first().waitFor();
        await page.waitForTimeout(150);
        await shot(page, `${path}-${size}`);
      }
      // nothing spills sideways out of the page on a tablet
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await ctx.close();
    }
  });
});

/** Serve dist/ under a sub-path, as a teacher's static site would. */
function staticServer(prefix: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml', '.webmanifest': 'application/manifest+json' };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    if (!path.startsWith(prefix)) { res.writeHead(404).end(); return; }
    // the build global-setup made (E2E_OUT_DIR when set, so engineers' runs do not share one)
    const dist = normalize(process.env.E2E_OUT_DIR || 'dist');
    const file = normalize(join(dist, path.slice(prefix.length) || 'index.html'));
    try {
      const body = await readFile(file.endsWith('/') || file === dist ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch { res.writeHead(404).end(); }
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}
void baseUrl;
