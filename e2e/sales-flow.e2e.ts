import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, createWorkspace, fill, goto, launch, newPage, OUT, pickRef, rowTexts, shot, loadSampleCompany } from './lib';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Open a form, trying again while the page is still settling (a route or tab that just changed). */
async function openForm(page: Page, open: () => Promise<void>) {
  for (let i = 0; ; i++) {
    await open();
    try {
      await page.locator('.modal').waitFor({ timeout: 2000 });
      return;
    } catch (e) {
      if (i >= 4) { await shot(page, 'zz-openform-failed'); throw e; }
    }
  }
}

/** Alt+A on a list page (the page's own list, not an embedded one), once that page is shown. */
async function addNew(page: Page, title: string) {
  await page.locator('h1.page-title', { hasText: title }).waitFor();
  await page.locator('.record-list:not(.embedded) .toolbar').waitFor();
  await openForm(page, () => page.keyboard.press('Alt+A'));
}

const save = async (page: Page) => {
  await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
  await page.locator('.modal').waitFor({ state: 'detached' });
};

async function addUser(page: Page, name: string, role: string, department?: string) {
  await page.locator('.tab-panel .grid-row').first().waitFor();
  await openForm(page, () => page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click());
  await fill(page, 'name', name);
  await pickRef(page, 'roleId', role);
  if (department) await pickRef(page, 'departmentId', department);
  await save(page);
}

async function switchUser(page: Page, name: string, role: string) {
  await page.locator('.user-chip').click();
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.user-chip', { hasText: role }).waitFor();
}

/** Close toasts and the install prompt so screenshots show the page itself. */
async function snap(page: Page, name: string) {
  for (const b of await page.locator('.toast .icon-btn, .pwa-toast .btn').all()) await b.click({ timeout: 1000 }).catch(() => undefined);
  await page.locator('.toast').first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => undefined);
  await page.locator('.content').evaluate((e) => { e.scrollTop = 0; });
  await shot(page, name);
}

/** The value shown for a field on a record page (dl.fields). */
const shown = (page: Page, key: string) => page.locator(`dl.fields [data-key=${key}] dd`).innerText();

const recordRow = (page: Page, i: number, kind = 'contactRecords') => page.locator(`.records-section[data-kind=${kind}] tbody tr`).nth(i);

async function addRecord(page: Page, kind: string, v: { date: string; summary: string; stage?: string; expected?: string; cost?: string }) {
  await page.locator(`.records-section[data-kind=${kind}]`).getByRole('button', { name: '+ 新增记录' }).click();
  await fill(page, 'date', v.date);
  await fill(page, 'summary', v.summary);
  if (v.stage) await pickRef(page, 'stageId', v.stage);
  if (v.expected) await fill(page, 'expectedAmount', v.expected);
  if (v.cost) await fill(page, 'cost', v.cost);
  await save(page);
}

