import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, pickRef, shot, loadSampleCompany } from './lib';
import { sampleCompany } from '../src/domain/sample';
import { DEFAULT_SALES_MODES } from '../src/domain/sales/stages';

/**
 * Issue 16 items 1, 9, 10 in real Chromium on the sample company: pickers that know their
 * context, forms that show what a person fills in, keyboard and tab titles.
 */

type Rec = Record<string, unknown> & { id: string };
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const TODAY = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
const data = sampleCompany({ history: true, today: TODAY });
const customers = data.customers as Rec[];
const contacts = data.contacts as Rec[];
const customerName = (id: unknown) => String(customers.find((c) => c.id === id)!.name);
// a name three customers' contacts share (王凯 in the sample): the case pickers must tell apart
const twins = contacts.filter((c) => c.name === '王凯');
const ours = twins[0];
const theirs = twins[1];
const ourContacts = contacts.filter((c) => c.customerId === ours.customerId);

let browser: Browser;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
let ws: string;

beforeAll(async () => {
  browser = await launch();
  ({ ctx, page, errors } = await newPage(browser));
  ws = await createWorkspace(page, '选择器实验组', '王老师');
  await loadSampleCompany(page, 60_000);
});
afterAll(async () => { await ctx?.close(); await browser?.close(); });

const modal = () => page.locator('.modal');
const options = () => page.locator('.ref-options li[role=option]');
const save = () => modal().getByRole('button', { name: '保存', exact: true }).click();
const closed = () => modal().waitFor({ state: 'detached' });

