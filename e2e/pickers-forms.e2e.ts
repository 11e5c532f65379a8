import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createWorkspace, fill, goto, launch, newPage, pickRef, shot } from './lib';
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
  await page.getByRole('button', { name: '载入示例公司' }).click();
  await page.getByText('示例公司已载入').waitFor({ timeout: 60_000 });
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
});
