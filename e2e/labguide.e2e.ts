import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, createWorkspace, fill, goto, launch, loadSampleCompany, newPage, shot, sidewaysOverflow } from './lib';

// 实验指导 (issue 15 items 1, 2, 4) in real Chromium: the guide panel beside the page, a step
// ticked by itself when the student's work satisfies it (a customer with two contacts, one
// primary), a teammate's work in another tab of the same workspace ticking another step with
// that teammate's name, and an exercise the teacher publishes, checked the same way.

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const panel = (page: Page) => page.locator('aside.lab-guide');
const step = (page: Page, key: string) => panel(page).locator(`.lab-step[data-step="${key}"]`);
const contactsCard = (page: Page) => page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) });

async function addContact(page: Page, name: string, mobile: string): Promise<void> {
  await contactsCard(page).getByRole('button', { name: '+ 新增' }).click();
  await fill(page, 'name', name);
  await fill(page, 'mobile', mobile);
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
}

describe('lab guide', () => {
  it('steps turn green by themselves — the student’s and a teammate’s, named — and a teacher’s exercise is checked too', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '营销1班第3组', '王老师');
    await loadSampleCompany(page, 60_000);

    // the experiments page lists the eleven; 客户管理 opens in the panel beside it
    await goto(page, id, 'lab');
    await page.getByRole('heading', { name: '实验指导' }).waitFor();
    await expect(page.locator('.lab-card').count()).resolves.toBe(11);
    await page.locator('.lab-card[data-guide="customers"]').getByRole('button', { name: /打开/ }).click();
    await panel(page).getByRole('heading', { name: /实验三\s*客户管理/ }).waitFor();
    // the sample company is there, but nothing counts before 开始实验
    await expect(panel(page).locator('.lab-step[data-status="done"]').count()).resolves.toBe(0);
    await panel(page).getByRole('button', { name: '开始实验' }).click();
    await panel(page).getByTestId('lab-count').waitFor();
    await expect(panel(page).getByTestId('lab-count').innerText()).resolves.toBe('已完成 0/7');

    // a customer with two contacts, one primary, through the UI; the panel stays open beside the pages
    await step(page, 'customer').getByRole('link', { name: /去操作/ }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'SY001');
    await fill(page, 'name', '实验客户甲有限公司');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => step(page, 'customer').getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    await expect(step(page, 'customer').innerText()).resolves.toContain('王老师 完成');
    expect(await step(page, 'contacts').getAttribute('data-status')).toBe('open');
    await page.locator('.grid-row', { hasText: '实验客户甲有限公司' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: /实验客户甲有限公司/ }).waitFor();
    await addContact(page, '赵一', '13900000011');
    await addContact(page, '钱二', '13900000012');
    await page.locator('.grid-row', { hasText: '钱二' }).click();
    await page.getByRole('button', { name: '设为主联系人' }).click();
    await expect.poll(() => step(page, 'contacts').getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    await expect(step(page, 'contacts').innerText()).resolves.toContain('王老师 完成');
    expect(await step(page, 'competitor').getAttribute('data-status')).toBe('open');
    await shot(page, 'labguide-panel-1280x800');

    // a teammate in another tab of the same workspace acts as another user and adds a competitor
    const other = await ctx.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    await other.goto(`${baseUrl()}#/w/${id}/competitors`);
    await other.locator('.user-chip').click();
    const mate = other.locator('.modal li button').filter({ hasText: '销售经理' }).first(); // a student's role: no 课堂 rights
    const mateName = (await mate.innerText()).split(/\s/)[0];
    await mate.click();
    await expect.poll(() => other.locator('.user-chip').innerText()).toContain(mateName);
    await other.getByRole('heading', { name: '竞争对手' }).waitFor();
    await other.keyboard.press('Alt+A');
    await fill(other, 'name', '实验对手乙');
    await other.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await other.locator('.modal').waitFor({ state: 'detached' });
    // the first tab hears of it and ticks the step with the teammate's name
    await expect.poll(() => step(page, 'competitor').getAttribute('data-status'), { timeout: 20_000 }).toBe('done');
    await expect(step(page, 'competitor').innerText()).resolves.toContain(`${mateName} 完成`);
    await expect(panel(page).getByTestId('lab-count').innerText()).resolves.toBe('已完成 3/7');

    // the teacher (王老师, an administrator) publishes an exercise: record a new agent
    await goto(page, id, 'lab');
    await page.getByRole('button', { name: '布置练习' }).click();
    await page.locator('.modal #lx-title').fill('课后练习：代理商');
    await page.locator('.modal #lx-due').fill('2026-12-31');
    await page.locator('.modal').getByRole('button', { name: '+ 添加步骤' }).click();
    const spec = page.locator('.modal [data-testid=lab-spec]').first();
    await spec.locator('select').first().selectOption({ label: '新增记录，某字段为指定值' });
    await spec.locator('select.lab-value').selectOption({ label: '代理商' });
    await expect(spec.locator('input').last().getAttribute('placeholder')).resolves.toBe('新增客户，客户类型为「代理商」');
    await shot(page, 'labguide-exercise-editor-1280x800');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    const card = page.locator('.lab-card', { hasText: '课后练习：代理商' });
    await card.waitFor();
    await expect(card.innerText()).resolves.toContain('截止 2026-12-31');

    // the teammate sees it in the lab guide and does it; the step turns green there
    await other.goto(`${baseUrl()}#/w/${id}/lab`);
    const mateCard = other.locator('.lab-card', { hasText: '课后练习：代理商' });
    await mateCard.waitFor({ timeout: 20_000 });
    expect(await mateCard.getByRole('button', { name: '编辑练习' }).count()).toBe(0); // a student does not edit it
    await mateCard.getByRole('button', { name: /打开/ }).click();
    await panel(other).getByRole('heading', { name: /课后练习：代理商/ }).waitFor();
    await expect(panel(other).locator('.lab-step').innerText()).resolves.toContain('新增客户，客户类型为「代理商」');
    await panel(other).getByRole('button', { name: '开始实验' }).click();
    await goto(other, id, 'customers');
    await other.keyboard.press('Alt+A');
    await fill(other, 'code', 'SY002');
    await fill(other, 'name', '实验代理丙');
    await fill(other, 'kind', '代理商');
    await other.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await other.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => panel(other).locator('.lab-step').first().getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    await expect(panel(other).locator('.lab-step').first().innerText()).resolves.toContain(`${mateName} 完成`);
    await other.close();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a step of a module that has not landed says so; the panel fits a tablet, a phone and English', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '营销1班第4组', '王老师');
    await goto(page, id, 'lab');
    await page.locator('.lab-card[data-guide="marketing"]').getByRole('button', { name: /打开/ }).click();
    await panel(page).getByRole('heading', { name: /实验六\s*市场管理/ }).waitFor();
    // the market activity's collection is agreed but not built yet in this build: said, not linked
    const activity = step(page, 'activity');
    if ((await activity.getAttribute('data-status')) === 'unavailable') {
      await expect(activity.innerText()).resolves.toContain('模块尚未提供');
      expect(await activity.getByRole('link').count()).toBe(0);
    }
    // the lead from a market activity uses leads, which exist: it can be done, and links to 意向
    expect(await step(page, 'lead').getAttribute('data-status')).toBe('open');
    await expect(step(page, 'lead').getByRole('link', { name: /去操作/ }).getAttribute('href')).resolves.toContain('/leads');
    await shot(page, 'labguide-missing-1280x800');

    // beside the customers list at every size; the page never scrolls sideways
    await panel(page).locator('select.lab-pick').selectOption('customers');
    await goto(page, id, 'customers');
    await panel(page).getByRole('heading', { name: /客户管理/ }).waitFor();
    for (const [w, h] of [[1280, 800], [1024, 768], [768, 1024], [390, 844]]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(150);
      const box = (await panel(page).boundingBox())!;
      expect(box.x + box.width, `${w}`).toBeLessThanOrEqual(w + 1);
      if (w >= 1100) {
        // beside the page: main ends where the panel starts
        const main = (await page.locator('.main').boundingBox())!;
        expect(main.x + main.width).toBeLessThanOrEqual(box.x + 1);
      }
      if (w < 600) expect(Math.round(box.width)).toBe(w); // a full-screen sheet
      expect((await sidewaysOverflow(page)).doc, `${w}`).toBeLessThanOrEqual(0);
      await shot(page, `labguide-customers-${w}x${h}`);
    }
    // on the phone the sheet gives way to the page a step links to
    await step(page, 'competitor').getByRole('link', { name: /去操作/ }).click();
    await page.getByRole('heading', { name: '竞争对手' }).waitFor();
    await panel(page).waitFor({ state: 'detached' });
    await goto(page, id, 'lab');
    await page.locator('.lab-card').first().waitFor();
    await shot(page, 'labguide-page-390x844');
    await page.locator('.lab-toggle').click();
    // the phone's sheet closes with its ×, and the top bar's toggle brings it back
    await panel(page).getByRole('button', { name: '关闭实验指导' }).click();
    await panel(page).waitFor({ state: 'detached' });
    await page.locator('.lab-toggle').click();
    await panel(page).waitFor();

    // in English
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.lang-switch').click();
    await panel(page).getByRole('heading', { name: /Lab 3\s*Customer management/ }).waitFor();
    await expect(panel(page).getByRole('button', { name: 'Start experiment' }).isVisible()).resolves.toBe(true);
    await shot(page, 'labguide-customers-en-1280x800');
    expect(errors).toEqual([]);
    await ctx.close();
  });
});