describe('pickers that know their context', () => {
  it('the contact picker of a lead lists the chosen customer\'s contacts first with phone, tells two 王凯 apart and warns about another customer\'s', async () => {
    expect(twins.length).toBeGreaterThan(1);
    await goto(page, ws, 'leads');
    await page.getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'subject', '二期扩容');
    await pickRef(page, 'customerId', customerName(ours.customerId));

    // no text typed yet: the customer's own contacts come first, each with its phone
    await modal().locator('#f-contactId').click();
    await options().nth(1).waitFor();
    const first = await options().allInnerTexts();
    // the first option is 无 (none); then every contact of this customer
    const ownShown = first.slice(1, 1 + ourContacts.length);
    expect(ownShown.map((s) => s.split('\n')[0].trim()).sort()).toEqual(ourContacts.map((c) => String(c.name)).sort());
    for (const c of ourContacts) expect(ownShown.join('|')).toContain(String(c.mobile ?? c.phone));
    await expect(page.locator('.ref-options .pick-group').innerText()).resolves.toBe('其他');
    await shot(page, 'pickers-contact-first-1280');

    // two 王凯: each with its company and phone; ours first
    await modal().locator('#f-contactId').fill('王凯');
    await expect.poll(() => options().count()).toBe(twins.length + 1);
    const both = await options().allInnerTexts();
    expect(both[1]).toContain(customerName(ours.customerId));
    expect(both[1]).toContain(String(ours.mobile));
    expect(both.slice(2).join('|')).toContain(customerName(theirs.customerId));
    await shot(page, 'pickers-two-twins-1280');

    // picking another customer's 王凯 warns, and says whose he is
    await options().filter({ hasText: customerName(theirs.customerId) }).first().click();
    const warn = modal().locator('.field-warn');
    await expect(warn.innerText()).resolves.toContain(`属于「${customerName(theirs.customerId)}」`);
    await expect(warn.innerText()).resolves.toContain(`不是「${customerName(ours.customerId)}」`);
    // the picked contact shows its company and phone under the name
    await expect(modal().locator('.field:has(#f-contactId) .pick-current').innerText()).resolves.toContain(String(theirs.mobile));
    await shot(page, 'pickers-other-customer-warning-1280');

    // our own 王凯: the warning goes
    await modal().locator('#f-contactId').fill('王凯');
    await options().filter({ hasText: customerName(ours.customerId) }).first().click();
    await warn.waitFor({ state: 'detached' });
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });

  it('searches a customer by phone and a contact by mobile digits however they were typed', async () => {
    await goto(page, ws, 'leads');
    await page.getByRole('button', { name: '+ 新增' }).click();
    const cust = customers[5];
    await modal().locator('#f-customerId').fill(String(cust.phone).replace(/\D/g, ''));
    await expect(options().nth(1).innerText()).resolves.toContain(String(cust.name));
    await options().nth(1).click();
    await modal().locator('#f-contactId').fill(String(theirs.mobile).replace(/\D/g, '').slice(-8));
    await expect(options().allInnerTexts()).resolves.toEqual(['(无)', expect.stringContaining('王凯')]);
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });

  it('the contact record form prefers the contacts of its opportunity\'s customer', async () => {
    const opp = (data.opportunities as Rec[]).find((o) => o.status === 'active' && contacts.filter((c) => c.customerId === o.customerId).length >= 2)!;
    await goto(page, ws, `opportunities/${opp.id}`);
    await page.locator('.records-section').getByRole('button', { name: /新增/ }).first().click();
    await modal().locator('#f-contactId').click();
    await options().nth(1).waitFor();
    const own = contacts.filter((c) => c.customerId === opp.customerId);
    const shown = (await options().allInnerTexts()).slice(1, 1 + own.length).map((s) => s.split('\n')[0].trim());
    expect(shown.sort()).toEqual(own.map((c) => String(c.name)).sort());
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });

  it('the stage picker offers only the stages of the opportunity\'s sales mode', async () => {
    await goto(page, ws, 'opportunities');
    await page.getByRole('button', { name: '+ 新增' }).click();
    // both seeded modes end in 签约成交: without the mode a picker offers both, indistinguishable
    for (const mode of DEFAULT_SALES_MODES) {
      await pickRef(page, 'modeId', mode.name);
      await modal().locator('#f-stageId').click();
      await expect.poll(async () => (await options().allInnerTexts()).map((s) => s.split('\n')[0].trim()))
        .toEqual(['(无)', ...mode.stages.map((st) => st.name)]);
      await expect(options().nth(1).innerText()).resolves.toContain(mode.name);
      await modal().locator('#f-subject').click();
      await page.locator('.ref-options').waitFor({ state: 'detached' });
    }
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });

  it('a contact name repeats without warning at another customer, and warns within one', async () => {
    const other = customers.find((c) => !contacts.some((p) => p.customerId === c.id && p.name === '王凯'))!;
    await goto(page, ws, `customers/${other.id}`);
    await page.locator('.card:has(> h2:text-is("联系人"))').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '王凯');
    await save();
    await closed(); // no duplicate warning: no 王凯 at this customer

    await goto(page, ws, `customers/${ours.customerId}`);
    await page.locator('.card:has(> h2:text-is("联系人"))').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '王凯');
    await save();
    await expect(modal().locator('.warn').innerText()).resolves.toContain('王凯');
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
    expect(errors).toEqual([]);
  });

  it('the participant picker of a market activity searches by phone and code too, and shows company and phone beside each 王凯', async () => {
    // an activity neither 王凯 nor his company takes part in yet (those are not offered again)
    const parts = data.activityParticipants as Rec[];
    const activity = (data.marketActivities as Rec[]).find((a) => !parts.some((p) => p.activityId === a.id && (p.contactId === ours.id || p.customerId === ours.customerId)))!;
    await goto(page, ws, `marketing/activities/${activity.id}`);
    await page.getByTestId('add-participants').click();
    await modal().waitFor();
    const find = modal().locator('input[type=search]');
    // the mobile, typed without its separators
    const mobile = String(ours.mobile ?? ours.phone);
    await find.fill(mobile.replace(/\D/g, ''));
    const row = modal().locator('.mkt-pick-list li', { hasText: '王凯' }).first();
    await row.waitFor();
    await expect(row.innerText()).resolves.toContain(customerName(ours.customerId));
    await expect(row.innerText()).resolves.toContain(mobile);
    // by name: each 王凯 names its company, so the two can be told apart
    await find.fill('王凯');
    const rows = modal().locator('.mkt-pick-list li', { hasText: '王凯' });
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const texts = await rows.allInnerTexts();
    expect(new Set(texts).size).toBe(texts.length);
    // a customer by its code
    const customer = customers.find((c) => c.id === ours.customerId)!;
    await find.fill(String(customer.code));
    await modal().locator('.mkt-pick-list li', { hasText: String(customer.name) }).first().waitFor();
    await shot(page, 'pickers-participants-1280');
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });
});

