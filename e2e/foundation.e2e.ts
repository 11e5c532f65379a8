import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/node';
import { baseUrl, createWorkspace, fill, goto, launch, newPage, OUT, pickRef, rowTexts, shot, loadSampleCompany } from './lib';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('foundation: a new user in real Chromium', () => {
  it('first run creates a workspace, names the first user and lands on the home page', async () => {
    const { ctx, page, errors } = await newPage(browser);
    await page.goto(baseUrl());
    await page.getByText('本设备上还没有工作区').waitFor();
    // an empty name is refused with a message
    await page.getByRole('button', { name: '创建工作区' }).click();
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('请填写名称');
    const id = await createWorkspace(page, '营销1班第2组', '王老师');
    expect(id).toMatch(/^[a-z0-9]{16}$/);
    await expect(page.locator('.user-chip').innerText()).resolves.toContain('系统管理员');
    await page.goto(baseUrl());
    await expect(page.locator('.ws-list').innerText()).resolves.toContain('营销1班第2组');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('creates a customer with two contacts, refuses bad input, and keeps everything after reload', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'KH001');
    await fill(page, 'name', '杭州恒远机械有限公司');
    await fill(page, 'creditLimit', '十万');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('.modal .field-error').allInnerTexts()).resolves.toContain('信用额度必须是数字');
    await fill(page, 'creditLimit', '100000');
    await fill(page, 'industry', '制造业');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'KH001' }).click();
    await page.getByRole('heading', { name: /杭州恒远机械有限公司/ }).waitFor();
    // the sections other modules add to the customer page (their UI manifests), in order
    await page.getByRole('heading', { name: '意向、商机、报价与项目' }).waitFor();
    await page.getByRole('heading', { name: '客户服务', exact: true }).waitFor();
    const h2 = await page.locator('main.content h2').allInnerTexts();
    expect(h2.indexOf('意向、商机、报价与项目')).toBeGreaterThan(h2.indexOf('联系人'));
    expect(h2.indexOf('客户服务')).toBeGreaterThan(h2.indexOf('意向、商机、报价与项目'));
    for (const [name, mobile] of [['张伟', '13800000001'], ['李娜', '13800000002']]) {
      await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).getByRole('button', { name: '+ 新增' }).click();
      await fill(page, 'name', name);
      await fill(page, 'mobile', mobile);
      await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
      await page.locator('.modal').waitFor({ state: 'detached' });
    }
    // duplicate warning on the same phone
    await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '张三');
    await fill(page, 'mobile', '138-0000-0001');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.locator('.modal .warn').innerText()).resolves.toContain('张伟');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    // make the second one primary
    await page.locator('.grid-row', { hasText: '李娜' }).click();
    await page.getByRole('button', { name: '设为主联系人' }).click();
    await shot(page, 'customer-page-1280x800');
    await page.reload();
    await page.getByRole('heading', { name: /杭州恒远机械有限公司/ }).waitFor();
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.includes('李娜'))).toContain('是');
    await expect(page.locator('dl.fields').innerText()).resolves.toContain('100,000.00');
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('an edit followed at once by a reload survives', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'KH100');
    await fill(page, 'name', '立即刷新测试公司');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.reload(); // no wait at all between the save and the reload
    await page.locator('.grid-row', { hasText: '立即刷新测试公司' }).waitFor();
    await ctx.close();
  });

  it('filters with the builder, saves the filter by name and loads it again after reload', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await loadSampleCompany(page);
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.locator('.grid-row').first().waitFor();
    const total = (await rowTexts(page)).length;
    await page.getByRole('button', { name: '过滤' }).click();
    await page.getByLabel('字段', { exact: true }).first().selectOption({ label: '地区' });
    await page.getByLabel('条件', { exact: true }).first().selectOption({ label: '等于' });
    await page.getByLabel('值', { exact: true }).first().fill('华东');
    await page.getByRole('button', { name: '添加条件' }).click();
    await page.getByLabel('字段', { exact: true }).nth(1).selectOption({ label: '客户名称' });
    // text fields offer no greater/less
    await expect(page.getByLabel('条件', { exact: true }).nth(1).locator('option').allInnerTexts()).resolves.toEqual(['包含', '等于', '不等于']);
    await page.getByLabel('值', { exact: true }).nth(1).fill('机械');
    await page.getByLabel('过滤条件名称').fill('华东机械');
    await page.getByRole('button', { name: '保存过滤条件' }).click();
    await page.getByRole('button', { name: '应用' }).click();
    const filtered = await rowTexts(page);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(total);
    for (const r of filtered) { expect(r).toContain('华东'); expect(r).toContain('机械'); }
    await shot(page, 'customers-filtered-1280x800');
    await page.reload();
    await page.locator('.grid-row').first().waitFor();
    await page.getByRole('button', { name: '过滤' }).click();
    await page.getByRole('button', { name: '华东机械' }).click();
    await page.getByRole('button', { name: '应用' }).click();
    expect(await rowTexts(page)).toEqual(filtered);

    // 查找 within the filtered rows, in one column and in any column; an edited record is found
    // by its new text at once
    const find = page.locator('input.find');
    const code = filtered[0].match(/KH\d+/)![0];
    await find.fill(code.toLowerCase());
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining(code)]);
    await page.locator('select.find-field').selectOption({ label: '客户名称' });
    await expect.poll(() => rowTexts(page)).toEqual([]);
    await page.locator('select.find-field').selectOption({ label: '客户编码' });
    await expect.poll(() => rowTexts(page)).toHaveLength(1);
    await page.locator('.grid-row').first().click();
    await page.keyboard.press('Alt+E');
    await fill(page, 'name', '华东机械查找测试有限公司');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.locator('select.find-field').selectOption({ label: '任意列' });
    await find.fill('查找测试');
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining('华东机械查找测试有限公司')]);
    await page.keyboard.press('Escape');
    await find.fill('');
    await expect.poll(async () => (await rowTexts(page)).length).toBe(filtered.length);
    await ctx.close();
  });

  it('imports a CSV with one bad row: preview shows the error, nothing is written until confirmed', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'customers');
    const csv = '\ufeff客户编码,客户名称,客户类型,行业,信用额度\nKH201,苏州联创电子有限公司,客户,信息技术,50000\nKH202,,客户,零售,abc\nKH203,无锡华光物流有限公司,代理商,物流,80000\n';
    writeFileSync(`${OUT}/import.csv`, csv);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/import.csv`);
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('2 行可以导入,1 行有错误');
    const bad = page.locator('tr.row-error');
    await expect(bad.innerText()).resolves.toContain('客户名称不能为空');
    await expect(bad.innerText()).resolves.toContain('信用额度必须是数字');
    await shot(page, 'import-preview-1280x800');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    expect(await page.locator('.grid-row').count()).toBe(0); // cancelled: nothing written
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/import.csv`);
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.grid-row').first().waitFor();
    const rows = await rowTexts(page);
    expect(rows).toHaveLength(2);
    expect(rows.join('\n')).toContain('无锡华光物流有限公司');
    expect(rows.join('\n')).toContain('代理商');
    await ctx.close();
  });

  it('imports a GBK CSV (detected) and an .xlsx; an unclosed quote is refused with its line; the template and the export are safe to open', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'customers');
    // what Excel on a Chinese Windows saves: GBK bytes of
    // 客户编码,客户名称,客户类型,行业 / KH301,常州金坛纺织有限公司,客户,物流 / KH302,徐州恒昌机械有限公司,客户,零售
    const gbk = 'bfcdbba7b1e0c2eb2cbfcdbba7c3fbb3c62cbfcdbba7c0e0d0cd2cd0d0d2b50d0a4b483330312cb3a3d6ddbdf0ccb3b7c4d6afd3d0cfdeb9abcbbe2cbfcdbba72cceefc1f70d0a4b483330322cd0ecd6ddbae3b2fdbbfad0b5d3d0cfdeb9abcbbe2cbfcdbba72cc1e3cadb0d0a';
    writeFileSync(`${OUT}/import-gbk.csv`, Buffer.from(gbk, 'hex'));
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/import-gbk.csv`);
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('2 行可以导入,0 行有错误');
    await expect(page.locator('.import-read-as').innerText()).resolves.toContain('GBK');
    // the preview shows what the list will show (the dictionary's label), not the stored code
    await expect(page.locator('table.preview tbody').innerText()).resolves.toContain('物流');
    await shot(page, 'import-gbk-1280x800');
    await page.getByRole('button', { name: '导入 2 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => rowTexts(page)).toEqual(expect.arrayContaining([expect.stringContaining('常州金坛纺织有限公司')]));

    // an .xlsx workbook (first sheet), numbers as numbers
    const xlsx = await writeXlsxFile([
      [{ value: '客户编码' }, { value: '客户名称' }, { value: '客户类型' }, { value: '信用额度' }],
      [{ value: 'KH303' }, { value: '=HYPERLINK("http://evil","点我")' }, { value: '客户' }, { value: 120000 }],
    ]).toBuffer();
    writeFileSync(`${OUT}/import.xlsx`, xlsx);
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/import.xlsx`);
    await expect(page.locator('.import-summary').innerText()).resolves.toBe('1 行可以导入,0 行有错误');
    await expect(page.locator('.import-read-as').innerText()).resolves.toContain('Excel');
    await page.getByRole('button', { name: '导入 1 行' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await expect.poll(() => rowTexts(page)).toEqual(expect.arrayContaining([expect.stringContaining('KH303')]));

    // a quote never closed on line 3 is refused with that line; nothing is previewed
    writeFileSync(`${OUT}/import-quote.csv`, '客户编码,客户名称\nKH304,甲公司\nKH305,"乙公司\nKH306,丙公司\n');
    await page.getByRole('button', { name: '导入' }).click();
    await page.locator('.modal input[type=file]').setInputFiles(`${OUT}/import-quote.csv`);
    await expect(page.locator('.modal [role=alert]').innerText()).resolves.toContain('第 3 行有一个没有闭合的引号');
    expect(await page.locator('.import-summary').count()).toBe(0);

    // the template: the header row in the user's language
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
    const header = readFileSync(await template.path(), 'utf8').replace(/^\ufeff/, '').split('\r\n')[0];
    expect(header.split(',')).toEqual(expect.arrayContaining(['客户编码', '客户名称', '客户类型']));
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();

    // the export: the formula-like name is written as text ('=…), never as a formula
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出' }).click()]);
    const csv = readFileSync(await exported.path(), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    await ctx.close();
  });

  it('the side navigation (built from the UI manifests) keeps its groups, order and labels, and every entry opens its page', async () => {
    const { ctx, page, errors } = await newPage(browser);
    await createWorkspace(page);
    const groups = await page.locator('.sidebar .nav-group').evaluateAll((els) => els.map((g) => [
      g.querySelector('.nav-group-title')?.textContent ?? '',
      [...g.querySelectorAll('a.nav-item')].map((a) => `${(a.getAttribute('href') ?? '').replace(/^.*\/w\/[^/]+/, '') || '/'} ${a.textContent}`),
    ]));
    expect(groups).toEqual([
      ['', ['/ 我的工作台']],
      ['客户管理', ['/customers 客户档案', '/contacts 联系人', '/competitors 竞争对手']],
      ['市场管理', ['/marketing/activities 市场活动', '/marketing/tasks 市场任务', '/marketing/analysis 市场分析', '/surveys 调查活动', '/surveys/templates 问卷模板']],
      ['销售管理', ['/leads 意向', '/opportunities 商机', '/quotes 报价单', '/approvals 审批箱', '/projects 项目', '/products 产品', '/discounts 折扣', '/sales-modes 销售模式与阶段']],
      ['订单管理', ['/orders 订单', '/contracts 合同', '/deliveries 发货单', '/returns 退货单']],
      ['财务', ['/finance/receipts 收款单', '/finance/payments 付款单', '/finance/expenses 费用', '/finance/arrears 欠款查询', '/finance/dunning 催款提醒', '/finance/pyramid 客户价值金字塔']],
      ['客户服务', ['/service/records 服务记录', '/service/complaints 投诉处理', '/service/knowledge 知识库', '/service/analysis 客户服务分析']],
      ['销售过程', ['/pipeline 销售看板', '/activities 活动/销售任务', '/plans 销售计划', '/quota 销售配额助手']],
      ['员工中心', ['/office/reminders 提醒中心', '/office/calendar 日历', '/office/plans 工作计划/总结', '/office/announcements 公告']],
      ['分析决策', ['/analysis/funnel 销售漏斗', '/analysis/forecast 销售预测', '/analysis/opportunities 客户机会分析', '/analysis/projects 客户项目分析', '/analysis/quotes 商品报价明细', '/analysis/customers 客户分析']],
      ['课堂', ['/lab 实验指导', '/class 班级看板']],
      ['系统', ['/org 企业设置', '/settings 系统设置', '/bin 回收站']],
    ]);
    // each entry loads its (lazy) page: it becomes the active entry and the page shows a heading
    for (const link of await page.locator('.sidebar a.nav-item[href*="/w/"]').all()) {
      await link.click();
      await page.locator('.sidebar a.nav-item.active').filter({ hasText: (await link.innerText()).trim() }).waitFor();
      await page.locator('main.content h1, main.content h2').first().waitFor();
    }
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('switches language to English and back, with no Chinese left in the shell', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'customers');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    const nav = await page.locator('.sidebar').innerText();
    expect(nav).toContain('Recycle bin');
    expect(nav.replace('营销1班第2组', '')).not.toMatch(/[\u4e00-\u9fff]/);
    await expect(page.locator('.grid-head').innerText()).resolves.toContain('Name');
    await shot(page, 'customers-english-1280x800');
    // from the first render on, the shell is in English: nothing shows in Chinese first (the
    // English table is a chunk of its own, loaded before the first render when it is the choice)
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { zhSeen: string[] }).zhSeen = seen;
      new MutationObserver(() => {
        const app = document.getElementById('app');
        const shell = app?.querySelector('.sidebar') ? [...app.querySelectorAll<HTMLElement>('.sidebar, main.content h1')] : app ? [app] : [];
        for (const el of shell) {
          const text = el.innerText.replace('营销1班第2组', '').replace('中文', ''); // data, and the switch back
          if (/[\u4e00-\u9fff]/.test(text)) seen.push(text);
        }
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.getByRole('heading', { name: 'Customers' }).waitFor(); // the choice persists
    expect(await page.evaluate(() => (window as unknown as { zhSeen: string[] }).zhSeen)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await ctx.close();
  });

  it('a read-only role cannot edit customers or contacts', async () => {
    const { ctx, page } = await newPage(browser);
    const id = await createWorkspace(page);
    await goto(page, id, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '赵访客');
    await pickRef(page, 'roleId', '只读访客');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'KH300');
    await fill(page, 'name', '只读测试客户');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    // change user (更改用户)
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: /赵访客/ }).click();
    await page.locator('.user-chip', { hasText: '只读访客' }).waitFor();
    expect(await page.getByRole('button', { name: '+ 新增' }).isDisabled()).toBe(true);
    await page.keyboard.press('Alt+A');
    expect(await page.locator('.modal').count()).toBe(0);
    await page.keyboard.press('Alt+E');
    expect(await page.locator('.modal').count()).toBe(0);
    // double-click opens the record read-only instead of the edit form
    await page.locator('.grid-row').first().dblclick();
    await page.getByRole('heading', { name: /只读测试客户/ }).waitFor();
    expect(await page.getByRole('button', { name: '编辑' }).first().isDisabled()).toBe(true);
    expect(await page.locator('.card').filter({ has: page.locator('h2', { hasText: /^联系人$/ }) }).getByRole('button', { name: '+ 新增' }).isDisabled()).toBe(true);
    await shot(page, 'readonly-1280x800');
    await ctx.close();
  });

  it('a rep whose role sees only their own records (数据范围: 本人) sees their customers and those customers\' contacts', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, '数据范围', '王老师');
    await goto(page, id, 'org');
    await page.getByRole('tab', { name: '用户' }).click();
    await page.locator('.tab-panel').getByRole('button', { name: '+ 新增' }).click();
    await fill(page, 'name', '孙业务');
    await pickRef(page, 'roleId', '业务员');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    for (const [code, name, owner] of [['KH401', '王老师的客户', ''], ['KH402', '孙业务的客户', '孙业务']]) {
      await page.keyboard.press('Alt+A');
      await fill(page, 'code', code);
      await fill(page, 'name', name);
      if (owner) await pickRef(page, 'ownerId', owner);
      await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
      await page.locator('.modal').waitFor({ state: 'detached' });
    }
    await goto(page, id, 'contacts');
    await page.getByRole('heading', { name: '联系人' }).waitFor();
    for (const [name, customer] of [['甲联系人', '王老师的客户'], ['乙联系人', '孙业务的客户']]) {
      await page.getByRole('button', { name: '+ 新增' }).first().click();
      await fill(page, 'name', name);
      await pickRef(page, 'customerId', customer);
      await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
      await page.locator('.modal').waitFor({ state: 'detached' });
    }
    expect(await rowTexts(page)).toHaveLength(2);
    await goto(page, id, 'customers');
    await page.getByRole('link', { name: 'KH401', exact: true }).click();
    await page.getByRole('heading', { name: /王老师的客户/ }).waitFor();
    const othersCustomer = page.url();
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: /孙业务/ }).click();
    await page.getByText('该记录不在您的数据范围内').waitFor();
    await page.goto(othersCustomer.replace(/customers\/.*$/, 'contacts'));
    await page.getByRole('heading', { name: '联系人' }).waitFor();
    await page.locator('.user-chip', { hasText: '业务员' }).waitFor();
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining('乙联系人')]);
    // a new contact's customer picker offers only the customers the rep sees
    await page.getByRole('button', { name: '+ 新增' }).first().click();
    await page.locator('.modal #f-customerId').fill('的客户');
    await page.locator('.modal .ref-options li', { hasText: '孙业务的客户' }).waitFor();
    expect(await page.locator('.modal .ref-options li').allInnerTexts()).not.toContain('王老师的客户');
    await page.locator('.modal').getByRole('button', { name: '取消' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    await goto(page, id, 'customers');
    await page.getByRole('heading', { name: '客户档案' }).waitFor();
    await expect.poll(() => rowTexts(page)).toEqual([expect.stringContaining('KH402')]);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a local PIN (更改密码) guards opening the workspace and changing to that user', async () => {
    const { ctx, page, errors } = await newPage(browser);
    const id = await createWorkspace(page, 'PIN 测试', '钱老师');
    await page.locator('.user-chip').click();
    await page.getByRole('button', { name: '更改密码(本机 PIN)…' }).click();
    const boxes = page.locator('.pin-form input');
    await boxes.nth(0).fill('12');
    await boxes.nth(1).fill('12');
    await page.locator('.pin-form').getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: 'PIN 须为 4–8 位数字' }).waitFor();
    await boxes.nth(0).fill('2468');
    await boxes.nth(1).fill('2468');
    await page.locator('.pin-form').getByRole('button', { name: '保存' }).click();
    await page.locator('.modal').waitFor({ state: 'detached' });
    // the same tab stays unlocked; a new tab asks for the PIN before showing anything
    const tab = await ctx.newPage();
    await tab.goto(`${baseUrl()}#/w/${id}/customers`);
    await tab.locator('.pin-gate').getByText('请输入 钱老师 的 PIN').waitFor();
    expect(await tab.locator('.record-list').count()).toBe(0);
    await tab.locator('.pin-gate input').fill('1111');
    await tab.getByRole('button', { name: '解锁' }).click();
    await tab.locator('.pin-gate .field-error', { hasText: 'PIN 不正确' }).waitFor();
    await shot(tab, 'pin-gate-1280x800');
    await tab.locator('.pin-gate input').fill('2468');
    await tab.getByRole('button', { name: '解锁' }).click();
    await tab.locator('.record-list').waitFor();
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('works with the network off after the service worker installed the app', async () => {
    const { ctx, page } = await newPage(browser, undefined, { serviceWorker: true });
    const id = await createWorkspace(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await ctx.setOffline(true);
    await page.reload();

    await page.getByText('您好,王老师').waitFor();
    // Chromium's offline emulation does not reach navigator.onLine of a page reloaded under it (the
    // network requests do fail): set it again, as a device without network would report from the start
    await ctx.setOffline(false);
    await ctx.setOffline(true);
    await page.locator('.sync-chip', { hasText: '离线 — 修改已保存在本设备' }).waitFor(); // the status says so honestly
    await goto(page, id, 'customers');
    await page.locator('.record-list').waitFor();
    await page.keyboard.press('Alt+A');
    await fill(page, 'code', 'KH400');
    await fill(page, 'name', '离线录入客户');
    await page.locator('.modal').getByRole('button', { name: '保存', exact: true }).click();
    await page.reload();
    await page.locator('.grid-row', { hasText: '离线录入客户' }).waitFor();
    const manifest = await page.evaluate(async () => (await fetch('./manifest.webmanifest')).json());
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(['192x192', '512x512', '512x512']);
    await ctx.close();
  });
});