describe('sales flow: lead → opportunity → contact records → quote with approval → audit → project', () => {
  it('runs the whole flow in real Chromium, with the rules enforced on the way', { timeout: 300_000 }, async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '销售实验组', '王老师');

    // --- the administrator sets up a rep and a manager, a product and a volume discount ---
    await goto(page, ws, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    // one department: the manager's data scope (本部门) covers the rep's records
    await addUser(page, '张三', '业务员', '总经理办公室');
    await addUser(page, '李经理', '销售经理', '总经理办公室');

    await goto(page, ws, 'competitors');
    await addNew(page, '竞争对手');
    await fill(page, 'name', '用友');
    await save(page);

    await goto(page, ws, 'products');
    await addNew(page, '产品');
    await fill(page, 'code', 'P001');
    await fill(page, 'name', 'ERP 标准版');
    await page.locator('.modal #f-category').selectOption('erp');
    await fill(page, 'listPrice', '38000');
    await save(page);
    // the category tree filters the list
    await page.locator('.tree-pane').getByRole('button', { name: 'ERP 软件' }).click();
    expect((await rowTexts(page)).join()).toContain('ERP 标准版');
    await page.locator('.tree-pane').getByRole('button', { name: '硬件' }).click();
    expect(await rowTexts(page)).toEqual([]);

    await goto(page, ws, 'discounts');
    await addNew(page, '折扣');
    // a volume rule's form offers its own fields only
    expect(await page.locator('.modal #f-roleId').count()).toBe(0);
    await fill(page, 'name', '5 套以上');
    await fill(page, 'rate', '0.85');
    await fill(page, 'minQty', '5');
    await save(page);
    await expect(page.locator('.grid-rows').innerText()).resolves.toContain('销量折扣');

    // default sales modes and stages exist and are editable settings
    await goto(page, ws, 'sales-modes');
    await page.locator('table.stages tbody tr').first().waitFor();
    const stageInputs = await page.locator('table.stages input').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(stageInputs).toContain('方案报价');
    expect(await page.locator('table.stages tbody tr').count()).toBe(5);

    // --- the rep records a potential customer and a lead, and promotes it ---
    await switchUser(page, '张三', '业务员');
    await goto(page, ws, 'customers');
    await addNew(page, '客户档案');
    await fill(page, 'code', 'KH001');
    await fill(page, 'name', '杭州恒远机械有限公司');
    await fill(page, 'kind', '潜在客户');
    await save(page);
    await page.getByRole('link', { name: 'KH001' }).click();
    await page.getByRole('heading', { name: /杭州恒远机械有限公司/ }).waitFor();
    await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '赵工');
    await save(page);

    await goto(page, ws, 'leads');
    await addNew(page, '意向');
    await fill(page, 'subject', 'ERP 升级意向');
    await pickRef(page, 'customerId', '杭州恒远');
    await fill(page, 'expectedAmount', '200000');
    await save(page);
    await page.locator('.grid-row', { hasText: 'ERP 升级意向' }).click();
    await page.getByRole('button', { name: '升迁为商机' }).click();
    await expect(page.locator('.modal .notice').innerText()).resolves.toContain('转为正式客户');
    await page.locator('.modal').getByRole('button', { name: '升迁为商机' }).click();
    await page.getByRole('heading', { name: 'ERP 升级意向' }).waitFor();
    expect(page.url()).toMatch(/\/opportunities\/[a-z0-9]+$/);
    const oppUrl = page.url();
    await expect(shown(page, 'stageId')).resolves.toBe('初步接洽');
    await expect(shown(page, 'rate')).resolves.toBe('10');
    await expect(shown(page, 'amount')).resolves.toBe('20,000.00');
    await expect(shown(page, 'ownerId')).resolves.toBe('张三');

    // --- three contact records; completing out of order is refused ---
    await addRecord(page, 'contactRecords', { date: '2026-11-02', summary: '电话了解需求', stage: '需求确认', expected: '210000', cost: '1000' });
    await addRecord(page, 'contactRecords', { date: '2026-11-05', summary: '上门演示', stage: '方案报价', expected: '240000', cost: '3000' });
    await addRecord(page, 'contactRecords', { date: '2026-11-09', summary: '商务谈判', stage: '商务谈判' });
    expect(await page.locator('.records-section tbody tr').count()).toBe(3);
    // picking a stage took its default rate
    await expect(recordRow(page, 1).innerText()).resolves.toContain('50%');

    await recordRow(page, 1).getByRole('button', { name: '设为完成' }).click();
    await expect(page.locator('.refusal').innerText()).resolves.toContain('请先将前一条记录设为“已完成”');
    await expect(recordRow(page, 1).innerText()).resolves.not.toContain('✓');
    await recordRow(page, 0).getByRole('button', { name: '设为完成' }).click();
    await expect(shown(page, 'stageId')).resolves.toBe('需求确认');
    await recordRow(page, 1).getByRole('button', { name: '设为完成' }).click();
    await recordRow(page, 1).getByText('✓ 已完成').waitFor();
    // the last completed record back-fills the opportunity
    await expect(shown(page, 'stageId')).resolves.toBe('方案报价');
    await expect(shown(page, 'rate')).resolves.toBe('50');
    await expect(shown(page, 'expectedAmount')).resolves.toBe('240,000.00');
    await expect(shown(page, 'cost')).resolves.toBe('3,000.00');
    await expect(shown(page, 'amount')).resolves.toBe('120,000.00');
    // a completed record is read-only
    expect(await recordRow(page, 1).getByRole('button', { name: '编辑' }).isDisabled()).toBe(true);

    // --- a quote on the third record: 10 sets at the volume tier is 15 % off, over the rep's 5 % ---
    await recordRow(page, 2).getByRole('button', { name: '报价' }).click();
    await page.getByRole('heading', { name: /报价单 BJ/ }).waitFor();
    await expect(page.locator('.fields').innerText()).resolves.toContain('联系记录 2026-11-09');
    await page.getByRole('button', { name: '+ 添加明细' }).click();
    await page.locator('.line-product').first().selectOption({ label: 'P001 ERP 标准版' });
    await page.locator('.line-qty').first().fill('10');
    await expect(page.locator('.line-rate').first().innerText()).resolves.toContain('85%');
    await expect(page.locator('.total-discounted').innerText()).resolves.toBe('323,000.00');
    await page.getByRole('button', { name: '保存明细' }).click();
    await expect(page.locator('.approval-need').innerText()).resolves.toContain('低于职位折扣下限 0.95,需要审批');
    await page.getByRole('button', { name: '打印' }).click();
    await expect(page.locator('.refusal').innerText()).resolves.toContain('须审批通过后才能出具');
    await page.getByRole('button', { name: '提交审批' }).click();
    await page.locator('#prompt-text').fill('大客户首单,申请八五折');
    await page.locator('.modal').getByRole('button', { name: '确认' }).click();
    await page.locator('.badge', { hasText: '待审批' }).waitFor();
    expect(await page.locator('.line-qty').first().isDisabled()).toBe(true); // locked while pending
    const quoteUrl = page.url();

    // --- the manager approves it from the approval inbox ---
    await switchUser(page, '李经理', '销售经理');
    await goto(page, ws, 'approvals');
    const inboxRow = page.locator('.inbox-item');
    await expect(inboxRow.innerText()).resolves.toContain('杭州恒远机械有限公司');
    await expect(inboxRow.innerText()).resolves.toContain('大客户首单');
    await expect(inboxRow.innerText()).resolves.toContain('0.85');
    await snap(page, 'sales-approval-inbox-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'sales-approval-inbox-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await inboxRow.getByRole('button', { name: '批准' }).click();
    await page.locator('#prompt-text').fill('同意,下不为例');
    await page.locator('.modal').getByRole('button', { name: '批准' }).click();
    await page.getByText('没有待审批的报价单').waitFor();

    await page.goto(quoteUrl);
    await page.locator('.badge', { hasText: '已批准' }).waitFor();
    await expect(page.locator('.approval-need').innerText()).resolves.toContain('已由 李经理 批准');
    const history = await page.locator('table.steps').innerText();
    expect(history).toContain('提交');
    expect(history).toContain('张三');
    expect(history).toContain('同意,下不为例');
    expect(history).toContain('李经理');
    await page.getByRole('button', { name: '导出' }).click(); // allowed now (no refusal)
    expect(await page.locator('.refusal').count()).toBe(0);
    await snap(page, 'sales-quote-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'sales-quote-768x1024');
    await page.emulateMedia({ media: 'print' });
    await snap(page, 'sales-quote-print');
    await expect(page.locator('.quote-print').innerText()).resolves.toContain('323,000.00');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // --- won, audited, converted to a project; un-audit is then refused with the reason ---
    await page.goto(oppUrl);
    await page.getByRole('heading', { name: 'ERP 升级意向' }).waitFor();
    expect(await page.getByRole('button', { name: '转为项目' }).isDisabled()).toBe(true);
    // the manager's comment (批复) on a completed record
    await recordRow(page, 1).getByRole('button', { name: '批复' }).click();
    await page.locator('#prompt-text').fill('先确认预算再报价');
    await page.locator('.modal').getByRole('button', { name: '确认' }).click();
    await expect(recordRow(page, 1).innerText()).resolves.toMatch(/先确认预算再报价[\s\S]*李经理/);
    await page.getByRole('button', { name: '成功', exact: true }).click();
    await page.locator('#prompt-text').fill('签订合同');
    await page.locator('.modal').getByRole('button', { name: '确认' }).click();
    await page.getByRole('button', { name: '审核', exact: true }).click();
    await page.locator('.badge', { hasText: '已审核' }).waitFor();
    // a competitor and a team member
    for (const [entity, name] of [['competitors', '用友'], ['users', '张三']]) {
      await page.locator(`#add-${entity}`).fill(name);
      await page.locator('.ref-options li', { hasText: name }).first().click();
      await page.locator(`.id-list[data-entity=${entity}] .chip`, { hasText: name }).waitFor();
    }
    await snap(page, 'sales-opportunity-1280x800');
    await page.setViewportSize({ width: 768, height: 1024 });
    await snap(page, 'sales-opportunity-768x1024');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: '转为项目' }).click();
    // the opportunity page has the same heading: wait for the route, not the title
    await page.waitForURL(/\/projects\/[a-z0-9]+$/);
    await page.getByRole('heading', { name: 'ERP 升级意向' }).waitFor();
    await expect(shown(page, 'stageId')).resolves.toBe('方案报价');
    await expect(shown(page, 'rate')).resolves.toBe('50');

    // a maintenance record with the same rules; completing it back-fills the project
    await addRecord(page, 'maintenanceRecords', { date: '2026-12-01', summary: '上线后回访', cost: '5000' });
    await recordRow(page, 0, 'maintenanceRecords').getByRole('button', { name: '设为完成' }).click();
    await expect(shown(page, 'cost')).resolves.toBe('5,000.00');
    const projectUrl = page.url();
    // actual cost and amount, and the profit from them
    await openForm(page, () => page.locator('.head-actions').getByRole('button', { name: '编辑' }).click());
    await fill(page, 'actualCost', '150000');
    await fill(page, 'actualAmount', '323000');
    await save(page);
    await expect(page.locator('.kpi-line').innerText()).resolves.toMatch(/173,000\.00[\s\S]*53\.6%/);
    // 复制为机会: a new opportunity for the same customer, starting over
    await page.getByRole('button', { name: '复制为机会' }).click();
    await page.waitForURL(/\/opportunities\/[a-z0-9]+$/);
    expect(page.url()).not.toBe(oppUrl);
    await page.locator('.badge', { hasText: '进行中' }).waitFor();
    await expect(shown(page, 'stageId')).resolves.toBe('初步接洽');
    await expect(shown(page, 'sourceProjectId')).resolves.toBe('ERP 升级意向');
    await page.goto(projectUrl);
    await snap(page, 'sales-project-1280x800');

    await page.goto(oppUrl);
    await page.getByRole('button', { name: '反审核' }).click();
    await expect(page.locator('.refusal').innerText()).resolves.toContain('须先删除项目才能反审核');
    await page.locator('.badge', { hasText: '已审核' }).waitFor();

    // the won opportunity shows blue in the list; the customer became a formal one
    await goto(page, ws, 'opportunities');
    await page.locator('.grid-row', { hasText: 'ERP 升级意向' }).first().waitFor();
    // the won one is blue; its copy (a new, active opportunity) is not
    expect(await page.locator('.grid-row[data-tone=blue]', { hasText: 'ERP 升级意向' }).count()).toBe(1);
    expect(await page.locator('.grid-row:not([data-tone])', { hasText: 'ERP 升级意向' }).count()).toBe(1);
    await goto(page, ws, 'customers');
    const cust = await page.locator('.grid-row', { hasText: 'KH001' }).innerText();
    expect(cust).toContain('客户');
    expect(cust).not.toContain('潜在客户');
    // the customer's page lists its lead, opportunity, quote and project
    await page.getByRole('link', { name: 'KH001' }).click();
    const sales = page.locator('.customer-sales');
    await sales.waitFor();
    await expect(sales.innerText()).resolves.toMatch(/意向 \(1\)[\s\S]*ERP 升级意向[\s\S]*已升迁/);
    await expect(sales.innerText()).resolves.toMatch(/报价单 \(1\)[\s\S]*BJ\d{8}-001/);
    await expect(sales.innerText()).resolves.toContain('项目 (1)');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an opportunity: live amount in the form, terminate (red) and re-enable, lost needs a summary, delete takes its records', { timeout: 180_000 }, async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '终止测试', '王老师');
    await goto(page, ws, 'customers');
    await addNew(page, '客户档案');
    await fill(page, 'code', 'KH002');
    await fill(page, 'name', '宁波海通贸易');
    await save(page);
    await goto(page, ws, 'opportunities');
    await addNew(page, '商机');
    await fill(page, 'subject', '仓储系统');
    await pickRef(page, 'customerId', '宁波海通');
    await fill(page, 'expectedAmount', '100000');
    // the amount follows expected × rate while typing (first stage: 10 %)
    // a derived field is text on the form, not an input
    await expect(page.locator('.modal #f-amount').innerText()).resolves.toBe('10,000.00');
    await pickRef(page, 'stageId', '商务谈判');
    await expect(page.locator('.modal #f-rate').inputValue()).resolves.toBe('70');
    await expect(page.locator('.modal #f-amount').innerText()).resolves.toBe('70,000.00');
    await save(page);
    await page.getByRole('heading', { name: '仓储系统' }).waitFor();
    await addRecord(page, 'contactRecords', { date: '2026-10-01', summary: '初次拜访' });
    await page.getByRole('button', { name: '终止机会' }).click();
    await page.locator('.badge', { hasText: '已终止' }).waitFor();
    expect(await page.getByRole('button', { name: '+ 新增记录' }).isDisabled()).toBe(true);
    await goto(page, ws, 'opportunities');
    await expect(page.locator('.grid-row', { hasText: '仓储系统' }).getAttribute('data-tone')).resolves.toBe('red');
    await page.locator('.grid-row', { hasText: '仓储系统' }).click();
    await page.getByRole('button', { name: '启用机会' }).click();
    await expect(page.locator('.grid-row', { hasText: '仓储系统' }).getAttribute('data-tone')).resolves.toBe(null);
    // losing needs a summary
    await page.getByRole('link', { name: '仓储系统' }).click();
    await page.getByRole('button', { name: '失败' }).click();
    await page.locator('.modal').getByRole('button', { name: '确认' }).click();
    await expect(page.locator('.modal [role=alert]').innerText()).resolves.toBe('请填写内容');
    await page.locator('#prompt-text').fill('价格没有竞争力');
    await page.locator('.modal').getByRole('button', { name: '确认' }).click();
    await page.locator('.badge', { hasText: '失败' }).waitFor();
    // deleting the opportunity takes its contact record to the bin
    await page.locator('.head-actions').getByRole('button', { name: '删除' }).click();
    await expect(page.locator('.modal').innerText()).resolves.toContain('共 2 条记录');
    await page.locator('.modal').getByRole('button', { name: '删除' }).click();
    await page.waitForURL(/\/opportunities$/);
    expect(await rowTexts(page)).toEqual([]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the sample company loads a year of opportunities: won blue, terminated red, each with its page', { timeout: 180_000 }, async () => {
    const { ctx, page, errors } = await newPage(browser);
    const ws = await createWorkspace(page, '示例', '王老师');
    await loadSampleCompany(page);
    await goto(page, ws, 'opportunities');
    await page.locator('.grid-row').first().waitFor();
    expect(await page.locator('.grid-row[data-tone=blue]').count()).toBeGreaterThan(0);
    await page.locator('.record-list .find').fill('已终止');
    await page.locator('.grid-row[data-tone=red]').first().waitFor();
    expect(await page.locator('.grid-row:not([data-tone=red])').count()).toBe(0);
    await snap(page, 'sales-opportunities-sample-1280x800');
    await page.locator('.grid-row .cell-link').first().click();
    await page.locator('.badge', { hasText: '已终止' }).waitFor();
    await page.getByRole('button', { name: '启用机会' }).waitFor();
    await goto(page, ws, 'discounts');
    await page.locator('.price-check #pc-product').selectOption({ index: 1 });
    await expect(page.locator('.price-check dl').innerText()).resolves.toContain('折后金额');
    await snap(page, 'sales-discounts-1280x800');
    await goto(page, ws, 'sales-modes');
    await page.locator('table.stages tbody tr').first().waitFor();
    await snap(page, 'sales-modes-1280x800');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('two devices apart: the merge breaks the sequence rule, and the opportunity page says so', { timeout: 240_000 }, async () => {
    // device A: an opportunity with record 1 completed and record 3 open
    const a = await newPage(browser);
    const wsA = await createWorkspace(a.page, '两台设备', '王老师');
    await goto(a.page, wsA, 'customers');
    await addNew(a.page, '客户档案');
    await fill(a.page, 'code', 'KH009');
    await fill(a.page, 'name', '温州瑞达电器');
    await save(a.page);
    await goto(a.page, wsA, 'opportunities');
    await addNew(a.page, '商机');
    await fill(a.page, 'subject', '生产管理系统');
    await pickRef(a.page, 'customerId', '温州瑞达');
    await save(a.page);
    await a.page.getByRole('heading', { name: '生产管理系统' }).waitFor();
    const oppPath = a.page.url().split('#/w/')[1].split('/').slice(1).join('/');
    await addRecord(a.page, 'contactRecords', { date: '2026-11-01', summary: '第一次拜访' });
    await addRecord(a.page, 'contactRecords', { date: '2026-11-10', summary: '方案演示' });
    await recordRow(a.page, 0).getByRole('button', { name: '设为完成' }).click();
    await recordRow(a.page, 0).getByText('✓ 已完成').waitFor();
    // A's backup goes to device B (a file: no network between them)
    await goto(a.page, wsA, 'settings');
    await a.page.getByRole('tab', { name: '同步' }).click();
    const password = await a.page.locator('#sync-password').inputValue();
    const [backup] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: '导出全部(备份)' }).click()]);
    await backup.saveAs(`${OUT}/device-a.keyuan`);

    // device B restores it and, apart, adds an open record dated between the two
    const b = await newPage(browser);
    await b.page.goto(baseUrl());
    await b.page.getByRole('button', { name: '从备份恢复' }).click();
    await b.page.locator('#restore-file').setInputFiles(`${OUT}/device-a.keyuan`);
    await b.page.locator('#restore-password').fill(password);
    await b.page.getByRole('button', { name: '恢复', exact: true }).click();
    await b.page.locator('.user-pick').getByRole('button', { name: '王老师' }).click();
    await b.page.waitForURL(/#\/w\/[a-z0-9]+$/);
    const wsB = b.page.url().split('#/w/')[1];
    await goto(b.page, wsB, oppPath);
    await b.page.getByRole('heading', { name: '生产管理系统' }).waitFor();
    await addRecord(b.page, 'contactRecords', { date: '2026-11-05', summary: '电话跟进' });
    await goto(b.page, wsB, 'settings');
    await b.page.getByRole('tab', { name: '同步' }).click();
    const [fromB] = await Promise.all([b.page.waitForEvent('download'), b.page.getByRole('button', { name: '导出全部(备份)' }).click()]);
    await fromB.saveAs(`${OUT}/device-b.keyuan`);

    // meanwhile A completes record 3, which is valid on A; then A takes B's file in
    await goto(a.page, wsA, oppPath);
    await recordRow(a.page, 1).getByRole('button', { name: '设为完成' }).click();
    await recordRow(a.page, 1).getByText('✓ 已完成').waitFor();
    expect(await a.page.locator('.violations').count()).toBe(0);
    await goto(a.page, wsA, 'settings');
    await a.page.getByRole('tab', { name: '同步' }).click();
    await a.page.locator('[data-testid=import-file]').setInputFiles(`${OUT}/device-b.keyuan`);
    await a.page.getByText(/已合并/).waitFor();
    await goto(a.page, wsA, oppPath);
    const warning = a.page.locator('.violations');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toContain('2026-11-10 的记录已完成,但排在它前面的 2026-11-05 的记录未完成');
    // both edits are kept: three records, the middle one open, nothing repaired behind the user's back
    expect(await a.page.locator('.records-section tbody tr').count()).toBe(3);
    await expect(recordRow(a.page, 1).innerText()).resolves.toContain('电话跟进');
    await expect(recordRow(a.page, 1).getByRole('button', { name: '设为完成' }).isVisible()).resolves.toBe(true);
    // the two records involved are highlighted
    expect(await a.page.locator('.records-section tr.flagged').count()).toBe(2);
    await snap(a.page, 'sales-opportunity-violation-1280x800');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.ctx.close();
    await b.ctx.close();
  });
});