describe('forms show what a person fills in', () => {
  it('system fields are read-only text; required fields are marked before the first save', async () => {
    const promoted = (data.leads as Rec[]).find((l) => typeof l.opportunityId === 'string')!;
    const opp = (data.opportunities as Rec[]).find((o) => o.id === promoted.opportunityId)!;
    await goto(page, ws, 'leads');
    await page.locator('.find').fill(String(promoted.subject));
    await page.locator('.grid-row', { hasText: String(promoted.subject) }).first().dblclick();
    await modal().waitFor();
    // 升迁的商机 and 状态 are written by the promotion: text on the form, not inputs
    const promotedTo = modal().locator('#f-opportunityId');
    await expect(promotedTo.evaluate((e) => e.tagName)).resolves.toBe('OUTPUT');
    await expect(promotedTo.innerText()).resolves.toBe(String(opp.subject));
    await expect(modal().locator('#f-status').evaluate((e) => e.tagName)).resolves.toBe('OUTPUT');
    await expect(modal().locator('.system-field input, .system-field select').count()).resolves.toBe(0);
    await shot(page, 'forms-system-fields-1280');
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();

    // a new customer: required marks and the legend before anything is saved; no system field shown empty
    await goto(page, ws, 'customers');
    await page.getByRole('button', { name: '+ 新增' }).click();
    await modal().waitFor();
    await expect(modal().locator('.form-legend').innerText()).resolves.toContain('为必填项');
    const marked = await modal().locator('label.field:has(.req) .field-label').allInnerTexts();
    expect(marked.map((s) => s.replace('*', '').trim())).toEqual(expect.arrayContaining(['客户编码', '客户名称', '客户类型']));
    await expect(modal().locator('#f-name').getAttribute('aria-required')).resolves.toBe('true');
    await expect(modal().locator('.error-banner').count()).resolves.toBe(0);
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
  });

  it('a disabled button says why in text on the page, not only in a tooltip', async () => {
    // a terminated opportunity: the page's conversion hint is not shown, the disabled button still says why
    const ended = (data.opportunities as Rec[]).find((o) => o.status === 'terminated')!;
    await goto(page, ws, `opportunities/${ended.id}`);
    const convert = page.getByRole('button', { name: '转为项目' });
    await expect(convert.isDisabled()).resolves.toBe(true);
    await expect(page.locator('.head-actions .why-disabled').innerText()).resolves.toMatch(/商机审核后才能转为项目|只有成功的商机才能转为项目/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500); // the sidebar slides away as the screen narrows
    await shot(page, 'forms-why-disabled-390x844');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('the newer modules\' forms mark what is required and show system fields as text; their pages say why something is disabled', async () => {
    const requiredOf = async () => (await modal().locator('label.field:has(.req) .field-label').allInnerTexts()).map((x) => x.replace('*', '').trim());
    const forms: [string, string[]][] = [
      ['contracts', ['合同名称', '客户(甲方)', '我方签约人', '合同金额', '签订日期', '生效日期', '截止日期']],
      ['marketing/activities', ['活动名称', '活动类型', '开始日期', '负责人']],
      ['marketing/tasks', ['任务', '执行人', '状态']],
      ['surveys', ['调查名称', '问卷模板', '调查对象', '开始日期', '状态']],
    ];
    for (const [path, required] of forms) {
      await goto(page, ws, path);
      await page.getByRole('button', { name: '+ 新增' }).click();
      await modal().waitFor();
      await expect(modal().locator('.form-legend').innerText()).resolves.toContain('为必填项');
      expect(await requiredOf(), path).toEqual(expect.arrayContaining(required));
      await expect(modal().locator('.error-banner').count()).resolves.toBe(0);
      await modal().getByRole('button', { name: '取消' }).click();
      await closed();
    }
    // a contract's status and end date are written by its approval and 终止: text in its form, not inputs
    await goto(page, ws, 'contracts/ct001');
    await page.getByRole('button', { name: '编辑', exact: true }).click();
    await modal().waitFor();
    await expect(modal().locator('#f-status').evaluate((e) => e.tagName)).resolves.toBe('OUTPUT');
    await expect(modal().locator('.system-field input, .system-field select').count()).resolves.toBe(0);
    await modal().getByRole('button', { name: '取消' }).click();
    await closed();
    // a contract awaiting approval: its page says its terms are locked
    const pending = (data.contracts as Rec[]).find((c) => c.status === 'pending')!;
    await goto(page, ws, `contracts/${pending.id}`);
    await expect(page.locator('.head-actions .why-disabled').innerText()).resolves.toContain('合同正在审批中,已锁定');
    // 升迁 on an activity's lead that was promoted already: disabled, and says so
    const promoted = (data.leads as Rec[]).find((l) => typeof l.activityId === 'string' && l.status === 'promoted')!;
    await goto(page, ws, `marketing/activities/${String(promoted.activityId)}`);
    await page.getByRole('tab', { name: /意向/ }).click();
    await page.locator('.tab-panel .grid-row', { hasText: String(promoted.subject) }).locator('input[type=checkbox]').check();
    const promote = page.getByRole('button', { name: '升迁为商机' });
    await expect(promote.isDisabled()).resolves.toBe(true);
    await expect(page.locator('.tab-panel .why-disabled').first().innerText()).resolves.toBe('该线索已升迁为商机');
    await shot(page, 'forms-why-disabled-activity-1280');
    expect(errors).toEqual([]);
  });

  it('discounts read as a percentage and a price, not 0.993103', async () => {
    const quotes = data.quotes as Rec[];
    const lines = data.quoteLines as Rec[];
    const q = quotes.find((x) => lines.some((l) => l.quoteId === x.id && typeof l.rate === 'number' && (l.rate as number) < 1))!;
    await goto(page, ws, `quotes/${q.id}`);
    const overall = await page.locator('.overall-rate').innerText();
    expect(overall).toMatch(/^\d{1,3}(\.\d{1,2})?%$/);
    await expect(page.locator('.quote-summary').innerText()).resolves.toMatch(/优惠 [\d,]+\.\d{2}/);
    const lineRate = await page.locator('.line-rate').first().innerText();
    expect(lineRate).toMatch(/^\d{1,3}(\.\d{1,2})?% · [\d,]+\.\d{2}$/);
    await shot(page, 'forms-quote-discount-1280');
  });
});

describe('keyboard and titles', () => {
  it('a skip link leads to the main content', async () => {
    await goto(page, ws, 'customers');
    await page.reload(); // a page as it opens: the first Tab starts at the top
    await page.locator('.grid-row').first().waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('跳到主要内容');
    await shot(page, 'keys-skip-link-1280');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
  });

  it('a form opens on its first field and gives the focus back to its opener', async () => {
    await goto(page, ws, 'customers');
    const add = page.getByRole('button', { name: '+ 新增' });
    await add.focus();
    await page.keyboard.press('Enter');
    await modal().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-code');
    await page.keyboard.press('Escape');
    await closed();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('+ 新增');
  });

  it('list shortcuts act only when the list has the focus: not while typing elsewhere nor with a dialog open', async () => {
    await goto(page, ws, 'customers');
    await page.locator('.grid-row').first().waitFor();
    // a field of the page outside the list (a search box of the shell's)
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.id = 'elsewhere';
      document.querySelector('.topbar')!.prepend(input);
    });
    await page.locator('#elsewhere').focus();
    await page.keyboard.press('Alt+A');
    await page.waitForTimeout(300);
    await expect(modal().count()).resolves.toBe(0);
    // a dialog of another part open: the user chooser
    await page.locator('.user-chip').click();
    await modal().waitFor();
    await page.keyboard.press('Alt+A');
    await page.waitForTimeout(300);
    await expect(page.locator('.modal-title').allInnerTexts()).resolves.not.toContain('新增客户档案');
    await page.keyboard.press('Escape');
    await closed();
    await page.locator('#elsewhere').evaluate((e) => e.remove());
    // in the list (its find box): Alt+A adds
    await page.locator('.find').focus();
    await page.keyboard.press('Alt+A');
    await expect(page.locator('.modal-title').innerText()).resolves.toBe('新增客户档案');
    await page.keyboard.press('Escape');
    await closed();
  });

  it('the browser tab names the page and the record', async () => {
    const c = customers[0];
    await goto(page, ws, 'customers');
    await expect.poll(() => page.title()).toBe('客户档案 · 客缘');
    await goto(page, ws, `customers/${c.id}`);
    await expect.poll(() => page.title()).toBe(`${c.name} · 客户 · 客缘`);
    const opp = (data.opportunities as Rec[])[0];
    await goto(page, ws, `opportunities/${opp.id}`);
    await expect.poll(() => page.title()).toBe(`${opp.subject} · 商机 · 客缘`);
    await goto(page, ws, '');
    await expect.poll(() => page.title()).toBe('我的工作台 · 客缘');
    expect(errors).toEqual([]);
  });

  it('the browser tab names the newer modules\' pages and records', async () => {
    const one = (k: string, id: string) => (data[k as keyof typeof data] as Rec[]).find((r) => r.id === id)!;
    const expected: [string, string][] = [
      ['contracts', '合同 · 客缘'],
      ['contracts/ct001', `${String(one('contracts', 'ct001').code)} · 合同 · 客缘`],
      ['marketing/activities', '市场活动 · 客缘'],
      ['marketing/activities/ma001', `${String(one('marketActivities', 'ma001').name)} · 市场活动 · 客缘`],
      ['marketing/tasks/mt0001', `${String(one('marketTasks', 'mt0001').title)} · 市场任务 · 客缘`],
      ['marketing/analysis', '市场分析 · 客缘'],
      ['surveys/svy001', '2026 年度客户满意度调查 · 调查活动 · 客缘'],
      ['surveys/templates/svt001', '客户满意度调查问卷 · 问卷模板 · 客缘'],
      ['approvals', '审批箱 · 客缘'],
      ['lab', '实验指导 · 客缘'],
      ['class', '班级看板 · 客缘'],
      // a bare page (no frame) names its record too, in the app's words rather than index.html's
      ['kiosk/svy001', '2026 年度客户满意度调查 · 自助答卷 · 客缘'],
    ];
    for (const [path, title] of expected) {
      await goto(page, ws, path);
      await expect.poll(() => page.title().then((got) => `${path}: ${got}`)).toBe(`${path}: ${title}`);
      await shot(page, `zh-1280-${path.replace(/\W+/g, '_')}`); // the newer pages on a laptop, looked at beside the phone's and the English ones
      // a record page's ← 返回 leads to its list: it is not "the current page" (it showed as a pressed button)
      expect(await page.locator('main .page-head a[aria-current=page], main .page-head a.active').count(), path).toBe(0);
    }
    await page.goto('about:blank'); // the kiosk refuses an in-app navigation
    expect(errors).toEqual([]);
  });
});

