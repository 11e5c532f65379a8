import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import * as Y from 'yjs';
import { createWorkspace, fill, goto, injectGroupUpdate, launch, loadSampleCompany, newPage, pickRef, shot, sidewaysOverflow } from './lib';
import { peer } from '../src/store/core/test-peers';
import { CORE_GROUP, GROUP_OF } from '../src/domain/registry';

// 调查问卷 in real Chromium on a tablet: a template built in the editor (questions reordered by
// keyboard), a survey of customers, two respondents on the kiosk (one refused first for a missing
// required answer), the results, and the answers on the customer's page. Then the sample
// company's survey at the other sizes and in English.

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const questionTexts = (page: Page) => page.locator('.q-card .q-text').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

const optionTexts = (card: Locator) => card.locator('.opt-list input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

/** The question card at `index` (0-based), checked to hold `text`. */
async function card(page: Page, index: number, text: string): Promise<Locator> {
  const c = page.locator('.q-card').nth(index);
  await expect.poll(() => c.locator('.q-text').inputValue()).toBe(text);
  return c;
}

async function addOptions(c: Locator, options: string[]) {
  for (const o of options) {
    const before = await optionTexts(c);
    await c.locator('.new-option').fill(o);
    await c.locator('.new-option').press('Enter');
    await expect.poll(() => optionTexts(c)).toEqual([...before, o]);
  }
}

async function addQuestion(page: Page, type: string, text: string, options: string[] = []): Promise<Locator> {
  const n = await page.locator('.q-card').count();
  await page.locator('#new-q-type').selectOption({ label: type });
  await page.locator('#new-q-text').fill(text);
  await page.getByRole('button', { name: '添加', exact: true }).click();
  const c = await card(page, n, text);
  await addOptions(c, options);
  return c;
}

describe('surveys', () => {
  it('from a template to results on a tablet: kiosk answers (one refused first), results, the customer page', async () => {
    const { ctx, page, errors } = await newPage(browser, { width: 768, height: 1024 });
    const id = await createWorkspace(page);
    await loadSampleCompany(page, 60_000);
    // a customer of the sample company, who will answer on the kiosk
    await goto(page, id, 'customers');
    await page.locator('.grid-row').first().getByRole('link').first().click();
    await page.waitForURL(/\/customers\/[^/]+$/);
    const customerUrl = page.url();
    const customer = await page.locator('h1.page-title').first().evaluate((h) => h.firstChild?.textContent?.trim() ?? ''); // the name, without the code beside it
    expect(customer.length).toBeGreaterThan(3);

    // the template
    await goto(page, id, 'surveys/templates');
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(page, 'name', '门店满意度回访');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { name: '门店满意度回访' }).waitFor();
    await addQuestion(page, '单选题', '您从哪里了解到我们', ['展会', '网络', '朋友']);
    const rating = await addQuestion(page, '评分题(1–5)', '总体满意度');
    await rating.getByRole('checkbox', { name: '必答' }).check();
    await addQuestion(page, '多选题', '您使用哪些服务', ['安装', '培训']);
    const text = await addQuestion(page, '文本题', '其他建议');
    // reorder by keyboard: the text question up one, then back down; by button: the multiple choice to the top
    await text.locator('.q-handle').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(() => questionTexts(page)).toEqual(['您从哪里了解到我们', '总体满意度', '其他建议', '您使用哪些服务']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.q-card')?.querySelector<HTMLInputElement>('input.q-text')?.value)).toBe('其他建议');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => questionTexts(page)).toEqual(['您从哪里了解到我们', '总体满意度', '您使用哪些服务', '其他建议']);
    // removing a question asks first
    const extra = await addQuestion(page, '文本题', '临时题目');
    await extra.getByRole('button', { name: '删除题目' }).click();
    await page.getByRole('dialog').getByText('删除第5题“临时题目”?').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '删除题目' }).click();
    await expect.poll(() => questionTexts(page)).toEqual(['您从哪里了解到我们', '总体满意度', '您使用哪些服务', '其他建议']);
    // a removed option is gone; a choice question with one option cannot be published
    const multi = await card(page, 2, '您使用哪些服务');
    await multi.getByRole('button', { name: '删除选项 培训' }).click();
    await expect.poll(() => optionTexts(multi)).toEqual(['安装']);
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('第3题“您使用哪些服务”至少需要两个选项').waitFor();
    await addOptions(multi, ['维修']);
    await shot(page, 'surveys-editor-768x1024');
    await page.getByRole('button', { name: '发布' }).click();
    await page.locator('.page-head').getByText('已发布').waitFor();

    // the survey
    await goto(page, id, 'surveys');
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await fill(page, 'name', '2026 门店回访');
    await pickRef(page, 'templateId', '门店满意度回访');
    await fill(page, 'audience', '客户');
    await fill(page, 'status', '进行中');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('heading', { name: '2026 门店回访' }).waitFor();
    const surveyUrl = page.url();

    // the kiosk: the whole screen, nothing else of the app
    await page.getByRole('button', { name: '自助答卷' }).click();
    await page.waitForURL(/#\/w\/[a-z0-9]+\/kiosk\//);
    await page.getByRole('button', { name: '开始答卷' }).waitFor();
    await expect(page.locator('.sidebar, .topbar').count()).resolves.toBe(0);
    await page.locator('#kiosk-who').fill(customer.slice(0, 4));
    await page.locator('.kiosk-matches button', { hasText: customer }).first().click();
    await page.locator('.kiosk-picked', { hasText: customer }).waitFor();
    await page.getByRole('button', { name: '开始答卷' }).click();
    await page.locator('.kiosk .tile', { hasText: '展会' }).click();
    await page.getByRole('button', { name: '提交' }).click();
    // refused: the required rating is missing — named, marked, nothing saved
    await page.getByRole('alert').filter({ hasText: '第2题“总体满意度”为必答题' }).first().waitFor();
    await expect(page.locator('.question.invalid legend').innerText()).resolves.toContain('总体满意度');
    await shot(page, 'surveys-kiosk-refused-768x1024');
    await page.locator('.kiosk .question', { hasText: '总体满意度' }).locator('.tile', { hasText: '4' }).click();
    await page.locator('.kiosk .tile', { hasText: '安装' }).click();
    await page.locator('.kiosk textarea').fill('店员很专业');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('感谢您的参与!').waitFor();
    await shot(page, 'surveys-kiosk-thanks-768x1024');
    // the next respondent starts from a clean form: anonymous this time
    await page.getByRole('button', { name: '下一位' }).click();
    await page.getByRole('button', { name: '开始答卷' }).click();
    await expect(page.locator('.kiosk input:checked').count()).resolves.toBe(0);
    await page.locator('.kiosk .tile', { hasText: '网络' }).click();
    await page.locator('.kiosk .question', { hasText: '总体满意度' }).locator('.tile', { hasText: '2' }).click();
    await shot(page, 'surveys-kiosk-768x1024');
    for (const size of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(size);
      await shot(page, `surveys-kiosk-${size.width}x${size.height}`);
      await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBe(0);
    }
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('感谢您的参与!').waitFor();
    // leaving takes holding the exit button, then confirming; the browser's back and a typed address are refused
    await page.goBack();
    await page.evaluate(() => { location.hash = location.hash.replace(/kiosk\/.*/, 'surveys'); });
    await page.waitForTimeout(500);
    expect(page.url()).toContain('/kiosk/');
    await page.getByText('感谢您的参与!').waitFor();
    const exit = page.getByRole('button', { name: '按住 2 秒退出自助答卷' });
    await exit.click();
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    const box = (await exit.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.waitForTimeout(2200);
    await page.mouse.up();
    await page.getByRole('dialog').getByRole('button', { name: '退出自助答卷' }).click();
    await page.waitForURL(surveyUrl);
    await page.getByRole('heading', { name: '答卷 · 2' }).waitFor();
    await expect(page.locator('.sidebar').count()).resolves.toBe(1);

    // results: by hand — ratings 4 and 2: average 3, index (3−1)/4×100 = 50
    await page.getByRole('link', { name: '调查结果' }).click();
    await expect.poll(() => page.getByTestId('satisfaction-index').locator('b').innerText()).toBe('50');
    await expect(page.getByTestId('response-count').locator('b').innerText()).resolves.toBe('2');
    const single = page.locator('.result', { hasText: '您从哪里了解到我们' });
    await expect(single.locator('tr[data-key]').allInnerTexts()).resolves.toEqual(['展会 50.0%\t1', '网络 50.0%\t1', '朋友 0.0%\t0']);
    await expect(page.locator('.result', { hasText: '总体满意度' }).getByTestId('rating-average').innerText()).resolves.toContain('3');
    await page.locator('.result', { hasText: '其他建议' }).getByText('店员很专业').waitFor();
    // one group: the respondents who named themselves as customers
    await page.locator('#group-dim').selectOption({ label: '答卷人类型' });
    await page.locator('#group-value').selectOption({ label: '客户 (1)' });
    await expect.poll(() => page.getByTestId('satisfaction-index').locator('b').innerText()).toBe('75');
    await page.locator('.result canvas').first().waitFor();
    await shot(page, 'surveys-results-768x1024');

    // the customer's page shows the answers
    await page.goto(customerUrl);
    const section = page.getByTestId('customer-surveys');
    await section.locator('summary', { hasText: '2026 门店回访' }).click();
    await section.getByText('店员很专业').waitFor();
    await section.getByText('4 / 5').first().waitFor();

    // staff enter a response in a form: refused without a respondent and the required rating, then saved
    await page.goto(surveyUrl);
    await page.getByRole('button', { name: '录入答卷' }).click();
    const form = page.locator('.modal');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.getByText('请选择答卷人').first().waitFor();
    await form.locator('.question.invalid', { hasText: '总体满意度' }).getByText('第2题“总体满意度”为必答题').waitFor();
    // picked by keyboard (type, Enter takes the first match); typed again if the machine was too busy for the list to settle
    const who = form.locator('#f-respondent');
    await expect.poll(async () => {
      await who.fill(customer);
      await form.locator('.ref-options li', { hasText: customer }).first().waitFor();
      await who.press('Enter');
      await page.waitForTimeout(200);
      return who.inputValue();
    }, { timeout: 30_000 }).toBe(customer);
    await form.locator('.question', { hasText: '总体满意度' }).locator('.tile', { hasText: '5' }).click();
    await shot(page, 'surveys-staff-entry-768x1024');
    await form.getByRole('button', { name: '保存', exact: true }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: '答卷 · 3' }).waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('the sample company\'s survey at every size and in English: no sideways scrolling', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await loadSampleCompany(page, 60_000);
    const sizes = [{ width: 1280, height: 800 }, { width: 390, height: 844 }, { width: 768, height: 1024 }];
    for (const size of sizes) {
      await page.setViewportSize(size);
      const tag = `${size.width}x${size.height}`;
      await goto(page, id, 'surveys');
      await page.locator('.grid-row', { hasText: '2026 年度客户满意度调查' }).getByRole('link').first().click();
      await page.getByRole('heading', { name: '答卷 · 40' }).waitFor();
      await page.getByRole('link', { name: '调查结果' }).click();
      await page.locator('.result canvas').first().waitFor();
      await expect(page.getByTestId('response-count').locator('b').innerText()).resolves.toBe('40');
      await shot(page, `surveys-results-${tag}`);
      expect(await sidewaysOverflow(page), tag).toMatchObject({ doc: 0, offenders: [] });
      await goto(page, id, 'surveys/templates');
      await page.locator('.grid-row', { hasText: '客户满意度调查问卷' }).getByRole('link').first().click();
      await page.getByTestId('answered-notice').waitFor();
      await shot(page, `surveys-editor-${tag}`);
      expect(await sidewaysOverflow(page), tag).toMatchObject({ doc: 0, offenders: [] });
    }
    // an edit of the answered template makes version 2 (a draft) and opens it; version 1 keeps its questions
    const v1 = page.url();
    const first = page.locator('.q-card .q-text').first();
    await first.fill('您通过什么渠道了解到我们?');
    await first.press('Tab');
    await page.getByText('该模板已有答卷,已生成新版本 v2,修改保存在新版本中').waitFor();
    await expect.poll(() => page.url()).not.toBe(v1);
    await page.locator('.page-head').getByText('v2').waitFor();
    await page.locator('.page-head').getByText('草稿').waitFor();
    await expect(page.locator('.q-card .q-text').first().inputValue()).resolves.toBe('您通过什么渠道了解到我们?');
    await page.locator('.versions').getByRole('link', { name: 'v1' }).click();
    await expect.poll(() => page.locator('.q-card .q-text').first().inputValue()).toBe('您通过什么渠道了解到我们的产品?');
    // English
    await page.setViewportSize({ width: 1280, height: 800 });
    await goto(page, id, 'surveys');
    await page.locator('.lang-switch').click();
    await page.getByRole('heading', { name: 'Surveys' }).waitFor();
    await page.locator('.grid-row', { hasText: '2026 年度客户满意度调查' }).getByRole('link').first().click();
    await page.getByRole('link', { name: 'Results' }).click();
    await page.getByText('Satisfaction index').waitFor();
    await page.locator('.result canvas').first().waitFor();
    await shot(page, 'surveys-results-en-1280x800');
    // the sample survey is closed: its kiosk says so (last: the kiosk refuses to be left by a plain navigation)
    await page.setViewportSize({ width: 390, height: 844 });
    await goto(page, id, 'kiosk/svy001');
    await page.getByText('This survey has closed. Thank you for your interest.').waitFor();
    await shot(page, 'surveys-kiosk-closed-en-390x844');
    expect(errors).toEqual([]);
    await ctx.close();
  }, 180_000);

  it('answers a peer wrote malformed are shown as such and left out of the results; the page does not break', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '问卷实验组');
    await page.waitForFunction(async (name) => (await indexedDB.databases()).some((d) => d.name === name), `keyuan-ws-${ws}@${GROUP_OF.surveyResponses}`);
    const p = peer('survey-peer');
    p.collection('customers').create({ name: '甲公司', code: 'KH1', kind: 'customer' }, 'c1');
    p.collection('surveyTemplates').create({ name: '满意度', version: 1, status: 'published' }, 't1');
    p.collection('surveyQuestions').create({ templateId: 't1', order: 1, type: 'single', text: '渠道', required: true, opt_a: { text: '展会', order: 1 }, opt_b: { text: '网络', order: 2 } }, 'q1');
    p.collection('surveyQuestions').create({ templateId: 't1', order: 2, type: 'rating', text: '满意度', required: true }, 'q2');
    p.collection('surveys').create({ name: '坏数据调查', templateId: 't1', audience: 'customers', status: 'open', startDate: '2026-11-01' }, 's1');
    p.collection('surveyResponses').create({ surveyId: 's1', customerId: 'c1', channel: 'staff', at: Date.now(), answers: { q1: 'a', q2: 5 } }, 'r1');
    p.collection('surveyResponses').create({ surveyId: 's1', customerId: 'c1', channel: 'staff', at: Date.now(), answers: { q1: 'zz', q2: 9 } }, 'r2');
    p.collection('surveyResponses').create({ surveyId: 's1', channel: 'kiosk', at: 'yesterday', answers: 'not answers' }, 'r3');
    p.collection('surveyResponses').create({ surveyId: 's1', channel: 'kiosk', answers: { q1: ['a'], q2: '3' } }, 'r4');
    const groups = new Set([CORE_GROUP, GROUP_OF.customers, GROUP_OF.surveyResponses]);
    for (const g of groups) await injectGroupUpdate(page, ws, g, Y.encodeStateAsUpdate(p.docs.get(g)!));
    await page.reload();
    await page.getByText('您好,王老师').waitFor();
    await goto(page, ws, 'surveys/s1/results');
    // only r1's answers count: index (5−1)/4×100 = 100
    await expect.poll(() => page.getByTestId('satisfaction-index').locator('b').innerText()).toBe('100');
    const channel = page.locator('.result', { hasText: '渠道' });
    await expect(channel.locator('tr[data-key]').allInnerTexts()).resolves.toEqual(['展会 100.0%\t1', '网络 0.0%\t0']);
    await expect(channel.getByTestId('malformed').innerText()).resolves.toContain('2 份答案格式有误');
    await expect(page.locator('.result', { hasText: '满意度' }).getByTestId('malformed').innerText()).resolves.toContain('2 份');
    await shot(page, 'surveys-results-malformed-1280x800');
    // the survey page lists each response; the malformed answers say so
    await goto(page, ws, 'surveys/s1');
    await page.getByRole('heading', { name: '答卷 · 4' }).waitFor();
    for (const d of await page.locator('.response details').all()) await d.locator('summary').click();
    await expect(page.locator('.answers .malformed').count()).resolves.toBe(4);
    await page.locator('.answers .malformed', { hasText: '不是该题的选项' }).first().waitFor();
    // and so does the customer's page
    await goto(page, ws, 'customers/c1');
    await page.getByTestId('customer-surveys').locator('summary').first().waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  }, 120_000);
});