describe('screens at other sizes and in English', () => {
  for (const [w, h] of [[768, 1024], [390, 844]] as const) {
    it(`the contact picker and a record page at ${w}×${h} without sideways scrolling`, async () => {
      await page.setViewportSize({ width: w, height: h });
      await goto(page, ws, 'leads');
      await page.getByRole('button', { name: '+ 新增' }).click();
      await pickRef(page, 'customerId', customerName(ours.customerId));
      await modal().locator('#f-contactId').fill('王凯');
      await options().nth(1).waitFor();
      await shot(page, `pickers-contact-${w}x${h}`);
      await options().filter({ hasText: customerName(theirs.customerId) }).first().click();
      await modal().locator('.field-warn').waitFor();
      await shot(page, `pickers-warning-${w}x${h}`);
      await modal().getByRole('button', { name: '取消' }).click();
      await closed();
      const q = (data.quotes as Rec[])[0];
      await goto(page, ws, `quotes/${q.id}`);
      await page.locator('.overall-rate').waitFor();
      await shot(page, `forms-quote-${w}x${h}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    });
  }

  it('in English: the picker, the warning and the tab title', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await goto(page, ws, 'leads');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: '+ Add' }).click();
    await pickRef(page, 'customerId', customerName(ours.customerId));
    await modal().locator('#f-contactId').fill('王凯');
    await options().filter({ hasText: customerName(theirs.customerId) }).first().click();
    await expect(modal().locator('.field-warn').innerText()).resolves.toContain(`belongs to ${customerName(theirs.customerId)}`);
    await expect(modal().locator('.form-legend').innerText()).resolves.toContain('required');
    await shot(page, 'pickers-warning-en-1280');
    await modal().getByRole('button', { name: 'Cancel' }).click();
    await closed();
    await goto(page, ws, `customers/${customers[0].id}`);
    await expect.poll(() => page.title()).toBe(`${customers[0].name} · Customer · Keyuan`);
    expect(errors).toEqual([]);
  });
});
